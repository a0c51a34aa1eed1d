import { describe, expect, it } from 'vitest';
import { captureBlockers } from '../../../../main/capture/capture-blockers';
import { stepsFor, type DraftState, type ImageState } from '../../../../main/capture/capture-draft';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';
import { parseMrz } from '../../../../main/devices/mrz/parse-mrz';

const today = '2026-05-01';
const passportMrz = specimenDocument({ kind: 'passport' }, today).mrz;
const good = [{ id: 'blur' as const, passed: true, blocking: false, message: 'The image is sharp.' }];

function image(id: string, side: 'front' | 'back', quality: ImageState['quality'] = good): ImageState {
  return { id, side, light: 'white', width: 1600, height: 1100, rotation: 0, crop: null, quality };
}

/** A passport with its photo page scanned, the MRZ read and the person confirmed: nothing blocks. */
function ready(): { state: DraftState; images: Map<string, ImageState> } {
  const steps = stepsFor('passport', []);
  steps[0]!.imageId = 'p1';
  return {
    state: {
      id: 'd',
      startedAt: 0,
      queuedApplication: null,
      documents: [{ type: 'passport', mrz: { reading: parseMrz(passportMrz, { today }), partial: false }, steps }],
      fields: {},
      person: { answer: 'matches', photoId: 'p1' },
      active: 0,
    },
    images: new Map([['p1', image('p1', 'front')]]),
  };
}
const ctx = { mrzExpected: true, definitions: [] };

describe('blockers', () => {
  it('are none for a complete, confirmed capture', () => {
    const { state, images } = ready();
    expect(captureBlockers(state, images, ctx)).toEqual([]);
  });

  it('name each image still to scan', () => {
    const { state, images } = ready();
    state.documents.push({ type: 'id-card', mrz: null, steps: stepsFor('id-card', ['ir']) });
    state.documents[1]!.steps[0]!.imageId = 'c1';
    images.set('c1', image('c1', 'front'));
    expect(captureBlockers(state, images, { ...ctx, mrzExpected: false })).toEqual([
      'Scan the rest of document 2 (ID card): front in infrared light, back in white light, back in infrared light.',
    ]);
  });

  it('say when quality checks are still running and when one failed in a way that blocks', () => {
    const { state, images } = ready();
    images.set('p1', image('p1', 'front', null));
    expect(captureBlockers(state, images, ctx)).toEqual(['Checking the quality of the images of the passport; this takes a moment.']);
    images.set('p1', image('p1', 'front', [{ id: 'blur', passed: false, blocking: true, message: 'The image is blurred.' }, { id: 'glare', passed: false, blocking: false, message: 'Glare.' }]));
    expect(captureBlockers(state, images, ctx)).toEqual(['Retake the front of the passport (white light): The image is blurred.']);
  });

  it('ask for the MRZ of a passport or card only when a reader that reads MRZs is set up, and never for a driving licence', () => {
    const { state, images } = ready();
    state.documents[0]!.mrz = null;
    expect(captureBlockers(state, images, ctx)).toEqual(['No MRZ was read from the passport. Place it on the reader again so its machine-readable zone is read.']);
    expect(captureBlockers(state, images, { ...ctx, mrzExpected: false })).toEqual([]);
    state.documents[0]!.type = 'driving-licence';
    state.documents[0]!.steps = [{ side: 'front', light: 'white', imageId: 'p1' }];
    expect(captureBlockers(state, images, ctx)).toEqual([]);
  });

  it('pass on why an MRZ could not be read, but leave a failed check digit as advice', () => {
    const { state, images } = ready();
    state.documents[0]!.mrz = { reading: parseMrz([passportMrz[0]!], { today }), partial: true };
    expect(captureBlockers(state, images, ctx)).toEqual([expect.stringMatching(/^The passport: Only part of the MRZ was read/)]);
    const line = passportMrz[1]!;
    state.documents[0]!.mrz = { reading: parseMrz([passportMrz[0]!, `${line.slice(0, 19)}${(Number(line[19]) + 1) % 10}${line.slice(20)}`], { today }), partial: false };
    expect(state.documents[0]!.mrz.reading.ok && state.documents[0]!.mrz.reading.valid).toBe(false);
    expect(captureBlockers(state, images, ctx)).toEqual([]);
  });

  it('ask for required custom fields by label', () => {
    const { state, images } = ready();
    const definitions = [{ id: 'ref', label: 'Reference', kind: 'text' as const, required: true, choices: [] }];
    expect(captureBlockers(state, images, { ...ctx, definitions })).toEqual(['Fill in “Reference”.']);
    state.fields.ref = '   ';
    expect(captureBlockers(state, images, { ...ctx, definitions })).toEqual(['Fill in “Reference”.']);
    state.fields.ref = 'R-1';
    expect(captureBlockers(state, images, { ...ctx, definitions })).toEqual([]);
  });

  it('ask for the person check, and say not to submit when the person does not match', () => {
    const { state, images } = ready();
    state.person = null;
    expect(captureBlockers(state, images, ctx)).toEqual(['Confirm that the person at the desk matches the photo on the document.']);
    state.person = { answer: 'differs', photoId: 'p1' };
    expect(captureBlockers(state, images, ctx)).toEqual([expect.stringMatching(/does not match the photo\. Do not submit/)]);
  });
});
