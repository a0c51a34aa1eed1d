import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCameraDriver, type CameraDriver } from '../../../../../main/devices/camera/camera-driver';
import type { CameraCaptureRequest } from '../../../../../preload/contract';
import { CameraOptions } from '../../../../../main/devices/camera/camera-settings';
import type { ImageEvent, ReadErrorEvent } from '../../../../../main/devices/driver';
import { silentLogger } from '../../../../../main/logging/logger';
import { recordEvents } from '../../../../fakes/fake-driver';

let still: Buffer;
beforeAll(async () => {
  still = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#c8c0b0' } }).jpeg({ quality: 85 }).toBuffer();
});

async function startedCamera(extra: Partial<Parameters<typeof createCameraDriver>[0]> = {}): Promise<CameraDriver> {
  const d = createCameraDriver({ id: 'desk-camera', options: CameraOptions.parse({}), log: silentLogger(), ...extra });
  await d.start();
  return d;
}

describe('camera stills from the renderer', () => {
  it('turns a real JPEG into an image event and answers with its size', async () => {
    const d = await startedCamera();
    const images: ImageEvent[] = [];
    d.on('image', (e) => images.push(e));
    await expect(d.submitStill({ side: 'back', light: 'white', bytes: still })).resolves.toEqual({ width: 1280, height: 720 });
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ side: 'back', light: 'white', mime: 'image/jpeg', source: 'camera:desk-camera' });
    expect(images[0]!.dpi).toBeUndefined();
    expect(Buffer.from(images[0]!.bytes).equals(still)).toBe(true);
  });

  it.each([
    ['a PNG', async () => sharp({ create: { width: 800, height: 600, channels: 3, background: '#000' } }).png().toBuffer(), 'expected JPEG'],
    ['half a JPEG', async () => still.subarray(0, still.length >> 1), 'cut short'],
    ['a thumbnail', async () => sharp({ create: { width: 160, height: 120, channels: 3, background: '#000' } }).jpeg().toBuffer(), 'only 160 × 120'],
    ['text', async () => Buffer.from('<script>alert(1)</script>'), 'not a JPEG'],
    ['nothing', async () => Buffer.alloc(0), 'not a JPEG'],
  ])('rejects %s with a plain reason and a read-error, never crashing', async (_what, make, reason) => {
    const d = await startedCamera();
    const errors: ReadErrorEvent[] = [];
    d.on('read-error', (e) => errors.push(e));
    const bytes = await make();
    await expect(d.submitStill({ side: 'front', light: 'white', bytes })).rejects.toMatchObject({
      code: 'camera.bad-image',
      message: expect.stringContaining(reason),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.raw!.length).toBeLessThanOrEqual(64);
  });

  it('survives random bytes behind a JPEG header without crashing or emitting an image', async () => {
    const d = await startedCamera();
    let images = 0;
    d.on('image', () => (images += 1));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (tail) => {
        const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), tail, Buffer.from([0xff, 0xd9])]);
        await expect(d.submitStill({ side: 'front', light: 'white', bytes })).rejects.toMatchObject({ code: 'camera.bad-image' });
      }),
      { numRuns: 200 },
    );
    expect(images).toBe(0);
  });

  it('refuses stills while the camera is stopped', async () => {
    const d = await startedCamera();
    await d.stop();
    await expect(d.submitStill({ side: 'front', light: 'white', bytes: still })).rejects.toMatchObject({ code: 'camera.off' });
  });
});

describe('camera status and capture requests', () => {
  it('waits for the renderer, then follows what it reports', async () => {
    const d = createCameraDriver({ id: 'cam', options: CameraOptions.parse({}), log: silentLogger() });
    const events = recordEvents(d);
    await d.start();
    d.reportState('ready');
    d.reportState('permission-denied');
    expect(events.map((e) => e.args[0])).toEqual([
      { state: 'connecting', detail: expect.any(String) },
      { state: 'ready', detail: 'Camera ready.' },
      { state: 'offline', detail: expect.stringContaining('not allowed') },
    ]);
  });

  it('asks the renderer for a still, with an id and an expiry, when triggered', async () => {
    const requests: CameraCaptureRequest[] = [];
    const d = await startedCamera({ requestCapture: (r) => requests.push(r), now: () => 1000, newId: () => 'req-1' });
    d.reportState('ready');
    await d.trigger();
    expect(requests).toEqual([{ deviceId: 'desk-camera', side: 'front', light: 'white', requestId: 'req-1', expiresAt: 31_000 }]);
  });

  it('says where to take pictures when nothing can carry a capture request', async () => {
    const d = await startedCamera();
    await expect(d.trigger()).rejects.toMatchObject({ code: 'camera.no-screen' });
  });

  it('asks for a still only while a capture screen has the camera open', async () => {
    const requests: CameraCaptureRequest[] = [];
    const statuses: string[] = [];
    const d = await startedCamera({ requestCapture: (r) => requests.push(r) });
    d.on('status', (s) => statuses.push(s.state === 'error' ? s.state : `${s.state}: ${s.detail}`));
    await expect(d.trigger()).rejects.toMatchObject({ code: 'camera.no-screen' });
    d.reportState('ready');
    await d.trigger();
    d.reportState('closed');
    await expect(d.trigger()).rejects.toMatchObject({ code: 'camera.no-screen' });
    d.reportState('permission-denied');
    await expect(d.trigger()).rejects.toMatchObject({ code: 'camera.no-screen' });
    expect(requests).toHaveLength(1);
    expect(statuses).toEqual([
      'ready: Camera ready.',
      'connecting: Waiting for the capture screen to open the camera.',
      expect.stringMatching(/^offline: Scan Station was not allowed to use the camera/),
    ]);
  });
});
