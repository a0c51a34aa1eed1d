// archiveContainerQuery as RAW-API §13.2 says (Queued and published, never Temp; stable order;
// inclusive ranges; totals; refusal without archive privilege), archiving and deleting (§13.3),
// document custom field values (§7.9), queued containers filled through the normal calls (§11.2),
// and the control calls that play other people at work on the account (§15.2,
// SUBMISSION-PROTOCOL §12 items 9 and 11), all over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { buildApplication, control, documents, jpeg, login, publish, retrieve, start, upload, validPassportMrz } from './emulator-client';

const msDate = (ms: number) => `/Date(${ms}+0000)/`;

describe('emulator archiveContainerQuery (RAW-API §13.2)', () => {
  let emu: RunningEmulator;
  let admin: Session;
  beforeEach(async () => {
    emu = await start();
    admin = await login(emu, 'demo.admin', 'admin-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  const query = async (session: Session, body: Json = {}) => {
    const answer = await session.call('dataAccess/archiveContainerQuery', body);
    expect(answer.json.Success).toBe(true);
    return answer.json as Json & { Containers: Json[] };
  };

  it('lists Queued and published containers, never Temp, with totals before and after the filters', async () => {
    const temp = await buildApplication(admin, { reference: 'temp' });
    const queued = await admin.call('dataAccess/createQueuedDocumentContainer', { ClientApplicationReference: 'queued' });
    const published = await buildApplication(admin, { reference: 'published' });
    await publish(admin, published.containerId);
    const answer = await query(admin, { SortingDirection: 'Ascending' });
    const ids = answer.Containers.map((item) => item.Id);
    expect(ids).toEqual([queued.json.ContainerId, published.containerId]);
    expect(ids).not.toContain(temp.containerId);
    expect(answer.Containers.map((item) => item.DocumentStorageType)).toEqual([7, 5]);
    expect(answer).toMatchObject({ TotalRecords: 2, TotalRecordsMatched: 2, Page: 0, PaginationSupported: true });

    const filtered = await query(admin, { DocumentHolderName: 'ERIKSSON' });
    // Names come from processing (§8.4), so only once the published one has been decided.
    expect(filtered).toMatchObject({ TotalRecords: 2, TotalRecordsMatched: 0 });
    await emu.advanceClock(2500);
    const named = await query(admin, { DocumentHolderName: 'eriksson' });
    expect(named.Containers.map((item) => item.Id)).toEqual([published.containerId]);
    expect(named).toMatchObject({ TotalRecords: 2, TotalRecordsMatched: 1 });
  });

  it('sorts by CreatedAt both ways, keeps creation order among equal times, and treats both range ends as inclusive', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push(String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId));
    const t0 = emu.now();
    await emu.advanceClock(1000);
    const later = String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const ascending = await query(admin, { SortingDirection: 'Ascending' });
    expect(ascending.Containers.map((item) => item.Id)).toEqual([...made, later]);
    const descending = await query(admin, {});
    // Equal CreatedAt keeps creation order in either direction (§13.2).
    expect(descending.Containers.map((item) => item.Id)).toEqual([later, ...made]);

    const exact = await query(admin, { ContainerCreatedAtRangeFrom: msDate(t0), ContainerCreatedAtRangeUntil: msDate(t0), SortingDirection: 'Ascending' });
    expect(exact.Containers.map((item) => item.Id)).toEqual(made);
    const fromLater = await query(admin, { ContainerCreatedAtRangeFrom: msDate(t0 + 1000) });
    expect(fromLater.Containers.map((item) => item.Id)).toEqual([later]);
    const paged = await query(admin, { SortingDirection: 'Ascending', PageSize: 2, Page: 1 });
    expect(paged.Containers.map((item) => item.Id)).toEqual([made[2], later]);
    expect(paged).toMatchObject({ TotalPages: 2, TotalRecordsMatched: 4 });
  });

  it('filters by branch and by the user who scanned it, within what the caller may see', async () => {
    const mine = String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const back = emu.createQueuedElsewhere({ username: 'demo.backoffice' });
    const adminUser = emu.users.find((user) => user.username === 'demo.admin')!;
    const backUser = emu.users.find((user) => user.username === 'demo.backoffice')!;
    expect((await query(admin, { ContainerScannedByUserId: adminUser.id })).Containers.map((item) => item.Id)).toEqual([mine]);
    expect((await query(admin, { ContainerBranchId: backUser.branchId })).Containers.map((item) => item.Id)).toEqual([back]);
    const desk = await login(emu, 'demo.frontdesk', 'desk-a');
    // Branch visibility: the front desk at Reception never sees the back office's container.
    expect((await query(desk, {})).Containers.map((item) => item.Id)).toEqual([mine]);
  });

  it('refuses a caller without administrator or archive privilege with AccessDenied on HTTP 200', async () => {
    const kiosk = await login(emu, 'demo.kiosk', 'kiosk-a');
    const answer = await kiosk.call('dataAccess/archiveContainerQuery', {});
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ Success: false, AccessDenied: true, Message: 'Access denied.' });
    expect(emu.users.find((user) => user.username === 'demo.kiosk')?.privileges).toBe(0);
  });
});

