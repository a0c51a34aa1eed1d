// Every cell of SUBMISSION-PROTOCOL §13.4 (the read tables) and §13.5 (the steps that change a queued
// container C), §13.5 crash recovery, §13.6 AccessDenied and I11 (never a restart), for apps of
// origin `queued`.
import { describe, expect, it } from 'vitest';
import { recoverAfterCrash } from '../../../../main/sync/crash-recovery';
import { nextSubmissionStep } from '../../../../main/sync/submission-machine';
import type { AccountEvidence, CallOutcome, RetrievedDocument, Step, SubmissionState } from '../../../../main/sync/submission-types';
import { newQueuedSubmissionApp, queuedContainerAttempt } from '../../../../main/sync/submission-types';
import { APP_ID, C1, ctxAt, runStep, T0 } from './sync-fixtures';

const ctx = ctxAt(T0);
const MIN = 60_000;
const settle = ctx.params.settleDelayMs;

type Opts = {
  step: Step;
  docIndex?: number;
  imgIndex?: number;
  /** Documents already created (with ids d0, d1…) and, per document, images uploaded. */
  docsDone?: number;
  imagesDone?: number[];
  photoDone?: boolean;
  markerSlot?: boolean;
  evidence?: Partial<AccountEvidence>;
  reconcile?: SubmissionState['app']['reconcile'];
  shape?: SubmissionState['shape'];
};

/** A queued app (two documents: two images, one image; an applicant photo) at any point. */
function queuedAt(o: Opts): SubmissionState {
  const app = newQueuedSubmissionApp(APP_ID, 'acct-1', T0 - MIN, C1);
  app.step = o.step;
  app.stepDocIndex = o.docIndex ?? 0;
  app.stepImgIndex = o.imgIndex ?? 0;
  app.nextAttemptAt = T0;
  app.reconcile = o.reconcile ?? null;
  const markerSlot = o.markerSlot ?? true;
  const s: SubmissionState = {
    app,
    containers: [queuedContainerAttempt(APP_ID, C1, T0 - MIN)],
    remoteDocuments: [],
    remoteImages: [],
    shape: o.shape ?? { documents: [{ imageTypes: [2, 3] }, { imageTypes: [2] }], hasApplicantPhoto: true },
    account: { markerSlot, evidence: { queuedReadsShowDocuments: false, markersEchoed: false, queryListsQueued: false, ...o.evidence } },
  };
  for (let d = 0; d < (o.docsDone ?? 0); d++) {
    s.remoteDocuments.push({ containerId: C1, docIndex: d, documentId: `d${d}`, marker: markerSlot ? `${APP_ID}:${d}` : null });
    for (let i = 0; i < (o.imagesDone?.[d] ?? 0); i++) s.remoteImages.push({ containerId: C1, docIndex: d, imgIndex: i, imageType: 2, imageId: `i${d}${i}` });
  }
  if (o.photoDone) s.remoteImages.push({ containerId: C1, docIndex: -1, imgIndex: -1, imageType: 1, imageId: 'photo' });
  return s;
}

const doc = (documentId: string, customValues: string[] = [], imageIds: string[] = []): RetrievedDocument => ({ documentId, customValues, imageIds });

function read(storageType: number, documents: RetrievedDocument[] = [], applicantPhotoId: string | null = null): CallOutcome {
  return { class: 'OK', httpStatus: 200, retrieved: { storageType, referred: false, documents, applicantPhotoId, snapshot: JSON.stringify({ DocumentStorageType: storageType }) } };
}

const REJECTED: CallOutcome = { class: 'REJECTED', httpStatus: 200, message: 'Document container not found.' };
const AMBIGUOUS: CallOutcome = { class: 'AMBIGUOUS', httpStatus: 502 };
const NOT_APPLIED: CallOutcome = { class: 'NOT_APPLIED', transportFailure: true };
const SESSION: CallOutcome = { class: 'SESSION', httpStatus: 200 };
const CONFIG: CallOutcome = { class: 'CONFIG', httpStatus: 403 };
const ACCESS_DENIED: CallOutcome = { class: 'CONFIG', httpStatus: 200, accessDenied: true };
const ok = (id: string): CallOutcome => ({ class: 'OK', httpStatus: 200, id });

