// What the capture machine holds between events: the visitor's draft, what is known of each image
// (never its bytes: those stay in held-images.ts), the forms, and where Submit stands. Plain data,
// so a transition can copy it and tests can compare it. Pure; runs in main.
import type { Receipt } from '../../preload/contract';
import type { DraftState, ImageState } from './capture-draft';
import type { FormField } from './field-values';
import type { ImageMeasures } from './quality-checks';

/** What the machine knows of one image; `measures` is null until the quality checks have run. */
export type ImageFacts = {
  state: ImageState;
  measures: ImageMeasures | null;
  /** What the resolution check needs: the reader's dpi when it said, else the document's size. */
  document: { dpi?: number; longEdgeInches: number };
};

/**
 * Where the check stands. `draft` is non-null exactly in capturing, checking and saving.
 * - capturing: staff edit, readers fill steps.
 * - checking: Submit waits for the last quality checks; edits and reads still land, a second Submit is refused.
 * - saving: the store is making the capture durable; the draft is frozen. `forgetAfter`: sign-out came meanwhile.
 * - submitted: the visitor's data is in the store; a repeated Submit gets the same receipt until Finish.
 */
export type CapturePhase =
  | { name: 'idle' }
  | { name: 'capturing' }
  | { name: 'checking' }
  | { name: 'saving'; forgetAfter: boolean }
  | { name: 'submitted'; receipt: Receipt };

export type CaptureState = {
  phase: CapturePhase;
  draft: DraftState | null;
  images: Record<string, ImageFacts>;
  /** The signed-in account's application form, and its document-level form (issue 10 §5). */
  definitions: FormField[];
  documentDefinitions: FormField[];
  /** The last MRZ read each device sent: the images that follow it came from the same placement. */
  lastRead: Record<string, string>;
  readSeq: number;
};

export function newCaptureState(): CaptureState {
  return { phase: { name: 'idle' }, draft: null, images: {}, definitions: [], documentDefinitions: [], lastRead: {}, readSeq: 0 };
}

/** The image states by id, as the draft's view and blockers read them. */
export function imageStates(state: CaptureState): Map<string, ImageState> {
  return new Map(Object.entries(state.images).map(([id, facts]) => [id, facts.state]));
}
