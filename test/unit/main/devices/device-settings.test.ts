import { describe, expect, it } from 'vitest';
import { DeviceSettings } from '../../../../main/devices/device-settings';

describe('device settings', () => {
  it('fills every option of a SANE scanner, hot folder and camera from defaults', () => {
    const parsed = DeviceSettings.parse({
      devices: [
        { id: 'flatbed', label: 'Flatbed', kind: 'sane' },
        { id: 'vendor', label: 'Vendor reader', kind: 'hot-folder', options: { folder: '/srv/scans' } },
        { id: 'cam', label: 'Document camera', kind: 'camera' },
        { id: 'desk', label: 'Desk reader', kind: 'serial', options: { path: '/dev/ttyACM0', line: { baudRate: 19200 } } },
      ],
    });
    expect(parsed.devices[0]).toMatchObject({ enabled: true, options: { resolution: 300, source: 'flatbed', device: null } });
    expect(parsed.devices[1]).toMatchObject({ options: { folder: '/srv/scans', pollIntervalMs: 1000, stablePolls: 2 } });
    expect(parsed.devices[2]).toMatchObject({ options: { width: 1920, height: 1080 } });
    expect(parsed.devices[3]).toMatchObject({ options: { path: '/dev/ttyACM0', line: { baudRate: 19200, dataBits: 8 }, framing: { lineEnding: 'any' } } });
  });

  it('starts with no devices', () => {
    expect(DeviceSettings.parse({})).toEqual({ devices: [] });
  });

  it('refuses two devices with one id, an unsafe id, a hot folder without a folder, and unknown kinds', () => {
    const two = { devices: [1, 2].map(() => ({ id: 'same', label: 'X', kind: 'camera' })) };
    expect(DeviceSettings.safeParse(two).error?.issues[0]?.message).toContain('share the id');
    expect(DeviceSettings.safeParse({ devices: [{ id: '../x', label: 'X', kind: 'camera' }] }).success).toBe(false);
    expect(DeviceSettings.safeParse({ devices: [{ id: 'f', label: 'X', kind: 'hot-folder' }] }).success).toBe(false);
    expect(DeviceSettings.safeParse({ devices: [{ id: 'f', label: 'X', kind: 'twain' }] }).success).toBe(false);
  });

  it('refuses settings a scanner cannot sensibly take', () => {
    const bad = (options: object) => DeviceSettings.safeParse({ devices: [{ id: 's', label: 'S', kind: 'sane', options }] }).success;
    expect(bad({ resolution: 20 })).toBe(false);
    expect(bad({ source: 'transparency' })).toBe(false);
    expect(bad({ timeoutSeconds: 0 })).toBe(false);
  });

  it('refuses an option no driver knows, for every kind, instead of dropping it', () => {
    const refused = (kind: string, options: object) => {
      const result = DeviceSettings.safeParse({ devices: [{ id: 'd', label: 'D', kind, options }] });
      return result.success ? null : result.error.issues[0]?.code;
    };
    expect(refused('sane', { resolutionn: 300 })).toBe('unrecognized_keys');
    expect(refused('hot-folder', { folder: '/srv/scans', pollMs: 10 })).toBe('unrecognized_keys');
    expect(refused('camera', { widht: 1920 })).toBe('unrecognized_keys');
    expect(refused('serial', { path: '/dev/ttyACM0', baudRate: 9600 })).toBe('unrecognized_keys');
    expect(refused('serial', { path: '/dev/ttyACM0', line: { baud: 9600 } })).toBe('unrecognized_keys');
    expect(refused('serial', { path: '/dev/ttyACM0', framing: { ending: 'cr' } })).toBe('unrecognized_keys');
    expect(DeviceSettings.safeParse({ devices: [{ id: 'd', label: 'D', kind: 'camera', colour: 'red' }] }).success).toBe(false);
    expect(DeviceSettings.safeParse({ devices: [], extra: true }).success).toBe(false);
  });
});
