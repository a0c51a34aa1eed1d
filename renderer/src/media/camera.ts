// Webcam helpers for desks without a reader (renderer): list cameras, open one at a resolution,
// take a still as JPEG base64 for `camera.submitStill`, and name why a camera could not be used.
import { blobToBase64 } from './base64';

export type CameraChoice = { deviceId: string; label: string };
export type Resolution = { id: string; width: number; height: number };
export type CameraProblem = 'unsupported' | 'permission-denied' | 'no-camera' | 'in-use' | 'resolution' | 'failed';

/** Offered resolutions: documents need detail, so the highest the camera gives is first. */
export const resolutions: Resolution[] = [
  { id: '4k', width: 3840, height: 2160 },
  { id: '1080p', width: 1920, height: 1080 },
  { id: '720p', width: 1280, height: 720 },
];

/** JPEG quality for stills: high enough that text stays sharp for the quality checks and TrustID. */
export const STILL_QUALITY = 0.92;

export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(readonly problem: CameraProblem) {
    super(problem);
  }
}

/** Maps a getUserMedia/enumerateDevices failure to what staff are told. */
export function cameraProblem(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'OverconstrainedError':
      return 'resolution';
    default:
      return 'failed';
  }
}

function media(): MediaDevices {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia || !devices.enumerateDevices) throw new CameraError('unsupported');
  return devices;
}

/** Cameras with labels; labels are empty until permission is given, so unnamed ones get a number. */
export async function listCameras(): Promise<CameraChoice[]> {
  const all = await media().enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `#${i + 1}` }));
}

export async function openCamera(deviceId: string | null, resolution: Resolution): Promise<MediaStream> {
  return media().getUserMedia({
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      width: { ideal: resolution.width },
      height: { ideal: resolution.height },
    },
  });
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Grabs the current frame of a playing video as a JPEG, base64 (no data: prefix). */
export async function captureStill(video: HTMLVideoElement, canvas: HTMLCanvasElement = document.createElement('canvas')): Promise<{ jpegBase64: string; width: number; height: number }> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new CameraError('failed');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new CameraError('failed');
  ctx.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', STILL_QUALITY));
  // The canvas held the visitor's document: clear it before it is dropped.
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new CameraError('failed');
  return { jpegBase64: await blobToBase64(blob), width, height };
}
