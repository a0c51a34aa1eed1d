// The capture service with real images (sharp), real MRZ parsing and quality checks; the device
// service is replaced by FakeDevices (it is exercised for real in test/integration/capture) and the
// store by a recorder (the real store is in the integration tests too).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDraft } from '../../../../preload/contract';
import { AppError } from '../../../../main/app-error';
import { createCaptureService, type CaptureService } from '../../../../main/capture/capture-service';
import type { CaptureServiceDeps } from '../../../../main/capture/capture-ports';
import type { FormField } from '../../../../main/capture/field-values';
import { localReference } from '../../../../main/capture/local-reference';
import { defaultQualityThresholds } from '../../../../main/capture/quality-checks';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';
import type { AuditEntry } from '../../../../main/store/audit-log';
import type { CaptureInput, SavedCapture, SealedAhead } from '../../../../main/store/capture-repo';
import { FakeDevices, flatJpeg, noiseJpeg, recordingLogger } from './capture-fixtures';

const today = '2026-05-01';
const appId = '0190f0a0-1234-7abc-8def-0123456789ab';
const passport = specimenDocument({ kind: 'passport' }, today);
const card = specimenDocument({ kind: 'id-card' }, today);

let good: Buffer;
let good2: Buffer;
let blurred: Buffer;
beforeAll(async () => {
  [good, good2, blurred] = await Promise.all([noiseJpeg(1600, 1100, 1), noiseJpeg(1600, 1100, 2), flatJpeg()]);
});

type Rig = {
  capture: CaptureService;
  devices: FakeDevices;
  changes: Array<CaptureDraft | null>;
  audited: AuditEntry[];
  saved: CaptureInput[];
  woke: string[];
  logText(): string;
  set(
    patch: Partial<{ who: { staffId: string | null; accountId: string } | null; online: boolean; save: (input: CaptureInput) => Promise<SavedCapture>; definitions: FormField[]; documentDefinitions: FormField[]; definitionsFail: boolean }>,
  ): void;
};

const rigs: Rig[] = [];
afterEach(() => {
  for (const r of rigs.splice(0)) r.capture.stop();
});

function rig(lights: Array<'white' | 'ir' | 'uv'> = ['white'], extra: Partial<CaptureServiceDeps> = {}): Rig {
  const devices = new FakeDevices();
  devices.lights = lights;
  const changes: Array<CaptureDraft | null> = [];
  const saved: CaptureInput[] = [];
  const audited: Rig['audited'] = [];
  const woke: string[] = [];
  const recorder = recordingLogger();
  const state = {
    who: { staffId: 'staff-1', accountId: 'kiosk' } as { staffId: string | null; accountId: string } | null,
    online: true,
    definitions: [] as FormField[],
    documentDefinitions: [] as FormField[],
    definitionsFail: false,
    save: async (input: CaptureInput): Promise<SavedCapture> => {
      // Copies, as the real store seals what it is given before it returns.
      saved.push({ ...input, documents: input.documents.map((d) => ({ ...d, images: d.images.map((i) => ({ ...i, bytes: Uint8Array.from(i.bytes) })) })) });
      return { appId, capturedAt: 1, documents: input.documents.length, images: input.documents.reduce((n, d) => n + d.images.length, 0), bytes: 0 };
    },
  };
  let ids = 0;
  const capture = createCaptureService({
    devices,
    saveCapture: (input) => state.save(input),
    afterSave: (id) => woke.push(id),
    who: () => state.who,
    online: () => state.online,
    thresholds: () => defaultQualityThresholds,
    fieldDefinitions: async () => {
      if (state.definitionsFail) throw new AppError('capture.fields-unavailable', 'No form.');
      return state.definitions;
    },
    documentFieldDefinitions: async () => state.documentDefinitions,
    today: () => today,
    now: () => 1_000,
    newId: () => `id-${++ids}`,
    log: recorder.log,
    onChange: (d) => changes.push(d),
    audit: (entry) => audited.push(entry),
    ...extra,
  });
  const r: Rig = { capture, devices, changes, audited, saved, woke, logText: recorder.text, set: (patch) => Object.assign(state, patch) };
  rigs.push(r);
  return r;
}

async function settle(r: Rig): Promise<CaptureDraft> {
  await r.capture.settled();
  return r.capture.get() as CaptureDraft;
}

