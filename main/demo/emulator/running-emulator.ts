// What a running emulator offers its owner (tests, demo mode, the control endpoints): the one
// declaration both the emulator and its control handler import, so neither imports the other.
import type { ConfigPatch, EmulatorConfig, Outcome } from './config';
import type { ElsewhereApplication, ElsewhereDocument, ElsewhereQueued } from './elsewhere';
import type { FaultRule, FaultRuleInput } from './faults';
import type { SimulatedCapture } from './handlers/guest-handlers';
import type { ContainerSummary, PublishCount, WebhookSummary } from './inspection';
import type { HookActionInput, HookMatch, HookSummary } from './request-hooks';
import type { RequestLogEntry } from './request-log';

export type SeededUser = {
  username: string;
  password: string;
  branch: string;
  archiveVisibility: 'User' | 'Branch' | 'Global' | 'Organisation';
  id: string;
  branchId: string;
  privileges: number;
};

export type ScenarioChoiceInput = { clientApplicationReference?: string; containerId?: string; outcome: Outcome | 'auto'; reviewVerdict?: number };
export type UserFlags = { locked?: boolean; passwordExpired?: boolean; mfa?: boolean };

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>/VPE/`: the API base, ending in /VPE/. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<port>/__emulator/` (served only with `controls: true`). */
  readonly controlUrl: string;
  /** `http://127.0.0.1:<port>`: what a client configures as its TrustID server (§18). */
  readonly origin: string;
  /** The accepted Tid-Api-Key; '' when the check is switched off. */
  readonly apiKey: string;
  readonly users: SeededUser[];
  readonly port: number;
  close(): Promise<void>;
  now(): number;
  advanceClock(ms: number): Promise<number>;
  addFault(rule: FaultRuleInput): string;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): FaultRule[];
  containers(clientApplicationReference?: string): ContainerSummary[];
  publishCounts(): Record<string, PublishCount>;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  webhooks(): WebhookSummary[];
  /** Drops all state, fault rules and the request log (§15.2 reset). */
  reset(): void;
  configure(patch: ConfigPatch): EmulatorConfig;
  config(): EmulatorConfig;
  setScenario(choice: ScenarioChoiceInput): void;
  completeReview(containerId: string, verdict?: number): void;
  submitGuest(guestId: string, capture?: SimulatedCapture): string;
  submitQueued(containerId: string, capture?: SimulatedCapture): void;
  /** Another session adds a document with one image to an unpublished container; returns its DocumentId. */
  addDocumentElsewhere(containerId: string, document?: ElsewhereDocument): string;
  /** Another session publishes a container ("already published" / "not found" as the API says). */
  publishElsewhere(containerId: string, choice?: { outcome?: Outcome | 'auto'; reviewVerdict?: number }): void;
  /** The back office deletes containers (deleteDocumentContainerSet); returns how many existed. */
  deleteContainers(containerIds: string[]): number;
  /** An application made elsewhere by another user, published at once unless `publish: false`. */
  createApplicationElsewhere(application?: ElsewhereApplication): string;
  /** A queued application made by another user (createQueuedDocumentContainer). */
  createQueuedElsewhere(queued?: ElsewhereQueued): string;
  /**
   * Runs `run` just before the emulator carries out a matching API request (once by default), so a
   * test can have someone else act at an exact step. Returns the hook's id.
   */
  beforeOperation(match: HookMatch, run: () => void): string;
  /** The same with one of the "elsewhere" actions, as `POST /__emulator/hooks` takes it. */
  addHook(hook: HookActionInput): string;
  removeHook(id: string): boolean;
  hooks(): HookSummary[];
  expireSessions(sessionId?: string): number;
  setUser(username: string, flags: UserFlags): void;
  /** Raises DocumentModifiedPostResult for a document (§10.2), as a back-office edit would. */
  raiseDocumentModified(documentId: string): void;
  /** Resolves once no webhook delivery is in flight. */
  idle(): Promise<void>;
}
