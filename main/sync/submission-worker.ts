// The sync worker: drives the per-application machine (§7) and the queue machine (§8) against the
// store and TrustID. Two lanes share the sessions and the queue state (§7.6): the submission lane
// (build steps, publish, verify; oldest captured_at first, §5 "Ordering"), which works on up to
// `submissionConcurrency` apps at once with at most `uploadConcurrency` uploads in flight, and the
// polling lane (results). Crash recovery (§7.7) runs before either starts. Write discipline: SENT is
// committed before the request (W1); the answer and the next state are committed together (W2) — and
// when the app's next step follows at once, that same transaction is the next step's SENT commit;
// the step commits of apps in flight share one transaction when they fall in the same turn (group
// commit); every transaction is synchronous, never spanning an await (W3). Runs in main (plain
// Node); one per kiosk (W6).
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';
import { AccountSessions } from './account-sessions';
import { recoverAfterCrash } from './crash-recovery';
import { GroupCommit, type GroupCommitStats } from './group-commit';
import type { MachineContext } from './machine-context';
import { effectiveQueueState, mayCall, mayLogin, mayProbe } from './queue-machine';
import { QueueKeeper } from './queue-keeper';
import { Semaphore } from './semaphore';
import { applyStaffAction, type StaffCommand, type StaffActor } from './staff-actions';
import { nextSubmissionStep } from './submission-machine';
import type { CallOutcome, Effect, Step, SubmissionState, Transition } from './submission-types';
import { isMutatingStep, isTerminalStep } from './submission-types';
import { blockingReasonOf, countsByDisplayState, syncItemOf, type SyncItem, type SyncEvent, type SyncSummary } from './sync-events';
import { defaultSyncParams, type SyncParams } from './sync-params';
import { outcomeOfError } from './trustid-adapter';
import { KIOSK_ACCOUNT_ID } from '../store/trustid-accounts';
import { LocalImageError, SubmissionConflictError, type SyncAuditEntry, type CallExtras, type Clock, type LoadedSubmission, type Scheduler, type SubmissionApi, type SubmissionStore } from './sync-ports';

/** Steps the submission lane runs (W6: this worker is the only one that runs them). */
export const SUBMISSION_STEPS: readonly Step[] = [
  'CREATE_CONTAINER',
  'CREATE_DOCUMENT',
  'UPLOAD_IMAGE',
  'UPLOAD_APPLICANT_PHOTO',
  'PUBLISH',
  'VERIFY_PUBLISH',
  // §13.3: the reads of a queued container decide the next build step, so they share the lane (W6).
  'CHECK_QUEUED',
  'CHECK_BEFORE_PUBLISH',
  'RECONCILE',
  'CONFIRM_PUBLISH',
];
/** Steps the polling lane runs: reads only, so results arrive while a long upload runs (§7.6). */
export const POLL_STEPS: readonly Step[] = ['AWAIT_RESULT'];
const BUILD_STEPS: readonly Step[] = ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH'];

/** Back off this long from an app whose step threw unexpectedly, so one bug cannot spin the lane. */
const QUARANTINE_MS = 60_000;

export type SubmissionWorkerDeps = {
  store: SubmissionStore;
  /** The TrustID account an app was captured under → a client for it (issue 5). */
  apiFor: (accountId: string) => SubmissionApi;
  clock: Clock;
  scheduler: Scheduler;
  random?: () => number;
  params?: Partial<SyncParams>;
  log?: Logger;
  onEvent?: (event: SyncEvent) => void;
  /** The queue summary is sent at most this often while work goes on, and whenever the lanes go idle. */
  summaryIntervalMs?: number;
};

/** Staff actions the worker carries out; retakes and other edits go through the store (§7.8). */
export type WorkerStaffCommand = Exclude<StaffCommand, { kind: 'retake' }>;

export type CommandResult = { ok: true; item: SyncItem | null } | { ok: false; code: string; message: string };

type LaneName = 'submission' | 'poll';
/** One runner of a lane; the submission lane has one per app it may work on at once. */
type Lane = { name: LaneName; steps: readonly Step[]; probes: boolean; sleeping: boolean; wake: AbortController | null; done: Promise<void> | null };