/** A passport scanned in white light with its MRZ, its quality checked and the person confirmed. */
async function readyPassport(r: Rig): Promise<CaptureDraft> {
  await r.capture.start({ documentType: 'passport' });
  r.devices.mrz(passport.mrz);
  r.devices.image('front', 'white', good, { dpi: 300 });
  await settle(r);
  return r.capture.confirmPerson(true);
}

const imageIds = (d: CaptureDraft) => d.documents.flatMap((doc) => doc.steps.map((s) => s.image?.id ?? null));

describe('capture draft life cycle', () => {
  it('starts one document of the chosen type with a step per side and light the reader offers', async () => {
    const r = rig(['white', 'ir', 'uv']);
    const draft = await r.capture.start({ documentType: 'id-card' });
    expect(draft.documents).toHaveLength(1);
    expect(draft.documents[0]!.steps.map((s) => `${s.side}/${s.light}`)).toEqual(['front/white', 'front/ir', 'front/uv', 'back/white', 'back/ir', 'back/uv']);
    expect(draft.blockers[0]).toMatch(/^Scan the ID card: front in white light/);
    expect(r.changes.at(-1)).toEqual(draft);
    await expect(r.capture.start({ documentType: 'passport' })).rejects.toMatchObject({ code: 'capture.already-open' });
  });

  it('fills steps from reader images, shows the image at once and its quality checks when they finish', async () => {
    const r = rig(['white', 'ir']);
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'ir', good, { dpi: 300 });
    r.devices.image('front', 'white', blurred, { dpi: 300 });
    const draft = await settle(r);
    expect(draft.documents[0]!.steps.map((s) => [s.light, s.image?.width, s.image?.height])).toEqual([
      ['white', 1600, 1100],
      ['ir', 1600, 1100],
    ]);
    // The change that added an image came before the one carrying its checks.
    const firstWithWhite = r.changes.find((c) => c?.documents[0]!.steps[0]!.image);
    expect(firstWithWhite?.documents[0]!.steps[0]!.image?.quality).toEqual([]);
    expect(firstWithWhite?.blockers).toContain('Checking the quality of the images of the passport; this takes a moment.');
    const white = draft.documents[0]!.steps[0]!.image!;
    expect(white.quality.find((q) => q.id === 'blur')).toMatchObject({ passed: false, blocking: true });
    expect(draft.blockers).toContain(`Retake the front of the passport (white light): ${white.quality.find((q) => q.id === 'blur')!.message}`);
    expect(draft.documents[0]!.steps[1]!.image?.quality.map((q) => q.id)).toEqual(['resolution']);
  });

  it('ignores an image for a step already filled, logging only its side and light', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good);
    r.devices.image('front', 'white', good2);
    r.devices.image('back', 'white', good2);
    const draft = await settle(r);
    expect(imageIds(draft)).toEqual(['id-2']);
    expect(r.logText()).toMatch(/image ignored: no step is waiting for it/);
  });

  it('lets a flatbed that cannot tell sides fill the back after the front', async () => {
    const r = rig();
    r.devices.sides.set('flatbed', ['front']);
    await r.capture.start({ documentType: 'id-card' });
    r.devices.image('front', 'white', good, { device: 'flatbed' });
    r.devices.image('front', 'white', good2, { device: 'flatbed' });
    const draft = await settle(r);
    expect(draft.documents[0]!.steps.map((s) => s.image !== null)).toEqual([true, true]);
  });

  it('reads the MRZ into fields with verdicts, offers corrections and applies them only when staff accept', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    const line = passport.mrz[1]!;
    r.devices.mrz([passport.mrz[0]!, `${line.slice(0, 14)}O${line.slice(15)}`]);
    let draft = await settle(r);
    const mrz = draft.documents[0]!.mrz!;
    expect(mrz.valid).toBe(false);
    expect(mrz.corrections).toEqual([{ line: 1, column: 14, from: 'O', to: '0' }]);
    expect(mrz.fields.find((f) => f.name === 'birthDate')).toMatchObject({ valid: false });
    draft = r.capture.acceptCorrections(0);
    expect(draft.documents[0]!.mrz).toMatchObject({ valid: true, corrections: [], lines: passport.mrz });
    expect(() => r.capture.acceptCorrections(0)).toThrow(expect.objectContaining({ code: 'capture.no-corrections' }));
  });

  it('flags an expired document and keeps a whole MRZ when a partial read follows', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'id-card' });
    const expired = specimenDocument({ kind: 'id-card', expired: true }, today).mrz;
    r.devices.mrz(expired);
    r.devices.mrz([expired[0]!], { partial: true });
    const draft = await settle(r);
    expect(draft.documents[0]!.mrz).toMatchObject({ format: 'TD1', valid: true, expired: true, partial: false });
  });

  it('retake empties just that step and the next image for it fills it; the other images stay', async () => {
    const r = rig(['white', 'ir']);
    await r.capture.start({ documentType: 'id-card' });
    for (const side of ['front', 'back'] as const) for (const light of ['white', 'ir'] as const) r.devices.image(side, light, good);
    let draft = await settle(r);
    const before = imageIds(draft);
    const backWhite = draft.documents[0]!.steps[2]!.image!.id;
    await r.capture.image(backWhite, 'thumbnail');
    draft = r.capture.retake(backWhite);
    expect(imageIds(draft)).toEqual([before[0], before[1], null, before[3]]);
    await expect(r.capture.image(backWhite, 'full')).rejects.toMatchObject({ code: 'capture.no-image' });
    // The whole document comes round again (a full-page reader re-reads everything): only the gap is filled.
    for (const side of ['front', 'back'] as const) for (const light of ['white', 'ir'] as const) r.devices.image(side, light, good2);
    draft = await settle(r);
    const after = imageIds(draft);
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[1], before[3]]);
    expect(after[2]).not.toBeNull();
    expect(after[2]).not.toBe(backWhite);
  });

  it('records rotation and crop, and judges resolution on what the crop leaves', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'id-card' });
    // No dpi from the reader: estimated from the pixels across an ID-1 card's long edge.
    r.devices.image('front', 'white', good);
    const draft = await settle(r);
    const id = draft.documents[0]!.steps[0]!.image!.id;
    expect(draft.documents[0]!.steps[0]!.image!.quality.find((q) => q.id === 'resolution')?.passed).toBe(true);
    const cropped = r.capture.adjustImage(id, 90, { x: 0.2, y: 0.2, width: 0.3, height: 0.5 });
    const image = cropped.documents[0]!.steps[0]!.image!;
    expect(image).toMatchObject({ rotation: 90, crop: { x: 0.2, y: 0.2, width: 0.3, height: 0.5 }, width: 1600, height: 1100 });
    expect(image.quality.find((q) => q.id === 'resolution')).toMatchObject({ passed: false, blocking: true });
    expect(() => r.capture.adjustImage(id, 0, { x: 0.8, y: 0, width: 0.5, height: 1 })).toThrow(expect.objectContaining({ code: 'capture.bad-crop' }));
  });

  it('serves a cached thumbnail about 320 px long and the full image', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good);
    const id = (await settle(r)).documents[0]!.steps[0]!.image!.id;
    const thumb = await r.capture.image(id, 'thumbnail');
    expect(thumb).toMatchObject({ mime: 'image/jpeg', width: 320, height: 220 });
    expect(await r.capture.image(id, 'thumbnail')).toBe(thumb);
    const full = await r.capture.image(id, 'full');
    expect(Buffer.from(full.base64, 'base64').equals(good)).toBe(true);
  });

  it('moves reader events to the document being scanned after another is added, and removes documents with their images', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    r.devices.mrz(passport.mrz);
    r.devices.image('front', 'white', good);
    await settle(r);
    r.capture.addDocument('id-card');
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good2);
    let draft = await settle(r);
    expect(draft.documents.map((d) => d.mrz?.format)).toEqual(['TD3', 'TD1']);
    expect(draft.documents[1]!.steps[0]!.image).not.toBeNull();
    const cardImage = draft.documents[1]!.steps[0]!.image!.id;
    draft = r.capture.removeDocument(1);
    expect(draft.documents).toHaveLength(1);
    await expect(r.capture.image(cardImage, 'thumbnail')).rejects.toMatchObject({ code: 'capture.no-image' });
    expect(() => r.capture.removeDocument(0)).toThrow(expect.objectContaining({ code: 'capture.last-document' }));
  });

  it('keeps the person check only for the photo compared: retaking it asks again', async () => {
    const r = rig();
    let draft = await readyPassport(r);
    expect(draft.personConfirmed).toBe(true);
    expect(draft.blockers).toEqual([]);
    expect(r.capture.retake(draft.documents[0]!.steps[0]!.image!.id).personConfirmed).toBe(false);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    draft = await settle(r);
    expect(draft.personConfirmed).toBe(false);
    expect(draft.blockers).toEqual(['Confirm that the person at the desk matches the photo on the document.']);
  });

  it('checks custom field values against the definitions and blocks on required ones left empty', async () => {
    const r = rig();
    r.set({ definitions: [{ id: 'ref', label: 'Reference', kind: 'text', required: true, choices: [] }, { id: 'visits', label: 'Visits', kind: 'number', required: false, choices: [] }] });
    await readyPassport(r);
    expect(await r.capture.fieldDefinitions()).toHaveLength(2);
    expect(r.capture.get()!.blockers).toEqual(['Fill in “Reference”.']);
    expect(() => r.capture.setFields({ visits: 'many' })).toThrow(expect.objectContaining({ code: 'capture.invalid-field' }));
    const draft = r.capture.setFields({ ref: 'R-17', visits: '2' });
    expect(draft.fields).toEqual({ ref: 'R-17', visits: '2' });
    expect(draft.blockers).toEqual([]);
  });

  it('keeps no account’s form for the next visitor: a form that cannot be fetched then requires nothing', async () => {
    const r = rig();
    r.set({ definitions: [{ id: 'ref', label: 'Reference', kind: 'text', required: true, choices: [], versionId: 'v-ref' }] });
    await readyPassport(r);
    await r.capture.fieldDefinitions();
    expect(r.capture.get()!.blockers).toEqual(['Fill in “Reference”.']);
    r.capture.finish();
    r.set({ who: { staffId: 'staff-2', accountId: 'personal-2' }, definitionsFail: true });
    await readyPassport(r);
    await expect(r.capture.fieldDefinitions()).rejects.toMatchObject({ code: 'capture.fields-unavailable' });
    expect(r.capture.get()!.blockers).toEqual([]);
    expect(() => r.capture.setFields({ ref: 'R-1' })).toThrow(expect.objectContaining({ code: 'capture.unknown-field' }));
    await r.capture.submit();
    expect(r.saved[0]!.applicationFields).toBeUndefined();
  });

  it('ignores reader events while no capture is open, and says so without their content', async () => {
    const r = rig();
    r.devices.mrz(passport.mrz);
    r.devices.image('front', 'white', good);
    await r.capture.settled();
    expect(r.capture.get()).toBeNull();
    expect(r.changes).toEqual([]);
    expect(r.logText()).toMatch(/reader event ignored: no capture open/);
    expect(r.logText()).not.toContain('SPECIMEN');
  });
});