/** The builds of a full clean run: our documents d0 (two images) and d1 (one image) with markers. */
const ourDocs = () => [doc('d0', [`${APP_ID}:0`], ['i00', 'i01']), doc('d1', [`${APP_ID}:1`], ['i10'])];

function noCreateOrAbandon(s: SubmissionState): void {
  // I11: exactly one container attempt, the queued one, never abandoned; never a container step.
  expect(s.containers).toHaveLength(1);
  expect(s.containers[0]).toMatchObject({ containerId: C1, origin: 'queued', abandonedAt: null });
  expect(s.app.currentContainerId).toBe(C1);
  expect(s.app.step).not.toBe('CREATE_CONTAINER');
}

describe('begin for a queued app', () => {
  it('reads C at CHECK_QUEUED without a SENT commit (W5)', () => {
    const t = nextSubmissionStep(queuedAt({ step: 'CHECK_QUEUED' }), { type: 'begin' }, ctx);
    expect(t.effects).toEqual([{ type: 'call', call: { kind: 'retrieve', containerId: C1, purpose: 'check' } }]);
    expect(t.state.app.phase).toBe('PENDING');
  });

  it('sends createDocument with the marker "<app id>:<i>" when the account has a marker slot, and without one otherwise', () => {
    const withSlot = nextSubmissionStep(queuedAt({ step: 'CREATE_DOCUMENT', docIndex: 1, docsDone: 1, imagesDone: [2] }), { type: 'begin' }, ctx);
    expect(withSlot.effects).toEqual([{ type: 'call', call: { kind: 'createDocument', containerId: C1, docIndex: 1, marker: `${APP_ID}:1` } }]);
    expect(withSlot.state.app.phase).toBe('SENT');
    const without = nextSubmissionStep(queuedAt({ step: 'CREATE_DOCUMENT', markerSlot: false }), { type: 'begin' }, ctx);
    expect(without.effects).toEqual([{ type: 'call', call: { kind: 'createDocument', containerId: C1, docIndex: 0 } }]);
  });

  it('never restarts an old queued container (§13.1: no proactive age limit)', () => {
    const s = queuedAt({ step: 'UPLOAD_IMAGE', docsDone: 1 });
    const t = nextSubmissionStep(s, { type: 'begin' }, ctxAt(T0 + 13 * 60 * MIN));
    expect(t.effects[0]).toMatchObject({ type: 'call', call: { kind: 'uploadImage', containerId: C1 } });
    noCreateOrAbandon(t.state);
  });
});

