// The capture held in main while a visitor is at the desk (issue 6 item 3): the draft, its images
// as Buffers in memory until Submit, quality checks run beside the reader events, and Submit that
// returns a receipt only once the store has made the capture durable. Finish (or sign-out) forgets
// the visitor: draft, buffers and cached thumbnails. Runs in main (plain Node).
import sharp from 'sharp';
import type { CaptureDraft, DocumentType, ImageLight, ImageSide, QualityCheck } from '../../preload/contract';
import { AppError } from '../app-error';
import type { ImageEvent, MrzEvent } from '../devices/driver';
import type { MrzReading } from '../devices/mrz/mrz-reading';
import { parseMrz } from '../devices/mrz/parse-mrz';
import type { Logger } from '../logging/logger';
import type { CaptureInput, SavedCapture } from '../store/capture-repo';
import { captureBlockers } from './capture-blockers';
import {
  adjustedSize,
  documentForMrz,
  draftView,
  holderPhotoId,
  identityOf,
  locateImage,
  pruneReads,
  stepForImage,
  stepsFor,
  type DraftState,
  type ImageState,
} from './capture-draft';
import { applicationFieldsOf, documentFieldsOf, defaultImageTypes, formatLabel, imageTypeFor, personalFromMrz, storePlacement, type ImageTypePolicy } from './capture-input';
import type { DeviceRead } from './device-service';
import { mergeFieldValues, type FieldDefinition } from './field-values';
import { finalImage, type Adjustment } from './image-adjust';
import { fullImageOf, thumbnailOf, type ImageData } from './image-variants';
import { localReference } from './local-reference';
import { documentTypeOfMrz, typeAgrees, type SamePersonReason } from './identity-rules';
import { replacesHeldMrz } from './mrz-view';
import { DOCUMENT_LONG_EDGE_INCHES, judgeQuality, measureImage, type ImageMeasures, type QualityThresholds } from './quality-checks';

/** What the capture needs of the device service (DeviceService has it all). */
export type CaptureDevices = {
  onRead(listener: (deviceId: string, read: DeviceRead) => void): () => void;
  capabilitiesOf(id: string): { sides: ImageSide[] } | null;
  captureLights(): ImageLight[];
  mrzExpected(): boolean;
};

export type Receipt = { applicationId: string; localReference: string; queued: boolean; message: string };

export type CaptureServiceDeps = {
  devices: CaptureDevices;
  /** store.capture.saveCapture: durable before it resolves. */
  saveCapture(input: CaptureInput): Promise<SavedCapture>;
  /** Wakes the sync worker. */
  afterSave(appId: string): void;
  /** Who submits: null when nobody is signed in. */
  who(): { staffId: string | null; accountId: string } | null;
  online(): boolean;
  thresholds(): QualityThresholds;
  /** The account's application custom fields (fetched from TrustID when online, cached). */
  fieldDefinitions(): Promise<FieldDefinition[]>;
  /** The account's document-level custom fields (issue 10 §5; RAW-API §7.9); absent = none. */
  documentFieldDefinitions?: () => Promise<FieldDefinition[]>;
  /** The desk's day, 'YYYY-MM-DD' (expiry and age). */
  today(): string;
  now(): number;
  newId(): string;
  log: Logger;
  /** Sends `capture.changed`. */
  onChange(draft: CaptureDraft | null): void;
  /** Image types per RAW-API §9.2 (default: front 2, back 3, IR/UV not saved). */
  imageTypes?: () => ImageTypePolicy;
  /** Appends to the audit log (no personal data: ids, codes, counts). */
  audit?: (entry: { action: string; actor: string; detail: Record<string, string | number | boolean | null> }) => void;
  /** A queued application prepared for this branch, by id (issue 6 item 7); absent = not available. */
  queuedApplication?: (id: string) => Promise<{ id: string; name: string } | null>;
};

