// Staff's edits to the open draft: documents added and removed, retakes, rotation and crop, MRZ
// corrections, field values and the person checks. Steps of the capture machine; every edit is
// refused once Submit is saving. Pure; runs in main.
import type { DocumentType, ImageAdjustment, SamePersonReason } from '../../preload/contract';
import { AppError } from '../app-error';
import { holderPhotoId, identityOf, locateImage, pruneReads, stepsFor, type DraftState } from './capture-draft';
import { requalify } from './capture-intake';
import { maxDocuments, refuse } from './capture-refusals';
import type { CaptureState, ImageFacts } from './capture-state';
import { dropImage, refused, workingCopy, type CaptureContext, type CaptureEffect, type CaptureTransition } from './capture-transition';
import { mergeFieldValues } from './field-values';

export type CaptureEdit =
  | { type: 'add-document'; documentType: DocumentType }
  | { type: 'remove-document'; documentIndex: number }
  | { type: 'retake'; imageId: string }
  | { type: 'adjust-image'; imageId: string; rotation: ImageAdjustment['rotation']; crop: ImageAdjustment['crop'] }
  | { type: 'accept-corrections'; documentIndex: number }
  | { type: 'set-fields'; values: Record<string, string> }
  | { type: 'set-document-fields'; documentIndex: number; values: Record<string, string> }
  | { type: 'confirm-person'; matches: boolean }
  /** `actor`: the staff member vouching, for the audit log. */
  | { type: 'confirm-same-person'; reason: SamePersonReason | null; actor: string };

export function applyEdit(state: CaptureState, edit: CaptureEdit, ctx: CaptureContext): CaptureTransition {
  if (!state.draft) return refused(state, refuse.none());
  if (state.phase.name === 'saving') return refused(state, refuse.busy());
  const next = workingCopy(state);
  const effects: CaptureEffect[] = [];
  try {
    editDraft(next, next.draft!, edit, ctx, effects);
  } catch (refusal) {
    if (!(refusal instanceof AppError)) throw refusal;
    // The working copy may be half edited: the caller's state stands.
    return refused(state, refusal);
  }
  effects.push({ type: 'changed' });
  return { state: next, effects };
}

function editDraft(state: CaptureState, draft: DraftState, edit: CaptureEdit, ctx: CaptureContext, effects: CaptureEffect[]): void {
  const documentAt = (index: number) => {
    const doc = draft.documents[index];
    if (!doc) throw refuse.noDocument();
    return doc;
  };
  switch (edit.type) {
    case 'add-document': {
      if (draft.documents.length >= maxDocuments) throw refuse.tooManyDocuments();
      draft.documents.push({ type: edit.documentType, mrz: null, steps: stepsFor(edit.documentType, ctx.lights) });
      draft.active = draft.documents.length - 1;
      return;
    }
    case 'remove-document': {
      const doc = documentAt(edit.documentIndex);
      if (draft.documents.length === 1) throw refuse.lastDocument();
      for (const step of doc.steps) if (step.imageId !== null) dropImage(state, step.imageId, effects);
      draft.documents.splice(edit.documentIndex, 1);
      pruneReads(draft);
      if (draft.active > edit.documentIndex || draft.active >= draft.documents.length) draft.active = Math.max(0, draft.active - 1);
      return;
    }
    case 'retake': {
      const at = locateImage(draft, edit.imageId);
      if (!at) throw refuse.noImage();
      const step = draft.documents[at.doc]?.steps[at.step];
      if (step) {
        step.imageId = null;
        step.readId = null;
      }
      dropImage(state, edit.imageId, effects);
      pruneReads(draft);
      // The next image in this side and light from the reader fills the step again; the others stay.
      draft.active = at.doc;
      return;
    }
    case 'adjust-image': {
      const facts: ImageFacts | undefined = state.images[edit.imageId];
      if (!facts) throw refuse.noImage();
      // The schema bounds each number; only together can they leave the image.
      const crop = edit.crop;
      if (crop && (crop.x + crop.width > 1 + 1e-6 || crop.y + crop.height > 1 + 1e-6)) throw refuse.badCrop();
      facts.state.rotation = edit.rotation;
      facts.state.crop = crop;
      // The crop changes how many pixels are left, so the resolution verdict follows it.
      requalify(facts, ctx);
      return;
    }
    case 'accept-corrections': {
      const doc = documentAt(edit.documentIndex);
      const reading = doc.mrz?.reading;
      if (!doc.mrz || !reading?.ok || !reading.correction) throw refuse.noCorrections();
      doc.mrz = { reading: reading.correction.reading, partial: doc.mrz.partial, ...(doc.mrz.readId ? { readId: doc.mrz.readId } : {}) };
      const read = doc.mrz.readId ? draft.reads?.[doc.mrz.readId] : undefined;
      if (read) read.reading = reading.correction.reading;
      effects.push({ type: 'log', level: 'info', facts: { document: edit.documentIndex, changes: reading.correction.changes.length }, message: 'MRZ corrections accepted' });
      return;
    }
    case 'set-fields':
      draft.fields = mergeFieldValues(draft.fields, edit.values, state.definitions);
      return;
    case 'set-document-fields': {
      const doc = documentAt(edit.documentIndex);
      doc.fields = mergeFieldValues(doc.fields ?? {}, edit.values, state.documentDefinitions);
      return;
    }
    case 'confirm-person': {
      const photoId = holderPhotoId(draft);
      if (photoId === null) throw refuse.noPhoto();
      draft.person = { answer: edit.matches ? 'matches' : 'differs', photoId };
      effects.push({ type: 'log', level: 'info', facts: { matches: edit.matches }, message: 'person check answered' });
      return;
    }
    case 'confirm-same-person': {
      const identity = identityOf(draft);
      const key = identity.overrideKey;
      if (edit.reason !== null && key === null) throw refuse.nothingToOverride();
      draft.samePerson = edit.reason === null || key === null ? null : { key, reason: edit.reason };
      // Codes only: which differences and why, never the names or dates themselves.
      effects.push(
        {
          type: 'audit',
          entry: {
            action: edit.reason === null ? 'capture.same-person-withdrawn' : 'capture.same-person-confirmed',
            actor: edit.actor,
            detail: { reason: edit.reason, documents: draft.documents.length, fields: identityOf(draft).issues.flatMap((i) => i.fields).join(',') || null },
          },
        },
        { type: 'log', level: 'info', facts: { reason: edit.reason }, message: 'same person vouched for' },
      );
      return;
    }
  }
}
