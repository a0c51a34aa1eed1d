// A visitor's whole capture through the contract's channels, with real parts: the demo's simulated
// reader (specimen images rendered with sharp, white/IR/UV), real quality checks, and a real store
// in a temp folder — scan, retake, rotate and crop, a full disk, submit, Finish.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureDraft, DeviceView, ImageData, Receipt } from '../../../preload/contract';
import type { z } from 'zod';
import { localReference } from '../../../main/capture/local-reference';
import type { SimulatedReader } from '../../../main/demo/simulated-reader/simulated-reader';
import { specimenDocument } from '../../../main/demo/simulated-reader/specimen-documents';
import { openCaptureRig, today, type CaptureRig } from './capture-rig';

const rigs: CaptureRig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});

async function rig(): Promise<CaptureRig> {
  const r = await openCaptureRig({ demo: true });
  rigs.push(r);
  await r.untilDevices((l) => l[0]?.status.state === 'ready');
  return r;
}

const passport = specimenDocument({ kind: 'passport' }, today);
const card = specimenDocument({ kind: 'id-card', holder: 'angela' }, today);
const reader = (r: CaptureRig) => r.devices.manager.get('demo-reader') as SimulatedReader;
const ids = (d: CaptureDraft) => d.documents.map((doc) => doc.steps.map((s) => s.image?.id ?? null));

/** Presents a specimen on the demo reader and waits until the capture has taken and judged it. */
async function present(r: CaptureRig, kind: 'passport' | 'id-card'): Promise<CaptureDraft> {
  // One person per check (issue 11 §1): the ID card is Angela's too, like the passport.
  await reader(r).present({ kind, holder: 'angela' });
  await r.capture.settled();
  return r.capture.get() as CaptureDraft;
}

