// The capture's I/O shell (issue 13 item 5): it feeds staff's requests, reader events and the
// answers of its own work to the pure machine (capture-machine.ts) and performs the effects it
// decides: decoding and measuring images, fetching forms, saving through the store's port, waking
// sync, audit, logs and `capture.changed`. Submit reads one way: handler → here → machine decides
// → saved through deps.saveCapture → sync woken. Runs in main (plain Node).
import type { CaptureDraft, DocumentType, ImageAdjustment, ImageData, Receipt, SamePersonReason } from '../../preload/contract';
import { AppError } from '../app-error';
import type { SavedCapture } from '../store/capture-repo';
import { uuidv7 } from '../store/ids';
import { defaultImageTypes } from './capture-input';
import { readsGoTo } from './capture-intake';
import { captureView, nextCaptureStep, startRefusal, type CaptureEvent } from './capture-machine';
import type { CaptureEdit } from './capture-edits';
import type { CaptureServiceDeps } from './capture-ports';
import { refuse } from './capture-refusals';
import { newCaptureState } from './capture-state';
import type { CaptureContext, CaptureEffect, CaptureTransition } from './capture-transition';
import type { FormField } from './field-values';
import { createHeldImages } from './held-images';
import type { ImageMeasures } from './quality-checks';
import { readerEvent, type ArrivedBytes } from './reader-events';
import { saveInputOf, type PlannedImage } from './save-input';

export type CaptureService = {
  start(req: { documentType: DocumentType; queuedApplicationId?: string | undefined }): Promise<CaptureDraft>;
  get(): CaptureDraft | null;
  addDocument(documentType: DocumentType): CaptureDraft;
  removeDocument(documentIndex: number): CaptureDraft;
  retake(imageId: string): CaptureDraft;
  adjustImage(imageId: string, rotation: ImageAdjustment['rotation'], crop: ImageAdjustment['crop']): CaptureDraft;
  image(imageId: string, variant: 'thumbnail' | 'full'): Promise<ImageData>;
  acceptCorrections(documentIndex: number): CaptureDraft;
  fieldDefinitions(): Promise<FormField[]>;
  setFields(values: Record<string, string>): CaptureDraft;
  documentFieldDefinitions(): Promise<FormField[]>;
  setDocumentFields(documentIndex: number, values: Record<string, string>): CaptureDraft;
  confirmPerson(matches: boolean): CaptureDraft;
  /** Staff vouch that the documents belong to the same person (audited); null withdraws it. */
  confirmSamePerson(reason: SamePersonReason | null): CaptureDraft;
  submit(): Promise<Receipt>;
  /** Throws away an unfinished check staff chose not to resume (audited). */
  discard(): void;
  /** Staff pressed Finish (or Cancel): forget the visitor. */
  finish(): void;
  /** The same, for the app to call on sign-out. A lock keeps the draft. */
  clear(): void;
  /** Resolves once every reader event so far is in the draft and its quality checks are done. */
  settled(): Promise<void>;
  /** Stops listening to the readers and forgets the visitor (shutdown). */
  stop(): void;
};

