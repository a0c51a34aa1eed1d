// The device channels' payloads: what a valid one looks like, and that a key the contract does not
// name is refused (strict), in requests, responses and the devices.changed event.
import { describe, expect, it } from 'vitest';
import { DetectedDevices, DeviceTestResult, DeviceView, devicesEvents, devicesInvoke } from '../../../../preload/contract/devices';

const view = {
  id: 'desk-reader',
  kind: 'serial',
  label: 'Desk reader',
  status: { state: 'ready', code: null, message: 'Ready.' },
  capabilities: { mrz: true, sides: [], lights: [], trigger: false },
};

describe('devices contract', () => {
  it('accepts the payloads main and the renderer send', () => {
    expect(devicesInvoke['devices.test'].req.parse({ id: 'desk-reader' })).toEqual({ id: 'desk-reader' });
    expect(devicesInvoke['devices.trigger'].req.parse({})).toEqual({});
    expect(devicesEvents['devices.changed'].parse([view])).toEqual([view]);
    expect(DeviceTestResult.parse({ ok: true, message: 'Read a TD3 MRZ.' })).toEqual({ ok: true, message: 'Read a TD3 MRZ.' });
  });

  it('refuses unknown keys in every request, response and event payload', () => {
    const extra = { sneaky: 1 };
    expect(devicesInvoke['devices.test'].req.safeParse({ id: 'r1', ...extra }).success).toBe(false);
    expect(devicesInvoke['devices.trigger'].req.safeParse({ id: 'r1', ...extra }).success).toBe(false);
    expect(DeviceView.safeParse({ ...view, ...extra }).success).toBe(false);
    expect(DeviceView.safeParse({ ...view, status: { ...view.status, ...extra } }).success).toBe(false);
    expect(DeviceView.safeParse({ ...view, capabilities: { ...view.capabilities, ...extra } }).success).toBe(false);
    expect(DeviceTestResult.safeParse({ ok: true, message: '', ...extra }).success).toBe(false);
    const port = { path: '/dev/ttyACM0', vendorId: null, productId: null, manufacturer: null, knownReader: null };
    expect(DetectedDevices.safeParse({ serialPorts: [port], scanners: [] }).success).toBe(true);
    expect(DetectedDevices.safeParse({ serialPorts: [{ ...port, ...extra }], scanners: [] }).success).toBe(false);
    expect(DetectedDevices.safeParse({ serialPorts: [], scanners: [{ name: 'a', label: 'b', ...extra }] }).success).toBe(false);
    expect(DetectedDevices.safeParse({ serialPorts: [], scanners: [], ...extra }).success).toBe(false);
  });

  it('refuses a device id that is not one settings could hold', () => {
    for (const id of ['../etc', 'Desk', '', 'a'.repeat(41)]) expect(devicesInvoke['devices.test'].req.safeParse({ id }).success, id).toBe(false);
  });
});
