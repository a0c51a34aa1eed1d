// The queued applications and guest links this kiosk creates, exactly once (SUBMISSION-PROTOCOL §14):
// the create with SENT committed before the call (W1), the lookup after an ambiguous answer, the
// deletion of duplicates, following each container with retrieveDocumentContainer (API §12.4, §14.3)
// and revoking links. Every call goes through the sync worker's polling lane (§11), so it shares the
// session, not_before and the offline gate, and never counts against an application. One loop wakes
// at the earliest due record; everything is in the store, so a restart carries on. Runs in main.
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import type { ApplicationFieldValue } from '../store/application-fields';
import { newRemoteCreateRecord, type RemoteCreateKind, type RemoteCreateRecord, type RemoteCreateRequest, type RemoteCreatesRepo } from '../store/remote-creates-repo';
import type { CallOutcome } from '../sync/submission-types';
import type { Clock, Scheduler } from '../sync/sync-ports';
import { flexibleFieldValuesOf } from '../sync/trustid-adapter';
import { clientApplicationReference, type Container } from '../trustid';
import {
  afterCheck,
  afterCheckFailure,
  afterCreateOutcome,
  afterLookup,
  afterLookupFailure,
  afterRevokeOutcome,
  defaultRemoteCreateParams,
  deleteRetryAt,
  mayRevoke,
  recoverSent,
  type Created,
  type Ctx,
  type LookupAnswer,
  type Match,
  type RemoteCreateParams,
  type Retrieved,
} from './remote-create-machine';
import { noInbox, type InboxSink, type LaneCaller, type QueuedEvidence, type RemoteCreateClient } from './remote-create-ports';
import { containerVerdict } from './result-view';

export type RemoteCreatesDeps = {
  repo: RemoteCreatesRepo;
  lane: LaneCaller;
  client(accountId: string): RemoteCreateClient;
  evidence: QueuedEvidence;
  inbox?: InboxSink;
  clock: Clock;
  scheduler: Scheduler;
  random?: () => number;
  params?: Partial<RemoteCreateParams>;
  log: Logger;
  newReference(): string;
  /** Whether TrustID can be reached as far as the queue knows. */
  online(): boolean;
  audit?(entry: { action: string; actor: string; reference: string }): void;
  onChange?(rec: RemoteCreateRecord): void;
};

export type Who = { accountId: string; staffId: string | null };

export type RemoteCreatesService = {
  start(): void;
  stop(): Promise<void>;
  createGuestLink(req: { name: string; email: string; sendEmail: boolean; fields: ApplicationFieldValue[]; labels?: Record<string, string> }, who: Who): Promise<RemoteCreateRecord>;
  createQueued(req: { fields: ApplicationFieldValue[]; labels?: Record<string, string> }, who: Who): Promise<RemoteCreateRecord>;
  list(kind: RemoteCreateKind, accountId?: string): RemoteCreateRecord[];
  get(reference: string): RemoteCreateRecord | null;
  /** §14.3: staff confirmed. Sent now when the lane allows, else as soon as it does. */
  revoke(reference: string, actor: string): Promise<RemoteCreateRecord>;
  /** §14.2 needs_attention: "Create again" (audited; a duplicate may result) or "Discard". */
  resolve(reference: string, action: 'create-again' | 'discard', actor: string): Promise<RemoteCreateRecord>;
  /** One retrieve now (staff opened it, or the demo guest just submitted). */
  checkNow(reference: string): Promise<RemoteCreateRecord | null>;
  /**
   * Staff are looking at the list: a record not checked for 30 s is checked now (SUBMISSION-PROTOCOL
   * §7.6 allows this while staff watch), never sooner than a read backoff says.
   */
  watch(kind: RemoteCreateKind, accountId: string): void;
  /** Whether this service follows the container (the inbox then leaves its retrieves to it). */
  followsContainer(containerId: string): boolean;
  /** A ClientApplicationReference of one of this kiosk's guest links (API §11.2: left out of the queued list). */
  isOwnGuestLinkReference(reference: string): boolean;
  /** The queued applications this kiosk created and that still wait, for the fill list (own-records mode). */
  listOwnQueued(accountId: string): RemoteCreateRecord[];
  /** §14.2 item 4: the inbox met a Queued container; a late duplicate of one of ours is deleted. */
  noteQueuedContainer(accountId: string, container: Container): void;
  /** Resolves when nothing is running (tests). */
  whenIdle(): Promise<void>;
};

