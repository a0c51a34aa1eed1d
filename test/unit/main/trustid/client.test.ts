import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrustIdClient } from '../../../../main/trustid/client';
import type { TrustIdClient, TrustIdClientOptions } from '../../../../main/trustid/client';
import type { TrustIdError } from '../../../../main/trustid/errors';
import { classifyOutcome } from '../../../../main/trustid/outcome';
import { failure, ok, sessionIdFor, standardHandler, startFakeTrustId } from './fake-trustid-server';
import type { FakeServer, Handler, Recorded } from './fake-trustid-server';
import { errorOf } from '../../../support/trustid-error-of';

const API_KEY = 'tid-key-5b1e9c0f7a2d';
const PASSWORD = 'pw-Correct-Horse-8841';
const NEW_PASSWORD = 'pw-New-Battery-1177';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/trustid', name), 'utf8')) as Record<string, unknown>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Setup = { server: FakeServer; client: TrustIdClient; logLines: string[]; dir: string };

async function setup(handler: Handler = standardHandler(), opts: Partial<TrustIdClientOptions> = {}): Promise<Setup> {
  const server = await startFakeTrustId(handler);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-tid-client-'));
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const client = createTrustIdClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    credentials: () => ({ username: 'kiosk01', password: PASSWORD }),
    deviceIdFile: path.join(dir, 'device-id.json'),
    deviceId: { machineFingerprint: () => undefined },
    logger,
    timeouts: { jsonMs: 2000, uploadMs: 4000, downloadMs: 2000, logoutMs: 1000 },
    ...opts,
  });
  cleanups.push(async () => {
    await client.close();
    await server.close();
  });
  return { server, client, logLines, dir };
}

const ops = (server: FakeServer) => server.requests.map((r) => r.operation);

