import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustedSize,
  documentForMrz,
  documentName,
  holderPhotoId,
  personConfirmed,
  stepForImage,
  stepsFor,
  type DraftState,
} from '../../../../main/capture/capture-draft';

function draft(documents: DraftState['documents'], active = 0): DraftState {
  return { id: 'd', startedAt: 0, queuedApplication: null, documents, fields: {}, person: null, active };
}

describe('capture steps', () => {
  it('gives a passport its photo page and a card both sides, in each light the reader offers, white first', () => {
    expect(stepsFor('passport', ['uv', 'ir']).map((s) => `${s.side}/${s.light}`)).toEqual(['front/white', 'front/ir', 'front/uv']);
    expect(stepsFor('id-card', []).map((s) => `${s.side}/${s.light}`)).toEqual(['front/white', 'back/white']);
    expect(stepsFor('driving-licence', ['ir']).map((s) => `${s.side}/${s.light}`)).toEqual(['front/white', 'front/ir', 'back/white', 'back/ir']);
  });

  it('puts an image in the first empty step of its side and light, active document first', () => {
    const s = draft([
      { type: 'id-card', mrz: null, steps: stepsFor('id-card', []) },
      { type: 'id-card', mrz: null, steps: stepsFor('id-card', []) },
    ], 1);
    expect(stepForImage(s, 'back', 'white', true)).toEqual({ doc: 1, step: 1 });
    s.documents[1]!.steps[1]!.imageId = 'x';
    expect(stepForImage(s, 'back', 'white', true)).toEqual({ doc: 0, step: 1 });
    expect(stepForImage(s, 'front', 'ir', true)).toBeNull();
  });

  it('lets a reader that cannot tell sides fill the next empty step in its light', () => {
    const s = draft([{ type: 'id-card', mrz: null, steps: stepsFor('id-card', []) }]);
    s.documents[0]!.steps[0]!.imageId = 'front';
    expect(stepForImage(s, 'front', 'white', true)).toBeNull();
    expect(stepForImage(s, 'front', 'white', false)).toEqual({ doc: 0, step: 1 });
  });

  it('sends an MRZ to the document being scanned, or to a complete one that has none yet', () => {
    const s = draft([{ type: 'passport', mrz: null, steps: stepsFor('passport', []) }]);
    expect(documentForMrz(s)).toBe(0);
    s.documents[0]!.steps[0]!.imageId = 'p';
    expect(documentForMrz(s)).toBe(0);
    s.documents[0]!.mrz = { reading: { ok: false, code: 'mrz.empty', message: '', lines: [], notes: [] }, partial: false };
    expect(documentForMrz(s)).toBeNull();
  });

  it('keeps a person check only for the photo that was compared', () => {
    const s = draft([{ type: 'passport', mrz: null, steps: stepsFor('passport', []) }]);
    s.documents[0]!.steps[0]!.imageId = 'photo-1';
    expect(holderPhotoId(s)).toBe('photo-1');
    s.person = { answer: 'matches', photoId: 'photo-1' };
    expect(personConfirmed(s)).toBe(true);
    s.documents[0]!.steps[0]!.imageId = 'photo-2';
    expect(personConfirmed(s)).toBe(false);
  });

  it('names documents the way staff say them', () => {
    expect(documentName('passport', 0, 1)).toBe('the passport');
    expect(documentName('id-card', 1, 2)).toBe('document 2 (ID card)');
  });

  it('sizes a rotated, cropped image as the rotated frame times the crop', () => {
    expect(adjustedSize(1600, 1000, 90, null)).toEqual({ width: 1000, height: 1600 });
    expect(adjustedSize(1600, 1000, 90, { x: 0, y: 0, width: 0.5, height: 0.25 })).toEqual({ width: 500, height: 400 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.constantFrom(0, 90, 180, 270) as fc.Arbitrary<0 | 90 | 180 | 270>, (w, h, r) => {
        const size = adjustedSize(w, h, r, null);
        expect(size.width * size.height).toBe(w * h);
        expect(Math.max(size.width, size.height)).toBe(Math.max(w, h));
      }),
    );
  });
});
