import { describe, expect, it } from 'vitest';
import { capabilitiesOf, contractDeviceView, preferredDevice } from '../../../../main/capture/device-view';
import { simulatedReaderPlugin } from '../../../../main/demo/simulated-reader/simulated-reader-plugin';
import { DeviceSettings } from '../../../../main/devices/device-settings';

const configs = DeviceSettings.parse({
  devices: [
    { id: 'mrz', label: 'MRZ reader', kind: 'serial', options: { path: '/dev/ttyACM0' } },
    { id: 'mrz-button', label: 'MRZ reader with button', kind: 'serial', options: { path: '/dev/ttyACM1', triggerString: 'R' } },
    { id: 'demo', label: 'Demo', kind: 'simulated', options: {} },
    { id: 'demo-mrz', label: 'Demo MRZ only', kind: 'simulated', options: { sides: [], lights: [] } },
    { id: 'flatbed', label: 'Flatbed', kind: 'sane', options: {} },
    { id: 'duplex', label: 'Feeder', kind: 'sane', options: { source: 'adf-duplex', light: 'white' } },
    { id: 'vendor', label: 'Vendor software', kind: 'hot-folder', options: { folder: '/srv/scans' } },
    { id: 'cam', label: 'Camera', kind: 'camera', options: {} },
  ],
}).devices;
const simulated = simulatedReaderPlugin({ resourcesDir: '/nowhere', today: () => '2026-05-01' });
const caps = (id: string) => capabilitiesOf(configs.find((c) => c.id === id)!, simulated);

describe('device capabilities', () => {
  it('says what each kind of reader delivers, from its settings', () => {
    expect(caps('mrz')).toEqual({ mrz: true, sides: [], lights: [], trigger: false });
    expect(caps('mrz-button').trigger).toBe(true);
    expect(caps('demo')).toEqual({ mrz: true, sides: ['front', 'back'], lights: ['white', 'ir', 'uv'], trigger: true });
    expect(caps('demo-mrz')).toMatchObject({ sides: [], lights: [] });
    expect(caps('flatbed')).toEqual({ mrz: false, sides: ['front'], lights: ['white'], trigger: true });
    expect(caps('duplex').sides).toEqual(['front', 'back']);
    expect(caps('vendor')).toEqual({ mrz: false, sides: ['front', 'back'], lights: ['white'], trigger: false });
    expect(caps('cam')).toEqual({ mrz: false, sides: ['front', 'back'], lights: ['white'], trigger: false });
  });

  it('gives a simulated device nothing to deliver when no plug-in serves it (outside the app, demo is not wired)', () => {
    expect(capabilitiesOf(configs.find((c) => c.id === 'demo')!)).toEqual({ mrz: false, sides: [], lights: [], trigger: false });
  });

  it('shows the status in plain words, and an error with its code and fix', () => {
    const base = { id: 'mrz', kind: 'serial' as const, label: 'MRZ reader', enabled: true, lastError: null, reconnect: null, canTrigger: false };
    const config = configs[0];
    expect(contractDeviceView({ ...base, status: { state: 'ready' } }, config).status).toEqual({ state: 'ready', code: null, message: 'Ready.' });
    expect(contractDeviceView({ ...base, status: { state: 'ready', detail: 'simulated reader' } }, config).status.message).toBe('Simulated reader.');
    expect(contractDeviceView({ ...base, status: { state: 'error', code: 'reader.port-busy', message: 'In use. Close the other program.' } }, config).status).toEqual({
      state: 'error',
      code: 'reader.port-busy',
      message: 'In use. Close the other program.',
    });
  });

  it('prefers a reader that is reading or ready over one that is not, keeping the configured order otherwise', () => {
    const v = (id: string, state: 'ready' | 'error' | 'offline' | 'reading') => ({ id, status: { state, code: null, message: '' } });
    expect(preferredDevice([v('a', 'error'), v('b', 'ready'), v('c', 'ready')])?.id).toBe('b');
    expect(preferredDevice([v('a', 'ready'), v('b', 'reading')])?.id).toBe('b');
    expect(preferredDevice([])).toBeNull();
  });
});
