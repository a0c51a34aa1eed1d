// Queued applications (RAW-API §11) prepared by a back office for this branch: the containers the
// archive query returns that are still in the queued state (storage type 7). Runs in main.
import type { QueuedApplication } from '../../../preload/contract';
import { DocumentStorageType, type TrustIdClient } from '../../trustid';

export async function listQueuedApplications(client: TrustIdClient, branchId: string | undefined): Promise<QueuedApplication[]> {
  const found: QueuedApplication[] = [];
  for await (const page of client.archiveContainerQueryPages({ containerBranchId: branchId, pageSize: 50 })) {
    for (const c of page.containers) {
      if (c.DocumentStorageType !== DocumentStorageType.Queued) continue;
      const reference = c.DocumentContainerFieldList.find((f) => f.Name === 'ClientApplicationReference')?.FieldValueString ?? null;
      found.push({ id: c.Id, name: c.Fullname?.trim() || 'Unnamed application', reference, createdAt: c.CreatedAt?.getTime() ?? 0 });
    }
    if (found.length >= 100) break;
  }
  return found;
}
