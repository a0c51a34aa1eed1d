// RAW-API points that used to contradict each other and are now resolved (issue 12 §4), one test
// each, with the real client against the real emulator over HTTP: the image GET with an expired
// session and without the API key, publishing an empty container, the fifth wrong password,
// archiving a Temp container, `Aborted` vs `aborted`, `{emulatorBase}`, `__TT_ImageType`, and
// strict configuration keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStorageType } from '../../../main/trustid';
import type { TrustIdClient } from '../../../main/trustid';
import { ADMIN_USER, buildApplication, jpegBytes, startHarness, waitForStorage } from './emulator-harness';
import type { Harness } from './emulator-harness';
import { errorOf } from '../../support/trustid-error-of';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const logins = () => h.emu.requests().filter((r) => r.operation === 'session/login').length;

/** A published, decided application and the id of its image, made by `client`. */
async function publishedImage(client: TrustIdClient, reference: string): Promise<{ containerId: string; imageId: string }> {
  const { containerId, imageId } = await buildApplication(h, client, reference);
  await client.publishDocumentContainer({ containerId });
  await waitForStorage(client, containerId, [DocumentStorageType.Archive]);
  return { containerId, imageId };
}

function imageUrl(imageId: string, deviceId: string, sessionId: string): string {
  return `${h.emu.baseUrl}dataAccess/image/?${new URLSearchParams({ id: imageId, DeviceId: deviceId, SessionId: sessionId })}`;
}

describe('RAW-API §5.3: the image GET with an expired session', () => {
  it('gets an empty 200 by default; the client signs in once more and fetches the bytes, unless the session just answered', async () => {
    let offset = 0;
    const client = h.client(ADMIN_USER, { now: () => Date.now() + offset });
    const { imageId } = await publishedImage(client, 'img-expired-200');
    h.emu.expireSessions();
    const before = logins();
    // The session answered moments ago, so an empty answer is taken at its word (§5.3).
    expect((await errorOf(client.downloadImage({ imageId }))).kind).toBe('not-found');
    expect(logins()).toBe(before);
    offset = 61_000;
    const image = await client.downloadImage({ imageId });
    expect(image.bytes.length).toBe(4096);
    expect(logins()).toBe(before + 1);
  });

  it('gets a 401 with an empty body under statusMode.sessionExpired = 401; the client renews and repeats', async () => {
    const client = h.client(ADMIN_USER);
    const { imageId } = await publishedImage(client, 'img-expired-401');
    h.emu.configure({ statusMode: { sessionExpired: 401 } });
    try {
      h.emu.expireSessions();
      const raw = await fetch(imageUrl(imageId, client.deviceId, 'aaaaaaaa-0000-4000-8000-000000000000'), { headers: { 'tid-api-key': h.emu.apiKey } });
      expect([raw.status, (await raw.arrayBuffer()).byteLength]).toEqual([401, 0]);
      const before = logins();
      expect((await client.downloadImage({ imageId })).bytes.length).toBe(4096);
      expect(logins()).toBe(before + 1);
    } finally {
      h.emu.configure({ statusMode: { sessionExpired: 200 } });
    }
  });
});

describe('RAW-API §1.3, §5.3: the API key on the image GET', () => {
  it('is required by the emulator (empty body, status per statusMode.apiKey) and always sent by the client', async () => {
    const client = h.client(ADMIN_USER);
    const { imageId } = await publishedImage(client, 'img-key');
    const info = await client.login();
    const sessionId = [...h.sessionIds].at(-1)!;
    expect(info.user?.Username).toBe(ADMIN_USER);
    const without = await fetch(imageUrl(imageId, client.deviceId, sessionId));
    expect([without.status, (await without.arrayBuffer()).byteLength]).toEqual([200, 0]);
    h.emu.configure({ statusMode: { apiKey: 403 } });
    try {
      const refused = await fetch(imageUrl(imageId, client.deviceId, sessionId), { headers: { 'tid-api-key': 'wrong' } });
      expect([refused.status, (await refused.arrayBuffer()).byteLength]).toEqual([403, 0]);
    } finally {
      h.emu.configure({ statusMode: { apiKey: 200 } });
    }
    // The emulator requires the key, so the client's bytes prove it sent it.
    expect((await client.downloadImage({ imageId })).bytes.length).toBe(4096);
  });
});