describe('submit', () => {
  it('refuses while blockers remain or nobody is signed in, keeping the draft as it was', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.not-ready', message: expect.stringMatching(/Scan the passport/) });
    expect(r.capture.get()?.documents).toHaveLength(1);
    r.capture.finish();
    const draft = await readyPassport(r);
    r.set({ who: null });
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.signed-out' });
    expect(r.capture.get()).toEqual(draft);
    expect(r.saved).toEqual([]);
  });

  it('saves the MRZ fields and the white-light images under their image types, keeps IR and UV local, then wakes sync', async () => {
    const r = rig(['white', 'ir', 'uv']);
    r.set({ online: false });
    await r.capture.start({ documentType: 'id-card' });
    r.devices.mrz(card.mrz);
    for (const side of ['front', 'back'] as const) for (const light of ['white', 'ir', 'uv'] as const) r.devices.image(side, light, side === 'front' ? good : good2, { dpi: 300 });
    await settle(r);
    r.capture.confirmPerson(true);
    const receipt = await r.capture.submit();
    expect(receipt).toEqual({ applicationId: appId, localReference: localReference(appId), queued: true, message: expect.stringMatching(/Saved on this kiosk.*when the connection is back/) });
    expect(r.woke).toEqual([appId]);
    expect(r.saved).toHaveLength(1);
    const input = r.saved[0]!;
    expect(input).toMatchObject({ accountId: 'kiosk', capturedBy: 'staff-1' });
    expect(input.documents).toHaveLength(1);
    const doc = input.documents[0]!;
    expect(doc.format).toBe('TD1');
    expect(doc.personal).toMatchObject({ surname: 'SPECIMEN', givenNames: 'MARTIN ALEX', documentNumber: 'IC9876543', mrz: card.mrz.join('\n') });
    expect(doc.images.map((i) => [i.side, i.light, i.imageType, i.mime])).toEqual([
      ['front', 'white', 2, 'image/jpeg'],
      ['back', 'white', 3, 'image/jpeg'],
    ]);
    // Untouched JPEGs go byte for byte.
    expect(Buffer.from(doc.images[0]!.bytes).equals(good)).toBe(true);
    // No custom fields on this account: none are saved.
    expect(input.applicationFields).toBeUndefined();
  });

  it('saves the custom field values with their TrustID version ids and value members, in the form’s order', async () => {
    const r = rig();
    r.set({
      definitions: [
        { id: 'host', label: 'Host', kind: 'text', required: true, choices: [], versionId: 'v-host', valueType: 'string' },
        { id: 'pass', label: 'Pass number', kind: 'number', required: false, choices: [], versionId: 'v-pass', valueType: 'int' },
        { id: 'note', label: 'Note', kind: 'text', required: false, choices: [], versionId: 'v-note', valueType: 'string' },
      ],
    });
    await readyPassport(r);
    await r.capture.fieldDefinitions();
    expect(() => r.capture.setFields({ pass: '2.5' })).toThrow(expect.objectContaining({ code: 'capture.invalid-field' }));
    r.capture.setFields({ pass: ' 17 ', host: 'Dr Quill' });
    await r.capture.submit();
    expect(r.saved[0]!.applicationFields).toEqual([
      { fieldId: 'host', versionId: 'v-host', kind: 'string', value: 'Dr Quill' },
      { fieldId: 'pass', versionId: 'v-pass', kind: 'int', value: '17' },
    ]);
  });

  it('asks the document-level fields of each document, requires the mandatory ones, and saves them by slot (issue 10 §5)', async () => {
    const r = rig();
    r.set({
      documentDefinitions: [
        { id: 'Desk', label: 'Desk', kind: 'choice', required: true, choices: ['North', 'South'], propertyName: 'Desk', index: 1, valueType: 'string' },
        { id: 'Badge', label: 'Badge', kind: 'text', required: false, choices: [], propertyName: 'Badge', index: 0, valueType: 'string' },
      ],
    });
    await readyPassport(r);
    expect(await r.capture.documentFieldDefinitions()).toHaveLength(2);
    expect(r.capture.get()!.blockers).toEqual(['Fill in “Desk” for the passport.']);
    expect(() => r.capture.setDocumentFields(0, { Desk: 'East' })).toThrow(expect.objectContaining({ code: 'capture.invalid-field' }));
    expect(() => r.capture.setDocumentFields(3, { Desk: 'North' })).toThrow(expect.objectContaining({ code: 'capture.no-document' }));
    const draft = r.capture.setDocumentFields(0, { Desk: 'North', Badge: ' B-9 ' });
    expect(draft.documents[0]!.fields).toEqual({ Desk: 'North', Badge: ' B-9 ' });
    expect(draft.blockers).toEqual([]);
    await r.capture.submit();
    expect(r.saved[0]!.documents[0]!.customFields).toEqual([
      { propertyName: 'Desk', index: 1, value: 'North' },
      { propertyName: 'Badge', index: 0, value: 'B-9' },
    ]);
  });

  it('hands the store the rotated and cropped image', async () => {
    const r = rig();
    const draft = await readyPassport(r);
    r.capture.adjustImage(draft.documents[0]!.steps[0]!.image!.id, 90, { x: 0, y: 0, width: 1, height: 0.5 });
    await r.capture.submit();
    const sharp = (await import('sharp')).default;
    expect(await sharp(r.saved[0]!.documents[0]!.images[0]!.bytes).metadata()).toMatchObject({ width: 1100, height: 800, format: 'jpeg' });
    expect(r.saved[0]!.documents[0]!.images[0]!.side).toBe('page');
  });

  it('hands the store each untouched image sealed ahead for the app it saves, and an edited one to seal then (issue 13)', async () => {
    const sealedFor: string[] = [];
    const sealAhead = (appId: string, bytes: Uint8Array) => {
      sealedFor.push(appId);
      return { appId, imageId: `sealed-${sealedFor.length}`, source: bytes } as SealedAhead;
    };
    const r = rig(['white'], { sealAhead });
    await r.capture.start({ documentType: 'id-card' });
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good, { dpi: 300 });
    r.devices.image('back', 'white', good2, { dpi: 300 });
    const draft = await settle(r);
    r.capture.confirmPerson(true);
    r.capture.adjustImage(draft.documents[0]!.steps[1]!.image!.id, 90, null);
    await r.capture.submit();
    const input = r.saved[0]!;
    expect(new Set(sealedFor)).toEqual(new Set([input.appId]));
    const [front, back] = input.documents[0]!.images;
    expect(front!.sealed?.imageId).toMatch(/^sealed-/);
    expect(back!.sealed).toBeUndefined();

    // The next visitor's images are sealed for another app.
    r.capture.finish();
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good, { dpi: 300 });
    await settle(r);
    await new Promise((done) => setImmediate(done));
    expect(sealedFor.at(-1)).not.toBe(input.appId);
  });

  it('returns the receipt only after the store has answered, and a refusal as the same error with the draft intact', async () => {
    const r = rig();
    const draft = await readyPassport(r);
    const refusal = new AppError('store.disk-full', 'The capture was not saved because this computer’s disk is nearly full.');
    r.set({ save: () => Promise.reject(refusal) });
    await expect(r.capture.submit()).rejects.toBe(refusal);
    expect(r.capture.get()).toEqual(draft);
    expect(r.woke).toEqual([]);
    expect(Buffer.from((await r.capture.image(draft.documents[0]!.steps[0]!.image!.id, 'full')).base64, 'base64').equals(good)).toBe(true);

    let release!: () => void;
    let entered!: () => void;
    const saving = new Promise<void>((resolve) => (entered = resolve));
    let settledReceipt = false;
    r.set({
      save: async (input) => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return { appId, capturedAt: 1, documents: input.documents.length, images: 1, bytes: 0 };
      },
    });
    const pending = r.capture.submit().then((receipt) => {
      settledReceipt = true;
      return receipt;
    });
    await saving;
    expect(settledReceipt).toBe(false);
    expect(r.woke).toEqual([]);
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.busy' });
    expect(() => r.capture.retake(draft.documents[0]!.steps[0]!.image!.id)).toThrow(expect.objectContaining({ code: 'capture.busy' }));
    release();
    expect((await pending).applicationId).toBe(appId);
  });

  it('forgets the visitor after a successful submit; a repeated submit gets the same receipt until Finish', async () => {
    const r = rig();
    const draft = await readyPassport(r);
    const imageId = draft.documents[0]!.steps[0]!.image!.id;
    const receipt = await r.capture.submit();
    expect(r.capture.get()).toBeNull();
    expect(r.changes.at(-1)).toBeNull();
    await expect(r.capture.image(imageId, 'thumbnail')).rejects.toMatchObject({ code: 'capture.no-image' });
    expect(await r.capture.submit()).toBe(receipt);
    expect(r.saved).toHaveLength(1);
    r.capture.finish();
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.none' });
  });
});

