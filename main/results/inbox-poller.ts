// The results inbox's poller (RAW-API §13.4 item 2, SUBMISSION-PROTOCOL §11): incremental polls from
// the watermark minus the overlap, an hourly deep sweep, retrieves of entries not yet final, and
// own-records mode when the account may not search the archive. Every read goes through the sync
// worker's polling-lane gate (shared session, not_before, offline gate; never pausing the queue).
// Decisions are in inbox-plan.ts; this file only does the reads and the writes. Runs in main.
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';
import type { InboxOrigin, InboxRepo, InboxSighting } from '../store/inbox-repo';
import type { CallOutcome } from '../sync/submission-types';
import type { Clock, Scheduler } from '../sync/sync-ports';
import { isArchiveAccessDenied, isTrustIdError, type Container, type TrustIdClient } from '../trustid';
import { advanceWatermark, defaultInboxParams, goneState, nextPage, pollWindow, readRetryDelay, sightingOf, type InboxParams, type PageCursor } from './inbox-plan';

export type GatedRead = <T>(accountId: string, read: (client: TrustIdClient) => Promise<T>) => Promise<{ ok: true; value: T } | { ok: false; outcome: CallOutcome; error: unknown } | null>;

export type InboxPollerDeps = {
  inbox: InboxRepo;
  /** SubmissionWorker.pollingRead over the account's sync client. Null = may not call now. */
  read: GatedRead;
  /** The TrustID accounts whose inboxes are kept. */
  accounts: () => string[];
  /**
   * The kiosk's own application behind a container, if any: by its ClientApplicationReference
   * (I5: reference = app id), or by the container a queued fill completes (its reference is the creator's).
   */
  ownApplication: (reference: string, containerId: string) => string | null;
  /** Mirrors an own application into the inbox (the sync worker follows it, not the inbox). */
  mirrorOwn: (appId: string) => void;
  /** Containers another part of the kiosk already follows (guest links, queued records). Default: none. */
  followedElsewhere?: (containerId: string) => boolean;
  clock: Clock;
  scheduler: Scheduler;
  random?: () => number;
  params?: Partial<InboxParams>;
  log?: Logger;
  /** Something in the inbox changed (rows added or updated). */
  onChange?: () => void;
  /** A Queued (7) container was listed: evidence for §13.2 and the late-duplicate check of SUBMISSION-PROTOCOL §14.2 item 4. */
  onQueuedContainer?: (accountId: string, container: Container) => void;
};

/** When a read may not go out (offline, paused, not_before), look again this soon. */
const BLOCKED_RETRY_MS = 30_000;
const CHECKS_PER_ROUND = 20;

export class InboxPoller {
  private readonly p: InboxParams;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly blockedUntil = new Map<string, number>();
  private running = false;
  private wake: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private busy: Promise<void> | null = null;
  private readonly followers: ((containerId: string) => boolean)[] = [];

  constructor(private readonly deps: InboxPollerDeps) {
    this.p = { ...defaultInboxParams, ...deps.params };
    this.random = deps.random ?? Math.random;
    this.log = (deps.log ?? silentLogger()).child({ module: 'inbox' });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.abort();
    await this.loop;
  }

  /** Re-check the archive privilege now (after a sign-in, RAW-API §13.4 item 3), and poll. */
  afterSignIn(): void {
    const now = this.deps.clock.now();
    for (const accountId of this.deps.accounts()) {
      const s = this.deps.inbox.pollState(accountId);
      if (s.ownRecordsSince !== null) this.deps.inbox.savePollState({ accountId, nextPrivilegeCheckAt: now, nextPollAt: now });
    }
    this.blockedUntil.clear();
    this.wake?.abort();
  }

  /**
   * Another part of the kiosk follows some containers itself (guest links, queued records): the inbox
   * then never retrieves them, and they reach it through recordContainerSeen.
   */
  addFollower(follows: (containerId: string) => boolean): void {
    this.followers.push(follows);
  }

  private followedElsewhere(containerId: string): boolean {
    return (this.deps.followedElsewhere?.(containerId) ?? false) || this.followers.some((f) => f(containerId));
  }

  /** Poll every account now (staff asked to look for new results, or a demo arrival). */
  pollNow(): void {
    const now = this.deps.clock.now();
    for (const accountId of this.deps.accounts()) {
      const s = this.deps.inbox.pollState(accountId);
      if (s.ownRecordsSince === null) this.deps.inbox.savePollState({ accountId, nextPollAt: now });
    }
    this.blockedUntil.clear();
    this.wake?.abort();
  }

