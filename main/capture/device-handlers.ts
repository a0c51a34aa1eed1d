// The contract's reader channels (devices.*, camera.submitStill) over the device service. Thin:
// the dispatcher has validated every payload against preload/contract/devices.ts. Runs in main.
import type { Dispatcher } from '../app/dispatcher';
import type { DeviceService } from './device-service';

export function registerDeviceHandlers(dispatcher: Dispatcher, devices: DeviceService): void {
  dispatcher.handle('devices.list', () => devices.list());
  dispatcher.handle('devices.detect', () => devices.detect());
  dispatcher.handle('devices.test', ({ id }) => devices.test(id));
  dispatcher.handle('devices.trigger', ({ id }) => devices.trigger(id));
  dispatcher.handle('camera.submitStill', (still) => devices.submitStill(still));
}
