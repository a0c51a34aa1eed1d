// The `alternatives` switches: the plausible real-service behaviours RAW-API §16 lists where the
// spec made a choice (#16, #19–#24), so the kiosk's handling of each can be tested over HTTP. Each
// test shows the switch changes exactly that behaviour.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { control, documents, jpeg, login, publish, retrieve, start, upload } from './emulator-client';

describe('emulator alternatives (RAW-API §16)', () => {
  let emu: RunningEmulator;
  let desk: Session;
  beforeEach(async () => {
    emu = await start();
    desk = await login(emu, 'demo.frontdesk', 'desk-a');
  });
  afterEach(async () => {
    await emu.close();
  });

  const queued = async () => String((await desk.call('dataAccess/createQueuedDocumentContainer', {})).json.ContainerId);
  const withDocument = async (containerId: string) => {
    const doc = await desk.call('dataAccess/createDocument', {
      ContainerId: containerId,
      Document: { CustomFieldDictionary: [{ Key: 'KioskCaptureRef', Value: { Index: 9, Value: 'app:0' } }] },
    });
    const image = await upload(desk, containerId, String(doc.json.DocumentId), await jpeg());
    return { documentId: String(doc.json.DocumentId), imageId: String(image.json.ImageId) };
  };
  const listed = async () => ((await desk.call('dataAccess/archiveContainerQuery', {})).json.Containers as Json[]).map((item) => item.Id);

  it('are all off by default and shown in the configuration', async () => {
    expect((await control(emu, 'GET', 'config')).json.config).toMatchObject({
      alternatives: { queryPublishedOnly: false, dropCustomFields: false, queuedNotRetrievable: false, queuedHidesDocuments: false, republishSucceeds: false, guestValuesOnSubmit: false, keepExpiredGuestContainers: false, archiveUnpublished: false },
    });
  });

  it('#21 queryPublishedOnly: the archive query leaves Queued containers out', async () => {
    const id = await queued();
    expect(await listed()).toEqual([id]);
    emu.configure({ alternatives: { queryPublishedOnly: true } });
    expect(await listed()).toEqual([]);
  });

  it('#20 dropCustomFields: values sent on createDocument come back empty', async () => {
    emu.configure({ alternatives: { dropCustomFields: true } });
    const id = await queued();
    await withDocument(id);
    const dictionary = documents(await retrieve(desk, id))[0]!.CustomFieldDictionary as { Value: Json }[];
    expect(dictionary.map((entry) => entry.Value.Value)).toEqual(['', '']);
  });

  it('#19 queuedNotRetrievable: a queued container and its images cannot be read until it is submitted', async () => {
    const id = await queued();
    const { imageId } = await withDocument(id);
    emu.configure({ alternatives: { queuedNotRetrievable: true } });
    expect((await desk.call('dataAccess/retrieveDocumentContainer', { ContainerId: id })).json).toMatchObject({ Success: false, Message: 'Document container has not been published.' });
    const image = await fetch(`${emu.baseUrl}dataAccess/image/?${new URLSearchParams({ id: imageId, DeviceId: desk.deviceId, SessionId: desk.sessionId })}`, { headers: { 'tid-api-key': emu.apiKey } });
    expect((await image.arrayBuffer()).byteLength).toBe(0);
    await publish(desk, id);
    expect((await retrieve(desk, id)).DocumentStorageType).toBe(5);
  });

  it('#19 queuedHidesDocuments: a queued container is read without what was added so far', async () => {
    const id = await queued();
    await withDocument(id);
    emu.configure({ alternatives: { queuedHidesDocuments: true } });
    expect(await retrieve(desk, id)).toMatchObject({ DocumentStorageType: 7, Documents: [] });
    await publish(desk, id);
    expect(documents(await retrieve(desk, id))).toHaveLength(1);
  });

  it('#16 republishSucceeds: a second publish answers success and changes nothing', async () => {
    emu.configure({ alternatives: { republishSucceeds: true } });
    const id = await queued();
    await withDocument(id);
    expect((await publish(desk, id)).json.Success).toBe(true);
    await emu.advanceClock(2500);
    expect((await publish(desk, id)).json.Success).toBe(true);
    expect(emu.containers().find((item) => item.containerId === id)).toMatchObject({ storageType: 3, publishCount: 1, publishRequests: 2 });
  });

  it('#22 guestValuesOnSubmit: the guest’s name and email appear only once the guest submits', async () => {
    emu.configure({ alternatives: { guestValuesOnSubmit: true } });
    const link = (await desk.call('guestLink/createGuestLink', { Email: 'g@example.invalid', Name: 'Guest Example' })).json;
    const names = async () => ((await retrieve(desk, String(link.ContainerId))).ApplicationFlexibleFieldList as Json[]).map((tuple) => (tuple.m_Item2 as Json).FieldValueString);
    expect(await names()).toEqual([]);
    emu.submitGuest(String(link.GuestId));
    expect(await names()).toEqual(['Guest Example', 'g@example.invalid']);
  });

  it('#24 keepExpiredGuestContainers: an expired link’s container stays Queued, the link itself still expires', async () => {
    emu.configure({ guest: { linkLifetimeS: 60 }, alternatives: { keepExpiredGuestContainers: true } });
    const link = (await desk.call('guestLink/createGuestLink', { Email: 'g@example.invalid', Name: 'Guest Example' })).json;
    await emu.advanceClock(61_000);
    expect((await retrieve(desk, String(link.ContainerId))).DocumentStorageType).toBe(7);
    expect((await fetch(String(link.LinkUrl))).status).toBe(410);
  });

  it('#23 archiveUnpublished: archiving a queued container is accepted and it then looks published', async () => {
    emu.configure({ alternatives: { archiveUnpublished: true } });
    const id = await queued();
    expect((await desk.call('dataAccess/archiveDocumentContainer', { ContainerId: id })).json.Success).toBe(true);
    expect((await retrieve(desk, id)).DocumentStorageType).toBe(3);
    expect((await publish(desk, id)).json.Message).toBe('Document container has already been published.');
  });

  it('refuses an unknown switch by name', async () => {
    const answer = await control(emu, 'POST', 'config', { alternatives: { listQueued: false } });
    expect(answer.status).toBe(400);
    expect(String(answer.json.error)).toContain('listQueued');
  });
});