export function createCaptureService(deps: CaptureServiceDeps): CaptureService {
  const { log, devices } = deps;
  let state = newCaptureState();
  const held = createHeldImages(deps.sealAhead);
  // The app id is made when the capture is (SUBMISSION-PROTOCOL §2), so its images can be sealed
  // for it as they arrive; a new draft gets a new one.
  let app: { draftId: string; id: string } | null = null;
  const appIdFor = (draftId: string): string => {
    if (app?.draftId !== draftId) app = { draftId, id: uuidv7(deps.now()) };
    return app.id;
  };
  let intake: Promise<void> = Promise.resolve();
  const checks = new Set<Promise<void>>();

  const context = (): CaptureContext => ({
    now: deps.now(),
    today: deps.today(),
    lights: devices.captureLights(),
    mrzExpected: devices.mrzExpected(),
    thresholds: deps.thresholds(),
    imageTypes: deps.imageTypes?.() ?? defaultImageTypes,
    newId: () => deps.newId(),
  });

  const view = () => captureView(state, devices.mrzExpected());
  const actor = () => deps.who()?.staffId ?? 'system';

  /** One event through the machine: its state kept, its effects performed, then its refusal thrown. */
  function step(event: CaptureEvent, arrived?: ArrivedBytes): CaptureTransition {
    const transition = nextCaptureStep(state, event, context());
    state = transition.state;
    for (const effect of transition.effects) perform(effect, arrived);
    if (transition.refusal) throw transition.refusal;
    return transition;
  }

  function perform(effect: CaptureEffect, arrived?: ArrivedBytes): void {
    switch (effect.type) {
      case 'changed':
        return deps.onChange(view());
      case 'keep-image':
        if (arrived) held.keep(effect.imageId, arrived.bytes, arrived.mime, state.draft ? appIdFor(state.draft.id) : null);
        return;
      case 'measure':
        return startCheck(effect.imageId);
      case 'drop-image':
        return held.drop(effect.imageId);
      case 'load-definitions':
        void loadForm('application', effect.draftId).catch((error: unknown) => log.warn({ err: error instanceof AppError ? error.code : (error as Error).message }, 'field definitions not available'));
        return;
      case 'save':
        return; // submit() performs it: its answer is Submit's.
      case 'wake-sync':
        try {
          deps.afterSave(effect.appId);
        } catch (error) {
          log.error({ err: error }, 'sync worker could not be woken; it picks the capture up on its next round');
        }
        return;
      case 'audit':
        return deps.audit?.(effect.entry);
      case 'log':
        return log[effect.level](effect.facts ?? {}, effect.message);
    }
  }

  function startCheck(imageId: string): void {
    // Off the event path: sharp works on the thread pool; `capture.changed` goes out when done.
    const run = (async () => {
      const work = held.measure(imageId);
      if (!work) return;
      let measures: ImageMeasures | null = null;
      try {
        measures = await work;
      } catch (error) {
        log.warn({ err: (error as Error).message }, 'image quality could not be measured');
      }
      step({ type: 'measured', imageId, measures });
    })().catch((error: unknown) => log.error({ err: error }, 'quality check failed'));
    checks.add(run);
    void run.finally(() => checks.delete(run));
  }

  /** Fetches a form into the machine; with none to be had (TrustID away, none cached), none is required and none is sent. */
  async function loadForm(form: 'application' | 'document', announceFor: string | null): Promise<FormField[]> {
    let definitions: FormField[] = [];
    try {
      definitions = (await (form === 'application' ? deps.fieldDefinitions() : deps.documentFieldDefinitions?.())) ?? [];
      return definitions;
    } finally {
      step({ type: 'definitions', form, definitions, announceFor });
    }
  }

  const unsubscribe = deps.devices.onRead((deviceId, read) => {
    const draftId = readsGoTo(state);
    if (draftId === null) {
      // A reader event with no capture open: dropped, and only its kind is logged.
      log.debug({ device: deviceId, kind: read.kind }, 'reader event ignored: no capture open');
      return;
    }
    // One after another, in arrival order: which step an image fills depends on the ones before it.
    intake = intake
      .then(async () => {
        const taken = await readerEvent(read, { draftId, deviceId }, devices, log);
        if (taken) step(taken.event, taken.arrived);
      })
      .catch((error: unknown) => log.error({ err: error }, 'reader event not taken into the capture'));
  });

  /** The bytes to save for one planned image: staff's rotation and crop applied. */
  async function finalBytes(image: PlannedImage) {
    try {
      const final = await held.final(image.imageId, state.images[image.imageId]?.state ?? { rotation: 0, crop: null });
      const sealed = held.sealedFor(image.imageId, final.bytes);
      return sealed ? { ...final, sealed } : final;
    } catch (error) {
      log.error({ err: (error as Error).message, side: image.side, light: image.light }, 'image could not be prepared for saving');
      throw refuse.imageFailed(image.side);
    }
  }

  function edit(change: CaptureEdit): CaptureDraft {
    step(change);
    return view() as CaptureDraft;
  }

  const service: CaptureService = {
    async start({ documentType, queuedApplicationId }) {
      let queued: { id: string; name: string } | null = null;
      if (queuedApplicationId !== undefined) {
        const open = startRefusal(state);
        if (open) throw open;
        if (!deps.queuedApplication) throw refuse.queuedUnavailable();
        queued = await deps.queuedApplication(queuedApplicationId);
        if (!queued) throw refuse.queuedNotFound();
      }
      step({ type: 'start', documentType, queued });
      return view() as CaptureDraft;
    },
    get: view,
    addDocument: (documentType) => edit({ type: 'add-document', documentType }),
    removeDocument: (documentIndex) => edit({ type: 'remove-document', documentIndex }),
    retake: (imageId) => edit({ type: 'retake', imageId }),
    adjustImage: (imageId, rotation, crop) => edit({ type: 'adjust-image', imageId, rotation, crop }),
    acceptCorrections: (documentIndex) => edit({ type: 'accept-corrections', documentIndex }),
    setFields: (values) => edit({ type: 'set-fields', values }),
    setDocumentFields: (documentIndex, values) => edit({ type: 'set-document-fields', documentIndex, values }),
    confirmPerson: (matches) => edit({ type: 'confirm-person', matches }),
    confirmSamePerson: (reason) => edit({ type: 'confirm-same-person', reason, actor: actor() }),

    async image(imageId, variant) {
      const facts = state.images[imageId];
      if (!facts || !held.has(imageId)) throw refuse.noImage();
      if (variant === 'full') return held.full(imageId, facts.state) ?? Promise.reject(refuse.noImage());
      const thumbnail = await held.thumbnail(imageId).catch(() => Promise.reject(refuse.imageUnreadable()));
      return thumbnail ?? Promise.reject(refuse.noImage());
    },

    fieldDefinitions: () => loadForm('application', null),
    documentFieldDefinitions: () => loadForm('document', null),

    async submit() {
      const who = deps.who();
      const asked = step({ type: 'submit', who });
      if (asked.receipt) return asked.receipt;
      const draftId = (state.draft as { id: string }).id;
      // Images already received are judged before the blockers are: a double tap on Submit right
      // after the last scan waits a moment rather than failing on "checking quality".
      await service.settled();
      const ready = step({ type: 'checks-settled', draftId, who: who as NonNullable<typeof who> });
      const save = ready.effects.find((e) => e.type === 'save');
      // Unreachable: without a refusal, checks-settled always plans the save.
      if (!save) throw new Error('the capture machine planned no save');
      let saved: SavedCapture;
      try {
        saved = await deps.saveCapture({ ...(await saveInputOf(save.plan, finalBytes)), appId: appIdFor(draftId) });
      } catch (error) {
        step({ type: 'save-failed', code: error instanceof AppError ? error.code : 'unexpected' });
        throw error;
      }
      const done = step({ type: 'saved', appId: saved.appId, documents: saved.documents, images: saved.images, online: deps.online() });
      return done.receipt as Receipt;
    },

    discard: () => void step({ type: 'discard', actor: actor() }),
    finish: () => void step({ type: 'finish' }),
    clear: () => void step({ type: 'clear' }),

    async settled() {
      await intake;
      while (checks.size > 0) await Promise.all([...checks]);
    },

    stop() {
      unsubscribe();
      step({ type: 'stop' });
    },
  };
  return service;
}
