// Which reader a capture uses, and the mirror of main's device list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeDevice, startDevicesSync, useDevicesStore } from '../../../../renderer/src/stores/devices-store';
import { fakeBridge } from '../../../fakes/fake-bridge';
import { reader } from '../features/capture/capture-fixtures';

afterEach(() => useDevicesStore.setState({ devices: [], loaded: false, error: null }));

describe('devices store', () => {
  it('prefers a reader that is reading or ready over one that is offline or failing', () => {
    const offline = reader({ id: 'a', status: { state: 'offline', code: null, message: '' } });
    const failing = reader({ id: 'b', status: { state: 'error', code: 'reader.port-busy', message: 'In use.' } });
    const ready = reader({ id: 'c' });
    expect(activeDevice([offline, failing, ready])?.id).toBe('c');
    expect(activeDevice([offline, failing])?.id).toBe('b');
    expect(activeDevice([])).toBeNull();
  });

  it('loads the list, follows devices.changed, and stops following when asked', async () => {
    const bridge = fakeBridge({ 'devices.list': [reader({ id: 'first' })] });
    const stop = startDevicesSync(bridge);
    await vi.waitFor(() => expect(useDevicesStore.getState().devices.map((d) => d.id)).toEqual(['first']));
    bridge.emit('devices.changed', [reader({ id: 'second' })]);
    expect(useDevicesStore.getState().devices.map((d) => d.id)).toEqual(['second']);
    stop();
    bridge.emit('devices.changed', []);
    expect(useDevicesStore.getState().devices).toHaveLength(1);
  });

  it('keeps main’s message when the list cannot be read', async () => {
    startDevicesSync(fakeBridge({}));
    await vi.waitFor(() => expect(useDevicesStore.getState()).toMatchObject({ loaded: true, error: 'Not connected to Scan Station.' }));
  });
});
