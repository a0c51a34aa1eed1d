// Keeps the display awake while a kiosk session is open, and only then. Runs in Electron main.
import type { PowerSaveBlocker } from 'electron';

export type KioskPower = { sessionOpened(): void; sessionClosed(): void };

export function kioskPower(blocker: PowerSaveBlocker): KioskPower {
  let id: number | null = null;
  return {
    sessionOpened() {
      if (id === null || !blocker.isStarted(id)) id = blocker.start('prevent-display-sleep');
    },
    sessionClosed() {
      if (id !== null && blocker.isStarted(id)) blocker.stop(id);
      id = null;
    },
  };
}