describe('§13.4 CHECK_QUEUED', () => {
  const at = () => queuedAt({ step: 'CHECK_QUEUED' });
  it.each([3, 4, 5, 6])('storage type %i (published elsewhere) → completed_elsewhere, nothing sent', (st) => {
    const { done } = runStep(at(), read(st), ctx);
    expect(done.state.app.attentionReason).toBe('completed_elsewhere');
    noCreateOrAbandon(done.state);
  });
  it('queued with no documents → CREATE_DOCUMENT(0)', () => {
    const { done } = runStep(at(), read(7), ctx);
    expect(done.state.app).toMatchObject({ step: 'CREATE_DOCUMENT', stepDocIndex: 0, attentionReason: null, nextAttemptAt: T0 });
  });
  it('queued with a foreign document → queued_in_use, recorded', () => {
    const { done } = runStep(at(), read(7, [doc('other', ['someone-else:0'])]), ctx);
    expect(done.state.app.attentionReason).toBe('queued_in_use');
    expect(done.state.app.foreignDocuments).toEqual(['other']);
  });
  it('queued with an applicant photo from elsewhere → queued_in_use', () => {
    const { done } = runStep(at(), read(7, [], 'their-photo'), ctx);
    expect(done.state.app.attentionReason).toBe('queued_in_use');
  });
  it('REJECTED when queued reads are known to show documents → gone → queued_withdrawn', () => {
    const { done } = runStep(queuedAt({ step: 'CHECK_QUEUED', evidence: { queuedReadsShowDocuments: true } }), REJECTED, ctx);
    expect(done.state.app.attentionReason).toBe('queued_withdrawn');
  });
  it('REJECTED before that is known → unknown → CREATE_DOCUMENT(0)', () => {
    const { done } = runStep(at(), REJECTED, ctx);
    expect(done.state.app).toMatchObject({ step: 'CREATE_DOCUMENT', attentionReason: null });
  });
  it.each([NOT_APPLIED, AMBIGUOUS])('%o is retried as the same read', (o) => {
    const { done } = runStep(at(), o, ctx);
    expect(done.state.app).toMatchObject({ step: 'CHECK_QUEUED', failures: 1, phase: 'PENDING' });
    expect(done.state.app.nextAttemptAt).toBeGreaterThan(T0);
  });
  it('SESSION renews and repeats the read', () => {
    const { done } = runStep(at(), SESSION, ctx);
    expect(done.effects).toContainEqual({ type: 'renew_session' });
    expect(done.state.app).toMatchObject({ step: 'CHECK_QUEUED', failures: 0 });
  });
  it('CONFIG pauses the queue; AccessDenied stops only this app (§13.6)', () => {
    expect(runStep(at(), CONFIG, ctx).done.effects).toContainEqual({ type: 'pause', kind: 'PAUSED_CONFIG' });
    const denied = runStep(at(), ACCESS_DENIED, ctx).done;
    expect(denied.state.app.attentionReason).toBe('queued_no_access');
    expect(denied.effects.some((e) => e.type === 'pause')).toBe(false);
  });
});

describe('§13.5 build steps', () => {
  it('CREATE_DOCUMENT OK stores DocumentId and marker → UPLOAD_IMAGE(i, 0)', () => {
    const { done } = runStep(queuedAt({ step: 'CREATE_DOCUMENT' }), ok('D-new'), ctx);
    expect(done.state.remoteDocuments).toEqual([{ containerId: C1, docIndex: 0, documentId: 'D-new', marker: `${APP_ID}:0` }]);
    expect(done.state.app).toMatchObject({ step: 'UPLOAD_IMAGE', stepDocIndex: 0, stepImgIndex: 0 });
  });
  it('the last image goes to the photo step, and without a photo to CHECK_BEFORE_PUBLISH (never straight to PUBLISH)', () => {
    const withPhoto = runStep(queuedAt({ step: 'UPLOAD_IMAGE', docIndex: 1, docsDone: 2, imagesDone: [2, 0] }), ok('I'), ctx).done;
    expect(withPhoto.state.app.step).toBe('UPLOAD_APPLICANT_PHOTO');
    const shape = { documents: [{ imageTypes: [2] }], hasApplicantPhoto: false };
    const noPhoto = runStep(queuedAt({ step: 'UPLOAD_IMAGE', docsDone: 1, shape }), ok('I'), ctx).done;
    expect(noPhoto.state.app.step).toBe('CHECK_BEFORE_PUBLISH');
    const photo = runStep(queuedAt({ step: 'UPLOAD_APPLICANT_PHOTO', docsDone: 2, imagesDone: [2, 1] }), ok('P'), ctx).done;
    expect(photo.state.app.step).toBe('CHECK_BEFORE_PUBLISH');
    expect(photo.state.remoteImages.at(-1)).toMatchObject({ docIndex: -1, imageId: 'P' });
  });
  it.each<[Step, number]>([
    ['CREATE_DOCUMENT', 0],
    ['UPLOAD_IMAGE', 1],
    ['UPLOAD_APPLICANT_PHOTO', 2],
  ])('%s: NOT_APPLIED retries, AMBIGUOUS → RECONCILE after the settle delay, REJECTED → RECONCILE at once, SESSION renews, CONFIG pauses', (step, docsDone) => {
    const at = () => queuedAt({ step, docsDone, imagesDone: [2, 1] });
    expect(runStep(at(), NOT_APPLIED, ctx).done.state.app).toMatchObject({ step, failures: 1, phase: 'PENDING' });
    const amb = runStep(at(), AMBIGUOUS, ctx).done.state;
    expect(amb.app).toMatchObject({ step: 'RECONCILE', reconcile: { step, cause: 'ambiguous' }, phase: 'PENDING', nextAttemptAt: T0 + settle });
    noCreateOrAbandon(amb);
    const rej = runStep(at(), REJECTED, ctx).done.state;
    expect(rej.app).toMatchObject({ step: 'RECONCILE', reconcile: { step, cause: 'rejected' }, nextAttemptAt: T0 });
    noCreateOrAbandon(rej);
    expect(runStep(at(), SESSION, ctx).done.effects).toContainEqual({ type: 'renew_session' });
    expect(runStep(at(), CONFIG, ctx).done.effects).toContainEqual({ type: 'pause', kind: 'PAUSED_CONFIG' });
    expect(runStep(at(), ACCESS_DENIED, ctx).done.state.app.attentionReason).toBe('queued_no_access');
  });
});

