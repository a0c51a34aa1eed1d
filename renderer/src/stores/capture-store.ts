// The visitor's capture as the renderer shows it: a mirror of main's draft (`capture.*`,
// `capture.changed`), which stage of the journey is showing, the receipt after Submit. Personal
// data: resetCapture() (via resetVisitorStores) empties it on Finish, sign-out and lock reset.
import { create } from 'zustand';
import type { CaptureDraft, DocumentType, Receipt, Req, SamePersonReason } from '../../../preload/contract';
import { onVisitorReset } from '../app/visitor-reset';
import { BridgeError, getBridge, type Bridge } from '../bridge';
import { releaseImages } from './media-store';

export type CaptureStage = 'scan' | 'review' | 'details';
export type ImageAdjustment = Pick<Req<'capture.adjustImage'>, 'rotation' | 'crop'>;
export type CaptureTask = 'start' | 'add' | 'remove' | 'retake' | 'adjust' | 'corrections' | 'fields' | 'confirm' | 'identity' | 'submit' | 'finish' | 'discard' | 'scan' | 'load';

type CaptureState = {
  draft: CaptureDraft | null;
  receipt: Receipt | null;
  stage: CaptureStage;
  /** Which of the draft's documents is being scanned or reviewed. */
  activeDocument: number;
  /** What is being done right now, for progress and disabling; null when idle. */
  busy: CaptureTask | null;
  /** The last failure in plain words (main's message), with what failed. */
  error: { task: CaptureTask; message: string; code: string } | null;
  /** The image open in review; kept here so the idle lock (which unmounts the screen) keeps it. */
  reviewImageId: string | null;
  /** The step last retaken, so review reopens on its new image rather than the first one. */
  retakenStep: { documentIndex: number; side: string; light: string } | null;
  /** Rotation and crop changed in review but not yet saved, by image id. */
  pending: Record<string, ImageAdjustment>;
  /** Custom field values typed but not yet saved with `capture.setFields`; null when none. */
  fieldEdits: Record<string, string> | null;
  /** The operator's last answer to "does the person match the photo?" in this capture. */
  personAnswer: boolean | null;
  /** An unfinished check main holds that staff have not yet chosen to resume or discard. */
  unfinished: CaptureDraft | null;
};

const initial: CaptureState = { draft: null, receipt: null, stage: 'scan', activeDocument: 0, busy: null, error: null, reviewImageId: null, retakenStep: null, pending: {}, fieldEdits: null, personAnswer: null, unfinished: null };

export const useCaptureStore = create<CaptureState>(() => ({ ...initial }));

export function resetCapture(): void {
  useCaptureStore.setState({ ...initial });
}

export function isDocumentComplete(draft: CaptureDraft, index: number): boolean {
  const doc = draft.documents[index];
  return !!doc && doc.steps.length > 0 && doc.steps.every((s) => s.image !== null);
}

function imageIds(draft: CaptureDraft | null): Set<string> {
  return new Set(draft?.documents.flatMap((d) => d.steps.flatMap((s) => (s.image ? [s.image.id] : []))) ?? []);
}

/**
 * Takes a draft from main (an answer or a `capture.changed` event): frees images it no longer
 * names, keeps the active document in range, and moves from scanning to review when the active
 * document's last image lands.
 */
export function applyDraft(draft: CaptureDraft | null): void {
  const before = useCaptureStore.getState();
  if (!draft) {
    // Main dropped the draft (Finish elsewhere, sign-out). A receipt stays until Finish.
    releaseImages((key) => key.startsWith('capture:'));
    useCaptureStore.setState({ draft: null, stage: 'scan', activeDocument: 0 });
    return;
  }
  const keep = imageIds(draft);
  releaseImages((key) => key.startsWith('capture:') && !keep.has(key.split(':')[1] ?? ''));
  const activeDocument = Math.min(before.activeDocument, Math.max(0, draft.documents.length - 1));
  let stage = before.draft?.id === draft.id ? before.stage : 'scan';
  const wasComplete = before.draft?.id === draft.id && isDocumentComplete(before.draft, activeDocument);
  if (stage === 'scan' && !wasComplete && isDocumentComplete(draft, activeDocument)) stage = 'review';
  const pending = Object.fromEntries(Object.entries(before.pending).filter(([id]) => keep.has(id)));
  let reviewImageId = before.reviewImageId && keep.has(before.reviewImageId) ? before.reviewImageId : null;
  let retakenStep = before.draft?.id === draft.id ? before.retakenStep : null;
  if (retakenStep) {
    const { documentIndex, side, light } = retakenStep;
    const again = draft.documents[documentIndex]?.steps.find((s) => s.side === side && s.light === light)?.image;
    if (again) {
      reviewImageId = again.id;
      retakenStep = null;
    }
  }
  const same = before.draft?.id === draft.id;
  useCaptureStore.setState({
    draft,
    activeDocument,
    stage,
    pending,
    reviewImageId,
    retakenStep,
    // Edits and answers belong to one draft; a different draft starts clean.
    fieldEdits: same ? before.fieldEdits : null,
    personAnswer: same ? before.personAnswer : null,
  });
}

