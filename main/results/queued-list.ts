// The queued applications staff can fill at the desk (RAW-API §11.2, §13.4 item 1): what the
// archive query lists in storage type 7 for the session's branch, paged by creation time, without
// guest links; entries already holding documents are "being completed elsewhere" and cannot be
// picked. Without archive privilege only the queued applications this kiosk created are listed,
// each checked with a retrieve, and staff are told why the list is short. Runs in main.
import { DocumentStorageType, isArchiveAccessDenied, type TrustIdClient } from '../trustid';
import type { Container } from '../trustid/models';

/** One entry of the list, as staff pick it. Holds personal data (the field values): never logged. */
export type QueuedEntry = {
  containerId: string;
  /** The flexible-field values that name it (visitor name, booking reference…), joined. */
  label: string;
  /** Who prepared it, as TrustID names the user (Container.ScannedByUser), when known. */
  preparedBy: string | null;
  createdAt: number;
  /** ClientApplicationReference, when one was set. */
  reference: string | null;
  /** It already holds documents: someone is completing it elsewhere (SUBMISSION-PROTOCOL §13.4). */
  inUse: boolean;
};

export type QueuedEntries = { entries: QueuedEntry[]; ownRecordsOnly: boolean };

export type QueuedListPorts = {
  /** The interactive TrustID client of the signed-in account. */
  client(): TrustIdClient;
  /** The session's branch (the login's Branch.Id), when known without a login. */
  branchId?(): string | undefined;
  /**
   * A container that belongs to one of this kiosk's guest links (its reference), supplied by the
   * guest-link feature. Containers with `__SYS_GuestName`/`__SYS_GuestEmail` are left out anyway.
   */
  isOwnGuestLink?(reference: string): boolean;
  /** Own-records mode: the queued applications this kiosk created (container ids). Default none. */
  ownQueued?(): { containerId: string }[];
  /** `archiveContainerQuery` listed a Queued (7) container: SUBMISSION-PROTOCOL §13.2 evidence. */
  onQueuedListed?(): void;
  /** Every Queued (7) container the query met, guest links included (the create lookups of §14 want them). */
  onQueuedContainer?(container: Container): void;
  /** Creation-time window looked at; default 30 days back (queued applications are not purged). */
  lookBackMs?: number;
  pageSize?: number;
  maxPages?: number;
  now?(): number;
};

const GUEST_FIELDS = new Set(['__SYS_GuestName', '__SYS_GuestEmail']);
const DAY = 24 * 3600_000;

function fieldValues(c: Container): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const f of c.ApplicationFlexibleFieldList) {
    const v = f.m_Item2;
    if (!v) continue;
    const name = v.FlexibleFieldNameDup ?? f.m_Item1?.Name ?? '';
    const raw = v.FieldValueString ?? (v.FieldValueInt ?? v.FieldValueDecimal ?? '').toString();
    const value = raw === '' && v.FieldValueDate ? v.FieldValueDate.toISOString().slice(0, 10) : raw;
    if (value.trim() !== '') out.push({ name, value: value.trim() });
  }
  return out;
}

function referenceOf(c: Container): string | null {
  return c.DocumentContainerFieldList.find((f) => f.Name === 'ClientApplicationReference')?.FieldValueString ?? null;
}

/** RAW-API §11.2: guest-link containers carry the guest fields, or one of our own links' references. */
export function isGuestLinkContainer(c: Container, isOwnGuestLink: (reference: string) => boolean = () => false): boolean {
  if (fieldValues(c).some((f) => GUEST_FIELDS.has(f.name))) return true;
  const ref = referenceOf(c);
  return ref !== null && isOwnGuestLink(ref);
}

