// What the guest-link and queued-create service needs from its neighbours, as narrow ports: the
// polling lane of the sync worker, the account evidence flag of SUBMISSION-PROTOCOL §13.2 (owned by
// the queued-fill work, migration 7), and the results inbox it feeds. Runs in main.
import type { CallOutcome } from '../sync/submission-types';
import type { Container, TrustIdClient } from '../trustid';

/**
 * The sync worker's `pollingRead` (SUBMISSION-PROTOCOL §11): runs `call` under the polling lane's
 * rules and classifies what it threw; null when the lane may not call now.
 */
export type LaneCaller = <T>(accountId: string, call: () => Promise<T>) => Promise<{ ok: true; value: T } | { ok: false; outcome: CallOutcome } | null>;

/** §13.2 `query_lists_queued`: archiveContainerQuery has been seen to list a Queued (7) container. Once set, stays set. */
export type QueuedEvidence = {
  queryListsQueued(accountId: string): boolean;
  noteQueryListsQueued(accountId: string): void;
};

/** Evidence kept in memory only (tests); the app passes the persisted account flag instead (app-services.ts). */
export function memoryQueuedEvidence(): QueuedEvidence {
  const seen = new Set<string>();
  return { queryListsQueued: (id) => seen.has(id), noteQueryListsQueued: (id) => void seen.add(id) };
}

/** The origin as the inbox names it (h-inbox's InboxOrigin has the same two values). */
export type ContainerOrigin = 'guest_link' | 'queued';

/**
 * The results inbox: every container this service retrieves is offered to it, and every one that
 * ended without a result is reported gone. Default: nobody listens. (h-inbox's InboxPoller has
 * `recordContainerSeen(accountId, container, originHint)` and `recordContainerGone(containerId, state)`.)
 */
export type InboxSink = {
  onContainerSeen(accountId: string, container: Container, origin: ContainerOrigin): void;
  onContainerGone?(containerId: string, state: 'expired' | 'revoked' | 'withdrawn'): void;
};

export const noInbox: InboxSink = { onContainerSeen: () => undefined };

/** The TrustID calls this service makes (the account's sync client, so the session is the worker's). */
export type RemoteCreateClient = Pick<
  TrustIdClient,
  'createGuestLink' | 'createQueuedDocumentContainer' | 'deleteGuestLink' | 'retrieveDocumentContainer' | 'archiveContainerQuery'
> & {
  /** RAW-API §13.3; optional until every client has it (a duplicate is then left for staff). */
  deleteDocumentContainerSet?(req: { containerIds: string[] }): Promise<unknown>;
};
