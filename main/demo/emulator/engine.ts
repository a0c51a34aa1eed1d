// The emulator's core: its state, accounts and sessions, the application life cycle and its
// timeline (RAW-API §8), webhook delivery (§10) and persistence. Endpoint handlers call into it;
// the HTTP layer never touches state directly. Runs wherever the emulator runs (plain Node).
import type { Logger } from 'pino';
import type { EmulatorConfig, Outcome, WebhookEventName } from './config';
import type { EmulatorClock } from './clock';
import { ApiFailure, MESSAGES } from './envelope';
import { applyOutcome, establishDocument } from './outcome';
import { RequestHooks } from './request-hooks';
import { BRANCHES, EXPERT, ORGANISATION } from './seed-data';
import type {
  ContainerRecord,
  DocumentRecord,
  EmulatorState,
  ImageRecord,
  RemovedContainer,
  ScenarioSelection,
  SessionRecord,
  UserState,
  WebhookRecord,
} from './state';
import { DOC_STATUS, STORAGE, emptyState } from './state';
import type { StateFile } from './state-file';
import type { Account } from './users';
import { canSee, resolveAccount } from './users';
import { eventEnabled, retryDelayMs, webhookPayload } from './webhook-payload';
import type { ModelContext } from './wire-models';
import { toWireJson } from './wire-json';

export type EngineOptions = {
  config: EmulatorConfig;
  clock: EmulatorClock;
  newId: () => string;
  random: () => number;
  logger: Logger;
  stateFile: StateFile | null;
};

type DueItem = { at: number; kind: 'step'; container: ContainerRecord } | { at: number; kind: 'purge'; container: ContainerRecord } | { at: number; kind: 'webhook'; hook: WebhookRecord };

const IDLE_TOUCH_MS = 60_000;

export class Engine {
  config: EmulatorConfig;
  state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly newId: () => string;
  readonly random: () => number;
  readonly logger: Logger;
  /** `http://127.0.0.1:<port>`, set once the server listens; guest links are built on it (§12.3). */
  origin = '';
  /** Other parties' actions due just before a matching request is carried out (§15.2 tests). */
  readonly hooks = new RequestHooks();
  private accounts = new Map<string, Account>();
  private imageCache = new Map<string, Buffer>();
  private readonly stateFile: StateFile | null;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private closed = false;

  constructor(options: EngineOptions) {
    this.config = options.config;
    this.clock = options.clock;
    this.newId = options.newId;
    this.random = options.random;
    this.logger = options.logger;
    this.stateFile = options.stateFile;
    this.state = this.stateFile?.load() ?? emptyState();
    if (this.clock.mode === 'manual' && this.state.clockNow !== null) this.clock.moveTo(this.state.clockNow);
    this.rebuildAccounts();
  }

  now(): number {
    return this.clock.now();
  }

  // ---- configuration and accounts ----

  setConfig(config: EmulatorConfig): void {
    const usersChanged = config.users !== this.config.users;
    this.config = config;
    if (usersChanged) {
      // A replaced user list starts from the flags it declares.
      this.state.users = {};
      this.rebuildAccounts();
      this.markDirty();
    }
  }

