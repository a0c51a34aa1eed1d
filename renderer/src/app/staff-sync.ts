// Starts the renderer's mirrors of main for the staff journey (session, queue, settings) and
// returns the function that stops them. Renderer process. Called once by App; the frame's own
// sync (app info, health) is startAppSync in stores/app-store.ts.
import type { Bridge } from '../bridge';
import { startQueueSync } from '../stores/queue-store';
import { startSessionSync } from '../stores/session-store';
import { startSettingsSync } from '../stores/settings-store';

export function startStaffSync(bridge: Bridge): () => void {
  const stops = [startSessionSync(bridge), startQueueSync(bridge), startSettingsSync(bridge)];
  return () => stops.forEach((stop) => stop());
}
