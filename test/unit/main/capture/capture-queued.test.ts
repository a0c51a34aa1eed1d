// Capturing into a queued application (SUBMISSION-PROTOCOL §13, RAW-API §11.2): the pick is carried
// from capture.start to the saved capture as its queued container, exactly once; without a way to
// look the pick up, starting one is refused as before.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureService, type CaptureService } from '../../../../main/capture/capture-service';
import { defaultQualityThresholds } from '../../../../main/capture/quality-checks';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';
import type { CaptureInput } from '../../../../main/store/capture-repo';
import { FakeDevices, noiseJpeg, recordingLogger } from './capture-fixtures';

const today = '2026-05-01';
const passport = specimenDocument({ kind: 'passport' }, today);
let good: Buffer;
beforeAll(async () => {
  good = await noiseJpeg(1600, 1100, 1);
});

const services: CaptureService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.stop();
});

function service(queued?: (id: string) => Promise<{ id: string; name: string } | null>) {
  const devices = new FakeDevices();
  const saved: CaptureInput[] = [];
  const capture = createCaptureService({
    devices,
    saveCapture: async (input) => {
      saved.push(input);
      return { appId: 'app-1', capturedAt: 1, documents: 1, images: 1, bytes: 0 };
    },
    afterSave: () => undefined,
    who: () => ({ staffId: 'staff-1', accountId: 'kiosk' }),
    online: () => false,
    thresholds: () => defaultQualityThresholds,
    fieldDefinitions: async () => [],
    ...(queued ? { queuedApplication: queued } : {}),
    today: () => today,
    now: () => 1_000,
    newId: () => 'draft-1',
    log: recordingLogger().log,
    onChange: () => undefined,
  });
  services.push(capture);
  return { capture, devices, saved };
}

describe('capture into a queued application', () => {
  it('saves the capture with the picked queued container and its label (offline too: it is queued locally)', async () => {
    const { capture, devices, saved } = service(async (id) => (id === 'C-7' ? { id: 'C-7', name: 'B-1042' } : null));
    const draft = await capture.start({ documentType: 'passport', queuedApplicationId: 'C-7' });
    expect(draft.queuedApplication).toEqual({ id: 'C-7', name: 'B-1042' });
    devices.mrz(passport.mrz);
    devices.image('front', 'white', good, { dpi: 300 });
    await capture.settled();
    capture.confirmPerson(true);
    const receipt = await capture.submit();
    expect(receipt.queued).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.queuedContainer).toEqual({ containerId: 'C-7', label: 'B-1042' });
    // A second Submit returns the same receipt and saves nothing again.
    expect(await capture.submit()).toEqual(receipt);
    expect(saved).toHaveLength(1);
  });

  it('a pick that is not in the list (or is being completed elsewhere) is refused plainly', async () => {
    const { capture } = service(async () => null);
    await expect(capture.start({ documentType: 'passport', queuedApplicationId: 'gone' })).rejects.toMatchObject({ code: 'capture.queued-not-found' });
  });

  it('a normal check carries no queued container', async () => {
    const { capture, devices, saved } = service(async () => null);
    await capture.start({ documentType: 'passport' });
    devices.mrz(passport.mrz);
    devices.image('front', 'white', good, { dpi: 300 });
    await capture.settled();
    capture.confirmPerson(true);
    await capture.submit();
    expect(saved[0]?.queuedContainer).toBeUndefined();
  });
});
