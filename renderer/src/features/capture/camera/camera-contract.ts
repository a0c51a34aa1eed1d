// The camera's calls to main, behind small functions (renderer). main/devices/camera/camera-schemas.ts
// adds `deviceId` and `requestId` to `camera.submitStill`, a `camera.reportState` channel and a
// `camera.captureRequested` event; until the lead moves them into preload/contract, only what the
// contract has today is sent and the rest waits here, one line each to switch on.
import type { ImageLight, ImageSide } from '../../../../../preload/contract';
import type { Bridge } from '../../../bridge';

export type CameraReport = 'ready' | 'no-camera' | 'permission-denied' | 'in-use' | 'failed';
export type StillRequest = { deviceId: string; side: ImageSide; light: ImageLight; jpegBase64: string; requestId?: string };
export type CaptureRequest = { deviceId: string; side: ImageSide; light: ImageLight; requestId: string; expiresAt: number };

export async function submitStill(bridge: Bridge, still: StillRequest): Promise<void> {
  await bridge.invoke('camera.submitStill', { side: still.side, light: still.light, jpegBase64: still.jpegBase64 });
}

/** Tells main what the renderer found when it opened the camera (waits for `camera.reportState`). */
export async function reportCameraState(_bridge: Bridge, _deviceId: string, _state: CameraReport): Promise<void> {}

/** Main asking for a still (a Scan button, "test this reader"); waits for `camera.captureRequested`. */
export function onCaptureRequested(_bridge: Bridge, _listener: (request: CaptureRequest) => void): () => void {
  return () => undefined;
}
