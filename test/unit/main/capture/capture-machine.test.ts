// The capture machine with plain values: no sharp, no store, no timers. Every transition of a
// check's life, the refusals among them, and (fast-check) that no sequence of events mutates the
// state it is given or breaks the phase/draft/image invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentType, ImageLight, ImageSide } from '../../../../preload/contract';
import { captureView, nextCaptureStep, startRefusal, type CaptureEvent } from '../../../../main/capture/capture-machine';
import { readsGoTo } from '../../../../main/capture/capture-intake';
import { newCaptureState, type CaptureState } from '../../../../main/capture/capture-state';
import { defaultImageTypes } from '../../../../main/capture/capture-input';
import type { CaptureContext, CaptureEffect, CaptureTransition } from '../../../../main/capture/capture-transition';
import { defaultQualityThresholds, type ImageMeasures } from '../../../../main/capture/quality-checks';
import { specimenDocument } from '../../../../main/demo/simulated-reader/specimen-documents';

const today = '2026-05-01';
const passport = specimenDocument({ kind: 'passport' }, today);
const card = specimenDocument({ kind: 'id-card' }, today);
const who = { staffId: 'staff-1', accountId: 'kiosk' };
const sharpMeasures: ImageMeasures = { width: 1600, height: 1100, sharpness: 10_000, glareShare: 0, brightness: 128 };

function context(lights: ImageLight[] = ['white']): CaptureContext {
  let ids = 0;
  return { now: 1_000, today, lights, mrzExpected: true, thresholds: defaultQualityThresholds, imageTypes: defaultImageTypes, newId: () => `id-${++ids}` };
}

/** Runs events one after another, as the shell does; returns every transition. */
function run(state: CaptureState, events: CaptureEvent[], ctx: CaptureContext): { state: CaptureState; steps: CaptureTransition[] } {
  const steps: CaptureTransition[] = [];
  for (const event of events) {
    const t = nextCaptureStep(state, event, ctx);
    steps.push(t);
    state = t.state;
  }
  return { state, steps };
}

const draftId = (s: CaptureState) => s.draft?.id ?? '';
const mrz = (lines: readonly string[], deviceId = 'reader'): CaptureEvent => ({ type: 'reader-mrz', draftId: '', deviceId, mrz: { lines: [...lines], raw: new Uint8Array(), partial: false, source: 'test' } });
const image = (side: ImageSide, light: ImageLight = 'white', deviceId = 'reader'): CaptureEvent => ({ type: 'reader-image', draftId: '', deviceId, side, light, width: 1600, height: 1100, dpi: 300, sidesKnown: true });
/** Reader events carry the draft they arrived for: the shell reads it on arrival. */
const forDraft = (s: CaptureState, e: CaptureEvent): CaptureEvent => ('draftId' in e && e.type.startsWith('reader') ? { ...e, draftId: draftId(s) } : e);
const kinds = (effects: CaptureEffect[]) => effects.map((e) => e.type);
const imageIdsOf = (s: CaptureState) => (s.draft?.documents ?? []).flatMap((d) => d.steps.map((st) => st.imageId));

/** A passport with its MRZ, one measured white front and the person confirmed: ready to submit. */
function readyPassport(ctx = context()): CaptureState {
  let s = nextCaptureStep(newCaptureState(), { type: 'start', documentType: 'passport', queued: null }, ctx).state;
  s = nextCaptureStep(s, forDraft(s, mrz(passport.mrz)), ctx).state;
  s = nextCaptureStep(s, forDraft(s, image('front')), ctx).state;
  const imageId = imageIdsOf(s)[0] as string;
  s = nextCaptureStep(s, { type: 'measured', imageId, measures: sharpMeasures }, ctx).state;
  return nextCaptureStep(s, { type: 'confirm-person', matches: true }, ctx).state;
}

function saving(ctx = context()): CaptureState {
  const s = readyPassport(ctx);
  return run(s, [{ type: 'submit', who }, { type: 'checks-settled', draftId: draftId(s), who }], ctx).state;
}

const saved: CaptureEvent = { type: 'saved', appId: '0190f0a0-1234-7abc-8def-0123456789ab', documents: 1, images: 1, online: true };

