// The capture and device handlers cover every capture.*, devices.* and camera.* channel of the
// contract, so none answers "not available".
import { describe, expect, it } from 'vitest';
import { cameraInvoke, captureInvoke, devicesInvoke } from '../../../../../preload/contract';
import { createDispatcher } from '../../../../../main/app/dispatcher';
import { registerCaptureHandlers } from '../../../../../main/app/handlers/capture-handlers';
import type { CaptureService } from '../../../../../main/capture/capture-service';
import type { DeviceService } from '../../../../../main/capture/device-service';
import { silentLogger } from '../../../../../main/logging/logger';

describe('capture handlers', () => {
  it('register a handler for each capture, device and camera channel', () => {
    const dispatcher = createDispatcher(silentLogger());
    registerCaptureHandlers(dispatcher, {} as CaptureService, {} as DeviceService);
    const ours = [...Object.keys(captureInvoke), ...Object.keys(devicesInvoke), ...Object.keys(cameraInvoke)];
    expect(ours.length).toBeGreaterThan(15);
    expect(dispatcher.unhandled().filter((c) => ours.includes(c))).toEqual([]);
  });

  it('pass the validated request on and the answer back', async () => {
    const dispatcher = createDispatcher(silentLogger());
    const calls: unknown[] = [];
    const capture = { retake: (id: string) => (calls.push(id), null) } as unknown as CaptureService;
    const devices = { trigger: async (id?: string) => void calls.push(id ?? 'preferred') } as unknown as DeviceService;
    registerCaptureHandlers(dispatcher, capture, devices);
    const ctx = { transport: 'test' as const, clientId: 't' };
    expect(await dispatcher.dispatch('devices.trigger', {}, ctx)).toEqual({ ok: true, value: undefined });
    expect(await dispatcher.dispatch('devices.trigger', { id: 'desk' }, ctx)).toEqual({ ok: true, value: undefined });
    expect(await dispatcher.dispatch('capture.retake', { imageId: '' }, ctx)).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    expect(calls).toEqual(['preferred', 'desk']);
  });
});
