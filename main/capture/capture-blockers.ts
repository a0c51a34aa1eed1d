// What still stands between a draft and Submit, in plain words staff can act on (issue 6 item 3).
// Pure; runs in main. An invalid MRZ check digit is advice, not a blocker: the field shows its
// verdict, and TrustID reads and checks the document itself (a worn but genuine document should
// still reach it), so only a missing or unreadable MRZ stops Submit.
import type { FormField } from './field-values';
import { documentName, expectsMrz, holderPhotoId, lightWords, personConfirmed, type DraftState, type ImageState } from './capture-draft';

export type BlockerContext = {
  /** Whether a reader that reads MRZs is set up; without one, TrustID reads the MRZ from the images. */
  mrzExpected: boolean;
  definitions: readonly FormField[];
  /** The account's document-level fields (issue 10 §5), asked of every document. */
  documentDefinitions?: readonly FormField[];
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function captureBlockers(state: DraftState, images: ReadonlyMap<string, ImageState>, ctx: BlockerContext): string[] {
  const out: string[] = [];
  const count = state.documents.length;
  if (count === 0) out.push('Add a document to this check.');
  for (const [index, doc] of state.documents.entries()) {
    const name = documentName(doc.type, index, count);
    const missing = doc.steps.filter((s) => s.imageId === null || !images.has(s.imageId));
    if (missing.length > 0) {
      const what = missing.map((s) => `${s.side} in ${lightWords[s.light]}`).join(', ');
      out.push(`${missing.length === doc.steps.length ? 'Scan' : 'Scan the rest of'} ${name}: ${what}.`);
    }
    const held = doc.steps.flatMap((s) => {
      const image = s.imageId === null ? undefined : images.get(s.imageId);
      return image ? [image] : [];
    });
    if (held.some((i) => i.quality === null)) out.push(`Checking the quality of the images of ${name}; this takes a moment.`);
    for (const image of held) {
      for (const check of image.quality ?? []) {
        if (!check.passed && check.blocking) out.push(`Retake the ${image.side} of ${name} (${lightWords[image.light]}): ${check.message}`);
      }
    }
    for (const field of ctx.documentDefinitions ?? []) {
      if (field.required && (doc.fields?.[field.id] ?? '').trim() === '') out.push(`Fill in “${field.label}” for ${name}.`);
    }
    if (ctx.mrzExpected && expectsMrz(doc.type)) {
      if (!doc.mrz) out.push(`No MRZ was read from ${name}. Place it on the reader again so its machine-readable zone is read.`);
      else if (!doc.mrz.reading.ok) out.push(`${capitalise(name)}: ${doc.mrz.reading.message}`);
    }
  }
  for (const field of ctx.definitions) {
    if (field.required && (state.fields[field.id] ?? '').trim() === '') out.push(`Fill in “${field.label}”.`);
  }
  if (holderPhotoId(state) !== null && !personConfirmed(state)) {
    out.push(
      state.person?.answer === 'differs' && state.person.photoId === holderPhotoId(state)
        ? 'You said the person at the desk does not match the photo. Do not submit: cancel this check and follow the desk’s procedure.'
        : 'Confirm that the person at the desk matches the photo on the document.',
    );
  }
  return out;
}
