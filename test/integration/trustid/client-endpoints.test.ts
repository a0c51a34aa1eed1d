// Contract tests: the real client against the real emulator over HTTP, one endpoint at a time.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationSummary, classifyOutcome, clientApplicationReference, documentReasons, DocumentStatus, DocumentStorageType, isPublished } from '../../../main/trustid';
import type { TrustIdClient } from '../../../main/trustid';
import { ADMIN_USER, buildApplication, expiredMrz, startHarness, validMrz, waitForStorage } from './emulator-harness';
import type { Harness } from './emulator-harness';
import { errorOf } from '../../support/trustid-error-of';

let h: Harness;
let kiosk: TrustIdClient;
let admin: TrustIdClient;

beforeAll(async () => {
  h = await startHarness();
  kiosk = h.client();
  admin = h.client(ADMIN_USER);
});
afterAll(async () => {
  await h.close();
});

describe('client ↔ emulator: sessions and probes', () => {
  it('probes the connection without logging in', async () => {
    const fresh = h.client();
    await fresh.testConnection();
    expect(fresh.hasSession()).toBe(false);
  });

  it('logs in and reports who and where it is, knowing it talks to the emulator', async () => {
    const info = await kiosk.login();
    expect(info.vpeName).toBe('TrustID Emulator');
    expect(info.user?.Username).toBe('demo.kiosk');
    expect(info.branch?.Name).toBe('Reception');
    expect(info.organisation?.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs out, after which the next call logs in again by itself', async () => {
    const client = h.client();
    await client.login();
    await client.logout();
    expect(client.hasSession()).toBe(false);
    const { containerId } = await client.createDocumentContainer({ clientApplicationReference: 'after-logout' });
    expect(containerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.emu.containers('after-logout')[0]?.deviceId).toBe(client.deviceId);
  });
});

describe('client ↔ emulator: building and submitting an application (RAW-API §17)', () => {
  it('creates, uploads, publishes and reads an accepted result with its fields, images and PDF', async () => {
    const reference = '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47';
    const { containerId, documentId, imageId } = await buildApplication(h, kiosk, reference);
    const back = h.jpegFile('back.jpg', 3000);
    const progress: number[] = [];
    await kiosk.uploadImage({ containerId, documentId, imageType: 3, body: { filePath: back }, onProgress: (p) => progress.push(p.sentBytes) });
    expect(progress.at(-1)).toBe(3000);
    const published = await kiosk.publishDocumentContainer({ containerId });
    expect(published.containerId).toBe(containerId);
    expect(published.autoReferred).toBe(false);

    const container = await waitForStorage(kiosk, containerId, [DocumentStorageType.Archive]);
    expect(isPublished(container)).toBe(true);
    expect(applicationSummary(container)).toEqual({ state: 'final', verdict: DocumentStatus.Accepted, attention: false });
    expect(clientApplicationReference(container)).toBe(reference);
    expect(container.Documents[0]?.Images.map((i) => i.ImageType).sort()).toEqual([2, 3]);
    expect(h.emu.publishCounts()[reference]).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 1 });

    const doc = await kiosk.retrieveDocument({ containerId, documentId });
    expect(doc.DocumentId).toBe(documentId);
    expect(doc.DocumentFields.some((f) => f.Name === 'VI Surname' && f.FieldValueString === 'SAMPLE')).toBe(true);

    const image = await kiosk.downloadImage({ imageId });
    expect(image.bytes.equals(fs.readFileSync(`${h.dir}/${reference}.jpg`))).toBe(true);
    expect(image.contentType).toBe('image/jpeg');

    const pdf = await kiosk.exportPdf({ containerId });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('uploads an applicant photo that then shows on the container', async () => {
    const { containerId } = await buildApplication(h, kiosk, 'with-photo');
    const { imageId } = await kiosk.uploadApplicantPhoto({ containerId, body: { bytes: fs.readFileSync(h.jpegFile('face.jpg', 800)) } });
    await kiosk.publishDocumentContainer({ containerId });
    const container = await kiosk.retrieveDocumentContainer({ containerId });
    expect(container.ApplicantPhotoImage?.Id).toBe(imageId);
    expect(container.ApplicantPhotoImage?.ImageType).toBe(1);
  });

  it('reads a failed result with the reasons staff should see', async () => {
    const { containerId } = await buildApplication(h, kiosk, 'expired-passport', expiredMrz());
    await kiosk.publishDocumentContainer({ containerId });
    const container = await waitForStorage(kiosk, containerId, [DocumentStorageType.Archive]);
    const summary = applicationSummary(container);
    expect(summary.verdict).toBe(DocumentStatus.Failed);
    expect(documentReasons(container.Documents[0]!).join(' ').toLowerCase()).toContain('expir');
  });

  it('follows a referral to expert review and its completion', async () => {
    const { containerId } = await buildApplication(h, kiosk, 'refer-me', validMrz('REFER'));
    await kiosk.publishDocumentContainer({ containerId });
    const referred = await waitForStorage(kiosk, containerId, [DocumentStorageType.Holding]);
    expect(applicationSummary(referred).state).toBe('referred');
    h.emu.completeReview(containerId, DocumentStatus.Accepted);
    const done = await waitForStorage(kiosk, containerId, [DocumentStorageType.Archive]);
    expect(applicationSummary(done)).toMatchObject({ state: 'final', verdict: DocumentStatus.Accepted });
    expect(done.Documents[0]?.Audited).toBe(true);
    expect(done.ReferralHistory.length).toBe(1);
  });

  it('is refused, as a business rejection, when publishing a container without images or retrieving an unpublished one', async () => {
    const { containerId } = await kiosk.createDocumentContainer({ clientApplicationReference: 'empty' });
    const notPublished = await errorOf(kiosk.retrieveDocumentContainer({ containerId }));
    expect([notPublished.kind, classifyOutcome(notPublished)]).toEqual(['rejected', 'REJECTED']);
    expect(notPublished.details.serverMessage).toBe('Document container has not been published.');
    const noImages = await errorOf(kiosk.publishDocumentContainer({ containerId }));
    expect([noImages.kind, classifyOutcome(noImages)]).toEqual(['rejected', 'REJECTED']);
    const unknown = await errorOf(kiosk.createDocument({ containerId: '00000000-0000-4000-8000-000000000001' }));
    expect(unknown.kind).toBe('rejected');
  });

  it('reports an image that is not there as not found', async () => {
    const e = await errorOf(kiosk.downloadImage({ imageId: '00000000-0000-4000-8000-0000000000ff' }));
    expect([e.kind, classifyOutcome(e)]).toEqual(['not-found', 'REJECTED']);
  });

  it('updates application flexible fields on a container', async () => {
    const fields = await admin.applicationFlexibleFieldAttributes();
    const guestName = fields.find((f) => f.Name === '__SYS_GuestName');
    expect(guestName).toBeDefined();
    const { containerId } = await buildApplication(h, admin, 'flex-update');
    await admin.publishDocumentContainer({ containerId });
    const versionId = h.emu.config().flexibleFields.find((f) => f.name === '__SYS_GuestName')!.id;
    await admin.updateDocumentContainer({ containerId, applicationFlexibleFieldValues: [{ flexibleFieldVersionId: versionId, string: 'Jane Guest' }] });
    const container = await admin.retrieveDocumentContainer({ containerId });
    expect(container.ApplicationFlexibleFieldList.some((f) => f.m_Item2?.FieldValueString === 'Jane Guest')).toBe(true);
  });
});

describe('client ↔ emulator: archive, queued applications, guest links and look-ups', () => {
  it('pages through the archive one application per row and one document per row', async () => {
    for (let i = 0; i < 5; i++) {
      const { containerId } = await buildApplication(h, admin, `archive-${i}`, validMrz('PAGER'));
      await admin.publishDocumentContainer({ containerId });
      // The names searched on come from processing (RAW-API §8.4), so wait for the result.
      await waitForStorage(admin, containerId, [DocumentStorageType.Archive]);
    }
    const ids: string[] = [];
    let pages = 0;
    for await (const page of admin.archiveContainerQueryPages({ documentHolderName: 'PAGER', pageSize: 2 })) {
      pages++;
      ids.push(...page.containers.map((c) => c.Id));
      expect(page.paginationSupported).toBe(true);
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(5);
    const docs = await admin.advancedQuery({ arguments: { QuickQuery: 'pager' }, pageSize: 0, sortingColumn: 'ScanDate', sortingDirection: 'Descending' });
    expect(docs.documents.length).toBe(5);
    expect(docs.totalRecordsMatched).toBe(5);
  });

  it('is denied the archive without archive rights, as a configuration problem', async () => {
    const e = await errorOf(kiosk.archiveContainerQuery({ documentHolderName: 'PAGER' }));
    expect([e.kind, classifyOutcome(e)]).toEqual(['access-denied', 'CONFIG']);
  });

  it('creates a queued application that can be retrieved before anything is captured', async () => {
    const { containerId } = await admin.createQueuedDocumentContainer({ clientApplicationReference: 'queued-1' });
    const container = await admin.retrieveDocumentContainer({ containerId });
    expect(container.DocumentStorageType).toBe(DocumentStorageType.Queued);
    expect(container.Documents).toEqual([]);
  });

  it('creates a guest link, withdraws it, and cannot withdraw one already used', async () => {
    const link = await admin.createGuestLink({ email: 'guest@example.invalid', name: 'Jane Guest', sendEmail: false, clientApplicationReference: 'guest-1' });
    expect(link.linkUrl).toContain(link.guestId);
    expect(link.containerId).not.toBe(link.guestId);
    await admin.deleteGuestLink({ guestId: link.guestId });

    const used = await admin.createGuestLink({ email: 'guest2@example.invalid', name: 'Joe Guest', sendEmail: false });
    h.emu.submitGuest(used.guestId);
    const e = await errorOf(admin.deleteGuestLink({ guestId: used.containerId }));
    expect(e.kind).toBe('rejected');
  });

  it('reads branches, countries, flexible and custom field definitions', async () => {
    const branches = await admin.queryBranches();
    expect(branches.map((b) => b.Name)).toContain('Reception');
    const countries = await admin.getCountries();
    expect(countries.some((c) => c.Mrz === 'GBR')).toBe(true);
    expect(Array.isArray(await admin.customFields())).toBe(true);
    expect((await admin.applicationFlexibleFieldAttributes()).length).toBeGreaterThan(0);
    // Stubbed by the emulator (RAW-API §6): "Operation not supported." is a business refusal.
    const charges = await errorOf(admin.getDocumentTypeChargeStatuses());
    expect(charges.kind).toBe('rejected');
  });
});