describe('TrustID client: the wire format', () => {
  it('logs in lazily with exactly DeviceId, Username, Password and DesktopClient:false', async () => {
    const { server, client } = await setup();
    expect(server.requests).toHaveLength(0);
    await client.createDocumentContainer({ clientApplicationReference: 'app-1' });
    const login = server.requests[0]!;
    expect(login.path).toBe('/VPE/session/login/');
    expect(login.method).toBe('POST');
    expect(login.headers['content-type']).toContain('application/json');
    expect(login.json).toEqual({ DeviceId: client.deviceId, Username: 'kiosk01', Password: PASSWORD, DesktopClient: false });
    expect(client.deviceId).toMatch(/^kiosk-[0-9a-f-]{36}$/);
  });

  it('sends Tid-Api-Key on every call, login and testConnection included', async () => {
    const { server, client, dir } = await setup();
    const file = path.join(dir, 'img.jpg');
    fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await client.testConnection();
    const { containerId } = await client.createDocumentContainer({});
    const { documentId } = await client.createDocument({ containerId });
    await client.uploadImage({ containerId, documentId, imageType: 2, body: { filePath: file } });
    await client.publishDocumentContainer({ containerId });
    await client.logout();
    expect(ops(server)).toEqual(['testConnection', 'login', 'createDocumentContainer', 'createDocument', 'uploadImage', 'publishDocumentContainer', 'logout']);
    for (const r of server.requests) expect([r.operation, r.headers['tid-api-key']]).toEqual([r.operation, API_KEY]);
    expect(server.requests[0]!.method).toBe('GET');
  });

  it('puts the session in the body of JSON calls and omits optional fields it has no value for', async () => {
    const { server, client } = await setup();
    await client.createDocumentContainer({ clientApplicationReference: '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47' });
    const body = server.requests[1]!.json!;
    expect(body).toEqual({
      DeviceId: client.deviceId,
      SessionId: sessionIdFor(1),
      DocumentSource: 4,
      ClientApplicationReference: '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47',
    });
    expect(Object.values(body)).not.toContain(null);
  });

  it('encodes flexible field values and dates the way TrustID reads them', async () => {
    const { server, client } = await setup();
    await client.createDocumentContainer({
      applicationFlexibleFieldValues: [
        { flexibleFieldVersionId: 'f1', string: 'Ward 7' },
        { flexibleFieldVersionId: 'f2', date: new Date(Date.UTC(2024, 0, 2)) },
        { flexibleFieldVersionId: 'f3', int: 3 },
      ],
    });
    expect(server.requests[1]!.json!.ApplicationFlexibleFieldValues).toEqual([
      { FlexibleFieldVersionId: 'f1', FieldValueString: 'Ward 7' },
      { FlexibleFieldVersionId: 'f2', FieldValueDate: '/Date(1704153600000+0000)/' },
      { FlexibleFieldVersionId: 'f3', FieldValueInt: 3 },
    ]);
  });

  it('creates a document with the MRZ and the likeness confirmation as initial properties', async () => {
    const { server, client } = await setup();
    const mrz = 'P<GBRSAMPLE<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<\n1234567897GBR8001014F3001012<<<<<<<<<<<<<<04';
    const { documentId } = await client.createDocument({ containerId: 'c-1', mrz, document: { FeedbackPersonMatches: 1 } });
    expect(documentId).toMatch(/^00000000-/);
    expect(server.requests[1]!.json).toEqual({
      DeviceId: client.deviceId,
      SessionId: sessionIdFor(1),
      ContainerId: 'c-1',
      Mrz: mrz,
      Document: { FeedbackPersonMatches: 1 },
    });
  });

  it('uploads an image as raw bytes streamed from the file, with the __TT_ query parameters and headers', async () => {
    const { server, client, dir } = await setup();
    const file = path.join(dir, 'front.jpg');
    const bytes = crypto.randomBytes(1_500_000);
    fs.writeFileSync(file, bytes);
    const progress: number[] = [];
    const { imageId } = await client.uploadImage({
      containerId: 'c-1',
      documentId: 'd-1',
      imageType: 2,
      body: { filePath: file },
      onProgress: (p) => {
        expect(p.totalBytes).toBe(bytes.length);
        progress.push(p.sentBytes);
      },
    });
    expect(imageId).toMatch(/^00000000-/);
    const upload = server.requests[1]!;
    expect(upload.path).toBe('/VPE/dataAccess/uploadImage/');
    expect([...upload.query.entries()]).toEqual([
      ['__TT_ContainerId', 'c-1'],
      ['__TT_DocumentId', 'd-1'],
      ['__TT_ImageType', '2'],
    ]);
    expect(upload.headers['content-type']).toBe('application/octet-stream');
    expect(upload.headers['__tt_deviceid']).toBe(client.deviceId);
    expect(upload.headers['__tt_sessionid']).toBe(sessionIdFor(1));
    expect(upload.headers['content-length']).toBe(String(bytes.length));
    expect(upload.body.equals(bytes)).toBe(true);
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('uploads the applicant photo with only the container in the query', async () => {
    const { server, client } = await setup();
    await client.uploadApplicantPhoto({ containerId: 'c-1', body: { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) } });
    const upload = server.requests[1]!;
    expect(upload.path).toBe('/VPE/dataAccess/uploadApplicantPhoto/');
    expect([...upload.query.entries()]).toEqual([['__TT_ContainerId', 'c-1']]);
  });

  it('publishes with AutoReferral and WebClientRequest, and RFIDFailed only when asked', async () => {
    const { server, client } = await setup();
    const result = await client.publishDocumentContainer({ containerId: 'C-1' });
    expect(result).toEqual({ containerId: 'C-1', autoReferred: false, merged: false, documentReplaced: false });
    expect(server.requests[1]!.json).toEqual({ DeviceId: client.deviceId, SessionId: sessionIdFor(1), ContainerId: 'C-1', AutoReferral: true, WebClientRequest: true });
    await client.publishDocumentContainer({ containerId: 'C-2', rfidFailed: true });
    expect(server.requests[2]!.json!.RFIDFailed).toBe(true);
  });

  it('reads the container from Container, or from the first of Containers', async () => {
    let variant = 'Container';
    const { client } = await setup(
      standardHandler({
        override: (r) => (r.operation === 'retrieveDocumentContainer' ? { body: fixture(variant === 'Container' ? 'retrieve-container.json' : 'retrieve-containers-array.json') } : undefined),
      }),
    );
    const c = await client.retrieveDocumentContainer({ containerId: '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480' });
    expect(c.DocumentStorageType).toBe(3);
    variant = 'Containers';
    const c2 = await client.retrieveDocumentContainer({ containerId: '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480' });
    expect([c2.Id, c2.DocumentStorageType, c2.Referred]).toEqual(['0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480', 6, true]);
  });

  it('retrieves one document', async () => {
    const doc = (fixture('retrieve-container.json').Container as { Documents: unknown[] }).Documents[0];
    const { server, client } = await setup(standardHandler({ override: (r) => (r.operation === 'retrieveDocument' ? { body: ok({ Document: doc }) } : undefined) }));
    const d = await client.retrieveDocument({ containerId: 'c', documentId: 'd' });
    expect(d.DocumentName).toBe('Identity Card');
    expect(server.requests[1]!.json).toMatchObject({ ContainerId: 'c', DocumentId: 'd' });
  });

  it('downloads an image by GET with the session in the query string', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
    const { server, client } = await setup(
      standardHandler({ override: (r) => (r.operation === 'image' && r.query.get('SessionId') ? { body: jpeg, headers: { 'content-type': 'image/jpeg' } } : undefined) }),
    );
    await client.testConnection();
    const { bytes, contentType } = await client.downloadImage({ imageId: 'img-1' });
    expect(bytes.equals(jpeg)).toBe(true);
    expect(contentType).toBe('image/jpeg');
    const get = server.requests.find((r) => r.operation === 'image')!;
    expect(get.method).toBe('GET');
    expect(Object.fromEntries(get.query)).toEqual({ id: 'img-1', DeviceId: client.deviceId, SessionId: sessionIdFor(1) });
  });

  it('treats an empty image answer as not found, after one re-login when the session might have lapsed', async () => {
    const { server, client } = await setup(standardHandler({ override: (r) => (r.operation === 'image' ? { body: Buffer.alloc(0) } : undefined) }));
    const e = await errorOf(client.downloadImage({ imageId: 'img-x' }));
    expect(e.kind).toBe('not-found');
    expect(ops(server)).toEqual(['login', 'image', 'login', 'image']);
    // With a session that has just answered, an empty answer is believed at once.
    await client.createDocument({ containerId: 'c' });
    const before = server.requests.length;
    await errorOf(client.downloadImage({ imageId: 'img-x' }));
    expect(ops(server).slice(before)).toEqual(['image']);
  });

  it('returns the PDF report only when the bytes are a PDF', async () => {
    let answer: Record<string, unknown> | Buffer = Buffer.from('%PDF-1.4\n...');
    const { server, client } = await setup(standardHandler({ override: (r) => (r.operation === 'exportPDF' ? { body: answer, headers: Buffer.isBuffer(answer) ? { 'content-type': 'application/pdf' } : ({} as Record<string, string>) } : undefined) }));
    expect((await client.exportPdf({ containerId: 'c' })).subarray(0, 4).toString()).toBe('%PDF');
    expect(server.requests[1]!.headers.accept).toBe('application/pdf');
    answer = failure('Document container not found.');
    expect((await errorOf(client.exportPdf({ containerId: 'c' }))).kind).toBe('rejected');
    answer = Buffer.from('<html>nope</html>');
    expect((await errorOf(client.exportPdf({ containerId: 'c' }))).kind).toBe('protocol');
  });

  it('pages through an archive query until the last page, sending sort enums by name', async () => {
    const container = (n: number) => ({ Id: `c-${n}`, DocumentStorageType: 3 });
    const { server, client } = await setup(
      standardHandler({
        override: (r) => {
          if (r.operation !== 'archiveContainerQuery') return undefined;
          const page = Number(r.json!.Page);
          return { body: ok({ Containers: page < 2 ? [container(page * 2), container(page * 2 + 1)] : [container(4)], Page: page, PageSize: 2, PaginationSupported: true, TotalPages: 3, TotalRecords: 9, TotalRecordsMatched: 5 }) };
        },
      }),
    );
    const seen: string[] = [];
    for await (const page of client.archiveContainerQueryPages({ pageSize: 2, sortingDirection: 'Descending', createdFrom: new Date(0) })) {
      seen.push(...page.containers.map((c) => c.Id));
      expect(page.totalRecordsMatched).toBe(5);
    }
    expect(seen).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
    const first = server.requests.find((r) => r.operation === 'archiveContainerQuery')!.json!;
    expect(first).toMatchObject({ Page: 0, PageSize: 2, SortingDirection: 'Descending', ContainerCreatedAtRangeFrom: '/Date(0+0000)/' });
  });

  it('stops paging an advanced query when the server does not paginate', async () => {
    const { server, client } = await setup(
      standardHandler({
        override: (r) => (r.operation === 'advancedQuery' ? { body: ok({ Documents: [{ DocumentId: 'd1' }], Page: 0, PageSize: 250, PaginationSupported: false }) } : undefined),
      }),
    );
    const pages = [];
    for await (const p of client.advancedQueryPages({ arguments: { QuickQuery: 'Sample' }, sortingColumn: 'ScanDate' })) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(server.requests[1]!.json).toMatchObject({ Arguments: { QuickQuery: 'Sample' }, DocumentSortingColumn: 'ScanDate', Page: 0 });
  });

  it('creates and deletes a guest link, and a queued application', async () => {
    const { server, client } = await setup(
      standardHandler({
        override: (r) => {
          if (r.operation === 'createGuestLink') return { body: ok({ LinkUrl: 'http://x/guest/g', ContainerId: 'C0FFEE00-0000-4000-8000-00000000000A', EmailSubject: 's', EmailContent: null }) };
          if (r.operation === 'createQueuedDocumentContainer') return { body: ok({ ContainerId: 'q-1' }) };
          return undefined;
        },
      }),
    );
    const link = await client.createGuestLink({ email: 'guest@example.org', name: 'Jane', sendEmail: false, containerEventCallbackHeaders: [{ header: 'Authorization', value: 'Bearer t' }] });
    const id = 'c0ffee00-0000-4000-8000-00000000000a';
    expect(link).toEqual({ linkUrl: 'http://x/guest/g', containerId: id, guestId: id, emailSubject: 's', emailContent: undefined });
    expect(server.requests[1]!.path).toBe('/VPE/guestLink/createGuestLink/');
    expect(server.requests[1]!.json).toMatchObject({ Email: 'guest@example.org', Name: 'Jane', SendEmail: false, ContainerEventCallbackHeaders: [{ Header: 'Authorization', Value: 'Bearer t' }] });
    await client.deleteGuestLink({ guestId: link.guestId });
    expect(server.requests[2]!.json).toMatchObject({ GuestId: id });
    expect(await client.createQueuedDocumentContainer({ clientApplicationReference: 'r' })).toEqual({ containerId: 'q-1' });
  });

  it('reads reference lists by their name, else the first list in the answer', async () => {
    const { client } = await setup(
      standardHandler({
        override: (r) => {
          if (r.operation === 'queryBranchesX') return { body: ok({ Branches: [{ Id: '3E6B0D1A-9C42-4F7E-8A15-C2D9E4B70F63', Name: 'Reception' }] }) };
          if (r.operation === 'getCountries') return { body: ok({ CountryList: [{ Mrz: 'GBR', Name: 'United Kingdom', UK: true }] }) };
          if (r.operation === 'customFields') return { body: ok({}) };
          return undefined;
        },
      }),
    );
    expect(await client.queryBranches()).toEqual([{ Id: '3e6b0d1a-9c42-4f7e-8a15-c2d9e4b70f63', Name: 'Reception' }]);
    expect((await client.getCountries())[0]?.Mrz).toBe('GBR');
    expect(await client.customFields()).toEqual([]);
  });
});