export type CaptureService = {
  start(req: { documentType: DocumentType; queuedApplicationId?: string | undefined }): Promise<CaptureDraft>;
  get(): CaptureDraft | null;
  addDocument(documentType: DocumentType): CaptureDraft;
  removeDocument(documentIndex: number): CaptureDraft;
  retake(imageId: string): CaptureDraft;
  adjustImage(imageId: string, rotation: Adjustment['rotation'], crop: Adjustment['crop']): CaptureDraft;
  image(imageId: string, variant: 'thumbnail' | 'full'): Promise<ImageData>;
  acceptCorrections(documentIndex: number): CaptureDraft;
  fieldDefinitions(): Promise<FieldDefinition[]>;
  setFields(values: Record<string, string>): CaptureDraft;
  documentFieldDefinitions(): Promise<FieldDefinition[]>;
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

/** One image's bytes and what is known of it; the bytes are the capture's own copy. */
type HeldImage = {
  state: ImageState;
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  measures: ImageMeasures | null;
  /** What the resolution check needs: the reader's dpi when it said, else the document's size. */
  document: { dpi?: number; longEdgeInches: number };
  thumbnail: Promise<ImageData> | null;
  /** sharp work reading `bytes` right now: they are zeroed only once it is done. */
  work: Set<Promise<unknown>>;
};

const maxDocuments = 10;

function noDraft(): AppError {
  return new AppError('capture.none', 'No check is open. Start a new check.');
}

function noImage(): AppError {
  return new AppError('capture.no-image', 'That image is no longer part of this check. Go back to the capture screen and try again.');
}

/** The verdict for an image whose bytes could not be measured (a decoder failure). */
const unreadable: QualityCheck[] = [{ id: 'resolution', passed: false, blocking: true, message: 'The image could not be read. Retake it.' }];

export function createCaptureService(deps: CaptureServiceDeps): CaptureService {
  const log = deps.log;
  let draft: DraftState | null = null;
  const images = new Map<string, HeldImage>();
  let definitions: FieldDefinition[] = [];
  let documentDefinitions: FieldDefinition[] = [];
  /** Submit is saving: the draft is frozen (no edits, no reader events). */
  let submitting = false;
  /** Submit was pressed and is waiting for the last checks; a second press is refused. */
  let submitAsked = false;
  /** The receipt of the draft just submitted, until Finish: a repeated Submit gets it again. */
  let submitted: Receipt | null = null;
  /** Sign-out came while Submit was saving. */
  let clearAfterSubmit = false;
  let intake: Promise<void> = Promise.resolve();
  /** The last MRZ read each device sent: the images that follow it came from the same placement. */
  const lastRead = new Map<string, string>();
  let readSeq = 0;
  const checks = new Set<Promise<void>>();

  const imageStates = () => new Map([...images].map(([id, h]) => [id, h.state]));

  function view(): CaptureDraft | null {
    if (!draft) return null;
    const states = imageStates();
    return draftView(draft, states, captureBlockers(draft, states, { mrzExpected: deps.devices.mrzExpected(), definitions, documentDefinitions }));
  }

  function changed(): CaptureDraft | null {
    const current = view();
    deps.onChange(current);
    return current;
  }

  /** The open draft, for a change staff asked for. */
  function editable(): DraftState {
    if (!draft) throw noDraft();
    if (submitting) throw new AppError('capture.busy', 'The check is being saved. Wait a moment.');
    return draft;
  }

  function drop(id: string): void {
    const held = images.get(id);
    if (!held) return;
    images.delete(id);
    held.thumbnail = null;
    // Zeroed, not just released: the bytes are an identity document, and the GC frees when it
    // likes. sharp reads the Buffer in place on its own threads, so work in flight finishes first.
    const wipe = () => held.bytes.fill(0);
    if (held.work.size === 0) wipe();
    else void Promise.allSettled([...held.work]).then(wipe);
  }

  /** Runs sharp work on an image's bytes, so that dropping the image waits for it. */
  function using<T>(held: HeldImage, work: () => Promise<T>): Promise<T> {
    const run = work();
    held.work.add(run);
    void run.then(
      () => held.work.delete(run),
      () => held.work.delete(run),
    );
    return run;
  }

  function forget(): void {
    for (const id of [...images.keys()]) drop(id);
    draft = null;
    lastRead.clear();
    // The next visitor may be captured under another staff member's TrustID account, whose form differs.
    definitions = [];
    documentDefinitions = [];
  }

  function requalify(held: HeldImage): void {
    if (!held.measures) return;
    const size = adjustedSize(held.measures.width, held.measures.height, held.state.rotation, held.state.crop);
    held.state.quality = judgeQuality({ ...held.measures, ...size }, held.state.light, deps.thresholds(), held.document);
  }

  async function checkQuality(id: string): Promise<void> {
    const held = images.get(id);
    if (!held) return;
    let measures: ImageMeasures | null = null;
    try {
      measures = await using(held, () => measureImage(held.bytes));
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'image quality could not be measured');
    }
    if (images.get(id) !== held) return; // retaken or finished meanwhile
    held.measures = measures;
    if (measures) requalify(held);
    else held.state.quality = unreadable;
    changed();
  }

  function startCheck(id: string): void {
    // Off the event path: sharp works on the thread pool; `capture.changed` goes out when done.
    const run = checkQuality(id).catch((error: unknown) => log.error({ err: error }, 'quality check failed'));
    checks.add(run);
    void run.finally(() => checks.delete(run));
  }

  async function acceptImage(draftId: string, deviceId: string, event: ImageEvent): Promise<void> {
    let size: { width: number; height: number };
    try {
      const meta = await sharp(event.bytes).metadata();
      size = { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 };
    } catch {
      log.warn({ device: deviceId, side: event.side, light: event.light }, 'image ignored: it cannot be decoded');
      return;
    }
    if (!draft || draft.id !== draftId || submitting) return;
    const sidesKnown = (deps.devices.capabilitiesOf(deviceId)?.sides.length ?? 2) > 1;
    const target = stepForImage(draft, event.side, event.light, sidesKnown);
    if (!target) {
      // No content in the log: which device, which side and light, and why.
      log.info({ device: deviceId, side: event.side, light: event.light }, 'image ignored: no step is waiting for it');
      return;
    }
    const doc = draft.documents[target.doc];
    const step = doc?.steps[target.step];
    if (!doc || !step) return;
    const readId = lastRead.get(deviceId) ?? null;
    // An image from a placement whose MRZ went to another document (a passport's other pages still
    // arriving after staff added the next document) is that document's, not this one's.
    const owner = readId === null ? -1 : draft.documents.findIndex((d) => d.mrz?.readId === readId || d.firstReadId === readId);
    if (owner !== -1 && owner !== target.doc) {
      log.info({ device: deviceId, side: event.side, light: event.light }, 'image ignored: it came with another document’s read');
      return;
    }
    const id = deps.newId();
    images.set(id, {
      state: { id, side: step.side, light: step.light, width: size.width, height: size.height, rotation: 0, crop: null, quality: null },
      bytes: Buffer.from(event.bytes),
      mime: event.mime,
      measures: null,
      work: new Set(),
      document: { ...(event.dpi ? { dpi: event.dpi } : {}), longEdgeInches: DOCUMENT_LONG_EDGE_INCHES[doc.type === 'passport' ? 'passport' : 'card'] },
      thumbnail: null,
    });
    step.imageId = id;
    step.readId = readId !== null && draft.reads?.[readId] ? readId : null;
    draft.active = target.doc;
    log.info({ device: deviceId, document: target.doc, side: step.side, light: step.light }, 'image added to the capture');
    changed();
    startCheck(id);
  }

  function acceptMrz(draftId: string, deviceId: string, event: MrzEvent): void {
    if (!draft || draft.id !== draftId || submitting) return;
    const index = documentForMrz(draft);
    const doc = index === null ? undefined : draft.documents[index];
    const reading = parseMrz(event.lines, { today: deps.today() });
    const readId = `read-${++readSeq}`;
    lastRead.set(deviceId, readId);
    // Only the shape of the read: never its text.
    const facts = { device: deviceId, ok: reading.ok, format: reading.ok ? reading.format : reading.code, valid: reading.ok && reading.valid, lines: event.lines.length, partial: event.partial };
    if (index === null || !doc) {
      log.info(facts, 'MRZ ignored: no document is waiting for one');
      return;
    }
    const next = { reading, partial: event.partial };
    if (!replacesHeldMrz(doc.mrz, next)) {
      log.info(facts, 'MRZ ignored: a whole read is already held');
      return;
    }
    draft.reads ??= {};
    draft.reads[readId] = { seq: readSeq, reading };
    adoptMrzType(doc, reading);
    doc.mrz = { ...next, readId };
    if (reading.ok) doc.firstReadId ??= readId;
    pruneReads(draft);
    draft.active = index;
    log.info({ ...facts, document: index }, 'MRZ added to the capture');
    changed();
  }

  /**
   * The type staff chose must agree with the MRZ's document code (issue 11 §1): on a document's
   * first read, a disagreeing type is replaced by the MRZ's, with a note. Later reads are compared
   * with the first instead (a retake showing another document is that, not a new type).
   */
  function adoptMrzType(doc: DraftState['documents'][number], reading: MrzReading): void {
    if (doc.firstReadId || doc.steps.some((s) => s.imageId !== null && s.readId)) return;
    const read = documentTypeOfMrz(reading);
    if (read === null || typeAgrees(doc.type, read)) return;
    const chosen = doc.chosenType ?? doc.type;
    // Steps of the new type keep the images already taken for the same side and light.
    const kept = doc.steps.filter((s) => s.imageId !== null);
    const steps = stepsFor(read, deps.devices.captureLights()).map((s) => {
      const had = kept.find((k) => k.side === s.side && k.light === s.light);
      return had ? { ...had } : s;
    });
    for (const old of kept) if (!steps.some((s) => s.imageId === old.imageId) && old.imageId !== null) drop(old.imageId);
    doc.steps = steps;
    doc.type = read;
    doc.chosenType = chosen;
    log.info({ chosen, read }, 'document type taken from the MRZ');
  }

  const unsubscribe = deps.devices.onRead((deviceId, read) => {
    if (!draft || submitting) {
      // A reader event with no capture open: dropped, and only its kind is logged.
      log.debug({ device: deviceId, kind: read.kind }, 'reader event ignored: no capture open');
      return;
    }
    const draftId = draft.id;
    // One after another, in arrival order: which step an image fills depends on the ones before it.
    intake = intake
      .then(() => {
        // A new placement: its images belong to no earlier read (a card's front has no MRZ).
        if (read.kind === 'placed') lastRead.delete(deviceId);
        else if (read.kind === 'mrz') acceptMrz(draftId, deviceId, read.mrz);
        else return acceptImage(draftId, deviceId, read.image);
      })
      .catch((error: unknown) => log.error({ err: error }, 'reader event not taken into the capture'));
  });

  async function refreshDefinitions(): Promise<FieldDefinition[]> {
    try {
      definitions = await deps.fieldDefinitions();
    } catch (error) {
      // No form known (TrustID away and none cached): none is required, and none is sent.
      definitions = [];
      throw error;
    }
    return definitions;
  }

  function heldImage(imageId: string): HeldImage {
    const held = images.get(imageId);
    if (!held) throw noImage();
    return held;
  }

  async function buildInput(state: DraftState, who: { staffId: string | null; accountId: string }): Promise<CaptureInput> {
    const policy = deps.imageTypes?.() ?? defaultImageTypes;
    const documents: CaptureInput['documents'] = [];
    for (const doc of state.documents) {
      const out: CaptureInput['documents'][number]['images'] = [];
      for (const step of doc.steps) {
        const imageType = imageTypeFor(step.side, step.light, policy);
        const held = step.imageId === null ? undefined : images.get(step.imageId);
        if (imageType === null || !held) continue;
        let final;
        try {
          final = await using(held, () => finalImage(held.bytes, held.mime, held.state));
        } catch (error) {
          log.error({ err: (error as Error).message, side: step.side, light: step.light }, 'image could not be prepared for saving');
          throw new AppError('capture.image-failed', `The ${step.side} image could not be prepared for saving. Retake it, then press Submit again.`);
        }
        out.push({ bytes: final.bytes, mime: final.mime, imageType, ...storePlacement(doc.type, step.side, step.light) });
      }
      const customFields = documentFieldsOf(doc.fields, documentDefinitions);
      documents.push({ format: formatLabel(doc.mrz?.reading ?? null), personal: personalFromMrz(doc.mrz?.reading ?? null), images: out, ...(customFields.length > 0 ? { customFields } : {}) });
    }
    const applicationFields = applicationFieldsOf(state.fields, definitions);
    const left = Object.keys(state.fields).filter((id) => !definitions.some((f) => f.id === id)).length;
    // Only how many: the values are personal.
    if (left > 0) log.warn({ left }, 'custom field values not saved: their fields are no longer on the form');
    return {
      accountId: who.accountId,
      capturedBy: who.staffId,
      documents,
      ...(applicationFields.length > 0 ? { applicationFields } : {}),
      // SUBMISSION-PROTOCOL §13: submitted into the queued container staff picked, exactly once.
      ...(state.queuedApplication ? { queuedContainer: { containerId: state.queuedApplication.id, label: state.queuedApplication.name } } : {}),
    };
  }

  const service: CaptureService = {
    async start({ documentType, queuedApplicationId }) {
      if (draft) throw new AppError('capture.already-open', 'A check is already open on this station. Finish or cancel it before starting another.');
      let queued: { id: string; name: string } | null = null;
      if (queuedApplicationId !== undefined) {
        if (!deps.queuedApplication) {
          throw new AppError('capture.queued-unavailable', 'Capturing into a queued application is not available on this station yet. Start a new check instead.');
        }
        queued = await deps.queuedApplication(queuedApplicationId);
        if (!queued) throw new AppError('capture.queued-not-found', 'That queued application was not found. Refresh the list and pick it again.');
        if (draft) throw new AppError('capture.already-open', 'A check is already open on this station. Finish or cancel it before starting another.');
      }
      submitted = null;
      draft = {
        id: deps.newId(),
        startedAt: deps.now(),
        queuedApplication: queued,
        documents: [{ type: documentType, mrz: null, steps: stepsFor(documentType, deps.devices.captureLights()) }],
        fields: {},
        person: null,
        active: 0,
      };
      log.info({ documentType, queued: queued !== null }, 'capture started');
      const startedId = draft.id;
      // The form's definitions arrive when they arrive; required ones join the blockers then.
      refreshDefinitions()
        .then(() => {
          if (draft?.id === startedId) changed();
        })
        .catch((error: unknown) => log.warn({ err: error instanceof AppError ? error.code : (error as Error).message }, 'field definitions not available'));
      return changed() as CaptureDraft;
    },

    get: view,

    addDocument(documentType) {
      const state = editable();
      if (state.documents.length >= maxDocuments) throw new AppError('capture.too-many-documents', `A check can hold at most ${maxDocuments} documents.`, { params: { count: maxDocuments } });
      state.documents.push({ type: documentType, mrz: null, steps: stepsFor(documentType, deps.devices.captureLights()) });
      state.active = state.documents.length - 1;
      return changed() as CaptureDraft;
    },

    removeDocument(documentIndex) {
      const state = editable();
      const doc = state.documents[documentIndex];
      if (!doc) throw new AppError('capture.no-document', 'That document is no longer part of this check. Go back to the capture screen and try again.');
      if (state.documents.length === 1) throw new AppError('capture.last-document', 'This is the only document in the check. Use Cancel to end the check instead.');
      for (const step of doc.steps) if (step.imageId !== null) drop(step.imageId);
      state.documents.splice(documentIndex, 1);
      pruneReads(state);
      if (state.active > documentIndex || state.active >= state.documents.length) state.active = Math.max(0, state.active - 1);
      return changed() as CaptureDraft;
    },

    retake(imageId) {
      const state = editable();
      const at = locateImage(state, imageId);
      if (!at) throw noImage();
      const step = state.documents[at.doc]?.steps[at.step];
      if (step) {
        step.imageId = null;
        step.readId = null;
      }
      drop(imageId);
      pruneReads(state);
      // The next image in this side and light from the reader fills the step again; the others stay.
      state.active = at.doc;
      return changed() as CaptureDraft;
    },

    adjustImage(imageId, rotation, crop) {
      editable();
      const held = heldImage(imageId);
      // The schema bounds each number; only together can they leave the image.
      if (crop && (crop.x + crop.width > 1 + 1e-6 || crop.y + crop.height > 1 + 1e-6)) {
        throw new AppError('capture.bad-crop', 'The crop reaches outside the image. Adjust it and save again.');
      }
      held.state.rotation = rotation;
      held.state.crop = crop;
      // The crop changes how many pixels are left, so the resolution verdict follows it.
      requalify(held);
      return changed() as CaptureDraft;
    },

    async image(imageId, variant) {
      const held = heldImage(imageId);
      if (variant === 'full') return fullImageOf(held.bytes, held.mime, held.state);
      held.thumbnail ??= using(held, () => thumbnailOf(held.bytes));
      try {
        return await held.thumbnail;
      } catch {
        held.thumbnail = null;
        throw new AppError('capture.image-unreadable', 'This image could not be shown. Retake it.');
      }
    },

    acceptCorrections(documentIndex) {
      const state = editable();
      const doc = state.documents[documentIndex];
      if (!doc) throw new AppError('capture.no-document', 'That document is no longer part of this check. Go back to the capture screen and try again.');
      const reading = doc.mrz?.reading;
      if (!doc.mrz || !reading?.ok || !reading.correction) throw new AppError('capture.no-corrections', 'There are no corrections to accept for this document.');
      doc.mrz = { reading: reading.correction.reading, partial: doc.mrz.partial, ...(doc.mrz.readId ? { readId: doc.mrz.readId } : {}) };
      const held = doc.mrz.readId ? state.reads?.[doc.mrz.readId] : undefined;
      if (held) held.reading = reading.correction.reading;
      log.info({ document: documentIndex, changes: reading.correction.changes.length }, 'MRZ corrections accepted');
      return changed() as CaptureDraft;
    },

    async fieldDefinitions() {
      return refreshDefinitions();
    },

    setFields(values) {
      const state = editable();
      state.fields = mergeFieldValues(state.fields, values, definitions);
      return changed() as CaptureDraft;
    },

    async documentFieldDefinitions() {
      try {
        documentDefinitions = (await deps.documentFieldDefinitions?.()) ?? [];
      } catch (error) {
        // Like the application form: with none known, none is required and none is sent.
        documentDefinitions = [];
        throw error;
      }
      return documentDefinitions;
    },

    setDocumentFields(documentIndex, values) {
      const state = editable();
      const doc = state.documents[documentIndex];
      if (!doc) throw new AppError('capture.no-document', 'That document is not part of this check any more.');
      doc.fields = mergeFieldValues(doc.fields ?? {}, values, documentDefinitions);
      return changed() as CaptureDraft;
    },

    confirmPerson(matches) {
      const state = editable();
      const photoId = holderPhotoId(state);
      if (photoId === null) throw new AppError('capture.no-photo', 'Scan the document first, so you can compare its photo with the person at the desk.');
      state.person = { answer: matches ? 'matches' : 'differs', photoId };
      log.info({ matches }, 'person check answered');
      return changed() as CaptureDraft;
    },

    confirmSamePerson(reason) {
      const state = editable();
      const who = deps.who();
      const key = identityOf(state).overrideKey;
      if (reason !== null && key === null) {
        throw new AppError('capture.nothing-to-override', 'There is nothing to vouch for: the documents do not differ in a way staff may accept.');
      }
      state.samePerson = reason === null || key === null ? null : { key, reason };
      // Codes only: which differences and why, never the names or dates themselves.
      deps.audit?.({
        action: reason === null ? 'capture.same-person-withdrawn' : 'capture.same-person-confirmed',
        actor: who?.staffId ?? 'system',
        detail: { reason, documents: state.documents.length, fields: identityOf(state).issues.flatMap((i) => i.fields).join(',') || null },
      });
      log.info({ reason }, 'same person vouched for');
      return changed() as CaptureDraft;
    },

    discard() {
      if (!draft) return;
      const who = deps.who();
      const held = draft.documents.reduce((n, d) => n + d.steps.filter((s) => s.imageId !== null).length, 0);
      const detail = { documents: draft.documents.length, images: held, ageSeconds: Math.max(0, Math.round((deps.now() - draft.startedAt) / 1000)) };
      service.finish();
      deps.audit?.({ action: 'capture.draft-discarded', actor: who?.staffId ?? 'system', detail });
      log.info(detail, 'unfinished capture discarded');
    },

    async submit() {
      if (!draft && submitted) return submitted;
      const draftId = editable().id;
      if (submitAsked) throw new AppError('capture.busy', 'The check is being saved. Wait a moment.');
      const who = deps.who();
      if (!who) throw new AppError('capture.signed-out', 'Nobody is signed in. Sign in, then press Submit again; the check is kept.');
      let saved: SavedCapture;
      let signedOut = false;
      submitAsked = true;
      try {
        // Images already received are judged before the blockers are: a double tap on Submit right
        // after the last scan waits a moment rather than failing on "checking quality".
        await service.settled();
        const state = draft as DraftState | null;
        if (!state || state.id !== draftId) throw noDraft();
        const current = view();
        if (!current || current.blockers.length > 0) {
          throw new AppError('capture.not-ready', `The check cannot be submitted yet. ${current?.blockers.join(' ') ?? ''}`.trim());
        }
        if (current.identity.blocking) {
          throw new AppError('capture.identity-mismatch', 'The documents do not show one person. Look at what differs on the details screen.');
        }
        submitting = true;
        saved = await deps.saveCapture(await buildInput(state, who));
      } catch (error) {
        // Nothing is lost: the draft and its images stay for another try (disk full, no key).
        log.warn({ code: error instanceof AppError ? error.code : 'unexpected' }, 'capture not saved');
        throw error;
      } finally {
        submitting = false;
        submitAsked = false;
        if (clearAfterSubmit) {
          clearAfterSubmit = false;
          signedOut = true;
          service.finish();
        }
      }
      // Durable from here on (store: saved means fsynced and committed).
      try {
        deps.afterSave(saved.appId);
      } catch (error) {
        log.error({ err: error }, 'sync worker could not be woken; it picks the capture up on its next round');
      }
      const queued = !deps.online();
      const receipt: Receipt = {
        applicationId: saved.appId,
        localReference: localReference(saved.appId),
        queued,
        message: queued
          ? 'Saved on this kiosk. It will be sent to TrustID automatically when the connection is back.'
          : 'Saved on this kiosk and being sent to TrustID now.',
      };
      log.info({ documents: saved.documents, images: saved.images, queued }, 'capture submitted');
      if (signedOut) return receipt;
      // The visitor's data now lives sealed in the store: the draft and its buffers go at once.
      submitted = receipt;
      forget();
      deps.onChange(null);
      return receipt;
    },

    finish() {
      if (submitting) throw new AppError('capture.busy', 'The check is being saved. Wait a moment, then press Finish.');
      const had = draft !== null || submitted !== null;
      forget();
      submitted = null;
      if (had) log.info('capture finished');
      deps.onChange(null);
    },

    clear() {
      // Sign-out while Submit is saving: the save finishes (the store has the bytes), then the
      // visitor is forgotten, receipt and all.
      if (submitting) clearAfterSubmit = true;
      else service.finish();
    },

    async settled() {
      await intake;
      while (checks.size > 0) await Promise.all([...checks]);
    },

    stop() {
      unsubscribe();
      forget();
      submitted = null;
    },
  };
  return service;
}
