// The camera: the renderer owns the webcam (getUserMedia), sends still JPEGs to main and says what
// it found when it opened it; main asks it for a still (a Scan button, "test this reader"). Strict
// payloads. Runtime-agnostic.
import { z } from 'zod';
import { DeviceId, ImageLight, ImageSide } from './devices';

/** Largest still accepted (a 4K JPEG at high quality is 3–6 MB). */
export const maxStillBytes = 15 * 1024 * 1024;

/** Names a still request from main; the still that answers it echoes the id. */
const RequestId = z.string().min(1).max(64);

/**
 * A still from the renderer. Base64, because the Chromium shell's WebSocket carries JSON text; the
 * schema checks the alphabet and size only — main decodes and checks the picture itself.
 */
export const CameraStill = z.strictObject({
  deviceId: DeviceId,
  side: ImageSide,
  light: ImageLight,
  jpegBase64: z.base64().min(4).max(Math.ceil(maxStillBytes / 3) * 4),
  requestId: RequestId.optional(),
});
export type CameraStill = z.infer<typeof CameraStill>;

/** `ready` when the capture screen has the camera open, `closed` when it lets it go; the rest say why not. */
export const CameraReport = z.enum(['ready', 'closed', 'no-camera', 'permission-denied', 'in-use', 'failed']);
export type CameraReport = z.infer<typeof CameraReport>;

/** What the renderer found when it tried the camera. */
export const CameraState = z.strictObject({ deviceId: DeviceId, state: CameraReport });
export type CameraState = z.infer<typeof CameraState>;

/** Main asks the renderer for a still. */
export const CameraCaptureRequest = z.strictObject({
  deviceId: DeviceId,
  side: ImageSide,
  light: ImageLight,
  requestId: RequestId,
  /** Epoch ms after which the request is stale: the event hub replays the last event to late joiners. */
  expiresAt: z.number().int(),
});
export type CameraCaptureRequest = z.infer<typeof CameraCaptureRequest>;

export const cameraInvoke = {
  'camera.submitStill': { req: CameraStill, res: z.void() },
  'camera.reportState': { req: CameraState, res: z.void() },
} as const;

export const cameraEvents = {
  'camera.captureRequested': CameraCaptureRequest,
} as const;