describe('capture machine: a check from start to receipt', () => {
  it('start opens a draft with a step per side and light, asks for the form, and refuses a second start', () => {
    const ctx = context(['white', 'uv']);
    const t = nextCaptureStep(newCaptureState(), { type: 'start', documentType: 'id-card', queued: null }, ctx);
    expect(t.state.phase.name).toBe('capturing');
    expect(t.state.draft?.documents[0]?.steps.map((s) => `${s.side}/${s.light}`)).toEqual(['front/white', 'front/uv', 'back/white', 'back/uv']);
    expect(t.effects).toContainEqual({ type: 'load-definitions', draftId: t.state.draft?.id });
    expect(kinds(t.effects)).toContain('changed');
    const again = nextCaptureStep(t.state, { type: 'start', documentType: 'passport', queued: null }, ctx);
    expect(again.refusal?.code).toBe('capture.already-open');
    expect(again.state).toBe(t.state);
    expect(startRefusal(t.state)?.code).toBe('capture.already-open');
  });

  it('submit waits for the checks, then plans the save; a second submit meanwhile is refused busy', () => {
    const ctx = context();
    const ready = readyPassport(ctx);
    const asked = nextCaptureStep(ready, { type: 'submit', who }, ctx);
    expect(asked.state.phase.name).toBe('checking');
    expect(asked.effects).toEqual([]);
    expect(nextCaptureStep(asked.state, { type: 'submit', who }, ctx).refusal?.code).toBe('capture.busy');
    const settled = nextCaptureStep(asked.state, { type: 'checks-settled', draftId: draftId(ready), who }, ctx);
    expect(settled.state.phase).toEqual({ name: 'saving', forgetAfter: false });
    const save = settled.effects.find((e) => e.type === 'save');
    expect(save?.type === 'save' && save.plan).toMatchObject({
      accountId: 'kiosk',
      capturedBy: 'staff-1',
      documents: [{ format: 'TD3', personal: expect.objectContaining({ mrz: passport.mrz.join('\n') }), images: [{ imageId: imageIdsOf(ready)[0], imageType: 2, placement: { side: 'page', light: 'white' } }] }],
    });
    expect(nextCaptureStep(settled.state, { type: 'submit', who }, ctx).refusal?.code).toBe('capture.busy');
  });

  it('refuses submit with nobody signed in or no draft, and keeps the draft as it was', () => {
    const ctx = context();
    const ready = readyPassport(ctx);
    const t = nextCaptureStep(ready, { type: 'submit', who: null }, ctx);
    expect(t.refusal?.code).toBe('capture.signed-out');
    expect(t.state).toBe(ready);
    expect(nextCaptureStep(newCaptureState(), { type: 'submit', who }, ctx).refusal?.code).toBe('capture.none');
  });

  it('a draft with blockers or two people goes back to capturing with the refusal', () => {
    const ctx = context();
    const s = nextCaptureStep(newCaptureState(), { type: 'start', documentType: 'passport', queued: null }, ctx).state;
    const t = run(s, [{ type: 'submit', who }, { type: 'checks-settled', draftId: draftId(s), who }], ctx).steps[1]!;
    expect(t.refusal?.code).toBe('capture.not-ready');
    expect(t.refusal?.message).toMatch(/Scan the passport/);
    expect(t.state.phase.name).toBe('capturing');
    expect(t.effects).toContainEqual(expect.objectContaining({ type: 'log', level: 'warn', message: 'capture not saved' }));

    // The card of another person, as a second document: the dates of birth differ.
    let two = readyPassport(ctx);
    two = run(two, [{ type: 'add-document', documentType: 'id-card' }], ctx).state;
    two = run(two, [forDraft(two, mrz(card.mrz)), forDraft(two, image('front')), forDraft(two, image('back'))], ctx).state;
    for (const id of imageIdsOf(two).slice(1)) two = nextCaptureStep(two, { type: 'measured', imageId: id as string, measures: sharpMeasures }, ctx).state;
    const mismatch = run(two, [{ type: 'submit', who }, { type: 'checks-settled', draftId: draftId(two), who }], ctx).steps[1]!;
    expect(mismatch.refusal?.code).toBe('capture.identity-mismatch');
    expect(mismatch.state.phase.name).toBe('capturing');
  });

  it('saved forgets the visitor, wakes sync and answers the receipt; a repeated submit gets it again until Finish', () => {
    const ctx = context();
    const before = saving(ctx);
    const ids = Object.keys(before.images);
    const t = nextCaptureStep(before, saved, ctx);
    expect(t.receipt).toMatchObject({ applicationId: '0190f0a0-1234-7abc-8def-0123456789ab', queued: false });
    expect(t.state.draft).toBeNull();
    expect(t.state.images).toEqual({});
    expect(t.effects).toEqual(expect.arrayContaining([...ids.map((imageId) => ({ type: 'drop-image', imageId })), { type: 'wake-sync', appId: '0190f0a0-1234-7abc-8def-0123456789ab' }, { type: 'changed' }]));
    const again = nextCaptureStep(t.state, { type: 'submit', who }, ctx);
    expect(again.receipt).toBe(t.receipt);
    expect(again.effects).toEqual([]);
    const finished = nextCaptureStep(t.state, { type: 'finish' }, ctx).state;
    expect(nextCaptureStep(finished, { type: 'submit', who }, ctx).refusal?.code).toBe('capture.none');
  });

  it('an offline save says the check is queued on this kiosk', () => {
    const t = nextCaptureStep(saving(), { ...saved, online: false } as CaptureEvent, context());
    expect(t.receipt).toMatchObject({ queued: true, message: expect.stringMatching(/when the connection is back/) });
  });

  it('a failed save keeps the draft and its images for another try', () => {
    const ctx = context();
    const before = saving(ctx);
    const t = nextCaptureStep(before, { type: 'save-failed', code: 'store.disk-full' }, ctx);
    expect(t.state.phase.name).toBe('capturing');
    expect(t.state.draft).toEqual(before.draft);
    expect(t.state.images).toEqual(before.images);
    expect(kinds(t.effects)).not.toContain('drop-image');
  });
});

