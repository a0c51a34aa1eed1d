// The renderer's copy of the admin settings view: fetched again when settings change (the event
// carries only the public part), and forgotten when admin rights end (issue 12 §1).
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../../renderer/src/bridge/bridge';
import { loadSettings, startSettingsSync, useSettingsStore } from '../../../../renderer/src/stores/settings-store';
import { fakeBridge } from '../../../fakes/fake-bridge';

const view = (language: 'en' | 'cy') => ({ settings: { language }, secrets: {}, file: { path: '/x/settings.json', problem: null }, secretStorage: { available: true, reason: '' } });
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => useSettingsStore.setState({ view: null, loadError: null }));

describe('settings store', () => {
  it('does not fetch the admin view for a window that never opened settings', async () => {
    const bridge = fakeBridge({ 'settings.get': view('en') });
    startSettingsSync(bridge);
    bridge.emit('settings.changed', { language: 'cy', kiosk: { fullscreen: false, idleTimeoutSeconds: 180 }, accountMode: 'shared' });
    await flush();
    expect(bridge.calls.filter(([c]) => c === 'settings.get')).toEqual([]);
    expect(useSettingsStore.getState().view).toBeNull();
  });

  it('fetches the view again when settings change while it is open', async () => {
    const bridge = fakeBridge({ 'settings.get': view('en') });
    startSettingsSync(bridge);
    await loadSettings(bridge);
    bridge.answers['settings.get'] = view('cy');
    bridge.emit('settings.changed', { language: 'cy', kiosk: { fullscreen: false, idleTimeoutSeconds: 180 }, accountMode: 'shared' });
    await flush();
    expect(useSettingsStore.getState().view?.settings.language).toBe('cy');
  });

  it('forgets the view when admin rights end, or when main refuses it', async () => {
    const bridge = fakeBridge({ 'settings.get': view('en') });
    startSettingsSync(bridge);
    await loadSettings(bridge);
    bridge.emit('session.changed', { state: 'signed-out', admin: false });
    expect(useSettingsStore.getState().view).toBeNull();
    await loadSettings(bridge);
    bridge.answers['settings.get'] = new BridgeError('session.admin-required', 'This needs administrator rights.');
    await loadSettings(bridge);
    expect(useSettingsStore.getState()).toMatchObject({ view: null, loadError: 'This needs administrator rights.' });
  });
});