describe('emulator archiving and deleting (RAW-API §13.3)', () => {
  let emu: RunningEmulator;
  let admin: Session;
  beforeEach(async () => {
    emu = await start();
    admin = await login(emu, 'demo.admin', 'admin-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  it('refuses to archive a Temp or Queued container and changes nothing; archives one being processed at once', async () => {
    const temp = await buildApplication(admin);
    const queued = String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    for (const id of [temp.containerId, queued]) {
      const answer = await admin.call('dataAccess/archiveDocumentContainer', { ContainerId: id });
      expect(answer.json).toMatchObject({ Success: false, Message: 'Document container has not been published.' });
    }
    expect(emu.containers().map((item) => item.storageType).sort()).toEqual([1, 7]);
    // Still publishable, so archiving did not count as a publish.
    expect((await publish(admin, temp.containerId)).json.Success).toBe(true);
    expect((await admin.call('dataAccess/archiveDocumentContainer', { ContainerId: temp.containerId })).json.Success).toBe(true);
    expect((await retrieve(admin, temp.containerId)).DocumentStorageType).toBe(3);
  });

  it('deletes a set (either field name), skips unknown ids, and refuses the whole set when one is not visible', async () => {
    const a = String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const b = String((await admin.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect((await admin.call('dataAccess/deleteDocumentContainerSet', { ContainerIds: [a, unknown] })).json.Success).toBe(true);
    expect((await admin.call('dataAccess/deleteDocumentContainerSet', { DocumentContainerIds: [a] })).json.Success).toBe(true);
    const gone = await admin.call('dataAccess/retrieveDocumentContainer', { ContainerId: a });
    expect(gone.json).toMatchObject({ Success: false, Message: 'Document container not found.' });
    const kiosk = await login(emu, 'demo.kiosk', 'kiosk-a');
    const refused = await kiosk.call('dataAccess/deleteDocumentContainerSet', { ContainerIds: [b] });
    expect(refused.json).toMatchObject({ Success: false, AccessDenied: true });
    expect((await retrieve(admin, b)).DocumentStorageType).toBe(7);
  });
});

describe('emulator document custom fields (RAW-API §7.9)', () => {
  let emu: RunningEmulator;
  let desk: Session;
  beforeEach(async () => {
    emu = await start();
    desk = await login(emu, 'demo.frontdesk', 'desk-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  const entry = (key: string | undefined, value: Json) => ({ ...(key !== undefined ? { Key: key } : {}), Value: value });

  it('keeps values set on createDocument and returns one entry per definition in Index order', async () => {
    const queued = String((await desk.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const created = await desk.call('dataAccess/createDocument', {
      ContainerId: queued,
      Document: { CustomFieldDictionary: [entry('KioskCaptureRef', { Index: 9, PropertyName: 'KioskCaptureRef', Value: 'app-1:0' }), entry(undefined, { Index: 0, Value: 'B-77' })] },
    });
    expect(created.json.Success).toBe(true);
    const doc = documents(await retrieve(desk, queued))[0]!;
    const dictionary = doc.CustomFieldDictionary as { Key: string; Value: Json }[];
    expect(dictionary.map((item) => [item.Key, item.Value.Index, item.Value.Value])).toEqual([
      ['BadgeNumber', 0, 'B-77'],
      ['KioskCaptureRef', 9, 'app-1:0'],
    ]);
    // The inspection view shows them too, so tests can assert "each document carries the app's marker".
    expect(emu.containers().find((item) => item.containerId === queued)?.documents[0]?.customFields).toEqual({ BadgeNumber: 'B-77', KioskCaptureRef: 'app-1:0' });
    const single = await desk.call('dataAccess/retrieveDocument', { ContainerId: queued, DocumentId: created.json.DocumentId });
    expect(((single.json.Document as Json).CustomFieldDictionary as { Value: Json }[])[1]?.Value.Value).toBe('app-1:0');
  });

  it('refuses an unknown field, a Key and Index that disagree, or a non-string value, and creates no document', async () => {
    const queued = String((await desk.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const bad = [
      [entry('Nope', { Value: 'x' })],
      [entry('BadgeNumber', { Index: 9, Value: 'x' })],
      [entry('BadgeNumber', { Value: 7 })],
      [entry(undefined, { Index: 4, Value: 'x' })],
    ];
    for (const dictionary of bad) {
      const answer = await desk.call('dataAccess/createDocument', { ContainerId: queued, Document: { CustomFieldDictionary: dictionary } });
      expect(answer.json).toMatchObject({ Success: false, Message: 'CustomFieldDictionary is not valid.' });
    }
    expect(documents(await retrieve(desk, queued))).toEqual([]);
  });

  it('refuses a value outside a definition’s allowed Values', async () => {
    emu.configure({ customFields: [{ index: 1, propertyName: 'Visit', displayName: 'Visit', dataType: 1, help: '', required: true, values: ['Day', 'Night'] }] });
    const { json } = await desk.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
    const refused = await desk.call('dataAccess/createDocument', { ContainerId: json.ContainerId, Document: { CustomFieldDictionary: [entry('Visit', { Value: 'Noon' })] } });
    expect(refused.json.Success).toBe(false);
    // Required is not enforced (§7.9).
    expect((await desk.call('dataAccess/createDocument', { ContainerId: json.ContainerId })).json.Success).toBe(true);
  });
});

describe('emulator: a queued container filled through the normal calls, and others at work on it (§11.2, §15.2)', () => {
  let emu: RunningEmulator;
  let desk: Session;
  beforeEach(async () => {
    emu = await start();
    desk = await login(emu, 'demo.frontdesk', 'desk-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  it('is filled and published once by the kiosk, then every build step is "already published"', async () => {
    const queuedId = emu.createQueuedElsewhere({ username: 'demo.admin', values: { VisitorReference: 'B-1042' }, clientApplicationReference: 'back-office-1' });
    const doc = await desk.call('dataAccess/createDocument', { ContainerId: queuedId, Mrz: validPassportMrz() });
    expect((await upload(desk, queuedId, String(doc.json.DocumentId), await jpeg())).json.Success).toBe(true);
    expect((await upload(desk, queuedId, null, await jpeg(), 1, 'dataAccess/uploadApplicantPhoto')).json.Success).toBe(true);
    expect((await publish(desk, queuedId)).json.Success).toBe(true);
    const again = await publish(desk, queuedId);
    expect(again.json).toMatchObject({ Success: false, Message: 'Document container has already been published.' });
    const late = await desk.call('dataAccess/createDocument', { ContainerId: queuedId });
    expect(late.json.Message).toBe('Document container has already been published.');
    expect(emu.publishCounts()['back-office-1']).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 2 });
  });

  it('lets another session add a document and publish, and the back office delete, through control calls', async () => {
    const queuedId = String((await desk.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    const added = await control(emu, 'POST', `containers/${queuedId}/documents`, { customFields: { KioskCaptureRef: 'other-kiosk:0' } });
    expect(added.status).toBe(200);
    const shown = documents(await retrieve(desk, queuedId));
    expect(shown.map((item) => item.DocumentId)).toEqual([added.json.documentId]);
    expect((shown[0]!.Images as Json[]).length).toBe(1);

    expect((await control(emu, 'POST', `containers/${queuedId}/publish`, { outcome: 'pass' })).status).toBe(200);
    const refused = await publish(desk, queuedId);
    expect(refused.json.Message).toBe('Document container has already been published.');
    const twice = await control(emu, 'POST', `containers/${queuedId}/publish`, {});
    expect(twice).toMatchObject({ status: 409, json: { ok: false, error: 'Document container has already been published.' } });

    const other = String((await desk.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
    expect((await control(emu, 'POST', 'containers/delete', { containerIds: [other, '00000000-0000-4000-8000-000000000009'] })).json).toMatchObject({ deleted: 1 });
    const gone = await desk.call('dataAccess/createDocument', { ContainerId: other });
    expect(gone.json.Message).toBe('Document container not found.');
    expect((await control(emu, 'POST', 'containers/delete', { containerIds: 'x' })).status).toBe(400);
  });

  it('makes applications elsewhere: published at once, or built long before it is published', async () => {
    const made = await control(emu, 'POST', 'elsewhere/applications', { surname: 'ELSEWHERE', outcome: 'pass' });
    expect(made.status).toBe(200);
    const built = await control(emu, 'POST', 'elsewhere/applications', { publish: false, createdAgoMs: 3_600_000, clientApplicationReference: 'late' });
    const lateId = String(built.json.containerId);
    const admin = await login(emu, 'demo.admin', 'admin-a');
    const list = async () => ((await admin.call('dataAccess/archiveContainerQuery', { SortingDirection: 'Ascending' })).json.Containers as Json[]).map((item) => item.Id);
    // Temp until published: invisible to the query.
    expect(await list()).toEqual([made.json.containerId]);
    await control(emu, 'POST', `containers/${lateId}/publish`, {});
    // Published now, but created an hour ago: it sorts before the one made at once (§13.4).
    expect(await list()).toEqual([lateId, made.json.containerId]);
    await emu.advanceClock(2500);
    const container = await retrieve(admin, String(made.json.containerId));
    expect(container).toMatchObject({ DocumentStorageType: 3, Fullname: expect.stringContaining('ELSEWHERE') });
    expect((await control(emu, 'POST', 'elsewhere/applications', { username: 'nobody' })).status).toBe(409);
  });

  it('makes queued applications elsewhere with flexible values, mandatory fields enforced', async () => {
    const made = await control(emu, 'POST', 'elsewhere/queued', { username: 'demo.frontdesk', values: { VisitorReference: 'B-7' } });
    const container = await retrieve(desk, String(made.json.containerId));
    expect(container.DocumentStorageType).toBe(7);
    const values = (container.ApplicationFlexibleFieldList as Json[]).map((tuple) => (tuple.m_Item2 as Json).FieldValueString);
    expect(values).toContain('B-7');
    emu.configure({ flexibleFields: emu.config().flexibleFields.map((field) => (field.name === 'VisitorReference' ? { ...field, mandatory: true } : field)) });
    expect(await control(emu, 'POST', 'elsewhere/queued', {})).toMatchObject({ status: 409, json: { error: 'Visitor Reference is required.' } });
  });
});

describe('emulator hooks: someone else acts just before a request is carried out (§15.2)', () => {
  let emu: RunningEmulator;
  let desk: Session;
  beforeEach(async () => {
    emu = await start();
    desk = await login(emu, 'demo.frontdesk', 'desk-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  it('publishes the container just before the kiosk’s own publish, which is then refused', async () => {
    const queuedId = emu.createQueuedElsewhere({ clientApplicationReference: 'hooked' });
    const doc = await desk.call('dataAccess/createDocument', { ContainerId: queuedId });
    await upload(desk, queuedId, String(doc.json.DocumentId), await jpeg());
    const added = await control(emu, 'POST', 'hooks', { match: { path: 'publishDocumentContainer' }, action: 'publish', containerId: queuedId });
    expect((await control(emu, 'GET', 'hooks')).json.hooks).toEqual([expect.objectContaining({ id: added.json.id, action: `publish ${queuedId}`, timesLeft: 1 })]);
    const refused = await publish(desk, queuedId);
    expect(refused.json.Message).toBe('Document container has already been published.');
    expect(emu.publishCounts().hooked).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 2 });
    // Once by default: it has retired.
    expect((await control(emu, 'GET', 'hooks')).json.hooks).toEqual([]);
  });

  it('runs an in-process function before the n-th matching request only, and a failing one never stops the request', async () => {
    const queuedId = emu.createQueuedElsewhere();
    const seen: string[] = [];
    emu.beforeOperation({ path: 'createDocument', nth: 2 }, () => seen.push(emu.addDocumentElsewhere(queuedId)));
    emu.beforeOperation({ path: 'retrieveDocumentContainer' }, () => {
      throw new Error('hook broke');
    });
    const first = String((await desk.call('dataAccess/createDocument', { ContainerId: queuedId })).json.DocumentId);
    const second = String((await desk.call('dataAccess/createDocument', { ContainerId: queuedId })).json.DocumentId);
    expect(documents(await retrieve(desk, queuedId)).map((item) => item.DocumentId)).toEqual([first, seen[0], second]);
    expect(emu.hooks()).toEqual([]);
  });

  it('refuses a hook with an unknown action or key', async () => {
    expect((await control(emu, 'POST', 'hooks', { match: { path: '*' }, action: 'explode', containerId: 'x' })).status).toBe(400);
    expect((await control(emu, 'POST', 'hooks', { match: { path: '*' }, action: 'delete', containerId: 'x', when: 'now' })).status).toBe(400);
  });
});

describe('emulator control errors never echo the payload (issue 12 §1, applied to the emulator)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await start();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('names the problem with a short escaped excerpt of a hostile value', async () => {
    const hostile = `<script>${'x'.repeat(100_000)}</script>`;
    const answers = [
      await control(emu, 'POST', `nowhere-${hostile.slice(0, 2000)}`, {}),
      await control(emu, 'POST', 'elsewhere/applications', { username: hostile }),
      await control(emu, 'POST', 'faults', { match: { path: '*' }, action: hostile }),
      await control(emu, 'POST', 'config', { [hostile]: 1 }),
    ];
    for (const answer of answers) {
      expect(answer.json.ok).toBe(false);
      expect(String(answer.json.error).length).toBeLessThan(400);
      expect(String(answer.json.error)).not.toContain('x'.repeat(200));
    }
  });
});
