// Read-only views of the emulator's state for tests and the control endpoints (RAW-API §15.2
// GET /__emulator/containers, publish counters per ClientApplicationReference, webhooks with
// their attempts). Runs wherever the emulator runs. Pure.
import type { CustomFieldDefinition } from './config';
import type { ContainerRecord, DocumentRecord, EmulatorState, RemovedContainer, ScenarioSelection, StorageType } from './state';

export const STORAGE_NAMES: Record<StorageType, string> = { 1: 'Temp', 3: 'Archive', 4: 'Workflow', 5: 'Pending', 6: 'Holding', 7: 'Queued' };

export type ContainerSummary = {
  containerId: string;
  clientApplicationReference: string | null;
  kind: ContainerRecord['kind'] | 'removed';
  storageType: StorageType;
  storageName: string;
  /** 1 once publish was applied to this container, else 0 (publish applies at most once). */
  publishCount: number;
  /** Publish requests that reached this container, applied or refused. */
  publishRequests: number;
  createdAt: number;
  publishedAt: number | null;
  userId: string | null;
  branchId: string | null;
  deviceId: string | null;
  scenario: ScenarioSelection | null;
  referred: boolean;
  documents: {
    documentId: string;
    images: number;
    operatorStatus: number;
    audited: boolean;
    auditorStatus: number;
    /** Document custom field values set on createDocument (§7.9), by PropertyName (by Index when no longer defined). */
    customFields: Record<string, string>;
  }[];
  /** Set when the container no longer exists: purged (§8.3) or deleted (§13.3). */
  removed: RemovedContainer['reason'] | null;
  removedAt: number | null;
};

export type PublishCount = {
  /** Containers created with this reference, removed ones included. */
  containersCreated: number;
  /** Containers with this reference that were published. The exactly-once assertion wants 1. */
  containersPublished: number;
  /** Publish requests that reached any of them. */
  publishRequests: number;
};

export type WebhookSummary = {
  callbackId: string;
  event: string;
  containerId: string;
  url: string;
  attempts: { at: number; status: number; error: string | null }[];
  delivered: boolean;
  /**
   * §10.3: true once the last retry has failed. camelCase like every control key; the wire field
   * `Callback.Aborted` is a different thing and is false in every payload sent.
   */
  aborted: boolean;
  nextAttemptAt: number | null;
};

function customFieldsOf(doc: DocumentRecord, definitions: CustomFieldDefinition[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [index, value] of Object.entries(doc.customValues ?? {})) {
    out[definitions.find((definition) => String(definition.index) === index)?.propertyName ?? index] = value;
  }
  return out;
}

function live(container: ContainerRecord, definitions: CustomFieldDefinition[]): ContainerSummary {
  return {
    containerId: container.id,
    clientApplicationReference: container.clientApplicationReference,
    kind: container.kind,
    storageType: container.storageType,
    storageName: STORAGE_NAMES[container.storageType],
    publishCount: container.publishedAt === null ? 0 : 1,
    publishRequests: container.publishRequests,
    createdAt: container.createdAt,
    publishedAt: container.publishedAt,
    userId: container.userId,
    branchId: container.branchId,
    deviceId: container.deviceId,
    scenario: container.scenario,
    referred: container.referred,
    documents: container.documents.map((doc) => ({
      documentId: doc.id,
      images: doc.imageIds.length,
      operatorStatus: doc.operatorStatus,
      audited: doc.audited,
      auditorStatus: doc.auditorStatus,
      customFields: customFieldsOf(doc, definitions),
    })),
    removed: null,
    removedAt: null,
  };
}

function gone(removed: RemovedContainer): ContainerSummary {
  return {
    containerId: removed.id,
    clientApplicationReference: removed.clientApplicationReference,
    kind: 'removed',
    storageType: removed.storageTypeAtRemoval,
    storageName: STORAGE_NAMES[removed.storageTypeAtRemoval],
    publishCount: removed.publishedAt === null ? 0 : 1,
    publishRequests: removed.publishRequests,
    createdAt: removed.createdAt,
    publishedAt: removed.publishedAt,
    userId: null,
    branchId: null,
    deviceId: null,
    scenario: null,
    referred: false,
    documents: [],
    removed: removed.reason,
    removedAt: removed.removedAt,
  };
}

/** Every container ever created (removed ones last), optionally only those with a reference. */
export function containerSummaries(state: EmulatorState, clientApplicationReference?: string, definitions: CustomFieldDefinition[] = []): ContainerSummary[] {
  const rows = [...Object.values(state.containers).map((container) => live(container, definitions)), ...state.removed.map(gone)];
  const filtered = clientApplicationReference === undefined ? rows : rows.filter((row) => row.clientApplicationReference === clientApplicationReference);
  return filtered.sort((a, b) => a.createdAt - b.createdAt);
}

export function publishCounts(state: EmulatorState): Record<string, PublishCount> {
  const counts: Record<string, PublishCount> = {};
  for (const row of containerSummaries(state)) {
    if (row.clientApplicationReference === null) continue;
    const entry = (counts[row.clientApplicationReference] ??= { containersCreated: 0, containersPublished: 0, publishRequests: 0 });
    entry.containersCreated += 1;
    entry.containersPublished += row.publishCount;
    entry.publishRequests += row.publishRequests;
  }
  return counts;
}

export function webhookSummaries(state: EmulatorState): WebhookSummary[] {
  return state.webhooks.map((hook) => ({
    callbackId: hook.callbackId,
    event: hook.event,
    containerId: hook.containerId,
    url: hook.url,
    attempts: hook.attempts.map((attempt) => ({ ...attempt })),
    delivered: hook.delivered,
    aborted: hook.aborted,
    nextAttemptAt: hook.nextAttemptAt,
  }));
}
