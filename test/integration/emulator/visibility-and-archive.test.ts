// Archive visibility (RAW-API §7.11) enforced on retrieve, images and queries, and the archive
// queries of §13 with their filters and paging, over real HTTP.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { DEVICE, buildApplication, jpeg, login, publish, retrieve, start, upload, validPassportMrz } from './emulator-client';

describe('emulator archive visibility and queries (RAW-API §7.11, §13)', () => {
  let emu: RunningEmulator;
  afterEach(async () => {
    await emu.close();
  });

  type World = { kiosk: Session; desk: Session; admin: Session; back: Session; kioskApp: string; deskApp: string; backApp: string; kioskImage: string };

  /** One published application by each of three users in two branches. */
  async function world(): Promise<World> {
    emu = await start();
    const kiosk = await login(emu, 'demo.kiosk', 'kiosk-a');
    const desk = await login(emu, 'demo.frontdesk', 'desk-a');
    const admin = await login(emu, 'demo.admin', 'admin-a');
    const back = await login(emu, 'demo.backoffice', 'back-a');
    // Each application is captured 10 ms after the previous one, so date order is well defined.
    const built = async (session: Session, surname: string) => {
      const app = await buildApplication(session, { mrz: validPassportMrz(surname) });
      await publish(session, app.containerId);
      await emu.advanceClock(10);
      return app;
    };
    const kioskBuilt = await built(kiosk, 'KIOSKAPP');
    const deskBuilt = await built(desk, 'DESKAPP');
    const backBuilt = await built(back, 'BACKAPP');
    await emu.advanceClock(2500);
    return { kiosk, desk, admin, back, kioskApp: kioskBuilt.containerId, deskApp: deskBuilt.containerId, backApp: backBuilt.containerId, kioskImage: kioskBuilt.imageIds[0] ?? '' };
  }

  const canRead = async (session: Session, containerId: string) => {
    const answer = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    if (answer.json.Success === true) return true;
    expect(answer.json.AccessDenied).toBe(true);
    return false;
  };

  it('lets a User-level user see only their own, a branch user their branch, an organisation user everything in it', async () => {
    const w = await world();
    const matrix = async (session: Session) => [await canRead(session, w.kioskApp), await canRead(session, w.deskApp), await canRead(session, w.backApp)];
    expect(await matrix(w.kiosk)).toEqual([true, false, false]);
    expect(await matrix(w.desk)).toEqual([true, true, false]);
    expect(await matrix(w.back)).toEqual([false, false, true]);
    expect(await matrix(w.admin)).toEqual([true, true, true]);
  });

  it('applies visibility to build steps, images and the PDF as well', async () => {
    const w = await world();
    const mine = await buildApplication(w.desk);
    const foreign = await w.back.call('dataAccess/createDocument', { ContainerId: mine.containerId });
    expect(foreign.json.AccessDenied).toBe(true);
    const image = await fetch(`${emu.baseUrl}dataAccess/image/?id=${w.kioskImage}&DeviceId=back-a&SessionId=${w.back.sessionId}`, { headers: { 'tid-api-key': emu.apiKey } });
    expect(image.status).toBe(200);
    expect((await image.arrayBuffer()).byteLength).toBe(0);
    const pdf = await w.back.call('dataAccess/exportPDF', { ContainerId: w.kioskApp });
    expect(pdf.json).toMatchObject({ Success: false, AccessDenied: true });
  });

  it('needs archive privilege for queries', async () => {
    const w = await world();
    for (const op of ['dataAccess/advancedQuery', 'dataAccess/archiveContainerQuery']) {
      expect((await w.kiosk.call(op)).json).toMatchObject({ Success: false, AccessDenied: true });
    }
  });

  it('answers advancedQuery with one row per visible archived document, filtered, sorted and paged', async () => {
    const w = await world();
    const all = await w.admin.call('dataAccess/advancedQuery', {});
    expect(all.json).toMatchObject({ Success: true, TotalRecords: 3, TotalRecordsMatched: 3, Page: 0, PageSize: 250, PaginationSupported: true, TotalPages: 1 });
    const surnames = (all.json.Documents as Json[]).map((doc) => (doc.DocumentFields as Json[]).find((field) => field.Name === 'VI Surname')?.FieldValueString);
    expect(surnames).toEqual(['BACKAPP', 'DESKAPP', 'KIOSKAPP']);
    const quick = await w.admin.call('dataAccess/advancedQuery', { Arguments: { QuickQuery: 'deskapp' } });
    expect(quick.json).toMatchObject({ TotalRecords: 3, TotalRecordsMatched: 1 });
    const paged = await w.admin.call('dataAccess/advancedQuery', { Page: 1, PageSize: 2, SortingDirection: 'Ascending', DocumentSortingColumn: 'ScanDate' });
    expect(paged.json).toMatchObject({ TotalPages: 2, Page: 1, PageSize: 2 });
    expect(paged.json.Documents).toHaveLength(1);
    const branchOnly = await w.desk.call('dataAccess/advancedQuery', {});
    expect(branchOnly.json).toMatchObject({ TotalRecords: 2 });
    const unlimited = await w.admin.call('dataAccess/advancedQuery', { PageSize: -1 });
    expect(unlimited.json.Documents).toHaveLength(3);
  });

  it('answers archiveContainerQuery with whole applications, filtered by holder, user, branch and date', async () => {
    const w = await world();
    const byHolder = await w.admin.call('dataAccess/archiveContainerQuery', { DocumentHolderName: 'kiosk' });
    expect((byHolder.json.Containers as Json[]).map((container) => container.Id)).toEqual([w.kioskApp]);
    const byBranch = await w.admin.call('dataAccess/archiveContainerQuery', { ContainerBranchId: '5a8c2f3b-0d41-4e6a-9b27-d3e0f5c81a74' });
    expect((byBranch.json.Containers as Json[]).map((container) => container.Id)).toEqual([w.backApp]);
    const kioskUser = emu.users.find((user) => user.username === 'demo.kiosk');
    const byUser = await w.admin.call('dataAccess/archiveContainerQuery', { ContainerScannedByUserId: kioskUser?.id });
    expect(byUser.json.TotalRecordsMatched).toBe(1);
    const created = emu.containers().find((row) => row.containerId === w.deskApp)?.createdAt ?? 0;
    const byDate = await w.admin.call('dataAccess/archiveContainerQuery', { ContainerCreatedAtRangeFrom: `/Date(${created}+0000)/`, SortingDirection: 'Ascending' });
    expect((byDate.json.Containers as Json[]).map((container) => container.Id)).toEqual([w.deskApp, w.backApp]);
    const bad = await w.admin.call('dataAccess/archiveContainerQuery', { ContainerCreatedAtRangeFrom: '2026-01-01' });
    expect(bad.json.Message).toBe('ContainerCreatedAtRangeFrom is not valid.');
  });

  it('filters archiveContainerQuery by flexible field values', async () => {
    emu = await start();
    const admin = await login(emu, 'demo.admin');
    const definitions = (await admin.call('dataAccess/applicationFlexibleFieldAttributes')).json.ApplicationFlexibleFields as Json[];
    const visitor = definitions.find((item) => item.Name === 'VisitorReference');
    const make = async (value: string) => {
      const created = await admin.call('dataAccess/createDocumentContainer', { ApplicationFlexibleFieldValues: [{ FlexibleFieldVersionId: visitor?.Id, FieldValueString: value }] });
      const doc = await admin.call('dataAccess/createDocument', { ContainerId: created.json.ContainerId });
      await upload(admin, String(created.json.ContainerId), String(doc.json.DocumentId), await jpeg());
      await publish(admin, String(created.json.ContainerId));
      return String(created.json.ContainerId);
    };
    const wanted = await make('V-7');
    await make('V-8');
    const answer = await admin.call('dataAccess/archiveContainerQuery', { FlexibleFieldSearchSpecifications: [{ FlexibleFieldId: visitor?.FlexibleFieldId, DataType: 1, Values: ['v-7'] }] });
    expect((answer.json.Containers as Json[]).map((container) => container.Id)).toEqual([wanted]);
  });

  it('refuses to delete another user’s application', async () => {
    const w = await world();
    const answer = await w.kiosk.call('dataAccess/deleteDocumentContainerSet', { ContainerIds: [w.deskApp] });
    expect(answer.json.AccessDenied).toBe(true);
    expect(await retrieve(w.desk, w.deskApp)).toMatchObject({ Id: w.deskApp });
  });
});

describe('emulator reference data (RAW-API §6)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    return () => emu.close();
  });

  it('lists branches, custom fields and countries', async () => {
    const session = await login(emu, 'demo.admin', DEVICE);
    expect((await session.call('dataAccess/queryBranchesX')).json.Branches).toEqual([
      { Id: '3e6b0d1a-9c42-4f7e-8a15-c2d9e4b70f63', Name: 'Reception' },
      { Id: '5a8c2f3b-0d41-4e6a-9b27-d3e0f5c81a74', Name: 'Back Office' },
    ]);
    expect((await session.call('dataAccess/customFields')).json.CustomFields).toEqual([
      expect.objectContaining({ Index: 0, PropertyName: 'BadgeNumber' }),
      expect.objectContaining({ Index: 9, PropertyName: 'KioskCaptureRef' }),
    ]);
    const countries = (await session.call('kdb/getCountries')).json.Countries as Json[];
    expect(countries).toEqual(expect.arrayContaining([expect.objectContaining({ Mrz: 'GBR', UK: true, EU: false })]));
  });
});