async function run<T>(task: CaptureTask, work: () => Promise<T>): Promise<T | undefined> {
  useCaptureStore.setState({ busy: task, error: null });
  try {
    return await work();
  } catch (error) {
    const e = error instanceof BridgeError ? error : new BridgeError('renderer.failed', (error as Error).message);
    useCaptureStore.setState({ error: { task, message: e.message, code: e.code } });
    return undefined;
  } finally {
    useCaptureStore.setState((s) => (s.busy === task ? { busy: null } : s));
  }
}

async function draftCall(task: CaptureTask, call: (bridge: Bridge) => Promise<CaptureDraft>): Promise<boolean> {
  const draft = await run(task, () => call(getBridge()));
  if (draft) applyDraft(draft);
  return !!draft;
}

export function setStage(stage: CaptureStage): void {
  useCaptureStore.setState({ stage, error: null });
}

export function setActiveDocument(index: number, stage?: CaptureStage): void {
  useCaptureStore.setState((s) => ({ activeDocument: index, stage: stage ?? s.stage, error: null }));
}

export function selectReviewImage(imageId: string | null): void {
  useCaptureStore.setState({ reviewImageId: imageId });
}

/** Records an unsaved rotation/crop; null forgets it (undo, or after saving). */
export function setPendingAdjustment(imageId: string, adjustment: ImageAdjustment | null): void {
  useCaptureStore.setState((s) => {
    const pending = { ...s.pending };
    if (adjustment) pending[imageId] = adjustment;
    else delete pending[imageId];
    return { pending };
  });
}

export function clearCaptureError(): void {
  useCaptureStore.setState({ error: null });
}

/** Starts a capture (optionally into a queued application) and shows its first step. */
export async function startCapture(request: Req<'capture.start'>): Promise<boolean> {
  useCaptureStore.setState({ ...initial });
  return draftCall('start', (b) => b.invoke('capture.start', request));
}

/**
 * Picks up a draft main still holds. After the idle lock (the same screen, mounted again) it is
 * shown at once; when staff are starting a check (`ask`), an unfinished one is not reopened
 * silently: they choose resume or discard (issue 11 §2).
 */
export async function loadCapture(options: { ask?: boolean } = {}): Promise<void> {
  const draft = await run('load', () => getBridge().invoke('capture.get'));
  if (draft === undefined) return;
  if (options.ask) {
    // A receipt left on screen belongs to a check already saved: a new check starts clean.
    if (useCaptureStore.getState().receipt && !draft) {
      await finishCapture();
      resetCapture();
    }
    if (draft) {
      releaseImages((key) => key.startsWith('capture:'));
      useCaptureStore.setState({ ...initial, unfinished: draft });
      return;
    }
  }
  const { draft: current } = useCaptureStore.getState();
  if (draft && current?.id !== draft.id) {
    // A draft this screen has not seen: show where it stands, scanning if anything is missing.
    const firstIncomplete = draft.documents.findIndex((_, i) => !isDocumentComplete(draft, i));
    useCaptureStore.setState({
      draft,
      activeDocument: firstIncomplete === -1 ? 0 : firstIncomplete,
      stage: firstIncomplete === -1 ? 'review' : 'scan',
    });
    return;
  }
  applyDraft(draft);
}

export async function addDocument(documentType: DocumentType): Promise<boolean> {
  const ok = await draftCall('add', (b) => b.invoke('capture.addDocument', { documentType }));
  const draft = useCaptureStore.getState().draft;
  if (ok && draft) setActiveDocument(draft.documents.length - 1, 'scan');
  return ok;
}

export async function removeDocument(documentIndex: number): Promise<boolean> {
  return draftCall('remove', (b) => b.invoke('capture.removeDocument', { documentIndex }));
}