describe('§13.4 CHECK_BEFORE_PUBLISH', () => {
  const at = (evidence: Partial<AccountEvidence> = {}) => queuedAt({ step: 'CHECK_BEFORE_PUBLISH', docsDone: 2, imagesDone: [2, 1], photoDone: true, evidence });
  it('nothing foreign and nothing missing → PUBLISH, and the read proves queued reads show documents', () => {
    const { done } = runStep(at(), read(7, ourDocs(), 'photo'), ctx);
    expect(done.state.app.step).toBe('PUBLISH');
    expect(done.state.account?.evidence).toMatchObject({ queuedReadsShowDocuments: true, markersEchoed: true });
  });
  it('a foreign document → queued_conflict, recorded, nothing published', () => {
    const { done } = runStep(at(), read(7, [...ourDocs(), doc('theirs')], 'photo'), ctx);
    expect(done.state.app.attentionReason).toBe('queued_conflict');
    expect(done.state.app.foreignDocuments).toEqual(['theirs']);
    expect(done.state.containers[0]?.publishAttempted).toBe(false);
  });
  it('an image someone added to one of our documents → queued_conflict', () => {
    const docs = ourDocs();
    docs[1] = doc('d1', [`${APP_ID}:1`], ['i10', 'extra']);
    expect(runStep(at(), read(7, docs, 'photo'), ctx).done.state.app.attentionReason).toBe('queued_conflict');
  });
  it('a missing document of ours counts only once queued reads are known to show documents (§13.2)', () => {
    // The answer shows none of our documents, so it teaches nothing either.
    const missing = read(7, [], 'photo');
    expect(runStep(at(), missing, ctx).done.state.app.step).toBe('PUBLISH');
    expect(runStep(at({ queuedReadsShowDocuments: true }), missing, ctx).done.state.app.attentionReason).toBe('queued_conflict');
  });
  it('published → completed_elsewhere; gone → queued_withdrawn; unknown → PUBLISH', () => {
    expect(runStep(at(), read(4, ourDocs()), ctx).done.state.app.attentionReason).toBe('completed_elsewhere');
    expect(runStep(at({ queuedReadsShowDocuments: true }), REJECTED, ctx).done.state.app.attentionReason).toBe('queued_withdrawn');
    expect(runStep(at(), REJECTED, ctx).done.state.app.step).toBe('PUBLISH');
  });
});