const BLOCKED_RETRY_MS = 5_000;
/** §7.6: while staff look at it, a record may be polled every 30 s. */
const WATCHED_CHECK_MS = 30_000;
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

export function createRemoteCreatesService(deps: RemoteCreatesDeps): RemoteCreatesService {
  const { repo, log } = deps;
  const params: RemoteCreateParams = { ...defaultRemoteCreateParams, ...deps.params };
  const random = deps.random ?? Math.random;
  const inbox = deps.inbox ?? noInbox;
  const ctx = (): Ctx => ({ now: deps.clock.now(), random, params });
  const busy = new Set<string>();
  let stopped = true;
  let wake: AbortController | null = null;
  let loopDone: Promise<void> | null = null;
  let running = 0;
  const idleWaiters: Array<() => void> = [];

  const changed = (rec: RemoteCreateRecord) => deps.onChange?.(rec);
  const save = (rec: RemoteCreateRecord) => {
    const before = repo.get(rec.reference)?.remoteState ?? null;
    repo.save(rec);
    changed(rec);
    const gone = rec.remoteState;
    if (rec.containerId !== null && gone !== before && (gone === 'expired' || gone === 'revoked' || gone === 'withdrawn')) {
      try {
        inbox.onContainerGone?.(rec.containerId, gone);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'the inbox could not take a container that ended');
      }
    }
  };
  const poke = () => wake?.abort();

  /** Runs `fn` on one record at a time; null when another task holds it. */
  async function exclusive<T>(reference: string, fn: () => Promise<T>): Promise<T | null> {
    if (busy.has(reference)) return null;
    busy.add(reference);
    running += 1;
    try {
      return await fn();
    } finally {
      busy.delete(reference);
      running -= 1;
      if (running === 0) for (const w of idleWaiters.splice(0)) w();
    }
  }

  /** The lane's answer as one outcome (OK carries nothing: the value went where the call put it). */
  const outcomeOf = (r: { ok: true } | { ok: false; outcome: CallOutcome }): CallOutcome => (r.ok ? { class: 'OK' } : r.outcome);

  // ---- the create ---------------------------------------------------------------------------------

  /** One create call; false when the lane could not call. */
  async function sendCreate(reference: string): Promise<boolean> {
    const rec = repo.get(reference);
    if (rec === null || rec.state !== 'creating' || rec.phase !== 'PENDING') return true;
    if (rec.request === null) {
      save({ ...rec, state: 'needs_attention', attentionReason: 'request_unreadable', nextAttemptAt: null });
      return true;
    }
    const request = rec.request;
    const client = deps.client(rec.accountId);
    const answer = await deps.lane(rec.accountId, async (): Promise<Created> => {
      // W1: the SENT state is durable before the request leaves.
      save({ ...repo.get(reference)!, phase: 'SENT', sentAt: deps.clock.now() });
      const values = flexibleFieldValuesOf(request.fields);
      const common = {
        clientApplicationReference: reference,
        ...(rec.branchId ? { branchId: rec.branchId } : {}),
        ...(values.length > 0 ? { applicationFlexibleFieldValues: values } : {}),
      };
      if (rec.kind === 'guest_link') {
        const link = await client.createGuestLink({ ...common, name: request.name ?? '', email: request.email ?? '', sendEmail: rec.sendEmail });
        return { containerId: link.containerId, guestId: link.guestId, linkUrl: link.linkUrl };
      }
      return { containerId: (await client.createQueuedDocumentContainer(common)).containerId };
    });
    if (answer === null) {
      // The lane would not call: nothing went out, so the SENT mark (if made) is undone.
      const current = repo.get(reference)!;
      if (current.phase === 'SENT') save({ ...current, phase: 'PENDING' });
      return false;
    }
    const outcome = outcomeOf(answer);
    const decision = afterCreateOutcome(repo.get(reference)!, outcome, answer.ok ? answer.value : null, ctx());
    save(decision.rec);
    log.info({ reference, kind: rec.kind, outcome: outcome.class, state: decision.rec.state }, 'create of a queued application or guest link answered');
    return true;
  }

  // ---- the lookup after an ambiguous create (API §13.4 item 4) ----------------------------------

  async function lookup(reference: string): Promise<boolean> {
    const rec = repo.get(reference);
    if (rec === null || rec.state !== 'resolving') return true;
    const client = deps.client(rec.accountId);
    const now = deps.clock.now();
    const matches: Match[] = [];
    let sawQueued = false;
    const answered = await deps.lane(rec.accountId, async () => {
        const until = new Date(now + params.lookupMarginMs);
        let from = new Date((rec.sentAt ?? now) - params.lookupMarginMs);
        let page = 0;
        const seen = new Set<string>();
        // §13.4 paging: ask page 0 again from the last CreatedAt received (inclusive), dropping ids
        // already seen; the next Page only when a whole page shares one CreatedAt.
        for (let i = 0; i < MAX_PAGES; i += 1) {
          const answer = await client.archiveContainerQuery({ createdFrom: from, createdUntil: until, sortingDirection: 'Ascending', pageSize: PAGE_SIZE, page });
          for (const c of answer.containers) {
            const id = c.Id.toLowerCase();
            if (seen.has(id)) continue;
            seen.add(id);
            if (c.DocumentStorageType === 7) sawQueued = true;
            if (clientApplicationReference(c)?.toLowerCase() === reference.toLowerCase()) {
              matches.push({ id, createdAt: c.CreatedAt?.getTime() ?? 0, storageType: c.DocumentStorageType, documents: c.Documents.length });
            }
          }
          if (answer.containers.length < PAGE_SIZE) break;
          const first = answer.containers[0]!.CreatedAt?.getTime() ?? 0;
          const last = answer.containers[answer.containers.length - 1]!.CreatedAt?.getTime() ?? 0;
          if (first === last) page += 1;
          else {
            from = new Date(last);
            page = 0;
          }
        }
    });
    if (answered === null) return false;
    const outcome = outcomeOf(answered);
    if (sawQueued) deps.evidence.noteQueryListsQueued(rec.accountId);
    let answer: LookupAnswer;
    if (outcome.class === 'OK') answer = { kind: 'listed', matches };
    else if (outcome.class === 'CONFIG') answer = { kind: 'refused' };
    else {
      save(afterLookupFailure(rec, outcome, ctx()));
      return true;
    }
    const d = afterLookup(rec, answer, deps.evidence.queryListsQueued(rec.accountId), ctx());
    repo.transaction(() => {
      let next = d.rec;
      for (const id of d.deletes) repo.addDelete({ containerId: id, reference, kind: rec.kind, accountId: rec.accountId, nextAttemptAt: deps.clock.now() });
      if (d.recreate) {
        const fresh = deps.newReference();
        repo.insert(newRecord(fresh, rec.kind, { accountId: rec.accountId, staffId: rec.createdBy }, rec.request ?? { fields: [] }, rec.sendEmail, rec.branchId));
        next = { ...next, replacedBy: fresh };
      }
      save(next);
    });
    log.info({ reference, matches: matches.length, trusted: deps.evidence.queryListsQueued(rec.accountId), state: d.rec.state, deletes: d.deletes.length }, 'looked up a create that got no answer');
    if (d.recreate) poke();
    return true;
  }

  // ---- following the container (API §12.4, §14.3) -----------------------------------------------

  async function check(reference: string): Promise<boolean> {
    const rec = repo.get(reference);
    if (rec === null || rec.containerId === null) return true;
    const containerId = rec.containerId;
    const answer = await deps.lane(rec.accountId, () => deps.client(rec.accountId).retrieveDocumentContainer({ containerId }));
    if (answer === null) return false;
    const outcome = outcomeOf(answer);
    const current = repo.get(reference)!;
    if (answer.ok) {
      const c = answer.value;
      const r: Retrieved = { kind: 'container', storageType: c.DocumentStorageType, referred: c.Referred === true, documents: c.Documents.length };
      let next = afterCheck(current, r, ctx());
      if (next.remoteState === 'result') next = { ...next, result: JSON.stringify(c), outcome: containerVerdict(c) };
      save(next);
      try {
        inbox.onContainerSeen(rec.accountId, c, rec.kind);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'the inbox could not take a container');
      }
    } else if (outcome.class === 'REJECTED') {
      save(afterCheck(current, { kind: 'not_found' }, ctx()));
    } else {
      save(afterCheckFailure(current, outcome, ctx()));
    }
    return true;
  }

  // ---- revoking (§14.3) --------------------------------------------------------------------------

  async function sendRevoke(reference: string): Promise<boolean> {
    const rec = repo.get(reference);
    if (rec === null || rec.revokePhase !== 'PENDING') return true;
    const target = rec.guestId ?? rec.containerId;
    if (target === null) return true;
    const answer = await deps.lane(rec.accountId, async () => {
      save({ ...repo.get(reference)!, revokePhase: 'SENT' });
      await deps.client(rec.accountId).deleteGuestLink({ guestId: target });
    });
    if (answer === null) {
      save({ ...repo.get(reference)!, revokePhase: 'PENDING' });
      return false;
    }
    const outcome = outcomeOf(answer);
    const d = afterRevokeOutcome(repo.get(reference)!, outcome, ctx());
    save(d.rec);
    log.info({ reference, outcome: outcome.class }, 'guest link revoke answered');
    if (d.rec.nextCheckAt !== null && d.rec.nextCheckAt <= deps.clock.now()) return check(reference);
    return true;
  }

  // ---- duplicates (§14.2) ------------------------------------------------------------------------

  async function runDelete(containerId: string): Promise<boolean> {
    const d = repo.dueDeletes(deps.clock.now()).find((x) => x.containerId === containerId);
    if (!d) return true;
    const client = deps.client(d.accountId);
    // A queued duplicate goes only while it is still Queued (7) with no documents: read it first.
    if (d.kind === 'queued') {
      const read = await deps.lane(d.accountId, () => client.retrieveDocumentContainer({ containerId }));
      if (read === null) return false;
      if (!read.ok) return read.outcome.class === 'REJECTED' ? done(d, 'done') : retry(d, read.outcome);
      const c = read.value;
      if (c.DocumentStorageType !== 7 || c.Documents.length > 0 || !client.deleteDocumentContainerSet) return done(d, 'left');
    }
    const answer = await deps.lane(d.accountId, async () => {
      if (d.kind === 'guest_link') await client.deleteGuestLink({ guestId: containerId });
      else await client.deleteDocumentContainerSet!({ containerIds: [containerId] });
    });
    if (answer === null) return false;
    const outcome = outcomeOf(answer);
    if (outcome.class === 'OK') return done(d, 'done');
    if (outcome.class === 'CONFIG') return done(d, 'left');
    if (outcome.class === 'REJECTED') {
      // Deleting twice does no harm; a refusal is followed by a read to see what is there.
      let gone = false;
      const read = await deps.lane(d.accountId, () => client.retrieveDocumentContainer({ containerId }));
      if (read !== null && !read.ok && read.outcome.class === 'REJECTED') gone = true;
      return done(d, gone ? 'done' : 'left');
    }
    return retry(d, outcome);

    function done(pending: typeof d & object, state: 'done' | 'left'): boolean {
      repo.saveDelete({ ...pending, state, nextAttemptAt: null });
      if (state === 'left') {
        const owner = repo.get(pending.reference);
        if (owner) save({ ...owner, attentionReason: 'duplicate_left' });
      }
      log.info({ reference: pending.reference, state }, 'duplicate of a created queued application or guest link handled');
      return true;
    }
    function retry(pending: typeof d & object, outcome: CallOutcome): boolean {
      repo.saveDelete({ ...pending, failures: pending.failures + 1, nextAttemptAt: deleteRetryAt(pending.failures, outcome, ctx()) });
      return true;
    }
  }

  // ---- the loop ----------------------------------------------------------------------------------

  /** One due task of one record; false when the lane would not call. */
  async function runRecord(reference: string): Promise<boolean> {
    const ran = await exclusive(reference, async () => {
      const rec = repo.get(reference);
      if (rec === null) return true;
      const now = deps.clock.now();
      if (rec.revokePhase === 'PENDING' && rec.revokeDueAt !== null && rec.revokeDueAt <= now) return sendRevoke(reference);
      if (rec.state === 'creating' && rec.nextAttemptAt !== null && rec.nextAttemptAt <= now) return sendCreate(reference);
      if (rec.state === 'resolving' && rec.nextAttemptAt !== null && rec.nextAttemptAt <= now) return lookup(reference);
      if (rec.nextCheckAt !== null && rec.nextCheckAt <= now) return check(reference);
      // Due by a column nothing acts on (a stale time): clear it so the loop does not spin.
      if (rec.nextAttemptAt !== null && rec.nextAttemptAt <= now) save({ ...rec, nextAttemptAt: null });
      return true;
    });
    return ran ?? true;
  }

  async function runDue(): Promise<'worked' | 'idle' | 'blocked'> {
    const now = deps.clock.now();
    let worked = false;
    for (const reference of repo.due(now)) {
      if (stopped) return 'idle';
      if (busy.has(reference)) continue;
      if (!(await runRecord(reference))) return 'blocked';
      worked = true;
    }
    for (const d of repo.dueDeletes(now)) {
      if (stopped) return 'idle';
      const ran = await exclusive(`delete:${d.containerId}`, () => runDelete(d.containerId));
      if (ran === false) return 'blocked';
      worked = true;
    }
    return worked ? 'worked' : 'idle';
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let result: 'worked' | 'idle' | 'blocked';
      try {
        result = await runDue();
      } catch (error) {
        log.error({ err: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }, 'guest link / queued application task failed');
        result = 'blocked';
      }
      if (stopped) break;
      if (result === 'worked') continue;
      const next = repo.nextDueAt();
      const now = deps.clock.now();
      // Blocked (offline, paused, not_before): look again shortly; nothing is sent meanwhile.
      const at = result === 'blocked' ? now + BLOCKED_RETRY_MS : next === null ? Infinity : Math.max(next, now + 1);
      wake = new AbortController();
      await deps.scheduler.sleepUntil(at, wake.signal);
      wake = null;
    }
  }

  function newRecord(reference: string, kind: RemoteCreateKind, who: Who, request: RemoteCreateRequest, sendEmail: boolean, branchId: string | null = null): RemoteCreateRecord {
    return newRemoteCreateRecord({ reference, kind, accountId: who.accountId, branchId, createdBy: who.staffId, request, sendEmail }, deps.clock.now());
  }

  /** Creates the record and makes its first attempt at once, so staff wait for the link, not the loop. */
  async function create(kind: RemoteCreateKind, request: RemoteCreateRequest, sendEmail: boolean, who: Who): Promise<RemoteCreateRecord> {
    if (!deps.online()) {
      throw new AppError(
        'trustid.offline',
        kind === 'guest_link'
          ? 'TrustID cannot be reached, so no guest link can be made now. Try again when the connection is back.'
          : 'TrustID cannot be reached, so no queued application can be made now. Try again when the connection is back.',
        { params: { context: kind === 'guest_link' ? 'guest-link' : 'queued' } },
      );
    }
    const reference = deps.newReference();
    const rec = newRecord(reference, kind, who, request, sendEmail);
    repo.insert(rec);
    changed(rec);
    await exclusive(reference, () => sendCreate(reference));
    // A hand-over link replaced after an ambiguous answer: follow the chain to the record staff should see.
    let shown = repo.get(reference)!;
    for (let i = 0; shown.replacedBy && i < 5; i += 1) shown = repo.get(shown.replacedBy) ?? shown;
    poke();
    return shown;
  }

  return {
    start() {
      if (!stopped) return;
      const sent = repo.listSent();
      if (sent.length > 0) {
        repo.transaction(() => {
          for (const rec of sent) save(recoverSent(rec, ctx()));
        });
        log.info({ records: sent.length }, 'guest links and queued applications being created when Scan Station stopped are looked up');
      }
      stopped = false;
      loopDone = loop();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      poke();
      await loopDone;
    },
    createGuestLink({ name, email, sendEmail, fields, labels }, who) {
      return create('guest_link', { name, email, fields, ...(labels ? { labels } : {}) }, sendEmail, who);
    },
    createQueued({ fields, labels }, who) {
      return create('queued', { fields, ...(labels ? { labels } : {}) }, false, who);
    },
    list(kind, accountId) {
      return repo.list({ kind, ...(accountId ? { accountId } : {}) }).filter((r) => r.state !== 'replaced');
    },
    get: (reference) => repo.get(reference),
    async revoke(reference, actor) {
      const ran = await exclusive(reference, async () => {
        const rec = repo.get(reference);
        if (rec === null) throw new AppError('guest.not-found', 'This guest link is no longer on this kiosk.');
        if (!mayRevoke(rec)) throw new AppError('guest.cannot-revoke', 'This guest link cannot be revoked: it has been used, has ended, or is still being made.');
        save({ ...rec, revokePhase: 'PENDING', revokeDueAt: deps.clock.now() });
        deps.audit?.({ action: 'guest-link.revoke', actor, reference });
        await sendRevoke(reference);
        return true;
      });
      if (ran === null) throw new AppError('guest.busy', 'This guest link is being checked with TrustID right now. Try again in a moment.');
      poke();
      return repo.get(reference)!;
    },
    async resolve(reference, action, actor) {
      const rec = repo.get(reference);
      if (rec === null) throw new AppError('guest.not-found', 'This record is no longer on this kiosk.');
      if (rec.state !== 'needs_attention') throw new AppError('guest.nothing-to-resolve', 'This record does not need a decision any more.');
      deps.audit?.({ action: action === 'create-again' ? 'remote-create.create-again' : 'remote-create.discard', actor, reference });
      if (action === 'discard') save({ ...rec, state: 'refused', attentionReason: 'discarded', nextAttemptAt: null, finalAt: deps.clock.now() });
      else {
        save({ ...rec, state: 'creating', attentionReason: null, nextAttemptAt: deps.clock.now() });
        await exclusive(reference, () => sendCreate(reference));
      }
      poke();
      return repo.get(reference)!;
    },
    async checkNow(reference) {
      const rec = repo.get(reference);
      if (rec === null || rec.containerId === null) return rec;
      await exclusive(reference, () => check(reference));
      poke();
      return repo.get(reference);
    },
    watch(kind, accountId) {
      const now = deps.clock.now();
      let any = false;
      for (const rec of repo.list({ kind, accountId, limit: 20 })) {
        if (rec.state !== 'created' || rec.containerId === null || rec.nextCheckAt === null || rec.nextCheckAt <= now || rec.checkFailures > 0) continue;
        if (rec.lastCheckedAt !== null && now - rec.lastCheckedAt < WATCHED_CHECK_MS) continue;
        save({ ...rec, nextCheckAt: now });
        any = true;
      }
      if (any) poke();
    },
    followsContainer(containerId) {
      return repo.followsContainer(containerId);
    },
    isOwnGuestLinkReference(reference) {
      const rec = repo.get(reference) ?? repo.get(reference.toLowerCase());
      return rec !== null ? rec.kind === 'guest_link' : false;
    },
    listOwnQueued(accountId) {
      return repo.list({ kind: 'queued', accountId, limit: 500 }).filter((r) => r.state === 'created' && (r.remoteState === 'waiting' || r.remoteState === 'being_completed'));
    },
    noteQueuedContainer(accountId, container) {
      if (container.DocumentStorageType !== 7) return;
      const reference = clientApplicationReference(container);
      if (!reference) return;
      const rec = repo.get(reference) ?? repo.get(reference.toLowerCase());
      const id = container.Id.toLowerCase();
      if (rec === null || rec.accountId !== accountId || rec.containerId === null || rec.containerId === id) return;
      repo.addDelete({ containerId: id, reference: rec.reference, kind: rec.kind, accountId, nextAttemptAt: deps.clock.now() });
      log.info({ reference: rec.reference }, 'a late duplicate of a created queued application or guest link will be deleted');
      poke();
    },
    whenIdle() {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