describe('capture machine: refusals while saving and after submit', () => {
  const edits: CaptureEvent[] = [
    { type: 'add-document', documentType: 'id-card' },
    { type: 'remove-document', documentIndex: 0 },
    { type: 'retake', imageId: 'id-2' },
    { type: 'adjust-image', imageId: 'id-2', rotation: 90, crop: null },
    { type: 'accept-corrections', documentIndex: 0 },
    { type: 'set-fields', values: { a: 'b' } },
    { type: 'set-document-fields', documentIndex: 0, values: { a: 'b' } },
    { type: 'confirm-person', matches: false },
    { type: 'confirm-same-person', reason: null, actor: 'staff-1' },
  ];

  it('refuses every edit (a retake among them) while saving, leaving the state as it was', () => {
    const ctx = context();
    const s = saving(ctx);
    expect(imageIdsOf(s)).toContain('id-2');
    for (const edit of edits) {
      const t = nextCaptureStep(s, edit, ctx);
      expect(t.refusal?.code, edit.type).toBe('capture.busy');
      expect(t.state).toBe(s);
      expect(t.effects).toEqual([]);
    }
    expect(nextCaptureStep(s, { type: 'finish' }, ctx).refusal?.code).toBe('capture.busy');
  });

  it('refuses every edit after submit: the draft is gone', () => {
    const ctx = context();
    const done = nextCaptureStep(saving(ctx), saved, ctx).state;
    for (const edit of edits) expect(nextCaptureStep(done, edit, ctx).refusal?.code, edit.type).toBe('capture.none');
  });

  it('sign-out while saving waits for the save, then forgets the visitor, receipt and all', () => {
    const ctx = context();
    const cleared = nextCaptureStep(saving(ctx), { type: 'clear' }, ctx);
    expect(cleared.state.phase).toEqual({ name: 'saving', forgetAfter: true });
    expect(cleared.state.draft).not.toBeNull();
    const t = nextCaptureStep(cleared.state, saved, ctx);
    expect(t.receipt?.applicationId).toBe('0190f0a0-1234-7abc-8def-0123456789ab');
    expect(t.state.phase.name).toBe('idle');
    expect(kinds(t.effects)).toContain('wake-sync');
    expect(nextCaptureStep(t.state, { type: 'submit', who }, ctx).refusal?.code).toBe('capture.none');

    const failed = nextCaptureStep(cleared.state, { type: 'save-failed', code: 'store.no-key' }, ctx);
    expect(failed.state.phase.name).toBe('idle');
    expect(failed.state.draft).toBeNull();
  });

  it('sign-out while Submit waits for the checks ends the check, and the checks then find nothing to save', () => {
    const ctx = context();
    const ready = readyPassport(ctx);
    const { state } = run(ready, [{ type: 'submit', who }, { type: 'clear' }], ctx);
    expect(state.draft).toBeNull();
    const t = nextCaptureStep(state, { type: 'checks-settled', draftId: draftId(ready), who }, ctx);
    expect(t.refusal?.code).toBe('capture.none');
    expect(kinds(t.effects)).not.toContain('save');
  });
});