describe('§13.5 PUBLISH', () => {
  const at = () => queuedAt({ step: 'PUBLISH', docsDone: 2, imagesDone: [2, 1], photoDone: true });
  it('OK → AWAIT_RESULT with publish_last_outcome ok', () => {
    const { begun, done } = runStep(at(), ok(C1), ctx);
    expect(begun.state.containers[0]?.publishAttempted).toBe(true);
    expect(done.state.app).toMatchObject({ step: 'AWAIT_RESULT', publishedAt: T0 });
    expect(done.state.containers[0]?.publishLastOutcome).toBe('ok');
  });
  it('NOT_APPLIED retries with the same C', () => {
    const { done } = runStep(at(), NOT_APPLIED, ctx);
    expect(done.state.app).toMatchObject({ step: 'PUBLISH', currentContainerId: C1, failures: 1 });
    expect(done.state.containers[0]?.publishLastOutcome).toBe('not_applied');
  });
  it('AMBIGUOUS → CONFIRM_PUBLISH after the settle delay, publish_ambiguous set', () => {
    const { done } = runStep(at(), AMBIGUOUS, ctx);
    expect(done.state.app).toMatchObject({ step: 'CONFIRM_PUBLISH', nextAttemptAt: T0 + settle });
    expect(done.state.containers[0]).toMatchObject({ publishAmbiguous: true, publishLastOutcome: 'ambiguous' });
  });
  it('REJECTED → CONFIRM_PUBLISH at once in re-check mode, never a restart', () => {
    const { done } = runStep(at(), REJECTED, ctx);
    expect(done.state.app).toMatchObject({ step: 'CONFIRM_PUBLISH', nextAttemptAt: T0, verifyStartedAt: T0 });
    expect(done.state.containers[0]?.publishLastOutcome).toBe('rejected');
    noCreateOrAbandon(done.state);
  });
  it('SESSION renews; CONFIG pauses; AccessDenied → queued_no_access', () => {
    expect(runStep(at(), SESSION, ctx).done.effects).toContainEqual({ type: 'renew_session' });
    expect(runStep(at(), CONFIG, ctx).done.effects).toContainEqual({ type: 'pause', kind: 'PAUSED_CONFIG' });
    const denied = runStep(at(), ACCESS_DENIED, ctx).done.state;
    expect(denied.app.attentionReason).toBe('queued_no_access');
    expect(denied.containers[0]?.publishLastOutcome).toBe('not_applied');
  });
});