/** Drops one image and goes back to scanning for just that step; the others stay. */
export async function retakeImage(imageId: string): Promise<boolean> {
  const { draft } = useCaptureStore.getState();
  const documentIndex = draft?.documents.findIndex((d) => d.steps.some((s) => s.image?.id === imageId)) ?? -1;
  const step = draft?.documents[documentIndex]?.steps.find((s) => s.image?.id === imageId);
  if (step) useCaptureStore.setState({ retakenStep: { documentIndex, side: step.side, light: step.light } });
  const ok = await draftCall('retake', (b) => b.invoke('capture.retake', { imageId }));
  if (ok) setStage('scan');
  return ok;
}

/** Saves the image's pending rotation and crop in main. */
export async function saveAdjustment(imageId: string): Promise<boolean> {
  const adjustment = useCaptureStore.getState().pending[imageId];
  if (!adjustment) return true;
  const ok = await draftCall('adjust', (b) => b.invoke('capture.adjustImage', { imageId, ...adjustment }));
  if (ok) setPendingAdjustment(imageId, null);
  return ok;
}

/** Saves every pending rotation and crop; stops at the first failure. */
export async function saveAllAdjustments(): Promise<boolean> {
  for (const imageId of Object.keys(useCaptureStore.getState().pending)) {
    if (!(await saveAdjustment(imageId))) return false;
  }
  return true;
}

export async function acceptCorrections(documentIndex: number): Promise<boolean> {
  return draftCall('corrections', (b) => b.invoke('capture.acceptCorrections', { documentIndex }));
}

export function editFields(values: Record<string, string> | null): void {
  useCaptureStore.setState({ fieldEdits: values });
}

/** Saves the typed custom field values (if any) with `capture.setFields`. */
export async function saveFields(): Promise<boolean> {
  const values = useCaptureStore.getState().fieldEdits;
  if (!values) return true;
  const ok = await draftCall('fields', (b) => b.invoke('capture.setFields', { values }));
  if (ok) editFields(null);
  return ok;
}

/** Resumes the unfinished check staff were asked about. */
export function resumeUnfinished(): void {
  const draft = useCaptureStore.getState().unfinished;
  if (!draft) return;
  const firstIncomplete = draft.documents.findIndex((_, i) => !isDocumentComplete(draft, i));
  useCaptureStore.setState({ unfinished: null, draft, activeDocument: firstIncomplete === -1 ? 0 : firstIncomplete, stage: firstIncomplete === -1 ? 'details' : 'scan' });
}

/** Discards the unfinished check (audited in main) and shows the start of a new one. */
export async function discardUnfinished(): Promise<boolean> {
  const done = await run('discard', async () => {
    await getBridge().invoke('capture.discard');
    return true;
  });
  if (done) {
    releaseImages((key) => key.startsWith('capture:'));
    useCaptureStore.setState({ ...initial });
  }
  return done === true;
}

/** Staff vouch that the documents belong to the same person, with a coded reason; null withdraws. */
export async function confirmSamePerson(reason: SamePersonReason | null): Promise<boolean> {
  return draftCall('identity', (b) => b.invoke('capture.confirmSamePerson', { reason }));
}

export async function confirmPerson(matches: boolean): Promise<boolean> {
  const ok = await draftCall('confirm', (b) => b.invoke('capture.confirmPerson', { matches }));
  if (ok) useCaptureStore.setState({ personAnswer: matches });
  return ok;
}

/** Presses the reader's Scan button (for readers with a trigger). */
export async function triggerScan(deviceId: string | undefined): Promise<void> {
  await run('scan', () => getBridge().invoke('devices.trigger', deviceId ? { id: deviceId } : {}));
}

/**
 * Submit: saves unsaved rotation/crop and field values first, then submits only if main then
 * reports nothing standing in the way (its blockers are the authority, not the button's state).
 */
export async function submitCapture(): Promise<boolean> {
  if (!(await saveAllAdjustments()) || !(await saveFields())) return false;
  const draft = useCaptureStore.getState().draft;
  if (!draft || draft.blockers.length > 0 || draft.identity.blocking) return false;
  const receipt = await run('submit', () => getBridge().invoke('capture.submit'));
  if (receipt) useCaptureStore.setState({ receipt });
  return !!receipt;
}

/** Tells main to drop the visitor's draft and images; the caller then resets the renderer. */
export async function finishCapture(): Promise<boolean> {
  const done = await run('finish', async () => {
    await getBridge().invoke('capture.finish');
    return true;
  });
  return done === true;
}

/** Follows `capture.changed`; returns the function that stops listening. */
export function startCaptureSync(bridge: Bridge = getBridge()): () => void {
  return bridge.on('capture.changed', (draft) => applyDraft(draft));
}

onVisitorReset(resetCapture);
