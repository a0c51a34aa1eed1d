// The camera channels' payloads: stills, state reports and main's requests for a still are strict,
// and a still is checked for its alphabet and size before main decodes it.
import { describe, expect, it } from 'vitest';
import { CameraCaptureRequest, CameraState, CameraStill, cameraEvents, cameraInvoke, maxStillBytes } from '../../../../preload/contract/camera';

const still = { deviceId: 'desk-camera', side: 'front', light: 'white', jpegBase64: '/9j/4AAQ' } as const;
const request = { deviceId: 'desk-camera', side: 'front', light: 'white', requestId: 'req-1', expiresAt: 31_000 } as const;

describe('camera contract', () => {
  it('carries a still, a state report and a capture request', () => {
    expect(cameraInvoke['camera.submitStill'].req.parse({ ...still, requestId: 'req-1' })).toEqual({ ...still, requestId: 'req-1' });
    expect(cameraInvoke['camera.reportState'].req.parse({ deviceId: 'desk-camera', state: 'in-use' })).toEqual({ deviceId: 'desk-camera', state: 'in-use' });
    expect(cameraEvents['camera.captureRequested'].parse(request)).toEqual(request);
  });

  it('refuses unknown keys in every camera payload', () => {
    expect(CameraStill.safeParse({ ...still, width: 1920 }).success).toBe(false);
    expect(CameraState.safeParse({ deviceId: 'desk-camera', state: 'ready', label: 'x' }).success).toBe(false);
    expect(CameraCaptureRequest.safeParse({ ...request, extra: true }).success).toBe(false);
  });

  it('refuses stills that are not base64, too large, or for a bad device id, and unknown states', () => {
    expect(CameraStill.safeParse({ ...still, jpegBase64: 'not base64!' }).success).toBe(false);
    expect(CameraStill.safeParse({ ...still, jpegBase64: 'A'.repeat(Math.ceil(maxStillBytes / 3) * 4 + 4) }).success).toBe(false);
    expect(CameraStill.safeParse({ ...still, deviceId: '../etc' }).success).toBe(false);
    expect(CameraStill.safeParse({ ...still, requestId: '' }).success).toBe(false);
    expect(CameraState.safeParse({ deviceId: 'desk-camera', state: 'exploded' }).success).toBe(false);
  });
});