describe('TrustID client: sessions', () => {
  it('shares one login among many calls that start together', async () => {
    const handler = standardHandler();
    const { server, client } = await setup(handler);
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.createDocument({ containerId: `c-${i}` })));
    expect(handler.logins()).toBe(1);
    expect(ops(server).filter((o) => o === 'createDocument')).toHaveLength(10);
  });

  it('re-logs in once when several calls find the session expired at once, then repeats each call', async () => {
    const handler = standardHandler();
    const { server, client } = await setup(handler);
    await client.createDocument({ containerId: 'warm-up' });
    handler.expireSession();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => client.createDocument({ containerId: `c-${i}` })));
    expect(results).toHaveLength(8);
    expect(handler.logins()).toBe(2);
    const retried = server.requests.filter((r) => r.operation === 'createDocument' && r.json!.SessionId === sessionIdFor(2));
    expect(retried).toHaveLength(8);
  });

  it('treats HTTP 401 on a proven session as expiry too', async () => {
    let expired = false;
    const handler = standardHandler({
      override: (r) => {
        if (expired && r.operation === 'createDocument' && r.json!.SessionId === sessionIdFor(1)) return { status: 401, body: '' };
        return undefined;
      },
    });
    const { client } = await setup(handler);
    await client.createDocument({ containerId: 'a' });
    expired = true;
    await client.createDocument({ containerId: 'b' });
    expect(handler.logins()).toBe(2);
  });

  it('calls a 401 straight after a renewal a configuration error and stops logging in', async () => {
    let expired = false;
    const handler = standardHandler({
      override: (r) => {
        if (r.operation === 'createDocument' && expired) return r.json!.SessionId === sessionIdFor(1) ? { body: failure('Session has expired.', { SessionExpired: true }) } : { status: 401 };
        return undefined;
      },
    });
    const { client } = await setup(handler);
    await client.createDocument({ containerId: 'a' });
    expired = true;
    const e = await errorOf(client.createDocument({ containerId: 'b' }));
    expect(e.kind).toBe('access-denied');
    expect(e.details.afterRenewal).toBe(true);
    expect(classifyOutcome(e)).toBe('CONFIG');
    expect(handler.logins()).toBe(2);
  });

  it('surfaces the expiry instead of renewing when asked to', async () => {
    const handler = standardHandler();
    const { client } = await setup(handler, { sessionRenewal: 'surface' });
    await client.createDocument({ containerId: 'a' });
    handler.expireSession();
    const e = await errorOf(client.createDocument({ containerId: 'b' }));
    expect([e.kind, classifyOutcome(e)]).toEqual(['session-expired', 'SESSION']);
    expect(handler.logins()).toBe(1);
    await client.createDocument({ containerId: 'c' });
    expect(handler.logins()).toBe(2);
  });

  it('after a bad password sends no further login until someone logs in deliberately', async () => {
    let password = 'wrong';
    const handler = standardHandler({
      override: (r) => (r.operation === 'login' && r.json!.Password !== PASSWORD ? { body: failure('Invalid username or password.') } : undefined),
    });
    const { server, client } = await setup(handler, { credentials: () => ({ username: 'kiosk01', password }) });
    const first = await errorOf(client.createDocument({ containerId: 'a' }));
    expect([first.kind, classifyOutcome(first)]).toEqual(['invalid-credentials', 'AUTH']);
    const again = await errorOf(client.createDocument({ containerId: 'a' }));
    expect(again.kind).toBe('invalid-credentials');
    expect(ops(server)).toEqual(['login']);
    expect(client.loginBlockedBy()?.kind).toBe('invalid-credentials');
    password = PASSWORD;
    const info = await client.login();
    expect(info.vpeName).toBe('Fake TrustID');
    expect(client.loginBlockedBy()).toBeNull();
    await client.createDocument({ containerId: 'a' });
    expect(ops(server)).toEqual(['login', 'login', 'createDocument']);
  });

  it('reports every login refusal as its own kind', async () => {
    const flags: [Record<string, unknown>, string, string][] = [
      [{ LockedUserAccount: true }, 'locked-account', 'AUTH'],
      [{ NewPasswordRequired: true }, 'password-change-required', 'AUTH'],
      [{ MfaCodeRequired: true }, 'mfa-required', 'AUTH'],
      [{ DesktopClientDenied: true }, 'desktop-client-denied', 'CONFIG'],
      [{ IncompatibleServiceVersion: true }, 'incompatible-version', 'CONFIG'],
      [{ AccessDenied: true }, 'access-denied', 'CONFIG'],
    ];
    for (const [flag, kind, outcome] of flags) {
      const { client } = await setup(standardHandler({ override: (r) => (r.operation === 'login' ? { body: failure('no', flag) } : undefined) }));
      const e = await errorOf(client.login());
      expect([e.kind, classifyOutcome(e)]).toEqual([kind, outcome]);
    }
  });

  it('changes the password and logs in in one call', async () => {
    const { server, client } = await setup();
    await client.changePasswordAndLogin(NEW_PASSWORD);
    expect(server.requests[0]!.json).toEqual({
      DeviceId: client.deviceId,
      Username: 'kiosk01',
      Password: PASSWORD,
      DesktopClient: false,
      ChangePassword: true,
      NewPassword: NEW_PASSWORD,
    });
    expect(client.hasSession()).toBe(true);
  });

  it('renews a long-idle session before an upload instead of sending megabytes into an expiry', async () => {
    let clock = 1_000_000;
    const handler = standardHandler();
    const { server, client } = await setup(handler, { now: () => clock });
    await client.createDocument({ containerId: 'c' });
    clock += 11 * 60_000;
    await client.uploadImage({ containerId: 'c', documentId: 'd', imageType: 2, body: { bytes: Buffer.from([0xff, 0xd8]) } });
    expect(ops(server)).toEqual(['login', 'createDocument', 'login', 'uploadImage']);
    expect(server.requests[3]!.headers['__tt_sessionid']).toBe(sessionIdFor(2));
  });

  it('logs out with the session, forgets it, and ignores a failing logout', async () => {
    const { server, client } = await setup(standardHandler({ override: (r) => (r.operation === 'logout' ? { status: 500, body: 'down' } : undefined) }));
    await client.createDocument({ containerId: 'c' });
    await client.logout();
    expect(server.requests.at(-1)!.json).toEqual({ DeviceId: client.deviceId, SessionId: sessionIdFor(1) });
    expect(client.hasSession()).toBe(false);
    await client.logout(); // nothing to end: no request
    expect(ops(server).filter((o) => o === 'logout')).toHaveLength(1);
  });

  it('logs out on close and refuses calls afterwards', async () => {
    const { server, client } = await setup();
    await client.createDocument({ containerId: 'c' });
    await client.close();
    expect(ops(server).at(-1)).toBe('logout');
    expect((await errorOf(client.testConnection())).kind).toBe('invalid-request');
  });
});

