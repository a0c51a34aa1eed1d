// The contract's reader and camera channels (devices.*, camera.*) over the device service. Thin:
// the dispatcher has validated every payload against preload/contract/devices.ts and camera.ts.
// Runs in main.
import type { Dispatcher } from '../dispatcher';
import type { DeviceService } from '../../capture/device-service';

export function registerDeviceHandlers(dispatcher: Dispatcher, devices: DeviceService): void {
  dispatcher.handle('devices.list', () => devices.list());
  dispatcher.handle('devices.detect', () => devices.detect());
  dispatcher.handle('devices.test', ({ id }) => devices.test(id));
  dispatcher.handle('devices.trigger', ({ id }) => devices.trigger(id));
  dispatcher.handle('camera.submitStill', (still) => devices.submitStill(still));
  dispatcher.handle('camera.reportState', (report) => devices.reportCameraState(report));
}