export class SubmissionWorker {
  private readonly store: SubmissionStore;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;
  private readonly params: SyncParams;
  private readonly log: Logger;
  private readonly sessions: AccountSessions;
  private readonly queue: QueueKeeper;
  private readonly lanes: Lane[];
  private readonly busy = new Set<string>();
  private readonly quarantine = new Map<string, number>();
  private pokes = 0;
  private stopped = true;
  private idleWaiters: (() => void)[] = [];
  private lastSummaryAt = -Infinity;
  private accountCache: { at: number; ids: string[] } | null = null;
  /** Upload progress of the image in flight, per app, for list() and the app events. */
  private readonly progress = new Map<string, NonNullable<SyncItem['progress']>>();
  private summaryPending = false;
  private readonly groupCommit: GroupCommit;
  private readonly uploads: Semaphore;

  constructor(private readonly deps: SubmissionWorkerDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.scheduler = deps.scheduler;
    this.random = deps.random ?? Math.random;
    this.params = { ...defaultSyncParams, ...deps.params };
    this.log = (deps.log ?? silentLogger()).child({ module: 'sync' });
    this.sessions = new AccountSessions(deps.apiFor);
    this.queue = new QueueKeeper(this.store, this.clock, this.random, this.params, this.log, () => this.poke());
    this.groupCommit = new GroupCommit(this.store, () => this.queue.flushIfDirty());
    this.uploads = new Semaphore(Math.max(1, Math.floor(this.params.uploadConcurrency)));
    const slots = Math.max(1, Math.floor(this.params.submissionConcurrency));
    this.lanes = [
      // Only one runner probes while OFFLINE (§8: one probe, with its own backoff).
      ...Array.from({ length: slots }, (_, i): Lane => ({ name: 'submission', steps: SUBMISSION_STEPS, probes: i === 0, sleeping: false, wake: null, done: null })),
      { name: 'poll', steps: POLL_STEPS, probes: false, sleeping: false, wake: null, done: null },
    ];
  }

  // ---- life cycle ------------------------------------------------------------------------------

  /** §7.7 recovery in one transaction, then both lanes. Call once the store has recovered. */
  start(): void {
    if (!this.stopped) return;
    this.queue.start();
    this.recoverSentApps();
    this.stopped = false;
    for (const lane of this.lanes) lane.done = this.runLane(lane);
    this.emitSummary(true);
  }

