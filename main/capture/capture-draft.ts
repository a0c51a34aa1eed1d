// The draft of one visitor's capture as main holds it, and the pure rules over it: which steps a
// document needs, which step a reader's image fills, which document an MRZ belongs to, and the
// contract's view of it all. Pure; runs in main (the bytes live in held-images.ts).
import type { CaptureDraft, CapturedImage, DocumentType, ImageLight, ImageSide, QualityCheck, SamePersonReason } from '../../preload/contract';
import type { MrzReading } from '../devices/mrz/mrz-reading';
import { checkIdentity, holderFactsOf, type HolderFacts, type IdentityVerdict } from './identity-rules';
import { mrzViewOf, type HeldMrz } from './mrz-view';

/** `readId`: the reader's read (one placement) the image came with, to compare with the others. */
export type StepState = { side: ImageSide; light: ImageLight; imageId: string | null; readId?: string | null };

/** `chosenType`: what staff chose, when the MRZ said otherwise and its type was taken (issue 11 §1). */
/**
 * `firstReadId`: the document's first MRZ read, kept through retakes: a retake must show the same
 * document, even when every image is retaken (remove the document to start it again).
 */
export type DocumentState = {
  type: DocumentType;
  mrz: (HeldMrz & { readId?: string }) | null;
  steps: StepState[];
  chosenType?: DocumentType | null;
  firstReadId?: string | null;
  /** The document-level custom field values staff filled in (issue 10 §5), by field id. */
  fields?: Record<string, string>;
};

/** One MRZ read, in arrival order. */
export type HeldRead = { seq: number; reading: MrzReading };

/** What main knows of one image besides its bytes. `quality` is null while the checks run. */
export type ImageState = Omit<CapturedImage, 'quality'> & { quality: QualityCheck[] | null };

export type DraftState = {
  id: string;
  startedAt: number;
  queuedApplication: { id: string; name: string } | null;
  documents: DocumentState[];
  /** Application custom field values by field id. */
  fields: Record<string, string>;
  /** Staff's answer to "does the person at the desk match the photo?", and the photo they compared. */
  person: { answer: 'matches' | 'differs'; photoId: string } | null;
  /** The document staff are working on: reader events go here first. */
  active: number;
  /** Every MRZ read still named by a document or an image, by read id. */
  reads?: Record<string, HeldRead>;
  /** Staff vouched that the documents belong to the same person: for which differences, and why. */
  samePerson?: { key: string; reason: SamePersonReason } | null;
};

const lightOrder: ImageLight[] = ['white', 'ir', 'uv'];

/** A passport is scanned at its photo page; cards and other documents on both sides. */
export function sidesOf(type: DocumentType): ImageSide[] {
  return type === 'passport' ? ['front'] : ['front', 'back'];
}

/** Steps for a document: each side × each light the reader offers, white always, in reading order. */
export function stepsFor(type: DocumentType, lights: readonly ImageLight[]): StepState[] {
  const wanted = lightOrder.filter((l) => l === 'white' || lights.includes(l));
  return sidesOf(type).flatMap((side) => wanted.map((light) => ({ side, light, imageId: null })));
}

/** Documents with an MRZ staff expect the reader to read (ICAO 9303 TD1/TD3: passports and cards). */
export function expectsMrz(type: DocumentType): boolean {
  return type === 'passport' || type === 'id-card' || type === 'residence-permit';
}

function firstWanting(state: DraftState, wants: (doc: DocumentState) => boolean): number | null {
  const active = state.documents[state.active];
  if (active && wants(active)) return state.active;
  const index = state.documents.findIndex(wants);
  return index === -1 ? null : index;
}

/**
 * The empty step an image from a reader fills: in the active document first, then in the first
 * document still waiting for it. `sidesKnown` is false for readers that scan one side at a time and
 * cannot tell which (a flatbed): their image fills the next empty step in its light, whatever side.
 */
export function stepForImage(state: DraftState, side: ImageSide, light: ImageLight, sidesKnown: boolean): { doc: number; step: number } | null {
  const matches = (s: StepState) => s.imageId === null && s.light === light && (!sidesKnown || s.side === side);
  const doc = firstWanting(state, (d) => d.steps.some(matches));
  if (doc === null) return null;
  return { doc, step: (state.documents[doc] as DocumentState).steps.findIndex(matches) };
}

/**
 * The document an MRZ read belongs to: one still being scanned (the active one first), else the
 * active one when it has no MRZ yet (an MRZ reader that reads after the images arrived).
 */
export function documentForMrz(state: DraftState): number | null {
  const scanning = firstWanting(state, (d) => d.steps.some((s) => s.imageId === null));
  if (scanning !== null) return scanning;
  return state.documents[state.active]?.mrz === null ? state.active : null;
}

