// Queued applications for the contract (RAW-API §11.2): the feature's list (main/results/queued-list.ts)
// in the contract's words. Runs in main.
import type { QueuedList } from '../../../preload/contract';
import type { QueuedEntries } from '../../results/queued-list';

/** An entry whose fields hold no text still needs a name staff can read and pick by. */
export const UNNAMED_QUEUED = 'Queued application';

export function queuedListView(list: QueuedEntries): QueuedList {
  return {
    ownRecordsOnly: list.ownRecordsOnly,
    entries: list.entries.map((e) => ({
      id: e.containerId,
      name: e.label || UNNAMED_QUEUED,
      reference: e.reference,
      createdAt: e.createdAt,
      preparedBy: e.preparedBy,
      inUse: e.inUse,
    })),
  };
}
