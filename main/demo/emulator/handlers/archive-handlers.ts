// Archive queries and housekeeping (RAW-API §13): advancedQuery (one row per document),
// archiveContainerQuery (one row per application), archiveDocumentContainer and
// deleteDocumentContainerSet, all within the caller's archive visibility. Runs wherever the
// emulator runs.
import type { ApiCall, Reply } from '../api-call';
import { accountOf, envelopeReply } from '../api-call';
import { ApiFailure, MESSAGES, okEnvelope } from '../envelope';
import type { JsonBody } from '../request-body';
import { isGuid, objectsOf } from '../request-body';
import type { ContainerRecord, DocumentRecord } from '../state';
import { STORAGE } from '../state';
import { mayQueryArchive } from '../users';
import { wireContainer, wireDocument } from '../wire-models';
import { namedContainer } from './build-handlers';

const DEFAULT_PAGE_SIZE = 250;
const PUBLISHED: number[] = [STORAGE.Archive, STORAGE.Workflow, STORAGE.Pending, STORAGE.Holding];
/** §13.2: archiveContainerQuery also lists Queued (7) containers; never Temp (1). */
const LISTED: number[] = [...PUBLISHED, STORAGE.Queued];

type Paging = { page: number; pageSize: number; descending: boolean };

function paging(body: JsonBody): Paging {
  const page = body.int('Page') ?? 0;
  if (page < 0) throw new ApiFailure(MESSAGES.invalid('Page'));
  const size = body.int('PageSize') ?? 0;
  const direction = body.string('SortingDirection') ?? 'Descending';
  if (direction !== 'Descending' && direction !== 'Ascending') throw new ApiFailure(MESSAGES.invalid('SortingDirection'));
  // §13.1 (our choice): 0 means 250, a negative size means no limit.
  return { page, pageSize: size === 0 ? DEFAULT_PAGE_SIZE : size, descending: direction === 'Descending' };
}

function pageOf<T>(rows: T[], paging: Paging): { rows: T[]; totalPages: number } {
  if (paging.pageSize < 0) return { rows: paging.page === 0 ? rows : [], totalPages: 1 };
  const start = paging.page * paging.pageSize;
  return { rows: rows.slice(start, start + paging.pageSize), totalPages: Math.ceil(rows.length / paging.pageSize) };
}

function requireArchiveAccess(call: ApiCall): void {
  if (!mayQueryArchive(accountOf(call))) throw new ApiFailure(MESSAGES.accessDenied, { AccessDenied: true });
}

function visibleIn(call: ApiCall, states: number[]): ContainerRecord[] {
  const account = accountOf(call);
  return Object.values(call.engine.state.containers).filter((container) => states.includes(container.storageType) && call.engine.canSee(account, container));
}

function fieldValue(doc: DocumentRecord, name: string): string {
  return doc.result?.fields.find((field) => field.name === name)?.valueString ?? '';
}

function holderNames(doc: DocumentRecord): string[] {
  return ['VI Firstname', 'VI Middlename', 'VI Surname'].map((name) => fieldValue(doc, name).toLowerCase());
}

/**
 * Sorted by time in the direction asked; equal times keep creation order (§13.2), whichever the
 * direction, so a client paging on an inclusive bound sees the same order every time.
 */
function ordered<T>(rows: T[], at: (row: T) => number, created: (row: T) => number, descending: boolean): T[] {
  return rows.sort((a, b) => (descending ? at(b) - at(a) : at(a) - at(b)) || created(a) - created(b));
}

export function advancedQuery(call: ApiCall): Reply {
  requireArchiveAccess(call);
  const { body, engine } = call;
  const args = body.object('Arguments');
  const quick = args?.string('QuickQuery')?.toLowerCase() ?? null;
  const from = body.date('RangeFrom');
  const until = body.date('RangeUntil');
  const page = paging(body);
  const all = visibleIn(call, PUBLISHED).flatMap((container) => container.documents.map((doc) => ({ container, doc })));
  const matched = all.filter(({ doc }) => {
    if (from !== null && doc.createdAt < from) return false;
    if (until !== null && doc.createdAt > until) return false;
    if (quick === null) return true;
    return [...holderNames(doc), fieldValue(doc, 'VI Document Number').toLowerCase()].some((value) => value.includes(quick));
  });
  // §13.1: only ScanDate sorting exists; any other column sorts by it too.
  const { rows, totalPages } = pageOf(ordered(matched, (row) => row.doc.createdAt, (row) => row.container.clientAppId, page.descending), page);
  const ctx = engine.modelContext();
  return envelopeReply(
    okEnvelope({
      Documents: rows.map(({ container, doc }) => wireDocument(doc, container, ctx)),
      Page: page.page,
      PageSize: page.pageSize,
      PaginationSupported: true,
      TotalPages: totalPages,
      TotalRecords: all.length,
      TotalRecordsMatched: matched.length,
    }),
  );
}

