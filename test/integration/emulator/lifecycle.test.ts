// The application life cycle over real HTTP on the manual clock (RAW-API §8): timings, outcomes
// derived from what was submitted, chosen scenarios, the referral path through Holding, purge, the
// per-state operation rules of §8.2, realistic images (§9.3) and flexible fields (§7.8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { buildApplication, documents, jpeg, login, publish, retrieve, start, upload, validPassportMrz } from './emulator-client';

function falseFacts(doc: Json | undefined): string[] {
  return ['GeneralDocumentProperties', 'DocumentResultsSummary', 'MrzValidationProperties', 'MissingFieldsProperties']
    .flatMap((key) => (doc?.[key] as Json[]) ?? [])
    .filter((fact) => fact.ValueUndefined === false && fact.Value === false)
    .map((fact) => String(fact.Name));
}

describe('emulator application life cycle (RAW-API §8)', () => {
  let emu: RunningEmulator;
  let session: Session;
  beforeEach(async () => {
    emu = await start();
    session = await login(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  async function decided(options: Parameters<typeof buildApplication>[1] = {}): Promise<Json> {
    const { containerId } = await buildApplication(session, options);
    expect((await publish(session, containerId)).json.Success).toBe(true);
    await emu.advanceClock(2500);
    return retrieve(session, containerId);
  }

  it('moves Temp → Pending → Workflow → Archive at the configured times', async () => {
    emu.configure({ processing: { workflowDelayMs: 1000, decisionDelayMs: 4000 } });
    const { containerId } = await buildApplication(session);
    await publish(session, containerId);
    const seen: [number, number][] = [];
    for (let elapsed = 0; elapsed <= 6000; elapsed += 500) {
      seen.push([elapsed, Number((await retrieve(session, containerId)).DocumentStorageType)]);
      await emu.advanceClock(500);
    }
    expect(seen.filter(([, storage]) => storage === 5).map(([at]) => at)).toEqual([0, 500]);
    expect(seen.filter(([, storage]) => storage === 4).map(([at]) => at)).toEqual([1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500]);
    expect(seen.filter(([, storage]) => storage === 3).map(([at]) => at)).toEqual([5000, 5500, 6000]);
  });

  it('shows no verdict and no fields while processing', async () => {
    const { containerId } = await buildApplication(session);
    await publish(session, containerId);
    const [doc] = documents(await retrieve(session, containerId));
    expect(doc).toMatchObject({ OperatorStatus: 0, DocumentFields: [], DocumentCompleted: false });
  });

  it('accepts a valid in-date passport', async () => {
    const container = await decided();
    expect(container.OverallStatus).toBe(0);
    const [doc] = documents(container);
    expect(doc?.OperatorStatus).toBe(1);
    expect(falseFacts(doc)).toEqual([]);
  });

  it('fails an expired document with the expiry fact saying why', async () => {
    const container = await decided({ mrz: validPassportMrz('ERIKSSON', '200101') });
    expect(container.OverallStatus).toBe(1);
    const [doc] = documents(container);
    expect(doc?.OperatorStatus).toBe(3);
    expect(falseFacts(doc)).toContain('Expiry date');
    const expiry = (doc?.GeneralDocumentProperties as Json[]).find((fact) => fact.Name === 'Expiry date');
    expect(expiry?.ErrorMessage).toBe('The document expired on 2020-01-01.');
  });

  it('fails an MRZ whose check digit is wrong, naming the failed check', async () => {
    const good = validPassportMrz();
    const lines = good.split('\n');
    const second = lines[1] ?? '';
    // Position 19 holds the date-of-birth check digit.
    const wrongDigit = String((Number(second.charAt(19)) + 1) % 10);
    const mrz = `${lines[0]}\n${second.slice(0, 19)}${wrongDigit}${second.slice(20)}`;
    const [doc] = documents(await decided({ mrz }));
    expect(doc?.OperatorStatus).toBe(3);
    expect(falseFacts(doc)).toEqual(expect.arrayContaining(['MRZ Validations', 'Date of birth check digit', 'Composite check digit']));
    expect(falseFacts(doc)).not.toContain('Document number check digit');
  });

  it('rejects a document that has no image, while its sibling with an image passes', async () => {
    const { containerId, documentId } = await buildApplication(session);
    const bare = await session.call('dataAccess/createDocument', { ContainerId: containerId, Mrz: validPassportMrz() });
    await publish(session, containerId);
    await emu.advanceClock(2500);
    const docs = documents(await retrieve(session, containerId));
    expect(docs.map((doc) => [doc.DocumentId, doc.OperatorStatus])).toEqual([
      [documentId, 1],
      [bare.json.DocumentId, 4],
    ]);
    expect(docs[1]?.Notes).toBe('Image is not clear enough.');
    expect(falseFacts(docs[1])).toEqual(['Document image']);
  });

  it('refers a configured surname, holds it for review, then archives it audited', async () => {
    const webhookFree = await decided({ mrz: validPassportMrz('REFER') });
    expect(webhookFree).toMatchObject({ DocumentStorageType: 6, Referred: true, ReferralType: 1 });
    expect(webhookFree.ReferredAt).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(documents(webhookFree)[0]?.OperatorStatus).toBe(2);
    const containerId = String(webhookFree.Id);
    await emu.advanceClock(29_000);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(6);
    await emu.advanceClock(1_000);
    const done = await retrieve(session, containerId);
    expect(done).toMatchObject({ DocumentStorageType: 3, Referred: false });
    expect(documents(done)[0]).toMatchObject({ Audited: true, AuditorStatus: 1, OperatorStatus: 2 });
    expect(done.ReferralHistory).toEqual([expect.objectContaining({ ReferralType: 1, ReferredTo: expect.objectContaining({ DisplayName: 'TrustID Expert (Demo)' }) })]);
  });

  it('finishes a referral at once through the control, with the verdict given', async () => {
    emu.configure({ scenario: { referSurnames: ['NOBLE'] } });
    const held = await decided({ mrz: validPassportMrz('NOBLE') });
    expect(held.DocumentStorageType).toBe(6);
    emu.completeReview(String(held.Id), 3);
    const done = await retrieve(session, String(held.Id));
    expect(done).toMatchObject({ DocumentStorageType: 3, OverallStatus: 1 });
    expect(documents(done)[0]).toMatchObject({ Audited: true, AuditorStatus: 3 });
  });

  it('applies a scenario chosen by reference, by container, or for the next publish', async () => {
    emu.setScenario({ clientApplicationReference: 'by-ref', outcome: 'reject' });
    expect(documents(await decided({ reference: 'by-ref' }))[0]?.OperatorStatus).toBe(4);

    const { containerId } = await buildApplication(session);
    emu.setScenario({ containerId, outcome: 'fail' });
    await publish(session, containerId);
    await emu.advanceClock(2500);
    const failed = documents(await retrieve(session, containerId))[0];
    expect(failed?.OperatorStatus).toBe(3);
    expect(falseFacts(failed)).toEqual(['Security features']);

    emu.setScenario({ outcome: 'refer', reviewVerdict: 4 });
    const referred = await decided();
    expect(referred.DocumentStorageType).toBe(6);
    await emu.advanceClock(30_000);
    expect(documents(await retrieve(session, String(referred.Id)))[0]).toMatchObject({ Audited: true, AuditorStatus: 4 });
    // The next-publish choice was used up.
    expect(documents(await decided())[0]?.OperatorStatus).toBe(1);
  });

  it('follows scenario.default when no choice was made', async () => {
    emu.configure({ scenario: { default: 'fail' } });
    expect(documents(await decided())[0]?.OperatorStatus).toBe(3);
  });

  it('purges an unpublished container after temp.purgeAfterS, and it is then not found everywhere', async () => {
    emu.configure({ temp: { purgeAfterS: 60 } });
    const { containerId, documentId } = await buildApplication(session, { reference: 'purged' });
    await emu.advanceClock(59_000);
    expect((await session.call('dataAccess/createDocument', { ContainerId: containerId })).json.Success).toBe(true);
    await emu.advanceClock(1_000);
    for (const answer of [
      await session.call('dataAccess/createDocument', { ContainerId: containerId }),
      await upload(session, containerId, documentId, await jpeg()),
      await publish(session, containerId),
      await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId }),
    ]) {
      expect(answer.json).toMatchObject({ Success: false, Message: 'Document container not found.' });
    }
    expect(emu.containers('purged')).toEqual([expect.objectContaining({ removed: 'purged', publishCount: 0, publishRequests: 0 })]);
  });

  it('never purges a published container', async () => {
    emu.configure({ temp: { purgeAfterS: 60 } });
    const { containerId } = await buildApplication(session);
    await publish(session, containerId);
    await emu.advanceClock(3_600_000);
    expect((await retrieve(await login(emu), containerId)).DocumentStorageType).toBe(3);
  });

  it('enforces the per-state rules of §8.2', async () => {
    const { containerId, documentId } = await buildApplication(session, { reference: 'rules' });
    expect((await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId })).json.Message).toBe('Document container has not been published.');
    expect((await publish(session, containerId)).json.Success).toBe(true);
    for (const answer of [
      await publish(session, containerId),
      await session.call('dataAccess/createDocument', { ContainerId: containerId }),
      await upload(session, containerId, documentId, await jpeg()),
    ]) {
      expect(answer.json).toMatchObject({ Success: false, Message: 'Document container has already been published.' });
    }
    expect(emu.publishCounts().rules).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 2 });
  });

  it('refuses to publish a container without images, and names unknown containers and documents', async () => {
    const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
    const containerId = String(created.json.ContainerId);
    expect((await publish(session, containerId)).json.Message).toBe('Document container has no images.');
    await session.call('dataAccess/createDocument', { ContainerId: containerId });
    expect((await publish(session, containerId)).json.Message).toBe('Document container has no images.');
    expect((await publish(session, '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480')).json.Message).toBe('Document container not found.');
    expect((await publish(session, 'not-a-guid')).json.Message).toBe('Document container not found.');
    const other = await buildApplication(session);
    const foreign = await upload(session, containerId, other.documentId, await jpeg());
    expect(foreign.json.Message).toBe('Document not found.');
  });

  it('accepts upper-case GUIDs in requests', async () => {
    const { containerId } = await buildApplication(session);
    expect((await publish(session, containerId.toUpperCase())).json.Success).toBe(true);
  });

  it('creates one empty document with CreateDocument:true', async () => {
    const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, CreateDocument: true });
    expect(created.json.DocumentId).toMatch(/^[0-9a-f-]{36}$/);
    const uploaded = await upload(session, String(created.json.ContainerId), String(created.json.DocumentId), await jpeg());
    expect(uploaded.json.Success).toBe(true);
  });

  it('in realistic mode relabels the upload as type 60 and adds a derived copy that points at it', async () => {
    emu.configure({ images: { realistic: true } });
    const container = await decided();
    const images = documents(container)[0]?.Images as Json[];
    expect(images).toHaveLength(2);
    const [original, derived] = images;
    expect(original).toMatchObject({ ImageType: 60, ImageSourceId: null });
    expect(derived).toMatchObject({ ImageType: 2, ImageSourceId: original?.Id });
  });

  it('stores flexible fields, refuses an empty mandatory one, and merges updates', async () => {
    const definitions = (await session.call('dataAccess/applicationFlexibleFieldAttributes')).json.ApplicationFlexibleFields as Json[];
    const visitor = definitions.find((item) => item.Name === 'VisitorReference');
    expect(visitor).toMatchObject({ DisplayName: 'Visitor Reference', DataType: 1, LastModifield: expect.stringMatching(/^\/Date\(/) });
    const versionId = String(visitor?.Id);
    emu.configure({
      flexibleFields: emu.config().flexibleFields.map((field) => (field.name === 'VisitorReference' ? { ...field, mandatory: true } : field)),
    });
    const refused = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
    expect(refused.json).toMatchObject({ Success: false, Message: 'Visitor Reference is required.' });
    const created = await session.call('dataAccess/createDocumentContainer', {
      DocumentSource: 4,
      ApplicationFlexibleFieldValues: [{ FlexibleFieldVersionId: versionId, FieldValueString: 'V-1' }],
    });
    const containerId = String(created.json.ContainerId);
    const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId });
    await upload(session, containerId, String(doc.json.DocumentId), await jpeg());
    await publish(session, containerId);
    await session.call('dataAccess/updateDocumentContainer', { ContainerId: containerId, ApplicationFlexibleFieldValues: [{ FlexibleFieldVersionId: versionId, FieldValueString: 'V-2' }] });
    const list = (await retrieve(session, containerId)).ApplicationFlexibleFieldList as Json[];
    expect(list).toHaveLength(1);
    expect(list[0]?.m_Item1).toMatchObject({ Name: 'VisitorReference' });
    expect(list[0]?.m_Item2).toMatchObject({ FieldValueString: 'V-2', FlexibleFieldVersionId: versionId, DocumentContainerId: containerId });
  });

  it('exposes the applicant photo as ApplicantPhotoImage with ImageType 1', async () => {
    const { containerId } = await buildApplication(session);
    const photo = await upload(session, containerId, null, await jpeg(), 1, 'dataAccess/uploadApplicantPhoto');
    expect(photo.json.Success).toBe(true);
    await publish(session, containerId);
    const container = await retrieve(session, containerId);
    expect(container.ApplicantPhotoImage).toMatchObject({ Id: photo.json.ImageId, ImageType: 1, ContainerId: containerId, DocumentId: null });
  });

  it('archives and deletes applications on request', async () => {
    const { containerId } = await buildApplication(session, { reference: 'tidy' });
    // §13.3: a Temp container is refused; archiving is not a way to publish.
    expect((await session.call('dataAccess/archiveDocumentContainer', { ContainerId: containerId })).json.Message).toBe('Document container has not been published.');
    await publish(session, containerId);
    expect((await session.call('dataAccess/archiveDocumentContainer', { ContainerId: containerId })).json.Success).toBe(true);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(3);
    const deleted = await session.call('dataAccess/deleteDocumentContainerSet', { ContainerIds: [containerId, '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480'] });
    expect(deleted.json.Success).toBe(true);
    expect((await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId })).json.Message).toBe('Document container not found.');
    expect((await session.call('dataAccess/deleteDocumentContainerSet', { DocumentContainerIds: [containerId] })).json.Success).toBe(true);
    expect(emu.containers('tidy')[0]?.removed).toBe('deleted');
  });
});