describe('finish and sign-out', () => {
  it('wipes the image bytes once the store has them', async () => {
    const r = rig();
    await readyPassport(r);
    const handed: Uint8Array[] = [];
    r.set({
      save: async (input) => {
        handed.push(...input.documents.flatMap((d) => d.images.map((i) => i.bytes)));
        expect(handed.every((b) => b.some((v) => v !== 0))).toBe(true);
        return { appId, capturedAt: 1, documents: 1, images: 1, bytes: 0 };
      },
    });
    await r.capture.submit();
    expect(handed).toHaveLength(1);
    expect(handed[0]!.every((v) => v === 0)).toBe(true);
  });

  it('lets a thumbnail being made finish when its image is retaken meanwhile', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good);
    const id = (await settle(r)).documents[0]!.steps[0]!.image!.id;
    const thumb = r.capture.image(id, 'thumbnail');
    r.capture.retake(id);
    await expect(thumb).resolves.toMatchObject({ width: 320, height: 220 });
  });

  it('refuses Finish while Submit is saving; a sign-out then waits for the save and forgets the visitor, receipt and all', async () => {
    const r = rig();
    await readyPassport(r);
    let release!: () => void;
    let entered!: () => void;
    const saving = new Promise<void>((resolve) => (entered = resolve));
    r.set({
      save: async () => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return { appId, capturedAt: 1, documents: 1, images: 1, bytes: 0 };
      },
    });
    const pending = r.capture.submit();
    await saving;
    expect(() => r.capture.finish()).toThrow(expect.objectContaining({ code: 'capture.busy' }));
    r.capture.clear();
    expect(r.capture.get()).not.toBeNull();
    release();
    expect((await pending).applicationId).toBe(appId);
    expect(r.woke).toEqual([appId]);
    expect(r.capture.get()).toBeNull();
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.none' });
  });

  it('drops the draft, every image and every cached thumbnail, and tells the renderer', async () => {
    const r = rig(['white', 'ir']);
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good);
    r.devices.image('front', 'ir', good2);
    const ids = imageIds(await settle(r)) as string[];
    await r.capture.image(ids[0]!, 'thumbnail');
    r.capture.finish();
    expect(r.capture.get()).toBeNull();
    expect(r.changes.at(-1)).toBeNull();
    for (const id of ids) await expect(r.capture.image(id, 'thumbnail')).rejects.toMatchObject({ code: 'capture.no-image' });
    // A new visitor starts clean.
    const next = await r.capture.start({ documentType: 'passport' });
    expect(imageIds(next)).toEqual([null, null]);
  });

  it('clear() on sign-out does the same, and an image still being read is not added afterwards', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'passport' });
    r.devices.image('front', 'white', good);
    r.capture.clear();
    await r.capture.settled();
    expect(r.capture.get()).toBeNull();
    await r.capture.start({ documentType: 'passport' });
    expect(imageIds((await settle(r)))).toEqual([null]);
  });

  it('stops listening to the readers when stopped', () => {
    const r = rig();
    expect(r.devices.listenerCount()).toBe(1);
    r.capture.stop();
    expect(r.devices.listenerCount()).toBe(0);
  });
});

