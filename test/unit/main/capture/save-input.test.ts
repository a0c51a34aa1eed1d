// The store input Submit builds: the machine's plan (which images, which types, which fields) and
// the shell's bytes filled in. Plain values; the real images and store are in capture-service.test.ts.
import { describe, expect, it } from 'vitest';
import { stepsFor } from '../../../../main/capture/capture-draft';
import { defaultImageTypes } from '../../../../main/capture/capture-input';
import { newCaptureState, type CaptureState } from '../../../../main/capture/capture-state';
import { saveInputOf, savePlanOf } from '../../../../main/capture/save-input';

const who = { staffId: 'staff-1', accountId: 'kiosk' };

function cardWithImages(): CaptureState {
  const state = newCaptureState();
  const steps = stepsFor('id-card', ['white', 'ir']).map((s, i) => ({ ...s, imageId: `img-${i}` }));
  state.draft = { id: 'd', startedAt: 0, queuedApplication: { id: 'c-1', name: 'Ref 7' }, documents: [{ type: 'id-card', mrz: null, steps }], fields: { ref: ' 42 ', gone: 'x' }, person: null, active: 0 };
  for (const s of steps) {
    state.images[s.imageId] = { state: { id: s.imageId, side: s.side, light: s.light, width: 10, height: 10, rotation: 0, crop: null, quality: [] }, measures: null, document: { longEdgeInches: 3 } };
  }
  state.definitions = [{ id: 'ref', label: 'Reference', kind: 'text', required: false } as never];
  return state;
}

describe('save input', () => {
  it('plans the white-light front and back under their image types, keeps IR local, and counts values whose field went', () => {
    const { plan, leftOut } = savePlanOf(cardWithImages(), who, defaultImageTypes);
    expect(plan.documents[0]?.images.map((i) => [i.imageId, i.imageType, i.placement.side, i.placement.light])).toEqual([
      ['img-0', 2, 'front', 'white'],
      ['img-2', 3, 'back', 'white'],
    ]);
    expect(plan.applicationFields).toEqual([{ fieldId: 'ref', kind: 'string', value: '42' }]);
    expect(leftOut).toBe(1);
    expect(plan.queuedContainer).toEqual({ containerId: 'c-1', label: 'Ref 7' });
    expect(plan).toMatchObject({ accountId: 'kiosk', capturedBy: 'staff-1' });
  });

  it('fills in each planned image’s final bytes, one after another, in the plan’s order', async () => {
    const { plan } = savePlanOf(cardWithImages(), who, defaultImageTypes);
    const asked: string[] = [];
    const input = await saveInputOf(plan, async (image) => {
      asked.push(image.imageId);
      return { bytes: new TextEncoder().encode(image.imageId), mime: 'image/jpeg' };
    });
    expect(asked).toEqual(['img-0', 'img-2']);
    expect(input.documents[0]?.images).toEqual([
      { bytes: new TextEncoder().encode('img-0'), mime: 'image/jpeg', imageType: 2, side: 'front', light: 'white' },
      { bytes: new TextEncoder().encode('img-2'), mime: 'image/jpeg', imageType: 3, side: 'back', light: 'white' },
    ]);
    expect(input.documents[0]).not.toHaveProperty('customFields');
  });
});