export function locateImage(state: DraftState, imageId: string): { doc: number; step: number } | null {
  for (const [doc, d] of state.documents.entries()) {
    const step = d.steps.findIndex((s) => s.imageId === imageId);
    if (step !== -1) return { doc, step };
  }
  return null;
}

/** The image staff compare with the person at the desk: the first white-light front there is. */
export function holderPhotoId(state: DraftState): string | null {
  for (const d of state.documents) {
    const front = d.steps.find((s) => s.side === 'front' && s.light === 'white' && s.imageId !== null);
    if (front) return front.imageId;
  }
  return null;
}

/** The answer to the person check still holds only for the photo staff compared. */
export function personConfirmed(state: DraftState): boolean {
  return state.person?.answer === 'matches' && state.person.photoId === holderPhotoId(state);
}

const typeWords: Record<DocumentType, string> = {
  passport: 'passport',
  'id-card': 'ID card',
  'driving-licence': 'driving licence',
  'residence-permit': 'residence permit',
  other: 'document',
};

export const lightWords: Record<ImageLight, string> = { white: 'white light', ir: 'infrared light', uv: 'ultraviolet light' };

/** "the passport" when it is the only document, else "document 2 (ID card)". */
export function documentName(type: DocumentType, index: number, count: number): string {
  return count === 1 ? `the ${typeWords[type]}` : `document ${index + 1} (${typeWords[type]})`;
}

/** Pixel size after rotation and crop: what the resolution check judges and what is uploaded. */
export function adjustedSize(width: number, height: number, rotation: 0 | 90 | 180 | 270, crop: CapturedImage['crop']): { width: number; height: number } {
  const turned = rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
  if (!crop) return turned;
  return { width: Math.max(1, Math.round(turned.width * crop.width)), height: Math.max(1, Math.round(turned.height * crop.height)) };
}

/** The reads of each document, oldest first: its MRZ's and those its images came with. */
export function documentReads(state: DraftState, doc: DocumentState): HolderFacts[] {
  const reads = state.reads ?? {};
  const ids = new Set<string>();
  if (doc.firstReadId) ids.add(doc.firstReadId);
  if (doc.mrz?.readId) ids.add(doc.mrz.readId);
  for (const step of doc.steps) if (step.imageId !== null && step.readId) ids.add(step.readId);
  return [...ids]
    .flatMap((id) => (reads[id] ? [reads[id]] : []))
    .sort((a, b) => a.seq - b.seq)
    .flatMap((read) => {
      const facts = holderFactsOf(read.reading);
      return facts ? [facts] : [];
    });
}

export function identityOf(state: DraftState): IdentityVerdict {
  return checkIdentity(
    state.documents.map((doc) => ({ reads: documentReads(state, doc) })),
    state.samePerson?.key ?? null,
  );
}

/** Forgets reads nothing names any more (after a retake or a removed document). */
export function pruneReads(state: DraftState): void {
  if (!state.reads) return;
  const named = new Set<string>();
  for (const doc of state.documents) {
    if (doc.firstReadId) named.add(doc.firstReadId);
    if (doc.mrz?.readId) named.add(doc.mrz.readId);
    for (const step of doc.steps) if (step.imageId !== null && step.readId) named.add(step.readId);
  }
  for (const id of Object.keys(state.reads)) if (!named.has(id)) delete state.reads[id];
}

export function draftView(state: DraftState, images: ReadonlyMap<string, ImageState>, blockers: string[]): CaptureDraft {
  const identity = identityOf(state);
  return {
    id: state.id,
    startedAt: state.startedAt,
    queuedApplication: state.queuedApplication,
    documents: state.documents.map((d, index) => ({
      index,
      type: d.type,
      mrz: d.mrz ? mrzViewOf(d.mrz) : null,
      steps: d.steps.map((s) => {
        const image = s.imageId === null ? undefined : images.get(s.imageId);
        return { side: s.side, light: s.light, image: image ? { ...image, quality: image.quality ?? [] } : null };
      }),
      ...(d.fields && Object.keys(d.fields).length > 0 ? { fields: { ...d.fields } } : {}),
    })),
    fields: { ...state.fields },
    personConfirmed: personConfirmed(state),
    blockers,
    identity: {
      issues: identity.issues.map((issue) => ({
        kind: issue.kind,
        documents: issue.kind === 'different-document' ? [issue.document] : [...issue.documents],
        fields: [...issue.fields],
        overridable: issue.overridable,
      })),
      notes: [
        ...state.documents.flatMap((d, index) => (d.chosenType ? [{ kind: 'type-from-mrz' as const, documents: [index], fields: [], chosen: d.chosenType, read: d.type }] : [])),
        ...identity.notes.map((note) => ({ kind: note.kind, documents: [...note.documents], fields: [...note.fields], chosen: null, read: null })),
      ],
      blocking: identity.blocking,
      canOverride: identity.overrideKey !== null,
      override: state.samePerson && state.samePerson.key === identity.overrideKey ? state.samePerson.reason : null,
    },
  };
}