  /**
   * Stops both lanes. A request in flight is awaited up to `graceMs`; after that the process may
   * exit, and the next start's recovery resolves the SENT step (§7.7).
   */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.poke();
    const all = Promise.all(this.lanes.map((l) => l.done));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    if (timer !== undefined) clearTimeout(timer);
    this.queue.persist();
  }

  private recoverSentApps(): void {
    const sent = this.store.listSent();
    if (sent.length === 0) return;
    const ctx = this.machineContext();
    this.store.transaction(() => {
      for (const id of sent) {
        const rec = this.store.load(id);
        if (rec === null) continue;
        const t = recoverAfterCrash(rec, ctx);
        this.store.save(t.state, rec.revision, this.auditsOf(t, 'system'));
        this.logEffects(t.effects, id);
      }
    });
    this.log.info({ apps: sent.length }, 'recovered applications that were being sent when Scan Station stopped');
  }

  // ---- commands --------------------------------------------------------------------------------

  /** A capture was saved or anything else may have made work due: wake the lanes. */
  notifyChanged(): void {
    this.accountCache = null;
    this.poke();
  }

  /**
   * §5 "Sync now": every app waiting in backoff at a build step becomes due now — never earlier than
   * its Retry-After or the queue's not_before — and so do the offline probe and the login backoff.
   */
  syncNow(): void {
    this.queue.apply({ type: 'sync_now' });
    const now = this.clock.now();
    const notBefore = this.queue.record.notBefore ?? 0;
    for (let offset = 0; ; offset += 200) {
      const page = this.store.list({ steps: BUILD_STEPS, limit: 200, offset });
      for (const app of page) {
        if (app.attentionReason !== null || app.phase !== 'PENDING' || this.busy.has(app.id)) continue;
        const target = Math.max(now, app.retryAfterUntil ?? 0, notBefore);
        if (target >= app.nextAttemptAt) continue;
        const rec = this.store.load(app.id);
        if (rec === null || rec.app.phase !== 'PENDING') continue;
        rec.app.nextAttemptAt = target;
        this.commit({ state: rec, effects: [] }, rec.revision, 'system');
      }
      if (page.length < 200) break;
    }
    this.poke();
    this.emitSummary(true);
  }

  /**
   * §6 "Try again" (or new credentials): exactly one login for a paused account, now. Returns what
   * happened so the screen can say it.
   */
  async tryAgain(accountId: string, opts: { credentialsChanged?: boolean } = {}): Promise<CommandResult> {
    this.accountCache = null;
    this.queue.apply(opts.credentialsChanged ? { type: 'credentials_changed', accountId } : { type: 'try_again', accountId });
    if (!mayLogin(this.queue.record, accountId, this.clock.now())) {
      return { ok: false, code: 'sync.not-now', message: this.blockedMessage() };
    }
    const ok = await this.login(accountId);
    const pause = this.queue.record.accounts[accountId]?.pause;
    this.emitSummary(true);
    if (ok) return { ok: true, item: null };
    return { ok: false, code: pause?.kind === 'PAUSED_AUTH' ? 'sync.sign-in-refused' : 'sync.sign-in-failed', message: pause?.message ?? 'TrustID could not be reached. Try again in a moment.' };
  }

  list(q: { attentionOnly?: boolean; limit?: number; offset?: number } = {}): SyncItem[] {
    return this.store.list(q).map((app) => syncItemOf(app, this.progress.get(app.id) ?? null));
  }

  /** One queue row, with the upload in flight (cheaper than list() for a single app). */
  item(appId: string): SyncItem | null {
    const rec = this.store.load(appId);
    return rec === null ? null : syncItemOf(rec.app, this.progress.get(appId) ?? null);
  }

  summary(): SyncSummary {
    const now = this.clock.now();
    const s = this.store.summary();
    const q = this.queue.record;
    // A paused account only blocks anything if it has applications waiting (a staff member who
    // left may keep a paused account for good).
    const waiting = this.accountIds().filter((id) => this.store.nextDueAt({ steps: [...SUBMISSION_STEPS, ...POLL_STEPS], accountIds: [id] }) !== null);
    return {
      queueState: effectiveQueueState(q, waiting),
      counts: countsByDisplayState(s.counts),
      oldestUnsentAgeMs: s.oldestUnsentCapturedAt === null ? null : Math.max(0, now - s.oldestUnsentCapturedAt),
      lastSuccessfulSyncAt: q.lastSuccessAt,
      blocking: blockingReasonOf(q, now, waiting),
    };
  }

  /** §10 staff actions (and the admin discard); "Check now" also makes its one retrieve. */
  async staffAction(appId: string, action: WorkerStaffCommand, actor: StaffActor): Promise<CommandResult> {
    if (this.busy.has(appId)) return { ok: false, code: 'sync.busy', message: 'This application is being sent right now. Wait a moment and try again.' };
    const rec = this.store.load(appId);
    if (rec === null) return { ok: false, code: 'sync.not-found', message: 'This application is no longer on this computer.' };
    const r = applyStaffAction(rec, action, actor, this.machineContext());
    if (r.refused) return { ok: false, code: r.code, message: r.message };
    this.busy.add(appId);
    try {
      if (this.commit(r, rec.revision, actor.userId) === null) {
        return { ok: false, code: 'sync.busy', message: 'This application changed while you were looking at it. Look again and retry.' };
      }
    } finally {
      this.busy.delete(appId);
    }
    if (action.kind === 'check_now') {
      await this.runStep(appId, ['AWAIT_RESULT', 'RESULT_OVERDUE'], true);
      // A session that lapsed while nothing was polled answers SESSION (not applied): renew and ask once more.
      if (this.store.load(appId)?.app.lastOutcomeClass === 'SESSION') await this.runStep(appId, ['AWAIT_RESULT', 'RESULT_OVERDUE'], true);
    }
    this.poke();
    this.emitSummary(true);
    const after = this.store.load(appId);
    return { ok: true, item: after === null ? null : syncItemOf(after.app) };
  }

  /**
   * A read made outside the submission machine (the results inbox, guest links, queued lists) under
   * the polling lane's rules (§7.6, §11): only while the queue runs and the account may call, through
   * the account's shared session (one login first, single-flight, when the queue allows one). Its
   * outcome feeds the offline gate and not_before like any call and never counts against an
   * application; a SESSION answer marks the session for renewal. Null when the read may not go out now.
   */
  async pollingRead<T>(accountId: string, read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; outcome: CallOutcome; error: unknown } | null> {
    if (this.stopped) return null;
    if (this.sessions.needsLogin(accountId, this.clock.now())) {
      if (!mayLogin(this.queue.record, accountId, this.clock.now())) return null;
      if (!(await this.login(accountId))) return null;
    }
    if (!mayCall(this.queue.record, accountId, this.clock.now())) return null;
    let result: { ok: true; value: T } | { ok: false; outcome: CallOutcome; error: unknown };
    try {
      result = { ok: true, value: await read() };
    } catch (error) {
      result = { ok: false, outcome: outcomeOfError(error), error };
    }
    const outcome: CallOutcome = result.ok ? { class: 'OK' } : result.outcome;
    this.sessions.noteOutcome(accountId, outcome, this.clock.now());
    if (outcome.class === 'SESSION') this.sessions.markForRenewal(accountId);
    this.queue.apply({ type: 'call_result', accountId, outcome });
    this.queue.flushIfDirty();
    return result;
  }

  // ---- test and harness hooks -------------------------------------------------------------------

  /** Step commits so far: transactions (one fsync each), writes in them, time inside them (ms). */
  commitStats(): Readonly<GroupCommitStats> {
    return this.groupCommit.stats;
  }

  /** Resolves when both lanes are asleep (nothing due now). */
  whenIdle(): Promise<void> {
    if (this.allAsleep()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** When the next piece of work falls due (clock time), or null when nothing is scheduled. */
  nextWakeAt(): number | null {
    const times = this.lanes.map((l) => this.laneWakeAt(l)).filter((t): t is number => t !== null);
    return times.length === 0 ? null : Math.min(...times);
  }

  // ---- lanes -----------------------------------------------------------------------------------

  private poke(): void {
    this.pokes += 1;
    for (const lane of this.lanes) lane.wake?.abort();
  }

  private allAsleep(): boolean {
    return this.stopped || this.lanes.every((l) => l.sleeping);
  }

  private async runLane(lane: Lane): Promise<void> {
    while (!this.stopped) {
      const seen = this.pokes;
      let worked = false;
      try {
        worked = await this.runOnce(lane);
      } catch (error) {
        this.log.error({ lane: lane.name, err: errorText(error) }, 'sync lane step failed');
      }
      if (worked || this.stopped || this.pokes !== seen) continue;
      const at = this.laneWakeAt(lane);
      lane.wake = new AbortController();
      lane.sleeping = true;
      if (this.summaryPending) this.emitSummary(true);
      if (this.allAsleep()) for (const w of this.idleWaiters.splice(0)) w();
      await this.scheduler.sleepUntil(at ?? Infinity, lane.wake.signal);
      lane.sleeping = false;
      lane.wake = null;
    }
    lane.sleeping = true;
    if (this.allAsleep()) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Accounts change rarely (a staff member's first capture, an admin's edit): read them at most every 10 s. */
  private accountIds(): string[] {
    const now = this.clock.now();
    if (this.accountCache === null || now - this.accountCache.at >= 10_000) this.accountCache = { at: now, ids: this.store.accountIds() };
    return [...new Set([...this.accountCache.ids, ...Object.keys(this.queue.record.accounts)])];
  }

  /** Accounts whose apps can be run now: not paused, and either holding a session or allowed to log in. */
  private callableAccounts(now: number): string[] {
    const q = this.queue.record;
    return this.accountIds().filter((id) => {
      const a = q.accounts[id];
      if (a?.pause && a.pause.loginAllowance <= 0) return false;
      return this.sessions.needsLogin(id, now) ? mayLogin(q, id, now) : mayCall(q, id, now);
    });
  }

  private async runOnce(lane: Lane): Promise<boolean> {
    const now = this.clock.now();
    const q = this.queue.record;
    if (q.network === 'OFFLINE') {
      if (!lane.probes || !mayProbe(q, now)) return false;
      await this.probe();
      return true;
    }
    if (q.notBefore !== null && q.notBefore > now) return false;
    const accounts = this.callableAccounts(now);
    if (accounts.length === 0) return false;
    const due = this.store
      .listDue({ now, steps: lane.steps, accountIds: accounts, limit: 20 })
      .find((d) => !this.busy.has(d.id) && (this.quarantine.get(d.id) ?? 0) <= now);
    if (due === undefined) return false;
    try {
      const worked = await this.runStep(due.id, lane.steps, false);
      // The app may have moved to the other lane (published → polling): let it look again.
      if (worked) this.poke();
      return worked;
    } catch (error) {
      this.quarantine.set(due.id, now + QUARANTINE_MS);
      this.log.error({ appId: due.id, err: errorText(error) }, 'sync step failed unexpectedly; the application waits a minute');
      return true;
    }
  }

  private laneWakeAt(lane: Lane): number | null {
    const q = this.queue.record;
    const now = this.clock.now();
    if (q.network === 'OFFLINE') return lane.probes ? q.nextProbeAt : null;
    const unpaused = this.accountIds().filter((id) => !(q.accounts[id]?.pause && q.accounts[id]!.pause!.loginAllowance <= 0));
    const waitingForLogin = unpaused.filter((id) => this.sessions.needsLogin(id, now) && (q.accounts[id]?.nextLoginAt ?? 0) > now);
    const ready = unpaused.filter((id) => !waitingForLogin.includes(id));
    let at: number | null = ready.length > 0 ? this.store.nextDueAt({ steps: lane.steps, accountIds: ready }) : null;
    for (const id of waitingForLogin) {
      const due = this.store.nextDueAt({ steps: lane.steps, accountIds: [id] });
      if (due !== null) at = Math.min(at ?? Infinity, Math.max(due, q.accounts[id]?.nextLoginAt ?? 0));
    }
    if (at !== null && q.notBefore !== null) at = Math.max(at, q.notBefore);
    if (at !== null && at <= now) {
      // Due work this lane could not take (quarantined, or held by a staff action): look again
      // when the quarantine ends, or shortly, rather than spin.
      const ends = [...this.quarantine.values()].filter((t) => t > now);
      at = ends.length > 0 ? Math.min(...ends) : now + 1_000;
    }
    return at;
  }

  // ---- one step --------------------------------------------------------------------------------

  private machineContext(): MachineContext {
    const now = this.clock.now();
    // Whole seconds: the streak start is stored in an INTEGER column (§3.1 streak_started_online_s).
    return { now, onlineS: Math.floor(this.queue.onlineS(now)), random: this.random, params: this.params };
  }

  private eligible(rec: LoadedSubmission, steps: readonly Step[], force: boolean): boolean {
    const app = rec.app;
    if (app.attentionReason !== null || isTerminalStep(app.step) || !steps.includes(app.step)) return false;
    return force || app.nextAttemptAt <= this.clock.now();
  }

  /**
   * Runs the app's current step: session, local checks, SENT commit, call, answer commit. While the
   * app's next step is due at once and it is still the oldest due app (FIFO), it carries on with
   * that step, and the answer's commit (W2) and the next step's SENT commit (W1) share one
   * transaction: the step passes through PENDING inside it, the remote id is committed with the
   * advance (I4), and SENT is durable before the next request (W1) — one fsync per step instead of
   * two. Returns false when the app was not due or the account could not call.
   */
  private async runStep(appId: string, steps: readonly Step[], force: boolean): Promise<boolean> {
    if (this.busy.has(appId)) return false;
    this.busy.add(appId);
    try {
      let rec = this.store.load(appId);
      if (rec === null) return false;
      if (rec.app.phase === 'SENT') {
        // Only a failed commit after an answer leaves SENT behind in a running process: resolve it
        // exactly as a crash would be (§7.7).
        this.commit(recoverAfterCrash(rec, this.machineContext()), rec.revision, 'system');
        return true;
      }
      if (!this.eligible(rec, steps, force)) return false;
      const accountId = rec.app.accountId;
      const isUpload = (s: SubmissionState) => s.app.step === 'UPLOAD_IMAGE' || s.app.step === 'UPLOAD_APPLICANT_PHOTO';
      if (this.sessions.needsLogin(accountId, this.clock.now(), isUpload(rec), this.params.proactiveRenewalIdleMs)) {
        if (!mayLogin(this.queue.record, accountId, this.clock.now())) return false;
        if (!(await this.login(accountId))) return true;
        rec = this.store.load(appId);
        if (rec === null || rec.app.phase !== 'PENDING' || !this.eligible(rec, steps, force)) return true;
      }
      if (!mayCall(this.queue.record, accountId, this.clock.now())) return false;

      // `state` is the app as it should now be; `carried` is an answer not yet committed, whose
      // transition joins the next commit; `revision` is the row's revision in the database.
      let state: SubmissionState = rec;
      let revision = rec.revision;
      let carried: Effect[] = [];
      // Whether `state` holds an answer (carried on, W2) that is not in the database yet.
      let answerPending = false;
      const commitWith = (t: Transition) => this.commit({ state: t.state, effects: [...carried, ...t.effects] }, revision, 'system');
      for (;;) {
        let uploadHeld = false;
        if (isUpload(state) && !this.uploads.tryAcquire()) {
          // Another app's upload holds the line: make the carried answer durable rather than keep
          // it in memory for the length of that upload, then wait our turn.
          if (answerPending) {
            const r = await this.commitGrouped({ state, effects: carried }, revision, 'system');
            carried = [];
            answerPending = false;
            if (r === null) return true;
            revision = r;
          }
          await this.uploads.acquire();
          uploadHeld = true;
          if (this.stopped || !mayCall(this.queue.record, accountId, this.clock.now())) {
            this.uploads.release();
            return true;
          }
        } else if (isUpload(state)) {
          uploadHeld = true;
        }
        try {
          const extras: CallExtras = {};
          const app = state.app;
          if (isUpload(state)) {
            // §7.2: check the local file against its sha256 before anything is sent.
            try {
              extras.body = this.store.readImage(appId, app.step === 'UPLOAD_IMAGE' ? app.stepDocIndex : -1, app.step === 'UPLOAD_IMAGE' ? app.stepImgIndex : -1);
            } catch (error) {
              if (!(error instanceof LocalImageError)) throw error;
              this.log.warn({ appId, problem: error.message }, 'a stored image is damaged; the application needs a retake');
              commitWith(nextSubmissionStep(state, { type: 'local_image_corrupt' }, this.machineContext()));
              return true;
            }
          }
          if (app.step === 'CREATE_CONTAINER') {
            // Read at every container attempt, so an abandon-and-restart (§7.3) sends them again.
            const fields = this.store.applicationFields(appId);
            if (fields && fields.length > 0) extras.applicationFields = fields;
          }
          if (app.step === 'CREATE_DOCUMENT') {
            const fields = this.store.documentFields(appId, app.stepDocIndex);
            if (fields?.mrz) extras.mrz = fields.mrz;
            if (fields?.rfidMrz) extras.rfidMrz = fields.rfidMrz;
            if (fields?.customFields && fields.customFields.length > 0) extras.documentCustomFields = fields.customFields;
            const slot = this.store.markerSlot?.(accountId) ?? null;
            if (slot !== null) extras.markerSlot = slot;
          }

          const begun = nextSubmissionStep(state, { type: 'begin' }, this.machineContext());
          const callEffect = begun.effects.find((e) => e.type === 'call');
          // W1: a mutating step's SENT state is durable before the request: the request waits for
          // the (group) commit to return. Reads change nothing at begin (W5), so they skip it.
          const readOnly = !answerPending && callEffect?.type === 'call' && callEffect.call.kind === 'retrieve' && begun.effects.length === 1;
          const sentRevision = readOnly ? revision : await this.commitGrouped({ state: begun.state, effects: [...carried, ...begun.effects] }, revision, 'system');
          carried = [];
          answerPending = false;
          if (sentRevision === null || callEffect?.type !== 'call') return true;
          revision = sentRevision;
          if (!readOnly && !mayCall(this.queue.record, accountId, this.clock.now())) {
            // Another app's answer paused the account, set not_before or took the queue offline
            // while this SENT commit waited for its group: the request never leaves, so the step
            // is PENDING again (§8: nothing goes to TrustID).
            // (What the SENT commit recorded, such as publish_attempted, stays.)
            await this.commitGrouped({ state: { ...begun.state, app: { ...begun.state.app, phase: 'PENDING' } }, effects: [] }, revision, 'system');
            return true;
          }

          if (callEffect.call.kind === 'uploadImage' || callEffect.call.kind === 'uploadApplicantPhoto') {
            const docIndex = callEffect.call.kind === 'uploadImage' ? callEffect.call.docIndex : -1;
            const imgIndex = callEffect.call.kind === 'uploadImage' ? callEffect.call.imgIndex : -1;
            extras.onProgress = (p) => {
              this.progress.set(appId, { docIndex, imgIndex, sentBytes: p.sentBytes, totalBytes: p.totalBytes });
              this.deps.onEvent?.({ type: 'upload-progress', appId, docIndex, imgIndex, sentBytes: p.sentBytes, totalBytes: p.totalBytes });
            };
          }
          const outcome = await this.sessions.api(accountId).call(callEffect.call, extras);
          this.progress.delete(appId);
          if (uploadHeld) {
            this.uploads.release();
            uploadHeld = false;
          }
          this.sessions.noteOutcome(accountId, outcome, this.clock.now());
          this.queue.apply({ type: 'call_result', accountId, outcome });

          const done = nextSubmissionStep(begun.state, { type: 'outcome', outcome }, this.machineContext());
          if (this.carryOn(done, steps, accountId)) {
            state = done.state;
            carried = done.effects;
            answerPending = true;
            continue;
          }
          // Pauses, not_before and renewals take effect before the commit is awaited, so no other
          // app in flight starts a call the answer forbids.
          this.applyEffects(done.effects, accountId, done.state);
          if ((await this.commitGrouped(done, revision, 'system')) === null) {
            // Nobody may write an app while it is SENT (edits refuse, staff actions wait for `busy`), so
            // this is a bug; the row stays SENT and recovery resolves it on the next pick-up.
            this.log.error({ appId }, 'the answer to a sent step could not be committed');
          }
          return true;
        } finally {
          if (uploadHeld) this.uploads.release();
        }
      }
    } finally {
      this.busy.delete(appId);
    }
  }

  /** Whether the app's next step can follow at once, its answer committed with the next SENT. */
  private carryOn(done: Transition, steps: readonly Step[], accountId: string): boolean {
    const app = done.state.app;
    const now = this.clock.now();
    if (this.stopped || !isMutatingStep(app.step) || !steps.includes(app.step)) return false;
    if (app.attentionReason !== null || app.phase !== 'PENDING' || app.nextAttemptAt > now) return false;
    if (done.effects.some((e) => e.type !== 'audit' && e.type !== 'log')) return false;
    if (!mayCall(this.queue.record, accountId, now)) return false;
    if (this.sessions.needsLogin(accountId, now, app.step === 'UPLOAD_IMAGE' || app.step === 'UPLOAD_APPLICANT_PHOTO', this.params.proactiveRenewalIdleMs)) return false;
    // §5 "Ordering": only while this app is still among the oldest due, one per runner (apps in
    // flight count: their rows are due too), so an older app never waits behind a younger one.
    const slots = Math.max(1, Math.floor(this.params.submissionConcurrency));
    return this.store.listDue({ now, steps, accountIds: this.callableAccounts(now), limit: slots }).some((d) => d.id === app.id);
  }

  private async login(accountId: string): Promise<boolean> {
    const { outcome, started } = await this.sessions.login(accountId, () => this.clock.now());
    if (!started) return outcome.class === 'OK';
    this.queue.apply({ type: 'login_result', accountId, outcome });
    this.queue.flushIfDirty();
    if (outcome.class !== 'OK') this.log.warn({ accountId, outcome: outcome.class, status: outcome.httpStatus ?? null }, 'TrustID login failed');
    return outcome.class === 'OK';
  }

  private async probe(): Promise<void> {
    const accountId = this.accountIds()[0] ?? KIOSK_ACCOUNT_ID;
    const outcome = await this.sessions.api(accountId).testConnection();
    this.queue.apply({ type: 'probe_result', outcome });
    this.log.info({ online: outcome.class === 'OK' }, 'TrustID connection probe');
    this.emitSummary(true);
  }

  /**
   * As commit(), but in the next group transaction, shared with the other apps' step commits of the
   * same turn; resolves once it is durable. Null on a conflict.
   */
  private async commitGrouped(t: Transition, expectRevision: number, actor: string): Promise<number | null> {
    try {
      const revision = await this.groupCommit.commit(() => this.store.save(t.state, expectRevision, this.auditsOf(t, actor)));
      this.afterCommit(t);
      return revision;
    } catch (error) {
      return this.conflictAsNull(t, error);
    }
  }

  /** Someone else changed the application first: the caller reloads it. Anything else is thrown. */
  private conflictAsNull(t: Transition, error: unknown): null {
    if (!(error instanceof SubmissionConflictError)) throw error;
    this.log.info({ appId: t.state.app.id }, 'application changed under the worker; reloading');
    return null;
  }

  private afterCommit(t: Transition): void {
    this.logEffects(t.effects, t.state.app.id);
    this.deps.onEvent?.({ type: 'app', item: syncItemOf(t.state.app) });
    this.emitSummary(false);
  }

  /** One transaction: the new state, its audit entries and the queue record (W2). Null on a conflict. */
  private commit(t: Transition, expectRevision: number, actor: string): number | null {
    try {
      const revision = this.store.transaction(() => {
        const r = this.store.save(t.state, expectRevision, this.auditsOf(t, actor));
        this.queue.flushIfDirty();
        return r;
      });
      this.afterCommit(t);
      return revision;
    } catch (error) {
      return this.conflictAsNull(t, error);
    }
  }

  private auditsOf(t: Transition, actor: string): SyncAuditEntry[] {
    return t.effects.flatMap((e) =>
      e.type === 'audit'
        ? [{ action: e.action, actor: e.actor ?? actor, appId: t.state.app.id, containerIds: e.containerIds, ...(e.detail === undefined ? {} : { detail: e.detail }) }]
        : [],
    );
  }

  private logEffects(effects: Effect[], appId: string): void {
    for (const e of effects) if (e.type === 'log') this.log[e.level]({ appId }, e.message);
  }

  private applyEffects(effects: Effect[], accountId: string, state: SubmissionState): void {
    for (const e of effects) {
      switch (e.type) {
        case 'renew_session':
          this.sessions.markForRenewal(accountId);
          break;
        case 'pause':
          this.queue.apply({ type: 'pause', accountId, kind: e.kind, message: state.app.lastMessage });
          break;
        case 'not_before':
          this.queue.apply({ type: 'not_before', until: e.until });
          break;
        default:
          break;
      }
    }
  }

  private blockedMessage(): string {
    const b = blockingReasonOf(this.queue.record, this.clock.now(), this.accountIds());
    if (b?.kind === 'offline') return 'TrustID cannot be reached at the moment. Scan Station keeps trying on its own.';
    if (b?.kind === 'rate-limited') return 'TrustID asked Scan Station to wait a little. It will carry on by itself.';
    return 'A sign-in attempt is already waiting. Try again in a moment.';
  }

  private emitSummary(force: boolean): void {
    if (this.deps.onEvent === undefined) return;
    const now = this.clock.now();
    if (!force && now - this.lastSummaryAt < (this.deps.summaryIntervalMs ?? 500)) {
      this.summaryPending = true;
      return;
    }
    this.lastSummaryAt = now;
    this.summaryPending = false;
    this.deps.onEvent({ type: 'summary', summary: this.summary() });
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
