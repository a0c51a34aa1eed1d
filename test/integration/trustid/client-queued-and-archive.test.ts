// The client's calls for workflows 2–4 against the real emulator over HTTP: archive queries that
// list queued applications and are refused without archive rights (a flag the caller branches on,
// RAW-API §13.4), document custom fields sent and read back (§7.9), queued applications and guest
// links created and removed (§11–§13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARCHIVE_REFUSED,
  classifyOutcome,
  clientApplicationReference,
  documentCustomFieldValues,
  DocumentStorageType,
  isArchiveAccessDenied,
} from '../../../main/trustid';
import type { TrustIdClient } from '../../../main/trustid';
import { ADMIN_USER, startHarness, validMrz } from './emulator-harness';
import type { Harness } from './emulator-harness';
import { errorOf } from '../../support/trustid-error-of';

let h: Harness;
let kiosk: TrustIdClient;
let desk: TrustIdClient;
let admin: TrustIdClient;

beforeAll(async () => {
  h = await startHarness();
  kiosk = h.client();
  desk = h.client('demo.frontdesk');
  admin = h.client(ADMIN_USER);
});
afterAll(async () => {
  await h.close();
});

describe('client ↔ emulator: archive queries for the inbox and the queued list', () => {
  it('lists a queued application with its reference, and pages in ascending CreatedAt from an inclusive bound', async () => {
    const started = new Date(h.emu.now());
    const { containerId } = await desk.createQueuedDocumentContainer({ clientApplicationReference: 'client-queued-1' });
    const page = await desk.archiveContainerQuery({ createdFrom: started, sortingDirection: 'Ascending', pageSize: 100, page: 0 });
    const found = page.containers.find((c) => c.Id === containerId);
    expect(found?.DocumentStorageType).toBe(DocumentStorageType.Queued);
    expect(clientApplicationReference(found!)).toBe('client-queued-1');
    expect(page.totalRecordsMatched).toBeGreaterThanOrEqual(1);
    expect(page.totalRecords).toBeGreaterThanOrEqual(page.totalRecordsMatched!);
  });

  it('tells the caller plainly when the account has no archive rights, without calling it a bad API key', async () => {
    const e = await errorOf(kiosk.archiveContainerQuery({ pageSize: 10 }));
    expect(isArchiveAccessDenied(e)).toBe(true);
    expect(e.message).toBe(ARCHIVE_REFUSED);
    // The same flag on another call is not the archive refusal.
    const other = await errorOf(kiosk.retrieveDocumentContainer({ containerId: (await admin.createQueuedDocumentContainer({})).containerId }));
    expect([other.kind, isArchiveAccessDenied(other), classifyOutcome(other)]).toEqual(['access-denied', false, 'CONFIG']);
  });
});

describe('client ↔ emulator: document custom fields (RAW-API §7.9)', () => {
  it('sends the capture marker with createDocument and reads it back from a queued container', async () => {
    const { containerId } = await desk.createQueuedDocumentContainer({});
    const { documentId } = await desk.createDocument({
      containerId,
      mrz: validMrz(),
      document: { FeedbackPersonMatches: 1 },
      customFieldValues: [
        { propertyName: 'KioskCaptureRef', index: 9, value: 'app-42:0' },
        { propertyName: 'BadgeNumber', value: 'B-9' },
      ],
    });
    const container = await desk.retrieveDocumentContainer({ containerId });
    const doc = container.Documents.find((d) => d.DocumentId === documentId)!;
    expect(documentCustomFieldValues(doc)).toEqual({ BadgeNumber: 'B-9', KioskCaptureRef: 'app-42:0' });
    expect(doc.FeedbackPersonMatches).toBe(1);
    const definitions = await desk.customFields();
    expect(definitions.map((d) => [d.Index, d.PropertyName])).toEqual([
      [0, 'BadgeNumber'],
      [9, 'KioskCaptureRef'],
    ]);
  });

  it('has a refused custom field come back as a rejection, with no document created', async () => {
    const { containerId } = await desk.createQueuedDocumentContainer({});
    const e = await errorOf(desk.createDocument({ containerId, customFieldValues: [{ propertyName: 'NoSuchField', value: 'x' }] }));
    expect([e.kind, classifyOutcome(e)]).toEqual(['rejected', 'REJECTED']);
    expect((await desk.retrieveDocumentContainer({ containerId })).Documents).toEqual([]);
  });
});

describe('client ↔ emulator: guest links and removing containers (RAW-API §12, §13.3)', () => {
  it('returns the whole guest link answer and deletes by ContainerId too', async () => {
    const link = await desk.createGuestLink({ email: 'g@example.invalid', name: 'Guest Example', sendEmail: false, clientApplicationReference: 'client-guest-1' });
    expect(link.linkUrl).toBe(`${h.emu.origin}/guest/${link.guestId}`);
    expect(link.guestId).not.toBe(link.containerId);
    await desk.deleteGuestLink({ guestId: link.containerId });
    const gone = await errorOf(desk.retrieveDocumentContainer({ containerId: link.containerId }));
    expect(gone.kind).toBe('rejected');
  });

  it('deletes a duplicate queued application, and cannot archive one that is not published', async () => {
    const { containerId } = await desk.createQueuedDocumentContainer({ clientApplicationReference: 'client-dup' });
    const refused = await errorOf(desk.archiveDocumentContainer({ containerId }));
    expect(refused.kind).toBe('rejected');
    await desk.deleteDocumentContainerSet({ containerIds: [containerId] });
    expect(h.emu.containers('client-dup')[0]?.removed).toBe('deleted');
    const sent = h.emu.requests().filter((r) => r.operation === 'dataAccess/deleteDocumentContainerSet').at(-1);
    expect(sent?.body).toMatchObject({ kind: 'json', fields: expect.arrayContaining(['ContainerIds', 'DocumentContainerIds']) });
    expect(sent?.ignoredFields).toEqual([]);
    // Deleting again changes nothing and succeeds (RAW-API §14.2: a repeated delete is harmless).
    await desk.deleteDocumentContainerSet({ containerIds: [containerId] });
  });
});
