// What one step of the capture machine gives back: the new state, the effects the shell performs
// in order, and a refusal or receipt for the caller. Shared by the machine's parts. Pure; runs in main.
import type { ImageLight, Receipt } from '../../preload/contract';
import type { AppError } from '../app-error';
import type { AuditEntry } from '../store/audit-log';
import type { CaptureState } from './capture-state';
import type { ImageTypePolicy } from './capture-input';
import type { QualityThresholds } from './quality-checks';
import type { SavePlan } from './save-input';

/** What a step may read of the world; the shell gathers it fresh for each event. */
export type CaptureContext = {
  now: number;
  /** The desk's day, 'YYYY-MM-DD' (expiry and age). */
  today: string;
  /** The lights the reader offers: a document gets a step per side and light. */
  lights: readonly ImageLight[];
  mrzExpected: boolean;
  thresholds: QualityThresholds;
  imageTypes: ImageTypePolicy;
  newId: () => string;
};

export type CaptureEffect =
  /** Send `capture.changed` with the current view (null once the visitor is forgotten). */
  | { type: 'changed' }
  /** Keep the bytes of the image just decoded, under this id. */
  | { type: 'keep-image'; imageId: string }
  /** Run the quality measures on an image's bytes and report them as `measured`. */
  | { type: 'measure'; imageId: string }
  /** Zero and forget an image's bytes (once sharp work on them is done). */
  | { type: 'drop-image'; imageId: string }
  /** Fetch the application form for this draft and report it as `definitions`. */
  | { type: 'load-definitions'; draftId: string }
  /** Prepare the images, save the capture in the store, and report `saved` or `save-failed`. */
  | { type: 'save'; plan: SavePlan }
  /** Wake the sync worker: the capture is durable. */
  | { type: 'wake-sync'; appId: string }
  | { type: 'audit'; entry: AuditEntry }
  /** Facts only, never personal data (names, MRZ text, bytes). */
  | { type: 'log'; level: 'debug' | 'info' | 'warn'; facts?: Record<string, unknown>; message: string };

export type CaptureTransition = {
  state: CaptureState;
  effects: CaptureEffect[];
  /** The caller's request is refused; the state says what (if anything) still changed. */
  refusal?: AppError;
  /** Submit's answer. */
  receipt?: Receipt;
};

export const unchanged = (state: CaptureState): CaptureTransition => ({ state, effects: [] });

export const refused = (state: CaptureState, refusal: AppError, effects: CaptureEffect[] = []): CaptureTransition => ({ state, effects, refusal });

/**
 * A working copy for one step: the draft rules (capture-draft.ts) edit in place, and the caller's
 * state must stay as it was, so each step edits its own deep copy.
 */
export function workingCopy(state: CaptureState): CaptureState {
  return structuredClone(state);
}

/** Removes an image from the state and asks the shell to wipe its bytes. */
export function dropImage(state: CaptureState, imageId: string, effects: CaptureEffect[]): void {
  if (!(imageId in state.images)) return;
  delete state.images[imageId];
  effects.push({ type: 'drop-image', imageId });
}

/** Forgets the visitor: draft, images, reads, and the account's forms (the next visitor may be captured under another account, whose form differs). */
export function forgetVisitor(state: CaptureState, effects: CaptureEffect[]): void {
  for (const id of Object.keys(state.images)) dropImage(state, id, effects);
  state.draft = null;
  state.lastRead = {};
  state.definitions = [];
  state.documentDefinitions = [];
}