export function entryOf(c: Container): QueuedEntry {
  const values = fieldValues(c).filter((f) => !f.name.startsWith('__SYS_'));
  // TrustID writes "Ada Admin, (Reception)"; staff read "Ada Admin (Reception)".
  const preparedBy = c.ScannedByUser?.trim().replace(/,\s*\(/, ' (') || null;
  return {
    containerId: c.Id,
    label: values.map((f) => f.value).join(' · '),
    preparedBy,
    createdAt: c.CreatedAt?.getTime() ?? 0,
    reference: referenceOf(c),
    inUse: c.Documents.length > 0 || Boolean(c.ApplicantPhotoImage?.Id),
  };
}

/**
 * RAW-API §13.4 common rules: ascending by CreatedAt from a bound that moves to the last CreatedAt
 * received (inclusive, so seen ids are dropped); the next Page only when a whole page shares one
 * CreatedAt. Yields each container once.
 */
export async function* archivePages(client: TrustIdClient, q: { branchId?: string; from: Date; pageSize: number; maxPages: number }): AsyncGenerator<Container[]> {
  const seen = new Set<string>();
  let from = q.from;
  let page = 0;
  for (let n = 0; n < q.maxPages; n++) {
    const answer = await client.archiveContainerQuery({
      ...(q.branchId ? { containerBranchId: q.branchId } : {}),
      createdFrom: from,
      sortingDirection: 'Ascending',
      pageSize: q.pageSize,
      page,
    });
    const fresh = answer.containers.filter((c) => !seen.has(c.Id));
    for (const c of fresh) seen.add(c.Id);
    if (fresh.length > 0) yield fresh;
    if (answer.containers.length < q.pageSize) return;
    const times = answer.containers.map((c) => c.CreatedAt?.getTime() ?? 0);
    const last = Math.max(...times);
    if (times.every((t) => t === last)) page += 1;
    else {
      page = 0;
      from = new Date(last);
    }
  }
}

export function createQueuedList(ports: QueuedListPorts) {
  const now = ports.now ?? Date.now;
  let lastListed = new Map<string, QueuedEntry>();

  async function ownRecords(client: TrustIdClient): Promise<QueuedEntry[]> {
    const out: QueuedEntry[] = [];
    for (const { containerId } of ports.ownQueued?.() ?? []) {
      try {
        const c = await client.retrieveDocumentContainer({ containerId });
        if (c.DocumentStorageType === DocumentStorageType.Queued) out.push(entryOf(c));
      } catch {
        // Gone, or not visible any more: it is simply not offered.
      }
    }
    return out;
  }

  return {
    async list(): Promise<QueuedEntries> {
      const client = ports.client();
      let entries: QueuedEntry[] = [];
      let ownRecordsOnly = false;
      try {
        const branchId = ports.branchId?.() ?? (await client.login()).branch?.Id ?? undefined;
        for await (const page of archivePages(client, {
          ...(branchId ? { branchId } : {}),
          from: new Date(now() - (ports.lookBackMs ?? 30 * DAY)),
          pageSize: ports.pageSize ?? 100,
          maxPages: ports.maxPages ?? 20,
        })) {
          const queued = page.filter((c) => c.DocumentStorageType === DocumentStorageType.Queued);
          if (queued.length > 0) ports.onQueuedListed?.();
          for (const c of queued) ports.onQueuedContainer?.(c);
          for (const c of queued) if (!isGuestLinkContainer(c, ports.isOwnGuestLink)) entries.push(entryOf(c));
        }
      } catch (error) {
        // RAW-API §13.4 item 3: no archive privilege is not a failure; the list is this kiosk's own.
        if (!isArchiveAccessDenied(error)) throw error;
        ownRecordsOnly = true;
        entries = await ownRecords(client);
      }
      // Newest first for staff; the ones they can pick before those being completed elsewhere.
      entries.sort((a, b) => Number(a.inUse) - Number(b.inUse) || b.createdAt - a.createdAt);
      lastListed = new Map(entries.map((e) => [e.containerId, e]));
      return { entries, ownRecordsOnly };
    },

    /**
     * The entry staff picked, from the list they saw (so a pick works offline too); null when it was
     * not listed or is being completed elsewhere.
     */
    picked(containerId: string): QueuedEntry | null {
      const e = lastListed.get(containerId);
      return e && !e.inUse ? e : null;
    },
  };
}

export type QueuedListService = ReturnType<typeof createQueuedList>;