  /**
   * The sink for containers other parts of the kiosk follow (guest links, queued applications): the
   * row is added or updated with their origin and never retrieved by the inbox itself.
   */
  recordContainerSeen(accountId: string, container: Container, originHint: InboxOrigin | null): void {
    if (!container.Id) return;
    const now = this.deps.clock.now();
    const existing = this.deps.inbox.byContainer(container.Id);
    const s = sightingOf(container, { accountId, originHint, firstSeenAt: existing?.firstSeenAt ?? now, madeHere: true, followedElsewhere: true, withSnapshot: true }, now, this.random, this.p);
    this.deps.inbox.recordPage([s]);
    this.deps.onChange?.();
  }

  /**
   * The other sink for followers: a container they follow is gone (a guest link expired or revoked,
   * a queued application withdrawn), which no container can show. Unknown containers are ignored.
   */
  recordContainerGone(containerId: string, state: 'expired' | 'revoked' | 'withdrawn'): void {
    const row = this.deps.inbox.byContainer(containerId);
    if (!row) return;
    this.deps.inbox.recordCheck(row.id, { storageType: row.storageType, state, verdict: null, attention: false, documentCount: row.documentCount, holder: null, snapshot: null, nextCheckAt: null });
    this.deps.onChange?.();
  }

  /** Accounts in own-records mode (no archive privilege). */
  ownRecordsAccounts(): string[] {
    return this.deps.inbox.ownRecordsAccounts();
  }

  /** Everything due now, once: the query pass for each account whose poll is due, then retrieves. */
  async runDue(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = (async () => {
      try {
        for (const accountId of this.deps.accounts()) {
          if ((this.blockedUntil.get(accountId) ?? 0) > this.deps.clock.now()) continue;
          await this.queryIfDue(accountId);
          await this.checksDue(accountId);
        }
      } finally {
        this.busy = null;
      }
    })();
    return this.busy;
  }

