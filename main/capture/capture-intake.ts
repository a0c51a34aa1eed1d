// How reader events land in the draft: an MRZ read goes to the document waiting for one, an image
// fills the step waiting for its side and light, and quality measures turn into verdicts. Steps of
// the capture machine; pure; runs in main (the shell decodes images and measures them).
import type { ImageLight, ImageSide, QualityCheck } from '../../preload/contract';
import type { MrzEvent } from '../devices/driver';
import type { MrzReading } from '../devices/mrz/mrz-reading';
import { parseMrz } from '../devices/mrz/parse-mrz';
import { adjustedSize, documentForMrz, pruneReads, stepForImage, stepsFor, type DocumentState } from './capture-draft';
import type { CaptureState, ImageFacts } from './capture-state';
import { dropImage, unchanged, workingCopy, type CaptureContext, type CaptureEffect, type CaptureTransition } from './capture-transition';
import { documentTypeOfMrz, typeAgrees } from './identity-rules';
import { replacesHeldMrz } from './mrz-view';
import { DOCUMENT_LONG_EDGE_INCHES, judgeQuality, type ImageMeasures } from './quality-checks';

export type ArrivedImage = { draftId: string; deviceId: string; side: ImageSide; light: ImageLight; width: number; height: number; dpi?: number; sidesKnown: boolean };

/** The verdict for an image whose bytes could not be measured (a decoder failure). */
const unreadable: QualityCheck[] = [{ id: 'resolution', passed: false, blocking: true, message: 'The image could not be read. Retake it.' }];

/** The draft id reader events go to now, or null when they are dropped (no draft, or it is being saved). */
export function readsGoTo(state: CaptureState): string | null {
  return state.draft && state.phase.name !== 'saving' ? state.draft.id : null;
}

/** A document put on a reader: its images belong to no earlier read (a card's front has no MRZ). */
export function placed(state: CaptureState, deviceId: string): CaptureTransition {
  if (!(deviceId in state.lastRead)) return unchanged(state);
  const next = workingCopy(state);
  delete next.lastRead[deviceId];
  return { state: next, effects: [] };
}

/** The quality verdict of an image from its measures, judged on what rotation and crop leave. */
export function requalify(facts: ImageFacts, ctx: CaptureContext): void {
  if (!facts.measures) return;
  const size = adjustedSize(facts.measures.width, facts.measures.height, facts.state.rotation, facts.state.crop);
  facts.state.quality = judgeQuality({ ...facts.measures, ...size }, facts.state.light, ctx.thresholds, facts.document);
}

export function measured(state: CaptureState, imageId: string, measures: ImageMeasures | null, ctx: CaptureContext): CaptureTransition {
  // Retaken or finished meanwhile: the verdict is for nothing held.
  if (!(imageId in state.images)) return unchanged(state);
  const next = workingCopy(state);
  const facts = next.images[imageId] as ImageFacts;
  facts.measures = measures;
  if (measures) requalify(facts, ctx);
  else facts.state.quality = unreadable;
  return { state: next, effects: [{ type: 'changed' }] };
}

export function imageArrived(state: CaptureState, image: ArrivedImage, ctx: CaptureContext): CaptureTransition {
  if (readsGoTo(state) !== image.draftId) return unchanged(state);
  const next = workingCopy(state);
  const draft = next.draft!;
  // No content in the log: which device, which side and light, and why.
  const facts = { device: image.deviceId, side: image.side, light: image.light };
  const ignored = (message: string): CaptureTransition => ({ state, effects: [{ type: 'log', level: 'info', facts, message }] });
  const target = stepForImage(draft, image.side, image.light, image.sidesKnown);
  if (!target) return ignored('image ignored: no step is waiting for it');
  const doc = draft.documents[target.doc];
  const step = doc?.steps[target.step];
  if (!doc || !step) return unchanged(state);
  const readId = next.lastRead[image.deviceId] ?? null;
  // An image from a placement whose MRZ went to another document (a passport's other pages still
  // arriving after staff added the next document) is that document's, not this one's.
  const owner = readId === null ? -1 : draft.documents.findIndex((d) => d.mrz?.readId === readId || d.firstReadId === readId);
  if (owner !== -1 && owner !== target.doc) return ignored('image ignored: it came with another document’s read');
  const id = ctx.newId();
  next.images[id] = {
    state: { id, side: step.side, light: step.light, width: image.width, height: image.height, rotation: 0, crop: null, quality: null },
    measures: null,
    document: { ...(image.dpi ? { dpi: image.dpi } : {}), longEdgeInches: DOCUMENT_LONG_EDGE_INCHES[doc.type === 'passport' ? 'passport' : 'card'] },
  };
  step.imageId = id;
  step.readId = readId !== null && draft.reads?.[readId] ? readId : null;
  draft.active = target.doc;
  return {
    state: next,
    effects: [
      { type: 'keep-image', imageId: id },
      { type: 'log', level: 'info', facts: { device: image.deviceId, document: target.doc, side: step.side, light: step.light }, message: 'image added to the capture' },
      { type: 'changed' },
      // Off the event path: the image shows at once, its verdict follows in another `capture.changed`.
      { type: 'measure', imageId: id },
    ],
  };
}

