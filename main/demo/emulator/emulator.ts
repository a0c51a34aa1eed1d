// Starting and stopping the emulator, and the typed in-process helpers that mirror the control
// endpoints (RAW-API §15.2), so a test can steer it without HTTP. Runs wherever the emulator runs
// (plain Node; demo mode starts it inside main).
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { silentLogger } from '../../logging/logger';
import type { ConfigPatch, Outcome } from './config';
import { ConfigPatchSchema, OUTCOMES, defaultConfig, mergeConfig, visibilityName } from './config';
import { manualClock, realClock } from './clock';
import { createControlHandler } from './controls';
import type { RunningEmulator, SeededUser } from './running-emulator';
import { Engine } from './engine';
import { ApiFailure, MESSAGES, excerpt } from './envelope';
import type { FaultRuleInput } from './faults';
import { FaultBook } from './faults';
import { submitAsGuest, submitQueued } from './handlers/guest-handlers';
import { addDocumentElsewhere, createApplicationElsewhere, createQueuedElsewhere, deleteContainersElsewhere, publishElsewhere } from './elsewhere';
import { createEmulatorServer } from './http-server';
import { HookActionSchema } from './request-hooks';
import { containerSummaries, publishCounts, webhookSummaries } from './inspection';
import { seededRandom } from './random';
import { RequestLog } from './request-log';
import { isGuid } from './request-body';
import { DEMO_USERS } from './seed-data';
import { openStateFile } from './state-file';
import type { ScenarioSelection } from './state';
import { DOC_STATUS } from './state';

export type EmulatorOptions = ConfigPatch & {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only (§15): '127.0.0.1' by default. */
  host?: string;
  /** Serve /__emulator/ (§15.2). Off by default, as in demo mode. */
  controls?: boolean;
  /** Keep state in this file (images in `<file>.images/`) so a restart carries on. */
  stateFile?: string;
  clock?: 'real' | 'manual';
  /** Real clock: the time source. Manual clock: the starting instant. */
  now?: () => number;
  /** Seed for the random source behind fault probabilities and DBS references. */
  seed?: number;
  random?: () => number;
  /**
   * Id factory for containers, documents, images, sessions and callbacks. It must return lower-case
   * GUIDs (§1.9): requests naming a non-GUID id are answered "not found". Random v4 by default.
   */
  newId?: () => string;
  logger?: Logger;
  /** Fault rules active from the start (§15.2). */
  faults?: FaultRuleInput[];
};

export type { RunningEmulator, ScenarioChoiceInput, SeededUser, UserFlags } from './running-emulator';

function seededUsers(engine: Engine): SeededUser[] {
  return engine.allAccounts().map((account) => ({
    username: account.username,
    password: engine.passwordOf(account),
    branch: account.branch.name,
    archiveVisibility: visibilityName(account.visibility),
    id: account.id,
    branchId: account.branch.id,
    privileges: account.privileges,
  }));
}