  /** When something next falls due (clock time), or null. */
  nextWakeAt(): number | null {
    const times: number[] = [];
    for (const accountId of this.deps.accounts()) {
      const s = this.deps.inbox.pollState(accountId);
      const blocked = this.blockedUntil.get(accountId) ?? 0;
      const poll = s.ownRecordsSince !== null ? (s.nextPrivilegeCheckAt ?? 0) : s.nextPollAt;
      times.push(Math.max(poll, blocked));
      const check = this.deps.inbox.nextCheckAt([accountId]);
      if (check !== null) times.push(Math.max(check, blocked));
    }
    return times.length === 0 ? null : Math.min(...times);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.runDue();
      } catch (error) {
        this.log.error({ err: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'inbox poll failed');
        for (const a of this.deps.accounts()) this.blockedUntil.set(a, this.deps.clock.now() + BLOCKED_RETRY_MS);
      }
      if (!this.running) break;
      this.wake = new AbortController();
      await this.deps.scheduler.sleepUntil(this.nextWakeAt() ?? Infinity, this.wake.signal);
      this.wake = null;
    }
  }

  private blocked(accountId: string): void {
    this.blockedUntil.set(accountId, this.deps.clock.now() + BLOCKED_RETRY_MS);
  }

  /** One query pass (incremental or deep), each page committed with its watermark. */
  async queryIfDue(accountId: string): Promise<void> {
    const { inbox } = this.deps;
    const start = this.deps.clock.now();
    const state = inbox.pollState(accountId);
    if (state.ownRecordsSince !== null ? (state.nextPrivilegeCheckAt ?? 0) > start : state.nextPollAt > start) return;
    const window = pollWindow(state, start, this.p);
    let cursor: PageCursor = { from: window.from, page: 0 };
    let watermark = state.watermark;
    let listsQueued = state.listsQueued;
    const seen = new Set<string>();
    let changed = false;
    for (let pages = 0; pages < this.p.pagesPerPoll; pages += 1) {
      const at = cursor;
      const r = await this.deps.read(accountId, (client) =>
        client.archiveContainerQuery({ createdFrom: new Date(at.from), sortingDirection: 'Ascending', pageSize: this.p.pageSize, page: at.page }),
      );
      const now = this.deps.clock.now();
      if (r === null) return this.blocked(accountId);
      if (!r.ok) {
        if (isArchiveAccessDenied(r.error)) {
          // §13.4 item 3: no archive privilege. The submission queue is not paused; only this account's
          // inbox falls back to what the kiosk itself follows, re-checked every 6 h and after sign-in.
          if (state.ownRecordsSince === null) this.log.warn({ accountId }, 'TrustID account has no archive privilege: the inbox shows this kiosk’s own applications only');
          inbox.savePollState({ accountId, ownRecordsSince: state.ownRecordsSince ?? now, nextPrivilegeCheckAt: now + this.p.privilegeRecheckMs, failures: 0 });
          this.deps.onChange?.();
          return;
        }
        const delay = Math.max(readRetryDelay(state.failures, this.random, this.p), r.outcome.retryAfterMs ?? 0);
        this.log.info({ accountId, outcome: r.outcome.class }, 'inbox query failed; trying again later');
        inbox.savePollState({ accountId, failures: state.failures + 1, nextPollAt: now + delay });
        return;
      }
      const containers = r.value.containers.filter((c) => c.Id);
      const createdAts = containers.map((c) => c.CreatedAt?.getTime() ?? 0);
      const sightings: InboxSighting[] = [];
      const own: string[] = [];
      for (const c of containers) {
        const id = c.Id!.toLowerCase();
        if (seen.has(id)) continue;
        seen.add(id);
        if (c.DocumentStorageType === 7) listsQueued = true;
        const ref = (c.DocumentContainerFieldList.find((f) => f.Name === 'ClientApplicationReference')?.FieldValueString ?? '').trim();
        const appId = this.deps.ownApplication(ref, id);
        if (appId) {
          own.push(appId);
          continue;
        }
        const existing = inbox.byContainer(id);
        const followed = this.followedElsewhere(id);
        sightings.push(
          sightingOf(c, { accountId, originHint: null, firstSeenAt: existing?.firstSeenAt ?? now, madeHere: false, followedElsewhere: followed, withSnapshot: c.DocumentStorageType === 3 }, now, this.random, this.p),
        );
      }
      watermark = advanceWatermark(watermark, createdAts);
      // §13.4: the page's rows and the watermark in one transaction.
      const added = inbox.recordPage(sightings, { accountId, watermark, listsQueued, ownRecordsSince: null, nextPrivilegeCheckAt: null, failures: 0 });
      for (const appId of own) this.deps.mirrorOwn(appId);
      for (const c of containers) if (c.DocumentStorageType === 7) this.deps.onQueuedContainer?.(accountId, c);
      if (added > 0 || sightings.length > 0) changed = true;
      const next = nextPage(cursor, createdAts, this.p.pageSize);
      if (next === null) break;
      cursor = next;
    }
    const done = this.deps.clock.now();
    inbox.savePollState({
      accountId,
      lastPollAt: done,
      nextPollAt: done + Math.round(this.p.pollIntervalMs * (1 - this.p.jitter + 2 * this.p.jitter * this.random())),
      // The first pass's look-back covers more than a sweep would.
      lastDeepSweepAt: window.kind === 'deep' || state.lastDeepSweepAt === null ? done : state.lastDeepSweepAt,
    });
    if (changed) this.deps.onChange?.();
  }

  /** Retrieves of entries the inbox follows that are due (§11 intervals). */
  async checksDue(accountId: string): Promise<void> {
    const { inbox } = this.deps;
    const due = inbox.dueChecks(this.deps.clock.now(), CHECKS_PER_ROUND, [accountId]);
    for (const row of due) {
      if (row.containerId === null) continue;
      if (this.followedElsewhere(row.containerId)) {
        inbox.setNextCheck(row.id, null, false);
        continue;
      }
      const containerId = row.containerId;
      const r = await this.deps.read(accountId, (client) => client.retrieveDocumentContainer({ containerId }));
      const now = this.deps.clock.now();
      if (r === null) return this.blocked(accountId);
      if (r.ok) {
        const s = sightingOf(r.value, { accountId, originHint: row.origin, firstSeenAt: row.firstSeenAt, madeHere: false, followedElsewhere: false, withSnapshot: true }, now, this.random, this.p);
        inbox.recordCheck(row.id, { storageType: s.storageType, state: s.state, verdict: s.verdict, attention: s.attention, documentCount: s.documentCount, holder: s.holder, snapshot: s.snapshot, nextCheckAt: s.nextCheckAt });
        this.deps.onChange?.();
        continue;
      }
      const kind = isTrustIdError(r.error) ? r.error.kind : null;
      if (r.outcome.class === 'REJECTED' || kind === 'access-denied') {
        // "Not found" (deleted, purged, an expired guest link) or no longer visible: nothing to follow.
        const state = goneState(row.origin, row.createdAt, now, this.p);
        inbox.recordCheck(row.id, { storageType: row.storageType, state, verdict: null, attention: false, documentCount: row.documentCount, holder: null, snapshot: null, nextCheckAt: null });
        this.deps.onChange?.();
        continue;
      }
      const delay = Math.max(readRetryDelay(row.checkFailures, this.random, this.p), r.outcome.retryAfterMs ?? 0);
      inbox.setNextCheck(row.id, now + delay, true);
    }
  }
}
