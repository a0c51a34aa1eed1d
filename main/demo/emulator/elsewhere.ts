// Other people at work on the same TrustID account (SUBMISSION-PROTOCOL §12 items 9 and 11): a
// TrustID app user, another kiosk or the back office creating, filling, publishing and deleting
// containers without going through the kiosk under test. Control calls and demo mode use these;
// TrustID has nothing like them. Runs wherever the emulator runs.
import type { Outcome } from './config';
import type { Engine } from './engine';
import { ApiFailure, MESSAGES, excerpt } from './envelope';
import { publishContainer } from './handlers/build-handlers';
import { requireMandatory, withSystemValue } from './handlers/flexible-values';
import type { CapturedDocument } from './handlers/guest-handlers';
import { addCapturedDocument } from './handlers/guest-handlers';
import { isGuid } from './request-body';
import { findBranch } from './seed-data';
import type { ContainerRecord } from './state';
import { STORAGE } from './state';
import type { Account } from './users';

/** Whose work it is when the caller names nobody: the administrator at Reception, if configured. */
const DEFAULT_ELSEWHERE_USER = 'demo.admin';

export type ElsewhereDocument = CapturedDocument & {
  /** Document-level custom field values by PropertyName (§7.9). */
  customFields?: Record<string, string>;
};

export type ElsewhereApplication = {
  /** The user who makes it (default demo.admin, else the first configured user). */
  username?: string;
  /** A seeded branch name or id; default the user's branch. */
  branch?: string;
  clientApplicationReference?: string;
  /** The surname on the generated specimen passport (ignored when `mrz` is given). */
  surname?: string;
  mrz?: string;
  image?: Buffer;
  outcome?: Outcome | 'auto';
  reviewVerdict?: number;
  /** Publish at once (default true); false leaves it Temp, to be published later with publishElsewhere. */
  publish?: boolean;
  /**
   * Back-dates CreatedAt by this much: an application built elsewhere and published long after it
   * was created appears "in the past" to a poll by creation time (RAW-API §13.4).
   */
  createdAgoMs?: number;
};

export type ElsewhereQueued = {
  username?: string;
  branch?: string;
  clientApplicationReference?: string;
  /** Application flexible field values by field name (§7.8), e.g. `{ VisitorReference: 'B-1042' }`. */
  values?: Record<string, string>;
};

function accountFor(engine: Engine, username: string | undefined): Account {
  const account = username !== undefined ? engine.accountByUsername(username) : (engine.accountByUsername(DEFAULT_ELSEWHERE_USER) ?? engine.allAccounts()[0]);
  if (!account) throw new ApiFailure(`Unknown user ${excerpt(username ?? '')}.`);
  return account;
}

function branchIdFor(branch: string | undefined): string | undefined {
  if (branch === undefined) return undefined;
  const found = findBranch(branch);
  if (!found) throw new ApiFailure(MESSAGES.invalid('branch'));
  return found.id;
}

function existing(engine: Engine, containerId: string): ContainerRecord {
  const container = isGuid(containerId) ? engine.container(containerId) : undefined;
  if (!container) throw new ApiFailure(MESSAGES.containerNotFound);
  return container;
}

function customValuesByIndex(engine: Engine, byName: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!byName) return undefined;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(byName)) {
    const definition = engine.config.customFields.find((item) => item.propertyName === name);
    if (!definition) throw new ApiFailure(MESSAGES.invalid('CustomFieldDictionary'));
    values[String(definition.index)] = value;
  }
  return values;
}

/** Another session adds a document (with one image) to an unpublished container. Returns its DocumentId. */
export function addDocumentElsewhere(engine: Engine, containerId: string, document: ElsewhereDocument = {}): string {
  const container = existing(engine, containerId);
  const customValues = customValuesByIndex(engine, document.customFields);
  return addCapturedDocument(engine, container, { ...document, ...(customValues ? { customValues } : {}) });
}

/** Another session publishes a container (§4.6 rules: "already published", "no images"). */
export function publishElsewhere(engine: Engine, containerId: string, choice: { outcome?: Outcome | 'auto'; reviewVerdict?: number } = {}): void {
  const container = existing(engine, containerId);
  container.publishRequests += 1;
  engine.markDirty();
  if (choice.outcome && (container.storageType === STORAGE.Temp || container.storageType === STORAGE.Queued)) {
    container.scenario = { outcome: choice.outcome, ...(choice.reviewVerdict !== undefined ? { reviewVerdict: choice.reviewVerdict } : {}) };
  }
  publishContainer(engine, container);
}

/** The back office deletes containers (deleteDocumentContainerSet); unknown ids are skipped. Returns how many went. */
export function deleteContainersElsewhere(engine: Engine, containerIds: string[]): number {
  let removed = 0;
  for (const id of containerIds) {
    const container = isGuid(id) ? engine.container(id) : undefined;
    if (!container) continue;
    if (container.guestId) {
      const link = engine.state.guestLinks[container.guestId];
      if (link) link.deleted = true;
    }
    engine.removeContainer(container, 'deleted');
    removed += 1;
  }
  return removed;
}

/**
 * An application made elsewhere (TrustID web client, mobile app, another kiosk): a container with
 * one captured document, published at once unless `publish: false`. Returns its ContainerId.
 */
export function createApplicationElsewhere(engine: Engine, application: ElsewhereApplication = {}): string {
  const account = accountFor(engine, application.username);
  const branchId = branchIdFor(application.branch);
  const container = engine.createContainer({
    account,
    ...(branchId ? { branchId } : {}),
    deviceId: `elsewhere-${account.username}`,
    kind: 'standard',
    documentSource: 4,
    scannerType: 'CLOUD',
    clientApplicationReference: application.clientApplicationReference ?? null,
  });
  const ago = Math.max(0, application.createdAgoMs ?? 0);
  if (ago > 0) {
    container.createdAt -= ago;
    container.updatedAt = container.createdAt;
    if (container.purgeAt !== null) container.purgeAt -= ago;
  }
  addCapturedDocument(engine, container, {
    ...(application.mrz !== undefined ? { mrz: application.mrz } : {}),
    ...(application.surname !== undefined ? { surname: application.surname } : {}),
    ...(application.image !== undefined ? { image: application.image } : {}),
  });
  if (application.outcome) container.scenario = { outcome: application.outcome, ...(application.reviewVerdict !== undefined ? { reviewVerdict: application.reviewVerdict } : {}) };
  if (application.publish !== false) publishContainer(engine, container);
  engine.markDirty();
  return container.id;
}

/** A queued application made by someone else (createQueuedDocumentContainer as another user). */
export function createQueuedElsewhere(engine: Engine, queued: ElsewhereQueued = {}): string {
  const account = accountFor(engine, queued.username);
  const branchId = branchIdFor(queued.branch);
  let values: ContainerRecord['flexibleValues'] = [];
  for (const [name, value] of Object.entries(queued.values ?? {})) {
    if (!engine.config.flexibleFields.some((item) => item.name === name)) throw new ApiFailure(MESSAGES.invalid('FlexibleFieldVersionId'));
    values = withSystemValue(values, engine.config, name, value);
  }
  // §11.1: mandatory fields as the API would insist on them.
  requireMandatory(values, engine.config);
  const container = engine.createContainer({
    account,
    ...(branchId ? { branchId } : {}),
    deviceId: `elsewhere-${account.username}`,
    kind: 'queued',
    documentSource: 4,
    scannerType: null,
    clientApplicationReference: queued.clientApplicationReference ?? null,
  });
  container.flexibleValues = values;
  engine.markDirty();
  return container.id;
}
