import { describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from '../../fakes/electron';
import { eventNames, invokeChannels } from '../../../preload/contract';

const fake = vi.hoisted(() => ({ electron: null as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../fakes/electron');
  fake.electron = createFakeElectron();
  return fake.electron;
});
await import('../../../preload/electron-preload');

describe('Electron preload', () => {
  const kiosk = () => fake.electron.contextBridge.exposed.kiosk as Record<string, (...a: unknown[]) => unknown>;

  it('exposes exactly one named method per channel and one on<Event> per event, frozen', () => {
    const names = Object.keys(kiosk()).sort();
    expect(names).toHaveLength(invokeChannels.length + eventNames.length);
    expect(names).toContain('settingsSetSecret');
    expect(names).toContain('appInfo');
    expect(names).toContain('onHealthChanged');
    expect(Object.isFrozen(kiosk())).toBe(true);
  });

  it('forwards a call to ipcRenderer.invoke on the channel, payload untouched', async () => {
    await kiosk().settingsClearSecret!({ name: 'trustid.apiKey' });
    expect(fake.electron.ipcRenderer.invoked).toContainEqual(['settings.clearSecret', { name: 'trustid.apiKey' }]);
  });

  it('delivers events until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = kiosk().onHealthChanged!((p: unknown) => seen.push(p)) as () => void;
    fake.electron.ipcRenderer.emit('event:health.changed', {}, { overall: 'ok' });
    stop();
    fake.electron.ipcRenderer.emit('event:health.changed', {}, { overall: 'down' });
    expect(seen).toEqual([{ overall: 'ok' }]);
  });
});
