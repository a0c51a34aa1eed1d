// The device service over the real device manager and registry: the demo reader when nothing is
// configured, capabilities and lights for the capture, the Scan button's choice of device,
// detection that survives one failing list, and camera stills without a camera.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../../preload/contract';
import { AppError } from '../../../../main/app-error';
import { createDeviceService, effectiveDeviceSettings, type DeviceService, type DeviceServiceOptions } from '../../../../main/capture/device-service';
import { simulatedReaderPlugin } from '../../../../main/demo/simulated-reader/simulated-reader-plugin';
import { DeviceSettings } from '../../../../main/devices/device-settings';
import { silentLogger } from '../../../../main/logging/logger';

const resourcesDir = fileURLToPath(new URL('../../../../resources', import.meta.url));
const services: DeviceService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

function service(settings: unknown, opts: Partial<DeviceServiceOptions> = {}): { devices: DeviceService; changes: DeviceView[][] } {
  const changes: DeviceView[][] = [];
  const devices = createDeviceService({
    settings: () => DeviceSettings.parse(settings),
    demo: false,
    resourcesDir,
    log: silentLogger(),
    simulatedReader: simulatedReaderPlugin({ resourcesDir, today: () => '2026-05-01' }),
    onDevicesChanged: (list) => changes.push(list),
    ...opts,
  });
  services.push(devices);
  return { devices, changes };
}

describe('device service', () => {
  it('uses one simulated reader in demo mode when no device is configured, and only then', () => {
    expect(effectiveDeviceSettings(DeviceSettings.parse({}), true).devices).toEqual([
      expect.objectContaining({ id: 'demo-reader', kind: 'simulated', enabled: true }),
    ]);
    expect(effectiveDeviceSettings(DeviceSettings.parse({}), false).devices).toEqual([]);
    const own = DeviceSettings.parse({ devices: [{ id: 'cam', label: 'Camera', kind: 'camera', options: {} }] });
    expect(effectiveDeviceSettings(own, true)).toBe(own);
  });

  it('reports the demo reader ready through devices.changed, with the lights the capture steps use', async () => {
    const { devices, changes } = service({}, { demo: true });
    const ready = new Promise<void>((resolve) => devices.manager.on('changed', (list) => list[0]?.status.state === 'ready' && resolve()));
    await devices.apply();
    await ready;
    expect(changes.at(-1)?.[0]).toMatchObject({ id: 'demo-reader', status: { state: 'ready' } });
    expect(devices.captureLights()).toEqual(['white', 'ir', 'uv']);
    expect(devices.mrzExpected()).toBe(true);
    expect(devices.capabilitiesOf('demo-reader')?.sides).toEqual(['front', 'back']);
    expect(devices.capabilitiesOf('nope')).toBeNull();
  });

  it('offers white light only and expects no MRZ when only a camera is set up', async () => {
    const { devices } = service({ devices: [{ id: 'cam', label: 'Camera', kind: 'camera', options: {} }] });
    await devices.apply();
    expect(devices.captureLights()).toEqual(['white']);
    expect(devices.mrzExpected()).toBe(false);
  });

  it('says plainly when there is nothing to press Scan on', async () => {
    const none = service({}).devices;
    await none.apply();
    await expect(none.trigger()).rejects.toMatchObject({ code: 'device.none', message: expect.stringMatching(/No reader is set up/) });
    const cameraOnly = service({ devices: [{ id: 'cam', label: 'Camera', kind: 'camera', options: {} }] }).devices;
    await cameraOnly.apply();
    await expect(cameraOnly.trigger()).rejects.toMatchObject({ code: 'device.none', message: expect.stringMatching(/read by themselves/) });
  });

  it('refuses a camera still when no camera is set up, and bad base64 before the driver sees it', async () => {
    const { devices } = service({ devices: [{ id: 'cam', label: 'Camera', kind: 'camera', options: {} }] });
    await expect(service({}).devices.submitStill({ deviceId: 'cam', side: 'front', light: 'white', jpegBase64: '/9j/' })).rejects.toMatchObject({ code: 'camera.none' });
    await devices.apply();
    await expect(devices.submitStill({ deviceId: 'other', side: 'front', light: 'white', jpegBase64: '/9j/' })).rejects.toMatchObject({ code: 'camera.none' });
    await expect(devices.submitStill({ deviceId: 'cam', side: 'front', light: 'white', jpegBase64: '/9j/ 4AA' })).rejects.toMatchObject({ code: 'camera.bad-image' });
  });

  it('shows what the renderer found when it opened the camera as the camera status', async () => {
    const { devices } = service({ devices: [{ id: 'cam', label: 'Camera', kind: 'camera', options: {} }] });
    await devices.apply();
    devices.reportCameraState({ deviceId: 'cam', state: 'permission-denied' });
    expect(devices.list()[0]!.status).toMatchObject({ state: 'offline', message: expect.stringMatching(/not allowed to use the camera/) });
    devices.reportCameraState({ deviceId: 'cam', state: 'ready' });
    expect(devices.list()[0]!.status.state).toBe('ready');
    expect(() => devices.reportCameraState({ deviceId: 'nope', state: 'ready' })).toThrow(expect.objectContaining({ code: 'camera.none' }));
  });

  it('shows what one list found when the other fails, and fails only when both do', async () => {
    const broken = () => Promise.reject(new AppError('scanner.scanimage-missing', 'scanimage is not installed.'));
    const ports = async () => [{ path: '/dev/ttyACM0', vendorId: '0403', knownReader: 'FTDI USB-serial adapter' }];
    const one = service({}, { listSerialPorts: ports, listScanners: broken }).devices;
    expect(await one.detect()).toEqual({
      serialPorts: [{ path: '/dev/ttyACM0', vendorId: '0403', productId: null, manufacturer: null, knownReader: 'FTDI USB-serial adapter' }],
      scanners: [],
    });
    const both = service({}, { listSerialPorts: () => Promise.reject(new Error('no udev')), listScanners: broken }).devices;
    await expect(both.detect()).rejects.toMatchObject({ code: expect.stringMatching(/^(device\.list-failed|scanner\.scanimage-missing)$/) });
  });

  it('answers a test of a device that is not configured without throwing', async () => {
    const { devices } = service({});
    await devices.apply();
    expect(await devices.test('ghost')).toEqual({ ok: false, message: expect.stringMatching(/not configured/) });
  });
});