describe('§13.4 RECONCILE', () => {
  const recon = (step: 'CREATE_DOCUMENT' | 'UPLOAD_IMAGE' | 'UPLOAD_APPLICANT_PHOTO', cause: 'ambiguous' | 'rejected', o: Partial<Opts> = {}) =>
    queuedAt({ step: 'RECONCILE', reconcile: { step, cause }, ...o });

  it('published → completed_elsewhere; gone → queued_withdrawn', () => {
    expect(runStep(recon('CREATE_DOCUMENT', 'ambiguous'), read(5), ctx).done.state.app.attentionReason).toBe('completed_elsewhere');
    expect(runStep(recon('CREATE_DOCUMENT', 'ambiguous', { evidence: { queuedReadsShowDocuments: true } }), REJECTED, ctx).done.state.app.attentionReason).toBe(
      'queued_withdrawn',
    );
  });
  it('unknown after an ambiguous step → queued_unresolved, keeping the step for "Continue anyway"', () => {
    const s = runStep(recon('UPLOAD_IMAGE', 'ambiguous', { docsDone: 1 }), REJECTED, ctx).done.state;
    expect(s.app.attentionReason).toBe('queued_unresolved');
    expect(s.app.reconcile).toEqual({ step: 'UPLOAD_IMAGE', cause: 'ambiguous' });
  });
  it('after a refused step with C queued: rejections += 1 and the step is repeated after backoff; at the cap → rejected', () => {
    const s = runStep(recon('CREATE_DOCUMENT', 'rejected'), read(7), ctx).done.state;
    expect(s.app).toMatchObject({ step: 'CREATE_DOCUMENT', rejections: 1, reconcile: null });
    expect(s.app.nextAttemptAt).toBeGreaterThan(T0);
    const capped = recon('CREATE_DOCUMENT', 'rejected');
    capped.app.rejections = 2;
    expect(runStep(capped, read(7), ctx).done.state.app.attentionReason).toBe('rejected');
    // Unknown after a refused step is treated as queued.
    expect(runStep(recon('CREATE_DOCUMENT', 'rejected'), REJECTED, ctx).done.state.app).toMatchObject({ step: 'CREATE_DOCUMENT', rejections: 1 });
  });
  it('a foreign document → queued_conflict', () => {
    const s = runStep(recon('UPLOAD_IMAGE', 'ambiguous', { docsDone: 1 }), read(7, [doc('d0', [`${APP_ID}:0`]), doc('theirs')]), ctx).done.state;
    expect(s.app.attentionReason).toBe('queued_conflict');
  });

  describe('after an ambiguous CREATE_DOCUMENT(i)', () => {
    it('exactly one document with the marker → adopted as if OK → UPLOAD_IMAGE(i, 0)', () => {
      const s = runStep(recon('CREATE_DOCUMENT', 'ambiguous'), read(7, [doc('landed', [`${APP_ID}:0`])]), ctx).done.state;
      expect(s.remoteDocuments).toEqual([{ containerId: C1, docIndex: 0, documentId: 'landed', marker: `${APP_ID}:0` }]);
      expect(s.app).toMatchObject({ step: 'UPLOAD_IMAGE', stepDocIndex: 0, reconcile: null, attentionReason: null });
    });
    it('two documents with the marker → queued_conflict', () => {
      const s = runStep(recon('CREATE_DOCUMENT', 'ambiguous'), read(7, [doc('a', [`${APP_ID}:0`]), doc('b', [`${APP_ID}:0`])]), ctx).done.state;
      expect(s.app.attentionReason).toBe('queued_conflict');
    });
    it('none, and marker absence counts → CREATE_DOCUMENT(i) again', () => {
      const o = { docsDone: 1, imagesDone: [2], docIndex: 1, evidence: { queuedReadsShowDocuments: true, markersEchoed: true } };
      const s = runStep(recon('CREATE_DOCUMENT', 'ambiguous', o), read(7, [doc('d0', [`${APP_ID}:0`], ['i00', 'i01'])]), ctx).done.state;
      expect(s.app).toMatchObject({ step: 'CREATE_DOCUMENT', stepDocIndex: 1, reconcile: null, attentionReason: null });
    });
    it('none, and absence does not count yet → queued_unresolved', () => {
      // d0 shown without its marker: reads show documents, but markers have never been seen echoed.
      const o = { docsDone: 1, imagesDone: [2], docIndex: 1, evidence: { queuedReadsShowDocuments: true } };
      const s = runStep(recon('CREATE_DOCUMENT', 'ambiguous', o), read(7, [doc('d0', [], ['i00', 'i01'])]), ctx).done.state;
      expect(s.account?.evidence.markersEchoed).toBe(false);
      expect(s.app.attentionReason).toBe('queued_unresolved');
    });
    it('without a marker slot, a document that landed cannot be told from a foreign one → queued_unresolved, never a second document', () => {
      const s = runStep(recon('CREATE_DOCUMENT', 'ambiguous', { markerSlot: false }), read(7, [doc('landed')]), ctx).done.state;
      expect(s.app.attentionReason).toBe('queued_unresolved');
      expect(s.app.step).toBe('RECONCILE');
    });
  });

  describe('after an ambiguous UPLOAD_IMAGE(i, j)', () => {
    const o = { docsDone: 1, imagesDone: [1], imgIndex: 1 };
    it('one unrecorded image on document i → adopted → next step', () => {
      const s = runStep(recon('UPLOAD_IMAGE', 'ambiguous', o), read(7, [doc('d0', [`${APP_ID}:0`], ['i00', 'landed'])]), ctx).done.state;
      expect(s.remoteImages.at(-1)).toMatchObject({ docIndex: 0, imgIndex: 1, imageId: 'landed' });
      expect(s.app).toMatchObject({ step: 'CREATE_DOCUMENT', stepDocIndex: 1 });
    });
    it('two unrecorded images → queued_conflict', () => {
      const s = runStep(recon('UPLOAD_IMAGE', 'ambiguous', o), read(7, [doc('d0', [`${APP_ID}:0`], ['i00', 'x', 'y'])]), ctx).done.state;
      expect(s.app.attentionReason).toBe('queued_conflict');
    });
    it('none, with absence counting → UPLOAD_IMAGE again; without → queued_unresolved', () => {
      const shown = read(7, [doc('d0', [`${APP_ID}:0`], ['i00'])]);
      expect(runStep(recon('UPLOAD_IMAGE', 'ambiguous', { ...o, evidence: { queuedReadsShowDocuments: true } }), shown, ctx).done.state.app).toMatchObject({
        step: 'UPLOAD_IMAGE',
        stepImgIndex: 1,
      });
      // Showing document i at all proves reads show documents; a read that shows nothing proves nothing.
      expect(runStep(recon('UPLOAD_IMAGE', 'ambiguous', o), shown, ctx).done.state.app.step).toBe('UPLOAD_IMAGE');
      expect(runStep(recon('UPLOAD_IMAGE', 'ambiguous', o), read(7, []), ctx).done.state.app.attentionReason).toBe('queued_unresolved');
    });
  });

  it('after an ambiguous UPLOAD_APPLICANT_PHOTO: a photo shown → adopted → CHECK_BEFORE_PUBLISH; none with absence counting → sent again', () => {
    const o = { docsDone: 2, imagesDone: [2, 1] };
    const adopted = runStep(recon('UPLOAD_APPLICANT_PHOTO', 'ambiguous', o), read(7, ourDocs(), 'p-landed'), ctx).done.state;
    expect(adopted.app.step).toBe('CHECK_BEFORE_PUBLISH');
    expect(adopted.remoteImages.at(-1)).toMatchObject({ docIndex: -1, imageId: 'p-landed' });
    const again = runStep(recon('UPLOAD_APPLICANT_PHOTO', 'ambiguous', { ...o, evidence: { queuedReadsShowDocuments: true } }), read(7, ourDocs()), ctx).done.state;
    expect(again.app.step).toBe('UPLOAD_APPLICANT_PHOTO');
  });
});