describe('capture machine: reader events', () => {
  it('an MRZ or image arriving mid-review, with every step filled, is ignored and logged by shape only', () => {
    const ctx = context();
    const ready = readyPassport(ctx);
    const read = nextCaptureStep(ready, forDraft(ready, mrz(card.mrz)), ctx);
    expect(read.state.draft?.documents[0]?.mrz).toEqual(ready.draft?.documents[0]?.mrz);
    expect(read.effects).toEqual([expect.objectContaining({ type: 'log', message: 'MRZ ignored: no document is waiting for one' })]);
    expect(JSON.stringify(read.effects)).not.toContain(card.mrz[0]);
    const img = nextCaptureStep(ready, forDraft(ready, image('front')), ctx);
    expect(img.state).toBe(ready);
    expect(img.effects).toEqual([expect.objectContaining({ type: 'log', message: 'image ignored: no step is waiting for it' })]);
  });

  it('drops reader events while saving and those that arrived for an earlier draft', () => {
    const ctx = context();
    const s = saving(ctx);
    expect(readsGoTo(s)).toBeNull();
    expect(nextCaptureStep(s, { ...image('front'), draftId: draftId(s) } as CaptureEvent, ctx).state).toBe(s);
    const open = nextCaptureStep(newCaptureState(), { type: 'start', documentType: 'passport', queued: null }, ctx).state;
    expect(nextCaptureStep(open, { ...image('front'), draftId: 'an-earlier-draft' } as CaptureEvent, ctx).state).toBe(open);
  });

  it('an image fills its step and asks for its bytes to be kept and measured; its verdict comes with the measures', () => {
    const ctx = context();
    const open = nextCaptureStep(newCaptureState(), { type: 'start', documentType: 'passport', queued: null }, ctx).state;
    const t = nextCaptureStep(open, forDraft(open, image('front')), ctx);
    const id = imageIdsOf(t.state)[0] as string;
    expect(kinds(t.effects)).toEqual(['keep-image', 'log', 'changed', 'measure']);
    expect(captureView(t.state, true)?.blockers).toContain('Checking the quality of the images of the passport; this takes a moment.');
    const unreadable = nextCaptureStep(t.state, { type: 'measured', imageId: id, measures: null }, ctx);
    expect(unreadable.state.images[id]?.state.quality).toEqual([expect.objectContaining({ passed: false, blocking: true })]);
    // Retaken before its measures came: they are for nothing held.
    const retaken = nextCaptureStep(t.state, { type: 'retake', imageId: id }, ctx);
    expect(retaken.effects).toContainEqual({ type: 'drop-image', imageId: id });
    expect(nextCaptureStep(retaken.state, { type: 'measured', imageId: id, measures: sharpMeasures }, ctx).state).toBe(retaken.state);
  });
});