describe('RAW-API §4.6: publishing an empty container', () => {
  it('is refused while it holds no image at all, and an applicant photo alone counts as an image', async () => {
    const client = h.client(ADMIN_USER);
    const { containerId } = await client.createDocumentContainer({ clientApplicationReference: 'empty-publish' });
    await client.createDocument({ containerId });
    const refused = await errorOf(client.publishDocumentContainer({ containerId }));
    expect([refused.kind, refused.details.serverMessage]).toEqual(['rejected', 'Document container has no images.']);
    await client.uploadApplicantPhoto({ containerId, body: { bytes: jpegBytes(2048) } });
    expect((await client.publishDocumentContainer({ containerId })).containerId).toBe(containerId);
    expect(h.emu.publishCounts()['empty-publish']).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 2 });
  });
});

describe('RAW-API §2.2: the fifth wrong password', () => {
  it('is answered "locked" itself, and the four before it "bad credentials"', async () => {
    h.emu.configure({ users: [...h.emu.config().users, { username: 'lock.me', password: 'Right-Password-1', branch: 'Reception', archiveVisibility: 'User' }] });
    let password = 'wrong';
    const client = h.client('demo.admin', { credentials: () => ({ username: 'lock.me', password }) });
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) kinds.push((await errorOf(client.login())).kind);
    expect(kinds).toEqual(['invalid-credentials', 'invalid-credentials', 'invalid-credentials', 'invalid-credentials', 'locked-account']);
    password = 'Right-Password-1';
    expect((await errorOf(client.login())).kind).toBe('locked-account');
  });
});

describe('RAW-API §13.3: archiving a Temp container', () => {
  it('is refused unchanged, so storage type 3 always means published', async () => {
    const client = h.client(ADMIN_USER);
    const { containerId } = await buildApplication(h, client, 'archive-temp');
    expect((await errorOf(client.archiveDocumentContainer({ containerId }))).kind).toBe('rejected');
    expect(h.emu.containers('archive-temp')[0]).toMatchObject({ storageType: 1, publishCount: 0 });
  });
});