describe('§13.4 CONFIRM_PUBLISH', () => {
  const at = (last: 'ambiguous' | 'rejected', evidence: Partial<AccountEvidence> = {}) => {
    const s = queuedAt({ step: 'CONFIRM_PUBLISH', docsDone: 2, imagesDone: [2, 1], photoDone: true, evidence });
    Object.assign(s.containers[0]!, { publishAttempted: true, publishAmbiguous: last === 'ambiguous', publishLastOutcome: last });
    if (last === 'rejected') s.app.verifyStartedAt = T0;
    return s;
  };
  it('published (5) → confirmed → AWAIT_RESULT; final (3) → COMPLETED; foreign documents are recorded', () => {
    const s = runStep(at('ambiguous'), read(5, [...ourDocs(), doc('theirs')], 'photo'), ctx).done.state;
    expect(s.app).toMatchObject({ step: 'AWAIT_RESULT', publishedAt: T0, foreignDocuments: ['theirs'] });
    expect(s.containers[0]?.publishedConfirmedAt).toBe(T0);
    expect(runStep(at('rejected'), read(3, ourDocs(), 'photo'), ctx).done.state.app.step).toBe('COMPLETED');
  });
  it('queued after an ambiguous publish, nothing foreign → PUBLISH the same C again', () => {
    const s = runStep(at('ambiguous'), read(7, ourDocs(), 'photo'), ctx).done.state;
    expect(s.app).toMatchObject({ step: 'PUBLISH', currentContainerId: C1 });
  });
  it('queued after an ambiguous publish with something foreign → queued_conflict', () => {
    expect(runStep(at('ambiguous'), read(7, [...ourDocs(), doc('x')], 'photo'), ctx).done.state.app.attentionReason).toBe('queued_conflict');
  });
  it('queued after a refused publish → re-check rounds (2, 5, 10, 20, 30 min), then rejected', () => {
    let s = at('rejected');
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      s = runStep(s, read(7, ourDocs(), 'photo'), ctxAt(s.app.nextAttemptAt)).done.state;
      times.push(s.app.nextAttemptAt - T0);
    }
    expect(times).toEqual([2, 5, 10, 20, 30].map((m) => m * MIN));
    s = runStep(s, read(7, ourDocs(), 'photo'), ctxAt(s.app.nextAttemptAt)).done.state;
    expect(s.app.attentionReason).toBe('rejected');
  });
  it('unknown → re-check rounds, then publish_unresolved; gone → queued_withdrawn', () => {
    let s = at('ambiguous');
    for (let round = 0; round < 5; round++) s = runStep(s, REJECTED, ctxAt(s.app.nextAttemptAt)).done.state;
    expect(s.app.attentionReason).toBeNull();
    s = runStep(s, REJECTED, ctxAt(s.app.nextAttemptAt)).done.state;
    expect(s.app.attentionReason).toBe('publish_unresolved');
    expect(runStep(at('ambiguous', { queuedReadsShowDocuments: true }), REJECTED, ctx).done.state.app.attentionReason).toBe('queued_withdrawn');
  });
  it('transient read failures repeat the read', () => {
    expect(runStep(at('ambiguous'), AMBIGUOUS, ctx).done.state.app).toMatchObject({ step: 'CONFIRM_PUBLISH', failures: 1 });
  });
});