describe('logs', () => {
  it('never hold the visitor’s name, document number, MRZ or image bytes through a whole capture', async () => {
    const r = rig(['white', 'ir']);
    r.set({ definitions: [{ id: 'ref', label: 'Reference', kind: 'text', required: false, choices: [] }] });
    await r.capture.start({ documentType: 'id-card' });
    r.devices.mrz(card.mrz);
    for (const side of ['front', 'back'] as const) for (const light of ['white', 'ir'] as const) r.devices.image(side, light, good, { dpi: 300 });
    r.devices.image('front', 'white', good2);
    await settle(r);
    await r.capture.fieldDefinitions();
    r.capture.setFields({ ref: 'MARTIN-REF-991' });
    r.capture.confirmPerson(true);
    r.set({ save: () => Promise.reject(new AppError('store.no-key', 'No key.')) });
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'store.no-key' });
    r.set({ save: async () => ({ appId, capturedAt: 1, documents: 1, images: 2, bytes: 0 }) });
    await r.capture.submit();
    r.capture.finish();
    const text = r.logText();
    expect(text).toMatch(/capture submitted/);
    for (const secret of ['SPECIMEN', 'MARTIN', 'IC9876543', card.mrz[0]!.slice(0, 15), card.mrz[1]!.slice(0, 15), 'REF-991', good.subarray(100, 112).toString('base64')]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('one person per check', () => {
  it("retaking a passport's only image with another person's ID card blocks Submit (issue 11: it was accepted silently)", async () => {
    const r = rig();
    let draft = await readyPassport(r);
    expect(draft.identity.blocking).toBe(false);
    r.capture.retake(draft.documents[0]!.steps[0]!.image!.id);
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    await settle(r);
    draft = r.capture.confirmPerson(true);
    expect(draft.documents[0]!.type).toBe('passport');
    expect(draft.identity.issues).toEqual([{ kind: 'different-document', documents: [0], fields: ['documentCode', 'documentNumber', 'givenNames', 'birthDate'], overridable: false }]);
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.identity-mismatch' });
    // Removing the document and adding it again starts it afresh.
    r.capture.addDocument('id-card');
    r.capture.removeDocument(0);
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    r.devices.image('back', 'white', good, { dpi: 300 });
    draft = await settle(r);
    expect(draft.identity.issues).toEqual([]);
  });

  it('a retake of one image showing another document is a mismatch within the document, not overridable', async () => {
    const r = rig(['white', 'ir']);
    await r.capture.start({ documentType: 'passport' });
    r.devices.mrz(passport.mrz);
    r.devices.image('front', 'white', good, { dpi: 300 });
    r.devices.image('front', 'ir', good2, { dpi: 300 });
    let draft = await settle(r);
    r.capture.retake(draft.documents[0]!.steps[0]!.image!.id);
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    draft = await settle(r);
    expect(draft.identity.issues).toEqual([expect.objectContaining({ kind: 'different-document', documents: [0], overridable: false })]);
    expect(draft.identity.issues[0]!.fields).toContain('birthDate');
    expect(draft.identity.canOverride).toBe(false);
    r.capture.confirmPerson(true);
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.identity-mismatch' });
    expect(() => r.capture.confirmSamePerson('name-changed')).toThrow(expect.objectContaining({ code: 'capture.nothing-to-override' }));
    // Retaking the image with the passport again leaves only the passport's reads.
    r.capture.retake(draft.documents[0]!.steps[0]!.image!.id);
    r.devices.mrz(passport.mrz);
    r.devices.image('front', 'white', good, { dpi: 300 });
    draft = await settle(r);
    expect(draft.identity.issues).toEqual([]);
  });

  it("a second document of another person (the demo's Martin after Angela) blocks Submit on the date of birth", async () => {
    const r = rig();
    await readyPassport(r);
    r.capture.addDocument('id-card');
    r.devices.mrz(card.mrz);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    r.devices.image('back', 'white', good2, { dpi: 300 });
    const draft = await settle(r);
    expect(draft.identity.issues).toEqual([{ kind: 'different-person', documents: [0, 1], fields: ['birthDate', 'givenNames'], overridable: false }]);
    expect(draft.identity.blocking).toBe(true);
    await expect(r.capture.submit()).rejects.toMatchObject({ code: 'capture.identity-mismatch' });
    expect(r.saved).toHaveLength(0);
  });

  it('staff may vouch for the same person where the rules allow, with a coded reason, audited without personal data', async () => {
    const r = rig();
    await readyPassport(r);
    r.capture.addDocument('passport');
    const twin = specimenDocument({ kind: 'passport' }, today).mrz.map((l, i) => (i === 0 ? l.replace('ANGELA<ZOE', 'ANNA<MAYYY') : l));
    r.devices.mrz(twin);
    r.devices.image('front', 'white', good2, { dpi: 300 });
    let draft = await settle(r);
    expect(draft.identity).toMatchObject({ blocking: true, canOverride: true, override: null });
    draft = r.capture.confirmSamePerson('spelling-differs');
    expect(draft.identity).toMatchObject({ blocking: false, override: 'spelling-differs' });
    expect(r.audited.at(-1)).toEqual({ action: 'capture.same-person-confirmed', actor: 'staff-1', detail: { reason: 'spelling-differs', documents: 2, fields: 'givenNames' } });
    expect(JSON.stringify(r.audited)).not.toMatch(/ANGELA|ANNA|SPECIMEN/);
    await expect(r.capture.submit()).resolves.toMatchObject({ applicationId: appId });
  });

  it('the chosen type is replaced by the MRZ document code, with a note, keeping the images that fit', async () => {
    const r = rig();
    await r.capture.start({ documentType: 'driving-licence' });
    r.devices.image('front', 'white', good, { dpi: 300 });
    r.devices.mrz(passport.mrz);
    const draft = await settle(r);
    expect(draft.documents[0]!.type).toBe('passport');
    expect(draft.documents[0]!.steps.map((s) => [s.side, s.image !== null])).toEqual([['front', true]]);
    expect(draft.identity.notes).toEqual([{ kind: 'type-from-mrz', documents: [0], fields: [], chosen: 'driving-licence', read: 'passport' }]);
  });

  it("a passport's other pages still arriving after the next document is added do not land in it", async () => {
    const r = rig();
    await readyPassport(r);
    r.capture.addDocument('id-card');
    r.devices.image('back', 'white', good2, { dpi: 300 }); // the passport's placement, still arriving
    let draft = await settle(r);
    expect(draft.documents[1]!.steps.every((s) => s.image === null)).toBe(true);
    r.devices.mrz(card.mrz);
    r.devices.image('back', 'white', good2, { dpi: 300 });
    draft = await settle(r);
    expect(draft.documents[1]!.steps.find((s) => s.side === 'back')?.image).not.toBeNull();
  });

  it("a card's front, placed without an MRZ after another document, is not taken for that document's read", async () => {
    const r = rig();
    await readyPassport(r);
    const sameHolder = specimenDocument({ kind: 'passport' }, today).mrz; // a second passport of Angela's
    r.capture.addDocument('passport');
    r.devices.placed();
    r.devices.image('front', 'white', good2, { dpi: 300 });
    let draft = await settle(r);
    expect(draft.documents[1]!.steps[0]!.image).not.toBeNull();
    r.devices.mrz(sameHolder);
    draft = await settle(r);
    expect(draft.identity.issues).toEqual([]);
  });

  it('discarding an unfinished check forgets it and audits only counts', async () => {
    const r = rig();
    await readyPassport(r);
    r.capture.discard();
    expect(r.capture.get()).toBeNull();
    expect(r.audited.at(-1)).toEqual({ action: 'capture.draft-discarded', actor: 'staff-1', detail: { documents: 1, images: 1, ageSeconds: 0 } });
  });
});