describe('RAW-API §10.3: Aborted on the wire, aborted in the control view', () => {
  it('sends Callback.Aborted:false in every attempt and shows aborted:true only in the inspection view', async () => {
    const bodies: Record<string, unknown>[] = [];
    const { createServer } = await import('node:http');
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(JSON.parse(text) as Record<string, unknown>);
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as { port: number }).port;
      h.emu.configure({ webhooks: { defaultUrl: `http://127.0.0.1:${port}/hook`, maxAttempts: 2, retryDelaysS: [0], events: { ContainerSubmitted: true, ResultNotification: false, ContainerSentToReview: false } } });
      const client = h.client(ADMIN_USER);
      const { containerId } = await buildApplication(h, client, 'aborted-spelling');
      await client.publishDocumentContainer({ containerId });
      // Bounded wait for the webhook retries (real timers; a loaded machine can take seconds).
      for (let i = 0; i < 1500 && !h.emu.webhooks().some((w) => w.containerId === containerId && w.aborted); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await h.emu.idle();
      }
      const hook = h.emu.webhooks().find((w) => w.containerId === containerId && w.aborted)!;
      expect(hook).toMatchObject({ aborted: true, delivered: false });
      expect(Object.keys(hook)).not.toContain('Aborted');
      // Only the aborted callback's attempts: the same publish raises a second one (workflow Stop) later.
      const ours = bodies.filter((b) => (b.Callback as { CallbackId: string }).CallbackId === hook.callbackId);
      expect(ours.map((b) => (b.Callback as { Aborted: unknown; RetryCounter: number }).Aborted)).toEqual([false, false]);
    } finally {
      h.emu.configure({ webhooks: { defaultUrl: null } });
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('RAW-API §15, §18: {emulatorBase}', () => {
  it('is the origin without a trailing slash: the client is configured with {emulatorBase}/ and links are {emulatorBase}/guest/{GuestId}', async () => {
    expect(h.emu.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = h.client(ADMIN_USER, { baseUrl: `${h.emu.origin}/` });
    expect(client.apiRoot).toBe(`${h.emu.origin}/VPE/`);
    const link = await client.createGuestLink({ email: 'base@example.invalid', name: 'Base Guest', sendEmail: false });
    expect(link.linkUrl).toBe(`${h.emu.origin}/guest/${link.guestId}`);
    expect((await fetch(link.linkUrl)).status).toBe(200);
  });
});

describe('RAW-API §9.1: __TT_ImageType', () => {
  it('is always sent by the client; the emulator stores 2 when it is absent or empty and refuses anything but an integer', async () => {
    const client = h.client(ADMIN_USER);
    const { containerId } = await client.createDocumentContainer({});
    const { documentId } = await client.createDocument({ containerId });
    await client.uploadImage({ containerId, documentId, imageType: 3, body: { bytes: jpegBytes(1024) } });
    const sent = h.emu.requests().filter((r) => r.operation === 'dataAccess/uploadImage').at(-1);
    expect(sent?.query.__TT_ImageType).toBe('3');

    await client.login();
    const sessionId = [...h.sessionIds].at(-1)!;
    const raw = async (type: string | null) => {
      const query = new URLSearchParams({ __TT_ContainerId: containerId, __TT_DocumentId: documentId });
      if (type !== null) query.set('__TT_ImageType', type);
      const answer = await fetch(`${h.emu.baseUrl}dataAccess/uploadImage/?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'tid-api-key': h.emu.apiKey, __TT_DeviceId: client.deviceId, __TT_SessionId: sessionId },
        body: jpegBytes(512),
      });
      return (await answer.json()) as { Success: boolean; Message: string };
    };
    expect((await raw(null)).Success).toBe(true);
    expect((await raw('')).Success).toBe(true);
    for (const bad of ['abc', ' ', '2.5', '2e0']) expect(await raw(bad)).toMatchObject({ Success: false, Message: '__TT_ImageType is not valid.' });
    await client.uploadApplicantPhoto({ containerId, body: { bytes: jpegBytes(512) } });
    await client.publishDocumentContainer({ containerId });
    const container = await waitForStorage(client, containerId, [DocumentStorageType.Archive]);
    expect(container.Documents[0]?.Images.map((i) => i.ImageType)).toEqual([3, 2, 2]);
  });
});

describe('RAW-API §15.1: configuration keys', () => {
  it('accepts every documented key and refuses a misspelt one by name, changing nothing', async () => {
    const post = async (body: unknown) => {
      const answer = await fetch(`${h.emu.controlUrl}config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: answer.status, json: (await answer.json()) as { ok: boolean; error?: string; config?: Record<string, unknown> } };
    };
    const good = await post({ temp: { purgeAfterS: 86400 }, guest: { linkLifetimeS: 604800 }, login: { lockAfterFailures: 5, minApiVersion: null }, upload: { maxBytes: 20971520 } });
    expect(good.status).toBe(200);
    expect(JSON.stringify(good.json.config)).not.toContain('Demo-Admin-2026!');
    const delays = h.emu.config().processing;
    const bad = await post({ processing: { workflowDelay: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('workflowDelay');
    expect((await post({ tempPurgeAfterS: 1 })).json.error).toContain('tempPurgeAfterS');
    expect(h.emu.config().processing).toEqual(delays);
  });
});