describe('AWAIT_RESULT for a queued app', () => {
  it('records documents in the published C that were not captured here', () => {
    const s = queuedAt({ step: 'AWAIT_RESULT', docsDone: 2, imagesDone: [2, 1], photoDone: true });
    s.app.publishedAt = T0 - MIN;
    const done = runStep(s, read(3, [...ourDocs(), doc('theirs')], 'photo'), ctx).done.state;
    expect(done.app).toMatchObject({ step: 'COMPLETED', foreignDocuments: ['theirs'] });
  });
});

describe('§13.5 crash recovery', () => {
  it.each<Step>(['CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO'])('%s found SENT → RECONCILE due at sent_at + settle delay, never a restart', (step) => {
    const s = queuedAt({ step, docsDone: step === 'CREATE_DOCUMENT' ? 0 : 2, imagesDone: [2, 1] });
    s.app.phase = 'SENT';
    s.app.sentAt = T0 - 30_000;
    const t = recoverAfterCrash(s, ctx);
    expect(t.state.app).toMatchObject({ step: 'RECONCILE', phase: 'PENDING', reconcile: { step, cause: 'ambiguous' }, nextAttemptAt: T0 - 30_000 + settle });
    noCreateOrAbandon(t.state);
  });
  it('PUBLISH found SENT → publish_ambiguous → CONFIRM_PUBLISH after the settle delay', () => {
    const s = queuedAt({ step: 'PUBLISH', docsDone: 2, imagesDone: [2, 1], photoDone: true });
    s.app.phase = 'SENT';
    s.app.sentAt = T0 - 10 * MIN;
    s.containers[0]!.publishAttempted = true;
    const t = recoverAfterCrash(s, ctx);
    expect(t.state.app).toMatchObject({ step: 'CONFIRM_PUBLISH', nextAttemptAt: T0 });
    expect(t.state.containers[0]).toMatchObject({ publishAmbiguous: true, publishLastOutcome: 'ambiguous' });
  });
});
