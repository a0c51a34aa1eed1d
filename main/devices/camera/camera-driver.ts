// The main-process side of a webcam or document camera. The camera itself lives in the renderer
// (getUserMedia); it sends still JPEGs here through the contract, and main checks each one before
// it becomes an `image` event. Treats every still as hostile input. Runs in main (plain Node).
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { AppError } from '../../app-error';
import type { Logger } from '../../logging/logger';
import { inspectImage, type ImageLimits } from '../device-image-check';
import type { Driver, DriverEvents, DriverStatus, ImageLight, ImageSide } from '../driver';
import { maxStillBytes, type CameraCaptureRequest, type CameraReport } from '../../../preload/contract';
import type { CameraOptions } from './camera-settings';

export type CameraDriverOptions = {
  id: string;
  options: CameraOptions;
  log: Logger;
  /** Sends camera.captureRequested to the renderer; without it the camera cannot be triggered from main. */
  requestCapture?: (request: CameraCaptureRequest) => void;
  now?: () => number;
  newId?: () => string;
  limits?: Partial<ImageLimits>;
};

export type SubmittedStill = { side: ImageSide; light: ImageLight; bytes: Uint8Array };

export type CameraDriver = Driver & {
  readonly kind: 'camera';
  /** Checks a still and emits it as an `image` event; rejects with `camera.bad-image` and the reason. */
  submitStill(still: SubmittedStill): Promise<{ width: number; height: number }>;
  /** What the renderer found when it opened the camera. */
  reportState(state: CameraReport): void;
  /** Asks the capture screen for a still (front, white light); refused while no screen has the camera open. */
  trigger(): Promise<void>;
};

/** A still request older than this is ignored by the renderer (stale replay to a late joiner). */
const captureRequestLifeMs = 30_000;

/** Camera stills: JPEG only (the renderer encodes them), at least VGA, at most 8K. */
const stillLimits: Partial<ImageLimits> = { maxBytes: maxStillBytes, minSide: 320, maxSide: 8192, maxPixels: 40_000_000 };

const offlineDetail: Record<Exclude<CameraReport, 'ready' | 'closed'>, string> = {
  'no-camera': 'No camera was found. Plug in the camera; it is used as soon as it appears.',
  'permission-denied': 'Scan Station was not allowed to use the camera. Ask your administrator to allow camera access.',
  'in-use': 'The camera is in use by another program. Close that program and open the capture screen again.',
  failed: 'The camera could not be started. Unplug it, plug it back in, and open the capture screen again.',
};

export function createCameraDriver(opts: CameraDriverOptions): CameraDriver {
  const emitter = new EventEmitter<DriverEvents>();
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? randomUUID;
  const source = `camera:${opts.id}`;
  let running = false;
  /** Whether a capture screen has the camera open now, so that a request for a still can be answered. */
  let screenOpen = false;
  const waiting: DriverStatus = { state: 'connecting', detail: 'Waiting for the capture screen to open the camera.' };

  const setStatus = (next: DriverStatus) => emitter.emit('status', next);

  const driver = Object.assign(emitter, {
    id: opts.id,
    kind: 'camera' as const,

    async start() {
      if (running) return;
      running = true;
      // Until the renderer opens the camera, main cannot know whether one is there.
      screenOpen = false;
      setStatus(waiting);
    },

    async stop() {
      if (!running) return;
      running = false;
      setStatus({ state: 'offline' });
    },

    reportState(state: CameraReport) {
      if (!running) return;
      screenOpen = state === 'ready';
      // Camera trouble is reported as offline, not error: reconnecting from main cannot fix it; the
      // renderer reports again when the camera changes.
      if (state === 'ready') setStatus({ state: 'ready', detail: 'Camera ready.' });
      else if (state === 'closed') setStatus(waiting);
      else setStatus({ state: 'offline', detail: offlineDetail[state] });
    },

    async submitStill(still: SubmittedStill) {
      if (!running) throw new AppError('camera.off', 'The camera is not in use. Turn it on in Settings, then take the picture again.');
      const checked = await inspectImage(still.bytes, { accept: ['jpeg'], limits: { ...stillLimits, ...opts.limits } });
      if (!checked.ok) {
        const message = `The camera picture could not be used: ${checked.reason}. Take the picture again.`;
        opts.log.warn({ device: opts.id, problem: checked.problem, bytes: still.bytes.length }, 'camera still rejected');
        emitter.emit('read-error', { code: 'camera.bad-image', message, raw: Uint8Array.from(still.bytes.subarray(0, 64)) });
        throw new AppError('camera.bad-image', message, { params: { context: checked.problem } });
      }
      emitter.emit('image', { side: still.side, light: still.light, mime: 'image/jpeg', bytes: checked.bytes, source });
      return { width: checked.width, height: checked.height };
    },

    async trigger() {
      if (!running) throw new AppError('camera.off', 'The camera is not in use. Turn it on in Settings.');
      // Nobody would answer: say where pictures are taken rather than wait out a timeout.
      if (!opts.requestCapture || !screenOpen) {
        throw new AppError('camera.no-screen', 'The camera takes pictures from the capture screen. Open it and press Take picture.');
      }
      opts.requestCapture({ deviceId: opts.id, side: 'front', light: 'white', requestId: newId(), expiresAt: now() + captureRequestLifeMs });
    },
  });
  return driver as CameraDriver;
}