describe('capture machine: a new visitor', () => {
  it('Finish forgets the draft, images, reads and the account’s forms; the next check starts clean', () => {
    const ctx = context();
    let s = readyPassport(ctx);
    s = nextCaptureStep(s, { type: 'definitions', form: 'application', definitions: [{ id: 'f', label: 'Ref', kind: 'text', required: true }] as never, announceFor: null }, ctx).state;
    const ids = Object.keys(s.images);
    const t = nextCaptureStep(s, { type: 'finish' }, ctx);
    // Only the read counter goes on: read ids stay unique across visitors.
    expect(t.state).toEqual({ ...newCaptureState(), readSeq: s.readSeq });
    expect(t.effects).toEqual(expect.arrayContaining(ids.map((imageId) => ({ type: 'drop-image', imageId }))));
    const next = nextCaptureStep(t.state, { type: 'start', documentType: 'passport', queued: null }, ctx).state;
    expect(imageIdsOf(next)).toEqual([null]);
    expect(next.draft?.reads).toBeUndefined();
    expect(captureView(next, true)?.blockers.join(' ')).not.toMatch(/Ref/);
  });

  it('discard audits counts only and forgets the check', () => {
    const ctx = context();
    const t = nextCaptureStep(readyPassport(ctx), { type: 'discard', actor: 'staff-1' }, ctx);
    expect(t.state.draft).toBeNull();
    expect(t.effects).toContainEqual({ type: 'audit', entry: { action: 'capture.draft-discarded', actor: 'staff-1', detail: { documents: 1, images: 1, ageSeconds: 0 } } });
  });
});

describe('capture machine: any sequence of events', () => {
  const eventArb: fc.Arbitrary<(s: CaptureState) => CaptureEvent> = fc.oneof(
    fc.constantFrom<DocumentType>('passport', 'id-card').map((documentType) => () => ({ type: 'start', documentType, queued: null })),
    fc.constantFrom<DocumentType>('passport', 'id-card').map((documentType) => () => ({ type: 'add-document', documentType })),
    fc.nat(2).map((documentIndex) => () => ({ type: 'remove-document', documentIndex })),
    fc.constantFrom<ImageSide>('front', 'back').map((side) => (s: CaptureState) => forDraft(s, image(side))),
    fc.constantFrom(passport.mrz, card.mrz).map((lines) => (s: CaptureState) => forDraft(s, mrz(lines))),
    fc.constant(() => ({ type: 'reader-placed', deviceId: 'reader' }) as CaptureEvent),
    fc.nat(5).map((n) => (s: CaptureState) => ({ type: 'measured', imageId: Object.keys(s.images)[n] ?? 'gone', measures: sharpMeasures }) as CaptureEvent),
    fc.nat(5).map((n) => (s: CaptureState) => ({ type: 'retake', imageId: Object.keys(s.images)[n] ?? 'gone' }) as CaptureEvent),
    fc.boolean().map((matches) => () => ({ type: 'confirm-person', matches })),
    fc.constant(() => ({ type: 'submit', who }) as CaptureEvent),
    fc.constant((s: CaptureState) => ({ type: 'checks-settled', draftId: draftId(s), who }) as CaptureEvent),
    fc.constant(() => saved),
    fc.constant(() => ({ type: 'save-failed', code: 'store.disk-full' }) as CaptureEvent),
    fc.constantFrom<CaptureEvent>({ type: 'finish' }, { type: 'clear' }, { type: 'discard', actor: 'a' }).map((event) => () => event),
  ) as fc.Arbitrary<(s: CaptureState) => CaptureEvent>;

  it('never mutates the state it is given, and keeps phase, draft and images consistent', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (makers) => {
        const ctx = context();
        let s = newCaptureState();
        for (const make of makers) {
          const event = make(s);
          const given = s;
          const before = structuredClone(s);
          const t = nextCaptureStep(s, event, ctx);
          expect(given).toEqual(before);
          // A refusal changes nothing, except that a Submit refused after its checks goes back to capturing.
          if (t.refusal && event.type !== 'checks-settled') expect(t.state).toBe(given);
          s = t.state;
          const open = s.phase.name === 'capturing' || s.phase.name === 'checking' || s.phase.name === 'saving';
          expect(s.draft !== null).toBe(open);
          // Every image a step names is held, and every held image is named by a step.
          const named = imageIdsOf(s).filter((id): id is string => id !== null);
          expect(new Set(named)).toEqual(new Set(Object.keys(s.images)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
