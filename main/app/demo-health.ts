// Health of the demo parts. The emulator and simulated reader arrive with their own issues; until
// they are wired in, demo mode says plainly that they are absent. Pure.
import type { HealthComponent, Mode } from '../../preload/contract';

export function demoHealth(mode: Mode): HealthComponent[] {
  if (mode !== 'demo') {
    return [{ id: 'trustid', state: 'absent', message: 'The TrustID connection is not part of this version yet.' }];
  }
  return [
    { id: 'demo-emulator', state: 'absent', message: 'The TrustID demo emulator is not part of this version yet, so applications cannot be submitted in demo mode.' },
    { id: 'demo-reader', state: 'absent', message: 'The simulated document reader is not part of this version yet.' },
  ];
}