describe('TrustID client: typed errors', () => {
  it('calls Success:true without the id a create must return a protocol error (AMBIGUOUS)', async () => {
    const { client } = await setup(standardHandler({ override: (r) => (r.operation !== 'login' ? { body: ok({}) } : undefined) }));
    for (const call of [client.createDocumentContainer({}), client.createDocument({ containerId: 'c' }), client.uploadImage({ containerId: 'c', documentId: 'd', imageType: 2, body: { bytes: Buffer.from([1]) } })]) {
      const e = await errorOf(call);
      expect([e.kind, classifyOutcome(e)]).toEqual(['protocol', 'AMBIGUOUS']);
      expect(e.details.missingId).toMatch(/Id$/);
    }
  });

  it('names the field when an answer has the wrong shape', async () => {
    const { client } = await setup(
      standardHandler({ override: (r) => (r.operation === 'retrieveDocumentContainer' ? { body: ok({ Container: { Id: 'c', DocumentStorageType: 'Archive' } }) } : undefined) }),
    );
    const e = await errorOf(client.retrieveDocumentContainer({ containerId: 'c' }));
    expect(e.kind).toBe('protocol');
    expect(e.message).toContain('Container.DocumentStorageType');
  });

  it('refuses a plain-http address that is not loopback before sending anything', () => {
    expect(() =>
      createTrustIdClient({ baseUrl: 'http://cloud.trustid.co.uk/', apiKey: API_KEY, credentials: () => ({ username: 'u', password: 'p' }), deviceIdFile: path.join(os.tmpdir(), 'never', 'x.json') }),
    ).toThrow(/must start with https/);
  });

  it('treats a redirect as a configuration error and does not follow it', async () => {
    const { server, client } = await setup(standardHandler({ override: (r) => (r.operation === 'login' ? { status: 301, headers: { location: 'https://elsewhere.example/' } } : undefined) }));
    const e = await errorOf(client.login());
    expect([e.kind, e.details.configurationReason, classifyOutcome(e)]).toEqual(['configuration', 'redirect', 'CONFIG']);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a call the server never answers, as a response timeout (AMBIGUOUS)', async () => {
    const { client } = await setup(standardHandler({ override: (r) => (r.operation === 'publishDocumentContainer' ? { hang: true } : undefined) }), {
      timeouts: { jsonMs: 300 },
    });
    await client.login();
    const started = Date.now();
    const e = await errorOf(client.publishDocumentContainer({ containerId: 'c' }));
    expect([e.kind, e.details.phase, e.written, classifyOutcome(e)]).toEqual(['timeout', 'response', true, 'AMBIGUOUS']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a refused connection as nothing written (NOT_APPLIED)', async () => {
    const { client, server } = await setup();
    await server.close();
    const e = await errorOf(client.testConnection());
    expect([e.kind, e.details.networkReason, e.written, classifyOutcome(e)]).toEqual(['network', 'refused', false, 'NOT_APPLIED']);
  });

  it('reports a dropped connection after sending as AMBIGUOUS', async () => {
    const { client } = await setup(standardHandler({ override: (r) => (r.operation === 'publishDocumentContainer' ? { destroy: 'before-answer' } : undefined) }));
    const e = await errorOf(client.publishDocumentContainer({ containerId: 'c' }));
    expect([e.kind, e.written, classifyOutcome(e)]).toEqual(['network', true, 'AMBIGUOUS']);
  });

  it('refuses to upload a file that is not there, without sending anything', async () => {
    const { server, client } = await setup();
    const e = await errorOf(client.uploadImage({ containerId: 'c', documentId: 'd', imageType: 2, body: { filePath: '/nonexistent/front.jpg' } }));
    expect([e.kind, classifyOutcome(e)]).toEqual(['invalid-request', 'NOT_APPLIED']);
    expect(server.requests).toHaveLength(0);
  });
});

describe('TrustID client: secrets stay out of messages and logs', () => {
  it('never puts the password, API key or a session id into an error message or a log line', async () => {
    const echo = (r: Recorded) => `Echo ${r.headers['tid-api-key']} ${String(r.json?.Password ?? '')} ${String(r.json?.SessionId ?? '')}`;
    let step = 0;
    const handler = standardHandler({
      override: (r) => {
        if (r.operation === 'login') return undefined;
        step++;
        switch (step % 6) {
          case 0:
            return { body: failure(echo(r)) };
          case 1:
            return { status: 500, body: echo(r) };
          case 2:
            return { body: failure(echo(r), { Locked: true }) };
          case 3:
            return { destroy: 'before-answer' };
          case 4:
            return { body: failure(echo(r), { SessionExpired: true }) };
          default:
            return { status: 404, body: failure(echo(r)) };
        }
      },
    });
    const { client, logLines } = await setup(handler);
    const messages: string[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        await client.createDocument({ containerId: `c-${i}` });
      } catch (error) {
        messages.push((error as Error).message, JSON.stringify((error as TrustIdError).details ?? {}));
      }
    }
    try {
      await client.downloadImage({ imageId: 'i' });
    } catch (error) {
      messages.push((error as Error).message);
    }
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.some((m) => m.includes('[redacted]'))).toBe(true);
    const secrets = [API_KEY, PASSWORD, sessionIdFor(1), sessionIdFor(2), sessionIdFor(3), sessionIdFor(4)];
    for (const text of [...messages, ...logLines]) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(logLines.length).toBeGreaterThan(5);
  });
});
