// settings.update checks each reader's options with its driver's schema before anything is saved:
// an option a driver does not know is refused, not dropped (the demo reader's too).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../main/app-error';
import { createDispatcher } from '../../../../../main/app/dispatcher';
import { registerSettingsHandlers } from '../../../../../main/app/handlers/settings-handlers';
import type { SettingsService } from '../../../../../main/app/settings-service';
import { silentLogger } from '../../../../../main/logging/logger';

function rig() {
  const saved: unknown[] = [];
  // Saving answers with a marker code, so a test sees the patch got past the checks to the save.
  const save = (patch: unknown) => {
    saved.push(patch);
    throw new AppError('test.saved', 'Saved.');
  };
  const settings = { update: save } as unknown as SettingsService;
  const dispatcher = createDispatcher(silentLogger());
  registerSettingsHandlers(dispatcher, settings, silentLogger());
  const update = (devices: unknown[]) => dispatcher.dispatch('settings.update', { devices }, { transport: 'test', clientId: 't' });
  return { saved, update };
}

const reader = (kind: string, options: object) => ({ id: 'r1', kind, label: 'Reader', enabled: true, options });

describe('settings handlers', () => {
  it('refuses a reader option its driver does not know, and saves nothing', async () => {
    const { saved, update } = rig();
    for (const bad of [reader('serial', { path: '/dev/ttyACM0', baudRate: 9600 }), reader('camera', { widht: 1920 }), reader('simulated', { intervalMs: null, sped: 2 })]) {
      expect(await update([bad]), bad.kind).toMatchObject({ ok: false, code: 'settings.invalid-reader', message: expect.stringMatching(/^A reader setting is not valid \(devices\.0\.options/) });
    }
    expect(saved).toEqual([]);
  });

  it('saves readers whose options their drivers accept', async () => {
    const { saved, update } = rig();
    expect(await update([reader('simulated', { intervalMs: null })])).toMatchObject({ ok: false, code: 'test.saved' });
    expect(await update([reader('serial', { path: '/dev/ttyACM0', line: { baudRate: 19200 } })])).toMatchObject({ ok: false, code: 'test.saved' });
    expect(saved).toHaveLength(2);
  });
});