  private rebuildAccounts(): void {
    this.accounts = new Map();
    for (const user of this.config.users) {
      const account = resolveAccount(user);
      this.accounts.set(account.id, account);
    }
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  accountById(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  accountByUsername(username: string): Account | undefined {
    const key = username.toLowerCase();
    return this.allAccounts().find((account) => account.username.toLowerCase() === key);
  }

  userState(account: Account): UserState {
    let entry = this.state.users[account.id];
    if (!entry) {
      entry = {
        failures: 0,
        locked: account.config.locked ?? false,
        passwordExpired: account.config.passwordExpired ?? false,
        mfa: account.config.mfa ?? false,
        password: null,
      };
      this.state.users[account.id] = entry;
    }
    return entry;
  }

  passwordOf(account: Account): string {
    return this.userState(account).password ?? account.password;
  }

  organisationOfBranch(branchId: string): string {
    return BRANCHES.some((branch) => branch.id === branchId) ? ORGANISATION.id : '';
  }

  canSee(account: Account, container: Pick<ContainerRecord, 'userId' | 'branchId'>): boolean {
    return canSee(account, container, (branchId) => this.organisationOfBranch(branchId));
  }

  modelContext(): ModelContext {
    return {
      config: this.config,
      image: (id) => this.state.images[id],
      account: (userId) => this.accounts.get(userId),
      branchName: (branchId) => BRANCHES.find((branch) => branch.id === branchId)?.name ?? '',
      organisation: ORGANISATION,
    };
  }

  // ---- sessions (§2.4) ----

  openSession(account: Account, deviceId: string): SessionRecord {
    const now = this.now();
    if (this.config.session.singlePerDevice) {
      for (const session of Object.values(this.state.sessions)) {
        if (session.deviceId === deviceId && !session.ended) session.ended = true;
      }
    }
    const session: SessionRecord = { id: this.newId(), deviceId, userId: account.id, createdAt: now, lastSeenAt: now, ended: false };
    this.state.sessions[session.id] = session;
    this.pruneSessions(now);
    this.markDirty();
    return session;
  }

  private sessionAlive(session: SessionRecord, now: number): boolean {
    const { idleTimeoutS, absoluteTimeoutS } = this.config.session;
    return !session.ended && now - session.lastSeenAt < idleTimeoutS * 1000 && now - session.createdAt < absoluteTimeoutS * 1000;
  }

  /** Dead sessions are forgotten after a day, so a long demo does not grow without bound. */
  private pruneSessions(now: number): void {
    for (const [id, session] of Object.entries(this.state.sessions)) {
      if (!this.sessionAlive(session, now) && now - session.lastSeenAt > 86_400_000) delete this.state.sessions[id];
    }
  }

  /** The live session for (SessionId, DeviceId), or the §1.7 failure: expired, or AccessDenied. */
  checkSession(sessionId: string, deviceId: string): { session: SessionRecord; account: Account } {
    const now = this.now();
    const session = this.state.sessions[sessionId.toLowerCase()];
    const account = session ? this.accounts.get(session.userId) : undefined;
    if (!session || !account || !this.sessionAlive(session, now)) throw this.sessionExpired();
    if (session.deviceId !== deviceId) throw new ApiFailure(MESSAGES.accessDenied, { AccessDenied: true });
    // Touches are persisted coarsely: a restart may then expire a session up to a minute early.
    if (now - session.lastSeenAt > IDLE_TOUCH_MS) this.markDirty();
    session.lastSeenAt = now;
    return { session, account };
  }

  sessionExpired(): ApiFailure {
    return new ApiFailure(MESSAGES.sessionExpired, { SessionExpired: true }, this.config.statusMode.sessionExpired);
  }

  endSession(sessionId: string): void {
    const session = this.state.sessions[sessionId.toLowerCase()];
    if (session && !session.ended) {
      session.ended = true;
      this.markDirty();
    }
  }

  expireSessions(sessionId?: string): number {
    let count = 0;
    for (const session of Object.values(this.state.sessions)) {
      if (sessionId !== undefined && session.id !== sessionId.toLowerCase()) continue;
      if (!session.ended) count += 1;
      session.ended = true;
    }
    this.markDirty();
    return count;
  }

  // ---- containers ----

  container(id: string): ContainerRecord | undefined {
    return this.state.containers[id.toLowerCase()];
  }

  requireContainer(id: string): ContainerRecord {
    const container = this.container(id);
    if (!container) throw new ApiFailure(MESSAGES.containerNotFound);
    return container;
  }

  /** A container the account may act on; someone else's gets AccessDenied (§7.11). */
  visibleContainer(account: Account, id: string): ContainerRecord {
    const container = this.requireContainer(id);
    if (!this.canSee(account, container)) throw new ApiFailure(MESSAGES.accessDenied, { AccessDenied: true });
    return container;
  }

  findDocument(documentId: string): { container: ContainerRecord; doc: DocumentRecord } | undefined {
    const key = documentId.toLowerCase();
    for (const container of Object.values(this.state.containers)) {
      const doc = container.documents.find((item) => item.id === key);
      if (doc) return { container, doc };
    }
    return undefined;
  }

  createContainer(init: {
    account: Account;
    branchId?: string;
    deviceId: string;
    kind: ContainerRecord['kind'];
    documentSource: number;
    scannerType: string | null;
    clientApplicationReference: string | null;
  }): ContainerRecord {
    const now = this.now();
    const id = this.newId();
    const container: ContainerRecord = {
      id,
      clientAppId: this.state.counters.clientAppId++,
      kind: init.kind,
      storageType: init.kind === 'standard' ? STORAGE.Temp : STORAGE.Queued,
      createdAt: now,
      updatedAt: now,
      userId: init.account.id,
      branchId: init.branchId ?? init.account.branch.id,
      deviceId: init.deviceId,
      documentSource: init.documentSource,
      scannerType: init.scannerType,
      clientApplicationReference: init.clientApplicationReference,
      fields: [],
      flexibleValues: [],
      documents: [],
      applicantPhotoId: null,
      callbackUrl: null,
      callbackHeaders: [],
      autoReferral: false,
      rfidFailed: false,
      publishRequests: 0,
      publishedAt: null,
      scenario: null,
      overallStatus: 0,
      referred: false,
      referredAt: null,
      referralType: null,
      referrals: [],
      fullname: '',
      next: null,
      // §8.3: only never-published Temp containers are purged; queued ones never (§11).
      purgeAt: init.kind === 'standard' ? now + this.config.temp.purgeAfterS * 1000 : null,
      guestId: null,
      dbsState: 0,
      dbsReference: null,
      realisticDone: false,
    };
    if (init.clientApplicationReference !== null) this.addContainerField(container, 'ClientApplicationReference', 'Client Application Reference', init.clientApplicationReference);
    this.state.containers[id] = container;
    this.markDirty();
    return container;
  }

  addContainerField(container: ContainerRecord, name: string, displayName: string, value: string): void {
    container.fields.push({ id: this.state.counters.containerFieldId++, name, displayName, valueString: value });
  }

  addDocument(container: ContainerRecord, init: Partial<Pick<DocumentRecord, 'documentType' | 'mrz' | 'rfidMrz' | 'scannerType' | 'feedbackPersonMatches' | 'customValues'>>): DocumentRecord {
    const now = this.now();
    const doc: DocumentRecord = {
      id: this.newId(),
      containerId: container.id,
      createdAt: now,
      updatedAt: now,
      documentType: init.documentType ?? 0,
      mrz: init.mrz ?? null,
      rfidMrz: init.rfidMrz ?? null,
      scannerType: init.scannerType ?? null,
      feedbackPersonMatches: init.feedbackPersonMatches ?? 0,
      customValues: init.customValues ?? {},
      imageIds: [],
      operatorStatus: DOC_STATUS.Undefined,
      operatorMessage: null,
      notes: null,
      audited: false,
      auditorStatus: DOC_STATUS.Undefined,
      auditedByUser: null,
      auditorMessage: null,
      result: null,
    };
    container.documents.push(doc);
    container.updatedAt = now;
    this.markDirty();
    return doc;
  }

  /** Stores image bytes (on disk first when there is a state file) and their record. */
  addImage(record: ImageRecord, bytes: Buffer): void {
    this.stateFile?.saveImage(record.id, bytes);
    this.imageCache.set(record.id, bytes);
    this.state.images[record.id] = record;
    this.markDirty();
  }

  imageBytes(id: string): Buffer | undefined {
    const cached = this.imageCache.get(id);
    if (cached) return cached;
    const loaded = this.stateFile?.loadImage(id);
    if (loaded) this.imageCache.set(id, loaded);
    return loaded;
  }

  /** Guards every build step (§8.2): only Temp and Queued containers take documents and images. */
  requireUnpublished(container: ContainerRecord): void {
    if (container.storageType !== STORAGE.Temp && container.storageType !== STORAGE.Queued) throw new ApiFailure(MESSAGES.alreadyPublished);
  }

  containerHasImages(container: ContainerRecord): boolean {
    return container.documents.some((doc) => doc.imageIds.length > 0) || container.applicantPhotoId !== null;
  }

  // ---- life cycle (§8.4) ----

  publish(container: ContainerRecord): void {
    const now = this.now();
    container.storageType = STORAGE.Pending;
    container.publishedAt = now;
    container.updatedAt = now;
    container.purgeAt = null;
    if (!container.scenario && this.state.scenarioNextPublish) {
      container.scenario = this.state.scenarioNextPublish;
      this.state.scenarioNextPublish = null;
    }
    container.next = { step: 'workflow', at: now + this.config.processing.workflowDelayMs };
    this.raise('ContainerSubmitted', container);
    this.markDirty();
  }

  private runStep(container: ContainerRecord): void {
    const step = container.next;
    if (!step) return;
    container.next = null;
    switch (step.step) {
      case 'workflow':
        container.storageType = STORAGE.Workflow;
        container.updatedAt = step.at;
        container.next = { step: 'decide', at: step.at + this.config.processing.decisionDelayMs };
        break;
      case 'decide':
        this.decide(container, step.at);
        break;
      case 'review':
        this.completeReview(container, container.scenario?.reviewVerdict ?? this.config.scenario.reviewVerdict);
        break;
      case 'dbs-update':
        this.raise('ResultNotification', container);
        break;
    }
    this.markDirty();
  }

  scenarioFor(container: ContainerRecord): ScenarioSelection {
    const byReference = container.clientApplicationReference ? this.state.scenarioByReference[container.clientApplicationReference] : undefined;
    return container.scenario ?? byReference ?? { outcome: this.config.scenario.default };
  }

  private decide(container: ContainerRecord, at: number): void {
    const selection = this.scenarioFor(container);
    container.scenario = selection;
    const outcomes: Outcome[] = [];
    for (const doc of container.documents) {
      const established = establishDocument(doc, doc.imageIds.length > 0, at, this.config.scenario.referSurnames, () => this.state.counters.fieldId++);
      doc.result = established.result;
      const outcome = selection.outcome === 'auto' ? established.autoOutcome : selection.outcome;
      applyOutcome(doc, outcome);
      doc.updatedAt = at;
      outcomes.push(outcome);
    }
    if (this.config.images.realistic && !container.realisticDone) this.deriveImages(container, at);
    container.fullname = container.documents[0]?.result?.fullname ?? '';
    container.overallStatus = outcomes.includes('fail') ? 1 : 0;
    container.updatedAt = at;
    if (outcomes.includes('refer')) {
      container.storageType = STORAGE.Holding;
      container.referred = true;
      container.referredAt = at;
      container.referralType = 1;
      container.next = { step: 'review', at: at + this.config.processing.reviewDelayMs };
      this.raise('ContainerSentToReview', container);
    } else {
      this.enterArchive(container);
    }
  }

  /** §9.3 realistic mode: the upload becomes type 60 and a derived copy takes its type. */
  private deriveImages(container: ContainerRecord, at: number): void {
    container.realisticDone = true;
    for (const doc of container.documents) {
      const derived: string[] = [];
      for (const imageId of doc.imageIds) {
        const original = this.state.images[imageId];
        const bytes = this.imageBytes(imageId);
        if (!original || !bytes) continue;
        const copy: ImageRecord = { ...original, id: this.newId(), sourceId: original.id, createdAt: at, filename: `derived-${original.filename}` };
        original.imageType = 60;
        this.addImage(copy, bytes);
        derived.push(copy.id);
      }
      doc.imageIds.push(...derived);
    }
  }

  /** Finishes a referral (§8.4 `refer`): experts give `verdict` to every referred document. */
  completeReview(container: ContainerRecord, verdict: number): void {
    const at = this.now();
    for (const doc of container.documents) {
      if (doc.operatorStatus !== DOC_STATUS.Referred) continue;
      doc.audited = true;
      doc.auditorStatus = verdict;
      doc.auditedByUser = EXPERT.displayName;
      doc.auditorMessage = verdict === DOC_STATUS.Accepted ? 'Reviewed by a TrustID expert and accepted.' : 'Reviewed by a TrustID expert.';
      doc.updatedAt = at;
    }
    const owner = this.accounts.get(container.userId);
    container.referrals.push({
      referredAt: container.referredAt ?? at,
      completedAt: at,
      referralType: container.referralType ?? 1,
      referredByUserId: container.userId,
      referredByName: owner ? `${owner.firstname} ${owner.lastname}`.trim() : '',
    });
    container.referred = false;
    container.next = null;
    if (verdict === DOC_STATUS.Failed) container.overallStatus = 1;
    container.updatedAt = at;
    this.enterArchive(container);
    this.markDirty();
  }

  enterArchive(container: ContainerRecord): void {
    container.storageType = STORAGE.Archive;
    container.purgeAt = null;
    container.updatedAt = this.now();
    this.raise('ResultNotification', container);
    this.markDirty();
  }

  scheduleDbsUpdate(container: ContainerRecord): void {
    container.next = { step: 'dbs-update', at: this.now() + this.config.dbs.updateDelayMs };
    this.markDirty();
  }

  removeContainer(container: ContainerRecord, reason: RemovedContainer['reason']): void {
    const imageIds = [...container.documents.flatMap((doc) => doc.imageIds), ...(container.applicantPhotoId ? [container.applicantPhotoId] : [])];
    for (const id of imageIds) {
      delete this.state.images[id];
      this.imageCache.delete(id);
      this.stateFile?.removeImage(id);
    }
    delete this.state.containers[container.id];
    this.state.removed.push({
      id: container.id,
      clientApplicationReference: container.clientApplicationReference,
      removedAt: this.now(),
      reason,
      storageTypeAtRemoval: container.storageType,
      publishRequests: container.publishRequests,
      publishedAt: container.publishedAt,
      createdAt: container.createdAt,
    });
    this.markDirty();
  }

  // ---- webhooks (§10) ----

  raise(event: WebhookEventName, container: ContainerRecord, documentId: string | null = null): void {
    if (!eventEnabled(this.config.webhooks, event)) return;
    const url = container.callbackUrl ?? this.config.webhooks.defaultUrl;
    if (!url) return;
    const now = this.now();
    this.state.webhooks.push({
      callbackId: this.newId(),
      event,
      containerId: container.id,
      documentId,
      clientApplicationReference: container.clientApplicationReference,
      url,
      headers: [...this.config.webhooks.headers, ...container.callbackHeaders],
      scheduledAt: now,
      nextAttemptAt: now,
      attempts: [],
      delivered: false,
      aborted: false,
    });
    this.markDirty();
  }

  private async deliver(hook: WebhookRecord): Promise<void> {
    const body = toWireJson(webhookPayload(hook, this.now()), this.config.dates);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    for (const header of hook.headers) headers[header.Header] = header.Value;
    let status = 0;
    let error: string | null = null;
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(this.config.webhooks.timeoutMs), this.abort.signal]);
      const response = await fetch(hook.url, { method: 'POST', headers, body, signal, redirect: 'manual' });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (status !== 200) error = `The receiver answered HTTP ${status}.`;
    } catch (caught) {
      if (this.closed) return;
      // §10.3: no answer (a timeout included) records status 0.
      error = caught instanceof Error && caught.name === 'TimeoutError' ? 'The receiver did not answer in time.' : 'The receiver could not be reached.';
    }
    const at = this.now();
    hook.attempts.push({ at, status, error: status === 200 ? null : error });
    if (status === 200) {
      hook.delivered = true;
      hook.nextAttemptAt = null;
    } else if (hook.attempts.length >= this.config.webhooks.maxAttempts) {
      hook.aborted = true;
      hook.nextAttemptAt = null;
    } else {
      hook.nextAttemptAt = at + retryDelayMs(this.config.webhooks, hook.attempts.length);
    }
    this.logger.info({ event: hook.event, attempt: hook.attempts.length, status }, 'emulator webhook attempt');
    this.markDirty();
  }

  private startDelivery(hook: WebhookRecord): Promise<void> {
    const running = this.deliver(hook).finally(() => {
      this.inflight.delete(hook.callbackId);
      if (!this.closed) {
        this.persist();
        this.wake();
      }
    });
    this.inflight.set(hook.callbackId, running);
    return running;
  }

  /** Resolves once no webhook delivery is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
  }

  // ---- timeline ----

  private earliestDue(): DueItem | null {
    let best: DueItem | null = null;
    const consider = (item: DueItem) => {
      if (!best || item.at < best.at) best = item;
    };
    for (const container of Object.values(this.state.containers)) {
      if (container.next) consider({ at: container.next.at, kind: 'step', container });
      if (container.purgeAt !== null) consider({ at: container.purgeAt, kind: 'purge', container });
    }
    for (const hook of this.state.webhooks) {
      if (hook.nextAttemptAt !== null && !hook.delivered && !hook.aborted && !this.inflight.has(hook.callbackId)) consider({ at: hook.nextAttemptAt, kind: 'webhook', hook });
    }
    return best;
  }

  private runItem(item: Exclude<DueItem, { kind: 'webhook' }>): void {
    if (item.kind === 'step') {
      this.runStep(item.container);
      return;
    }
    const container = item.container;
    if (container.storageType === STORAGE.Temp || (container.kind === 'guest' && container.storageType === STORAGE.Queued)) this.removeContainer(container, 'purged');
    else container.purgeAt = null;
  }

  /**
   * Runs everything due by now: steps and purges in time order, and starts due webhook
   * deliveries without waiting for them. Called before and after every request.
   */
  catchUp(): void {
    if (this.closed) return;
    const now = this.now();
    for (;;) {
      const item = this.earliestDue();
      if (!item || item.at > now) break;
      if (item.kind === 'webhook') void this.startDelivery(item.hook);
      else this.runItem(item);
    }
    this.persist();
    this.wake();
  }

  /** Manual clock: moves time forward, running everything that falls due in order (§15.2). */
  async advance(ms: number): Promise<number> {
    if (this.clock.mode !== 'manual') throw new Error('The emulator runs on the real clock; start it with clock: "manual" to advance time.');
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Advance by a non-negative number of milliseconds.');
    const target = this.now() + ms;
    await this.idle();
    for (;;) {
      const item = this.earliestDue();
      if (!item || item.at > target) break;
      this.clock.moveTo(item.at);
      if (item.kind === 'webhook') await this.startDelivery(item.hook);
      else this.runItem(item);
    }
    this.clock.moveTo(target);
    this.state.clockNow = target;
    this.markDirty();
    this.persist();
    return target;
  }

  /** Real clock: one timer for the next due item. The manual clock needs none. */
  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.clock.mode !== 'real') return;
    const item = this.earliestDue();
    if (!item) return;
    // setTimeout's limit is 2^31-1 ms; a later item is re-checked when the timer fires.
    const delay = Math.min(Math.max(0, item.at - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.catchUp(), delay);
    this.timer.unref();
  }

  // ---- persistence ----

  markDirty(): void {
    this.dirty = true;
  }

  persist(): void {
    if (!this.dirty || !this.stateFile) return;
    this.dirty = false;
    if (this.clock.mode === 'manual') this.state.clockNow = this.now();
    this.stateFile.save(this.state);
  }

  reset(): void {
    const clockNow = this.state.clockNow;
    this.state = emptyState();
    this.state.clockNow = clockNow;
    this.imageCache.clear();
    this.stateFile?.clearImages();
    this.markDirty();
    this.persist();
    this.wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.inflight.values()]);
    this.dirty = true;
    if (this.stateFile) {
      if (this.clock.mode === 'manual') this.state.clockNow = this.now();
      this.stateFile.save(this.state);
    }
  }
}