function checkOutcome(outcome: string): Outcome | 'auto' {
  if (outcome === 'auto' || (OUTCOMES as readonly string[]).includes(outcome)) return outcome as Outcome | 'auto';
  throw new ApiFailure(`Unknown outcome ${excerpt(outcome)}.`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', controls = false, stateFile, clock: clockMode = 'real', now, seed, random, newId, logger, faults: initialFaults, ...patch } = options;
  const config = mergeConfig(defaultConfig(DEMO_USERS), ConfigPatchSchema.parse(patch));
  const clock = clockMode === 'manual' ? manualClock(now ? now() : Date.now()) : realClock(now);
  const randomSource = random ?? seededRandom(seed ?? crypto.randomInt(2 ** 31));
  const engine = new Engine({
    config,
    clock,
    newId: newId ?? (() => crypto.randomUUID()),
    random: randomSource,
    logger: logger ?? silentLogger(),
    stateFile: stateFile ? openStateFile(stateFile) : null,
  });
  const faultBook = new FaultBook(randomSource);
  for (const rule of initialFaults ?? []) faultBook.add(rule);
  const requestLog = new RequestLog();

  let emulator: RunningEmulator | null = null;
  const server = createEmulatorServer({
    engine,
    faults: faultBook,
    log: requestLog,
    controls: controls ? createControlHandler(() => emulator) : null,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  engine.origin = origin;
  engine.catchUp();

  const containerOrFail = (id: string) => {
    const container = isGuid(id) ? engine.container(id) : undefined;
    if (!container) throw new ApiFailure(MESSAGES.containerNotFound);
    return container;
  };
  const afterChange = () => engine.catchUp();

  emulator = {
    baseUrl: `${origin}/VPE/`,
    controlUrl: `${origin}/__emulator/`,
    origin,
    get apiKey() {
      return engine.config.apiKey ?? '';
    },
    get users() {
      return seededUsers(engine);
    },
    port: actualPort,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
    },
    now: () => engine.now(),
    advanceClock: (ms) => engine.advance(ms),
    addFault: (rule) => faultBook.add(rule).id,
    removeFault: (id) => faultBook.remove(id),
    clearFaults: () => faultBook.clear(),
    faults: () => faultBook.list(),
    containers: (reference) => {
      engine.catchUp();
      return containerSummaries(engine.state, reference, engine.config.customFields);
    },
    publishCounts: () => publishCounts(engine.state),
    requests: () => requestLog.list(),
    clearRequests: () => requestLog.clear(),
    webhooks: () => webhookSummaries(engine.state),
    reset() {
      engine.reset();
      engine.hooks.clear();
      faultBook.clear();
      requestLog.clear();
    },
    configure(change) {
      engine.setConfig(mergeConfig(engine.config, ConfigPatchSchema.parse(change)));
      afterChange();
      return engine.config;
    },
    config: () => engine.config,
    setScenario(choice) {
      const selection: ScenarioSelection = { outcome: checkOutcome(choice.outcome), ...(choice.reviewVerdict !== undefined ? { reviewVerdict: choice.reviewVerdict } : {}) };
      if (choice.containerId !== undefined) containerOrFail(choice.containerId).scenario = selection;
      else if (choice.clientApplicationReference !== undefined) engine.state.scenarioByReference[choice.clientApplicationReference] = selection;
      else engine.state.scenarioNextPublish = selection;
      engine.markDirty();
      afterChange();
    },
    completeReview(containerId, verdict) {
      const container = containerOrFail(containerId);
      if (!container.referred) throw new ApiFailure('The application is not waiting for a review.');
      engine.completeReview(container, verdict ?? container.scenario?.reviewVerdict ?? engine.config.scenario.reviewVerdict ?? DOC_STATUS.Accepted);
      afterChange();
    },
    submitGuest(guestId, capture = {}) {
      const container = submitAsGuest(engine, guestId, capture);
      afterChange();
      return container.id;
    },
    submitQueued(containerId, capture = {}) {
      submitQueued(engine, containerId, capture);
      afterChange();
    },
    addDocumentElsewhere(containerId, document) {
      const id = addDocumentElsewhere(engine, containerId, document);
      afterChange();
      return id;
    },
    publishElsewhere(containerId, choice) {
      if (choice?.outcome !== undefined) checkOutcome(choice.outcome);
      publishElsewhere(engine, containerId, choice);
      afterChange();
    },
    deleteContainers(containerIds) {
      const count = deleteContainersElsewhere(engine, containerIds);
      afterChange();
      return count;
    },
    createApplicationElsewhere(application) {
      if (application?.outcome !== undefined) checkOutcome(application.outcome);
      const id = createApplicationElsewhere(engine, application);
      afterChange();
      return id;
    },
    createQueuedElsewhere(queued) {
      const id = createQueuedElsewhere(engine, queued);
      afterChange();
      return id;
    },
    beforeOperation(match, run) {
      return engine.hooks.add(match, run);
    },
    addHook(input) {
      const hook = HookActionSchema.parse(input);
      const choice = hook.outcome !== undefined ? { outcome: hook.outcome } : {};
      const actions = {
        addDocument: () => void addDocumentElsewhere(engine, hook.containerId),
        publish: () => publishElsewhere(engine, hook.containerId, choice),
        delete: () => void deleteContainersElsewhere(engine, [hook.containerId]),
        submitQueued: () => void submitQueued(engine, hook.containerId, choice),
      };
      return engine.hooks.add(
        { path: hook.match.path, ...(hook.match.nth !== undefined ? { nth: hook.match.nth } : {}), ...(hook.times !== undefined ? { times: hook.times } : {}) },
        actions[hook.action],
        `${hook.action} ${hook.containerId}`,
        hook.id,
      );
    },
    removeHook: (id) => engine.hooks.remove(id),
    hooks: () => engine.hooks.list(),
    expireSessions(sessionId) {
      const count = engine.expireSessions(sessionId);
      afterChange();
      return count;
    },
    setUser(username, flags) {
      const account = engine.accountByUsername(username);
      if (!account) throw new ApiFailure(`Unknown user ${excerpt(username)}.`);
      const state = engine.userState(account);
      if (flags.locked !== undefined) {
        state.locked = flags.locked;
        if (!flags.locked) state.failures = 0;
      }
      if (flags.passwordExpired !== undefined) state.passwordExpired = flags.passwordExpired;
      if (flags.mfa !== undefined) state.mfa = flags.mfa;
      engine.markDirty();
      afterChange();
    },
    raiseDocumentModified(documentId) {
      const found = isGuid(documentId) ? engine.findDocument(documentId) : undefined;
      if (!found) throw new ApiFailure(MESSAGES.documentNotFound);
      engine.raise('DocumentModifiedPostResult', found.container, found.doc.id);
      afterChange();
    },
    idle: () => engine.idle(),
  };
  return emulator;
}