function flexibleMatches(container: ContainerRecord, call: ApiCall, spec: JsonBody): boolean {
  const fieldId = spec.guid('FlexibleFieldId', true);
  const definition = call.engine.config.flexibleFields.find((item) => item.flexibleFieldId === fieldId || item.id === fieldId);
  if (!definition) return false;
  const value = container.flexibleValues.find((item) => item.flexibleFieldVersionId === definition.id);
  if (!value) return false;
  const values = (spec.array('Values') ?? []).map((item) => String(item).toLowerCase());
  const text = value.valueString ?? (value.valueInt ?? value.valueDecimal ?? '').toString();
  if (values.length > 0 && !values.includes(text.toLowerCase())) return false;
  const from = spec.date('RangeFrom');
  const until = spec.date('RangeUntil');
  if (from !== null && (value.valueDate === null || value.valueDate < from)) return false;
  if (until !== null && (value.valueDate === null || value.valueDate > until)) return false;
  return true;
}

export function archiveContainerQuery(call: ApiCall): Reply {
  requireArchiveAccess(call);
  const { body, engine } = call;
  const holder = body.string('DocumentHolderName')?.toLowerCase() ?? null;
  const scannedBy = body.guid('ContainerScannedByUserId');
  const branchId = body.guid('ContainerBranchId');
  const organisationId = body.guid('ContainerOrganisationId');
  const from = body.date('ContainerCreatedAtRangeFrom');
  const until = body.date('ContainerCreatedAtRangeUntil');
  const specs = objectsOf(body.array('FlexibleFieldSearchSpecifications'), 'FlexibleFieldSearchSpecifications');
  const page = paging(body);
  const all = visibleIn(call, engine.config.alternatives.queryPublishedOnly ? PUBLISHED : LISTED);
  const matched = all.filter((container) => {
    if (holder !== null) {
      const names = [container.fullname.toLowerCase(), ...container.documents.flatMap(holderNames)];
      if (!names.some((name) => name.includes(holder))) return false;
    }
    if (scannedBy !== null && container.userId !== scannedBy) return false;
    if (branchId !== null && container.branchId !== branchId) return false;
    if (organisationId !== null && engine.organisationOfBranch(container.branchId) !== organisationId) return false;
    if (from !== null && container.createdAt < from) return false;
    if (until !== null && container.createdAt > until) return false;
    return specs.every((spec) => flexibleMatches(container, call, spec));
  });
  const { rows, totalPages } = pageOf(ordered(matched, (container) => container.createdAt, (container) => container.clientAppId, page.descending), page);
  const ctx = engine.modelContext();
  return envelopeReply(
    okEnvelope({
      Containers: rows.map((container) => wireContainer(container, ctx)),
      Page: page.page,
      PageSize: page.pageSize,
      PaginationSupported: true,
      TotalPages: totalPages,
      TotalRecords: all.length,
      TotalRecordsMatched: matched.length,
    }),
  );
}

export function archiveDocumentContainer(call: ApiCall): Reply {
  const container = namedContainer(call, call.body.guid('ContainerId'));
  // §13.3: archiving is not a way to publish; a Temp or Queued container is refused unchanged.
  const unpublished = container.storageType === STORAGE.Temp || container.storageType === STORAGE.Queued;
  if (unpublished && !call.engine.config.alternatives.archiveUnpublished) throw new ApiFailure(MESSAGES.notPublished);
  // §8.2: archiving an archived container is a no-op.
  if (container.storageType !== STORAGE.Archive) {
    container.next = null;
    if (unpublished && container.guestId) {
      const link = call.engine.state.guestLinks[container.guestId];
      if (link) link.used = true;
    }
    call.engine.enterArchive(container);
  }
  return envelopeReply(okEnvelope());
}

export function deleteDocumentContainerSet(call: ApiCall): Reply {
  const { body, engine } = call;
  const ids = body.array('ContainerIds') ?? body.array('DocumentContainerIds');
  if (ids === null) throw new ApiFailure(MESSAGES.required('ContainerIds'));
  const account = accountOf(call);
  const targets: ContainerRecord[] = [];
  for (const id of ids) {
    if (typeof id !== 'string') throw new ApiFailure(MESSAGES.invalid('ContainerIds'));
    // §8.2: an unknown or already removed container is a no-op.
    const container = isGuid(id) ? engine.container(id) : undefined;
    if (!container) continue;
    if (!engine.canSee(account, container)) throw new ApiFailure(MESSAGES.accessDenied, { AccessDenied: true });
    targets.push(container);
  }
  for (const container of targets) engine.removeContainer(container, 'deleted');
  return envelopeReply(okEnvelope());
}
