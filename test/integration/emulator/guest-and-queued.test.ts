// Guest links (RAW-API §12) and queued applications (§11) over real HTTP: the guest page served
// at LinkUrl (a test acts as the guest with a plain form post), single use, withdrawal, expiry,
// and completion through the API or the control calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { control, documents, jpeg, login, publish, retrieve, start, upload, validPassportMrz } from './emulator-client';

describe('emulator guest links and queued applications (RAW-API §11, §12)', () => {
  let emu: RunningEmulator;
  let session: Session;
  beforeEach(async () => {
    emu = await start();
    session = await login(emu, 'demo.frontdesk');
  });
  afterEach(async () => {
    await emu.close();
  });

  const createLink = (extra: Json = {}) =>
    session.call('guestLink/createGuestLink', { Email: 'jane.sample@example.invalid', Name: 'Jane Sample', ClientApplicationReference: 'guest-ref', DigitalIdentificationScheme: 32, ...extra });

  function flexible(container: Json): Record<string, unknown> {
    return Object.fromEntries((container.ApplicationFlexibleFieldList as Json[]).map((tuple) => [(tuple.m_Item1 as Json).Name, (tuple.m_Item2 as Json).FieldValueString]));
  }

  it('creates a link with its own container, served as a page where the guest submits once', async () => {
    const created = await createLink();
    expect(created.json).toMatchObject({ Success: true, EmailSubject: 'Please confirm your identity' });
    const { ContainerId: containerId, GuestId: guestId, LinkUrl: linkUrl } = created.json as { ContainerId: string; GuestId: string; LinkUrl: string };
    expect(guestId).not.toBe(containerId);
    expect(linkUrl).toBe(`${emu.origin}/guest/${guestId}`);
    expect(String(created.json.EmailContent)).toContain(linkUrl);

    const waiting = await retrieve(session, containerId);
    expect(waiting).toMatchObject({ DocumentStorageType: 7, Documents: [] });
    expect(flexible(waiting)).toMatchObject({ __SYS_GuestName: 'Jane Sample', __SYS_GuestEmail: 'jane.sample@example.invalid' });
    expect(waiting.DocumentContainerFieldList).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'GuestDigitalIdentificationScheme', FieldValueString: '32' })]));

    const page = await fetch(linkUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('Jane Sample');

    const form = new URLSearchParams({ mrz: validPassportMrz('SAMPLE'), outcome: 'auto' });
    const submitted = await fetch(linkUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(submitted.status).toBe(200);
    const thanks = await submitted.text();
    expect(thanks).toContain('Thank you');
    // The result is never shown to the guest (§12).
    expect(thanks).not.toMatch(/Accepted|Failed|Referred/);

    await emu.advanceClock(2500);
    const done = await retrieve(session, containerId);
    expect(done.DocumentStorageType).toBe(3);
    expect(documents(done)[0]).toMatchObject({ OperatorStatus: 1, DocumentName: 'Passport' });

    const again = await fetch(linkUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(again.status).toBe(410);
    expect((await fetch(linkUrl)).status).toBe(410);
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: guestId })).json).toMatchObject({ Success: false, Message: 'Guest link has already been used.' });
  });

  it('submits as the guest through the control with a chosen outcome', async () => {
    const created = await createLink();
    const submitted = await control(emu, 'POST', `guest/${String(created.json.GuestId)}/submit`, { outcome: 'fail' });
    expect(submitted.json).toEqual({ ok: true, containerId: created.json.ContainerId });
    await emu.advanceClock(2500);
    expect(documents(await retrieve(session, String(created.json.ContainerId)))[0]?.OperatorStatus).toBe(3);
    expect((await control(emu, 'POST', `guest/${String(created.json.GuestId)}/submit`, {})).status).toBe(409);
  });

  it('withdraws an unused link by GuestId or by ContainerId', async () => {
    const first = await createLink();
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: first.json.GuestId })).json.Success).toBe(true);
    expect((await fetch(String(first.json.LinkUrl))).status).toBe(410);
    expect((await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: first.json.ContainerId })).json.Message).toBe('Document container not found.');
    const second = await createLink();
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: second.json.ContainerId })).json.Success).toBe(true);
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: second.json.GuestId })).json.Success).toBe(false);
  });

  it('expires a link after its lifetime and purges its container', async () => {
    emu.configure({ guest: { linkLifetimeS: 3600 } });
    const created = await createLink();
    await emu.advanceClock(3_600_000);
    expect((await fetch(String(created.json.LinkUrl))).status).toBe(410);
    expect((await control(emu, 'POST', `guest/${String(created.json.GuestId)}/submit`, {})).status).toBe(409);
    expect(emu.containers('guest-ref')[0]?.removed).toBe('purged');
    // §12.2: an unused link withdrawn after it expired is still "withdrawn", and then gone.
    session = await login(emu, 'demo.frontdesk');
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: created.json.GuestId })).json.Success).toBe(true);
    expect((await session.call('guestLink/deleteGuestLink', { GuestId: created.json.GuestId })).json.Message).toBe('Guest link not found.');
  });

  it('refuses to withdraw a link it may not see with AccessDenied, without saying whether it was used', async () => {
    const created = await createLink();
    await control(emu, 'POST', `guest/${String(created.json.GuestId)}/submit`, {});
    const back = await login(emu, 'demo.backoffice', 'back-device');
    expect((await back.call('guestLink/deleteGuestLink', { GuestId: created.json.GuestId })).json).toMatchObject({ Success: false, AccessDenied: true, Message: 'Access denied.' });
  });

  it('requires Email and Name for a link', async () => {
    expect((await session.call('guestLink/createGuestLink', { Name: 'X' })).json.Message).toBe('Email is required.');
    expect((await session.call('guestLink/createGuestLink', { Email: 'x@example.invalid' })).json.Message).toBe('Name is required.');
  });

  it('creates a queued application in the user branch or a named one, never purged, completed by an app user', async () => {
    emu.configure({ temp: { purgeAfterS: 60 } });
    const created = await session.call('dataAccess/createQueuedDocumentContainer', { ClientApplicationReference: 'queued-ref' });
    const containerId = String(created.json.ContainerId);
    const other = await session.call('dataAccess/createQueuedDocumentContainer', { BranchId: '5a8c2f3b-0d41-4e6a-9b27-d3e0f5c81a74' });
    expect(other.json.Success).toBe(true);
    expect((await session.call('dataAccess/createQueuedDocumentContainer', { BranchId: '00000000-0000-0000-0000-000000000000' })).json.Message).toBe('BranchId is not valid.');
    await emu.advanceClock(3_600_000);
    session = await login(emu, 'demo.frontdesk');
    expect(await retrieve(session, containerId)).toMatchObject({ DocumentStorageType: 7, BranchName: 'Reception' });
    expect((await control(emu, 'POST', `queued/${containerId}/submit`, { outcome: 'refer', reviewVerdict: 1 })).json.ok).toBe(true);
    await emu.advanceClock(2500);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(6);
    expect((await control(emu, 'POST', `queued/${containerId}/submit`, {})).status).toBe(409);
  });

  it('lets a queued application be completed through the normal API', async () => {
    const created = await session.call('dataAccess/createQueuedDocumentContainer', {});
    const containerId = String(created.json.ContainerId);
    const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId, Mrz: validPassportMrz() });
    await upload(session, containerId, String(doc.json.DocumentId), await jpeg());
    expect((await retrieve(session, containerId)).Documents).toHaveLength(1);
    expect((await publish(session, containerId)).json.Success).toBe(true);
    await emu.advanceClock(2500);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(3);
  });
});
