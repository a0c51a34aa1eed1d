// Demo rehearsal controls over the real emulator (HTTP) and the real simulated reader.
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionOutcomeOf } from '../../../../main/app/connection-outcome';
import { createDemoControls } from '../../../../main/app/demo-controls';
import { startEmulator, type RunningEmulator } from '../../../../main/demo/emulator';
import { SimulatedReader } from '../../../../main/demo/simulated-reader/simulated-reader';
import { createTrustIdClient } from '../../../../main/trustid';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function rig() {
  const emu: RunningEmulator = await startEmulator({ port: 0 });
  const reader = new SimulatedReader({ id: 'demo-reader', specimensDir: path.resolve('resources/specimens'), today: () => '2026-12-04', sides: [], lights: [], removeAfterMs: 0 });
  await reader.start();
  cleanup.push(async () => {
    await reader.stop();
    await emu.close();
  });
  const controls = createDemoControls({ emulator: () => emu, reader: () => reader });
  const nextMrz = async () => {
    const got = new Promise<string[]>((resolve) => reader.once('mrz', (e) => resolve(e.lines)));
    await reader.trigger();
    return got;
  };
  const login = async () => {
    const user = emu.users.find((u) => u.username === 'demo.kiosk')!;
    const client = createTrustIdClient({ baseUrl: emu.origin, apiKey: emu.apiKey, credentials: () => user, deviceIdFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-demo-')), 'device-id'), timeouts: { connectMs: 2000, jsonMs: 2000 } });
    try {
      await client.login();
      return 'ok';
    } catch (error) {
      return connectionOutcomeOf(error);
    } finally {
      await client.close();
    }
  };
  return { emu, reader, controls, nextMrz, login };
}

describe('demo rehearsal controls', () => {
  it('makes the reader present another person’s document, or an expired one, at every Scan until changed', async () => {
    const { controls, nextMrz } = await rig();
    controls.set({ specimen: 'id-card' });
    expect((await nextMrz()).join('')).toContain('IC9876543');
    expect((await nextMrz()).join('')).toContain('IC9876543');
    controls.set({ specimen: 'passport', outcome: 'expired' });
    const expired = await nextMrz();
    expect(expired[1]!.slice(21, 27)).toBe('251204'); // expiry a year before the desk's day
    controls.set({ outcome: 'auto', specimen: 'alternate' });
    expect(controls.get()).toEqual({ outcome: 'auto', trustid: 'normal', specimen: 'alternate' });
  });

  it('makes TrustID unreachable and brings it back', async () => {
    const { controls, login } = await rig();
    expect(await login()).toBe('ok');
    controls.set({ trustid: 'unreachable' });
    expect(await login()).toBe('unreachable');
    controls.set({ trustid: 'normal' });
    expect(await login()).toBe('ok');
  });

  it('refuses outside demo mode', () => {
    const controls = createDemoControls({ emulator: () => null, reader: () => undefined });
    expect(() => controls.set({ outcome: 'pass' })).toThrow(expect.objectContaining({ code: 'demo.not-demo' }));
  });
});