export function mrzArrived(state: CaptureState, read: { draftId: string; deviceId: string; mrz: MrzEvent }, ctx: CaptureContext): CaptureTransition {
  if (readsGoTo(state) !== read.draftId) return unchanged(state);
  const next = workingCopy(state);
  const draft = next.draft!;
  const index = documentForMrz(draft);
  const doc = index === null ? undefined : draft.documents[index];
  const reading = parseMrz(read.mrz.lines, { today: ctx.today });
  const readId = `read-${++next.readSeq}`;
  next.lastRead[read.deviceId] = readId;
  // Only the shape of the read: never its text.
  const facts = { device: read.deviceId, ok: reading.ok, format: reading.ok ? reading.format : reading.code, valid: reading.ok && reading.valid, lines: read.mrz.lines.length, partial: read.mrz.partial };
  if (index === null || !doc) return { state: next, effects: [{ type: 'log', level: 'info', facts, message: 'MRZ ignored: no document is waiting for one' }] };
  const held = { reading, partial: read.mrz.partial };
  if (!replacesHeldMrz(doc.mrz, held)) return { state: next, effects: [{ type: 'log', level: 'info', facts, message: 'MRZ ignored: a whole read is already held' }] };
  const effects: CaptureEffect[] = [];
  draft.reads ??= {};
  draft.reads[readId] = { seq: next.readSeq, reading };
  adoptMrzType(next, doc, reading, ctx, effects);
  doc.mrz = { ...held, readId };
  if (reading.ok) doc.firstReadId ??= readId;
  pruneReads(draft);
  draft.active = index;
  effects.push({ type: 'log', level: 'info', facts: { ...facts, document: index }, message: 'MRZ added to the capture' }, { type: 'changed' });
  return { state: next, effects };
}

/**
 * The type staff chose must agree with the MRZ's document code (issue 11 §1): on a document's
 * first read, a disagreeing type is replaced by the MRZ's, with a note. Later reads are compared
 * with the first instead (a retake showing another document is that, not a new type).
 */
function adoptMrzType(state: CaptureState, doc: DocumentState, reading: MrzReading, ctx: CaptureContext, effects: CaptureEffect[]): void {
  if (doc.firstReadId || doc.steps.some((s) => s.imageId !== null && s.readId)) return;
  const read = documentTypeOfMrz(reading);
  if (read === null || typeAgrees(doc.type, read)) return;
  const chosen = doc.chosenType ?? doc.type;
  // Steps of the new type keep the images already taken for the same side and light.
  const kept = doc.steps.filter((s) => s.imageId !== null);
  const steps = stepsFor(read, ctx.lights).map((s) => {
    const had = kept.find((k) => k.side === s.side && k.light === s.light);
    return had ? { ...had } : s;
  });
  for (const old of kept) if (old.imageId !== null && !steps.some((s) => s.imageId === old.imageId)) dropImage(state, old.imageId, effects);
  doc.steps = steps;
  doc.type = read;
  doc.chosenType = chosen;
  effects.push({ type: 'log', level: 'info', facts: { chosen, read }, message: 'document type taken from the MRZ' });
}
