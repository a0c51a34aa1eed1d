// Contract payloads of the camera (runtime-agnostic zod, no node:*): the renderer owns the webcam
// (getUserMedia) and sends still JPEGs to main; main asks it for a still. The lead moves these into
// preload/contract as they stand.
import { z } from 'zod';
import { DeviceId, ImageLightSchema, ImageSideSchema } from '../device-schemas';

/** Settings of one camera (part of DeviceSettings). */
export const CameraOptions = z.object({
  /** MediaDeviceInfo.deviceId to open; null takes the first camera (or the one matching the label). */
  preferredDeviceId: z.string().max(512).nullable().default(null),
  /** MediaDeviceInfo.label, kept because deviceIds can change between browser profiles. */
  preferredLabel: z.string().max(200).nullable().default(null),
  /** Requested capture size; a document camera at 1920 × 1080 gives an ID-1 card about 300 dpi. */
  width: z.number().int().min(640).max(7680).default(1920),
  height: z.number().int().min(480).max(4320).default(1080),
  jpegQuality: z.number().min(0.5).max(1).default(0.92),
});
export type CameraOptions = z.infer<typeof CameraOptions>;

/** Largest still accepted (a 4K JPEG at high quality is 3–6 MB). */
export const maxStillBytes = 15 * 1024 * 1024;

/**
 * A still from the renderer. Base64, because the Chromium shell's WebSocket carries JSON text; the
 * schema checks the alphabet and size only — main decodes and checks the picture itself.
 */
export const CameraStill = z.object({
  deviceId: DeviceId,
  side: ImageSideSchema,
  light: ImageLightSchema,
  jpegBase64: z.base64().min(4).max(Math.ceil(maxStillBytes / 3) * 4),
  /** Echoes camera.captureRequested's requestId when the still answers one. */
  requestId: z.string().max(64).optional(),
});
export type CameraStill = z.infer<typeof CameraStill>;

export const CameraStillAccepted = z.object({ width: z.number().int(), height: z.number().int() });

/** What the renderer found when it tried the camera. */
export const CameraState = z.object({
  deviceId: DeviceId,
  state: z.enum(['ready', 'no-camera', 'permission-denied', 'in-use', 'failed']),
});
export type CameraState = z.infer<typeof CameraState>;

/** Main asks the renderer for a still ("test this reader", a Scan button). */
export const CameraCaptureRequest = z.object({
  deviceId: DeviceId,
  side: ImageSideSchema,
  light: ImageLightSchema,
  requestId: z.string().max(64),
  /** Epoch ms after which the request is stale: the event hub replays the last event to late joiners. */
  expiresAt: z.number().int(),
});
export type CameraCaptureRequest = z.infer<typeof CameraCaptureRequest>;

export const cameraInvoke = {
  'camera.submitStill': { req: CameraStill, res: CameraStillAccepted },
  'camera.reportState': { req: CameraState, res: z.void() },
} as const;

export const cameraEvents = {
  'camera.captureRequested': CameraCaptureRequest,
} as const;