describe('capture journey with the demo reader and a real store', () => {
  it('scans, retakes one image, rotates and crops, survives a full disk, submits durably and forgets the visitor at Finish', async () => {
    const r = await rig();
    const devices = await r.value<DeviceView[]>('devices.list');
    expect(devices).toEqual([
      {
        id: 'demo-reader',
        kind: 'simulated',
        label: 'Demo reader (simulated)',
        status: { state: 'ready', code: null, message: 'Simulated reader.' },
        capabilities: { mrz: true, sides: ['front', 'back'], lights: ['white', 'ir', 'uv'], trigger: true },
      },
    ]);

    // A passport: the photo page in three lights. The reader also sends the back, which no step wants.
    let draft = await r.value<CaptureDraft>('capture.start', { documentType: 'passport' });
    expect(draft.documents[0]!.steps.map((s) => s.light)).toEqual(['white', 'ir', 'uv']);
    await r.value('devices.trigger', {});
    await r.capture.settled();
    draft = r.capture.get()!;
    expect(draft.documents[0]!.mrz).toMatchObject({ format: 'TD3', valid: true, expired: false, lines: passport.mrz });
    expect(draft.documents[0]!.steps.every((s) => s.image && s.image.quality.length > 0)).toBe(true);
    expect(draft.blockers).toEqual(['Confirm that the person at the desk matches the photo on the document.']);

    // Add the ID card: front and back, three lights each.
    await r.value('capture.addDocument', { documentType: 'id-card' });
    draft = await present(r, 'id-card');
    expect(draft.documents[1]!.mrz).toMatchObject({ format: 'TD1', valid: true });
    expect(ids(draft)[1]!.every((id) => id !== null)).toBe(true);
    const thumb = await r.value<z.infer<typeof ImageData>>('capture.image', { imageId: draft.documents[1]!.steps[0]!.image!.id, variant: 'thumbnail' });
    expect(Math.max(thumb.width, thumb.height)).toBe(320);

    // Retake the card's back in white light: the other eight images stay as they were.
    const before = ids(draft);
    const backWhite = draft.documents[1]!.steps[3]!;
    expect([backWhite.side, backWhite.light]).toEqual(['back', 'white']);
    draft = await r.value<CaptureDraft>('capture.retake', { imageId: backWhite.image!.id });
    expect(draft.blockers[0]).toBe('Scan the rest of document 2 (ID card): back in white light.');
    draft = await present(r, 'id-card');
    const after = ids(draft);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]!.filter((_, i) => i !== 3)).toEqual(before[1]!.filter((_, i) => i !== 3));
    expect(after[1]![3]).not.toBeNull();
    expect(after[1]![3]).not.toBe(before[1]![3]);

    // Rotate the passport page a quarter turn and keep its top half; confirm the person.
    const page = draft.documents[0]!.steps[0]!.image!;
    await r.value('capture.adjustImage', { imageId: page.id, rotation: 90, crop: { x: 0, y: 0, width: 1, height: 0.5 } });
    draft = await r.value<CaptureDraft>('capture.confirmPerson', { matches: true });
    expect(draft.blockers).toEqual([]);

    // The disk fills up: the store refuses, nothing is written, the draft is all still there.
    r.setFreeBytes(1024);
    const refused = await r.call('capture.submit');
    expect(refused).toMatchObject({ ok: false, code: 'store.disk-full', message: expect.stringMatching(/disk is nearly full/) });
    expect(r.capture.get()).toEqual(draft);
    expect(r.store.results.search()).toEqual([]);

    // Space again: Submit returns the receipt only once the capture is committed with its files.
    r.setFreeBytes(50 * 1024 * 1024 * 1024);
    const receipt = await r.value<z.infer<typeof Receipt>>('capture.submit');
    expect(receipt).toMatchObject({ localReference: localReference(receipt.applicationId), queued: false });
    // Passport page, card front, card back in white light; IR and UV stay local (RAW-API §9.2).
    expect(r.saves).toEqual([{ appId: receipt.applicationId, committed: true, files: 3 }]);
    const stored = r.store.images.list(receipt.applicationId);
    expect(stored.map((i) => [i.side, i.light, i.imageType])).toEqual([
      ['page', 'white', 2],
      ['front', 'white', 2],
      ['back', 'white', 3],
    ]);
    const pageBytes = r.store.images.read(receipt.applicationId, 0, 0);
    expect(await sharp(pageBytes).metadata()).toMatchObject({ width: page.height, height: Math.round(page.width / 2) });
    expect(r.store.submissions.documentFields(receipt.applicationId, 0)?.mrz).toBe(passport.mrz.join('\n'));
    expect(r.store.submissions.documentFields(receipt.applicationId, 1)?.mrz).toBe(card.mrz.join('\n'));

    // The visitor is gone from main; the receipt can be asked for again until Finish.
    expect(await r.value('capture.get')).toBeNull();
    expect(await r.call('capture.image', { imageId: page.id, variant: 'full' })).toMatchObject({ ok: false, code: 'capture.no-image' });
    expect(await r.value('capture.submit')).toEqual(receipt);
    expect(await r.call('capture.finish')).toEqual({ ok: true, value: undefined });

    // With no capture open, a read is ignored.
    await r.value('devices.trigger', { id: 'demo-reader' });
    await r.capture.settled();
    expect(await r.value('capture.get')).toBeNull();

    // Nothing personal reached the log on the way.
    const text = r.logText();
    expect(text).toMatch(/capture submitted/);
    for (const secret of ['SPECIMEN', 'ANGELA', 'MARTIN', 'UP1234567', 'IC9876543', passport.mrz[1]!.slice(0, 12), card.mrz[0]!.slice(5, 20)]) expect(text).not.toContain(secret);
  });

  it('answers payloads the contract refuses, and an unknown image, with plain errors', async () => {
    const r = await rig();
    expect(await r.call('capture.start', { documentType: 'visa' })).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    expect(await r.call('capture.retake', { imageId: 'nope' })).toMatchObject({ ok: false, code: 'capture.none' });
    await r.value('capture.start', { documentType: 'passport' });
    expect(await r.call('capture.image', { imageId: 'nope', variant: 'thumbnail' })).toMatchObject({ ok: false, code: 'capture.no-image' });
    expect(await r.call('capture.start', { documentType: 'passport', queuedApplicationId: 'q-1' })).toMatchObject({ ok: false, code: 'capture.already-open' });
    expect(await r.call('camera.submitStill', { deviceId: 'camera', side: 'front', light: 'white', jpegBase64: '/9j/4AAQ' })).toMatchObject({ ok: false, code: 'camera.none' });
  });
});
