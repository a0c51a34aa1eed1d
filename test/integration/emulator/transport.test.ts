// Transport rules of RAW-API §1 over real HTTP: path forms, status codes, the API key and its
// status switch, Content-Type and body checks, DeviceId, unknown properties and date switches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json } from './emulator-client';
import { DEVICE, buildApplication, jpeg, login, post, publish, start, upload } from './emulator-client';

describe('emulator transport (RAW-API §1)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await start();
  });
  afterEach(async () => {
    await emu.close();
  });

  async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; json: Json; text: string; headers: Headers }> {
    const response = await fetch(`${emu.origin}${path}`, init);
    const text = await response.text();
    return { status: response.status, text, json: text.startsWith('{') ? (JSON.parse(text) as Json) : {}, headers: response.headers };
  }

  const loginBody = () => JSON.stringify({ DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!' });

  it('answers the same operation with or without the trailing slash, under /vpe.svc/, in any case', async () => {
    const headers = { 'content-type': 'application/json', 'tid-api-key': emu.apiKey };
    for (const path of ['/VPE/session/login/', '/VPE/session/login', '/vpe.svc/session/login/', '/vpe/SESSION/LOGIN']) {
      const answer = await raw(path, { method: 'POST', headers, body: loginBody() });
      expect(answer.json.Success, path).toBe(true);
    }
  });

  it('answers testConnection by GET and POST without key, device or session', async () => {
    for (const method of ['GET', 'POST']) {
      const answer = await raw('/VPE/session/testConnection/', { method });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ Success: true, Message: 'Operation executed successfully.', AccessDenied: false });
    }
  });

  it('gives 404 for unknown paths, the inbox paths included, and 405 for a wrong method', async () => {
    const unknown = await raw('/VPE/dataAccess/noSuchThing/', { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ Success: false, Message: 'Endpoint not found.' });
    expect((await raw('/VPE/inbox/query/', { method: 'POST' })).status).toBe(404);
    expect((await raw('/elsewhere', {})).status).toBe(404);
    const wrong = await raw('/VPE/session/login/', { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.json.Success).toBe(false);
  });

  it('answers 400 for a body that is not JSON or a JSON call sent as something else', async () => {
    const headers = { 'tid-api-key': emu.apiKey };
    const broken = await raw('/VPE/session/login/', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"DeviceId":' });
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ Success: false, Message: 'Invalid request body.' });
    const form = await raw('/VPE/session/login/', { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(form.status).toBe(400);
    const array = await raw('/VPE/session/login/', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '[]' });
    expect(array.status).toBe(400);
  });

  it('refuses a missing or wrong API key with AccessDenied, by default on HTTP 200', async () => {
    const missing = await raw('/VPE/session/login/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody() });
    expect(missing.status).toBe(200);
    expect(missing.json).toMatchObject({ Success: false, AccessDenied: true, Message: 'Invalid API key.' });
    const wrong = await raw('/VPE/session/login/', { method: 'POST', headers: { 'content-type': 'application/json', 'tid-api-key': 'nope' }, body: loginBody() });
    expect(wrong.json.AccessDenied).toBe(true);
    const casing = await raw('/VPE/session/login/', { method: 'POST', headers: { 'content-type': 'application/json', 'TId-Api-Key': emu.apiKey }, body: loginBody() });
    expect(casing.json.Success).toBe(true);
  });

  it('switches the API-key answer to 401 or 403, and can turn the check off', async () => {
    const send = () => raw('/VPE/session/login/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody() });
    emu.configure({ statusMode: { apiKey: 401 } });
    expect((await send()).status).toBe(401);
    emu.configure({ statusMode: { apiKey: 403 } });
    const forbidden = await send();
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.AccessDenied).toBe(true);
    emu.configure({ apiKey: null });
    expect((await send()).json.Success).toBe(true);
    expect(emu.apiKey).toBe('');
  });

  it('requires a DeviceId on every call but testConnection', async () => {
    const answer = await post(emu, 'session/login', { Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!' });
    expect(answer.json).toMatchObject({ Success: false, Message: 'DeviceId is required.' });
    const empty = await post(emu, 'dataAccess/createDocumentContainer', { DeviceId: '', SessionId: 'x' });
    expect(empty.json.Message).toBe('DeviceId is required.');
  });

  it('ignores mis-cased and unknown properties, logging them', async () => {
    const session = await login(emu);
    // "containerId" is not "ContainerId": it counts as absent (§1.5).
    const answer = await session.call('dataAccess/createDocument', { containerId: '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480', Extra: 1 });
    expect(answer.json).toMatchObject({ Success: false, Message: 'ContainerId is required.' });
    const entry = emu.requests().at(-1);
    expect(entry?.ignoredFields).toEqual(['containerId', 'Extra']);
  });

  it('rejects wrongly typed properties with a message naming the field', async () => {
    const session = await login(emu);
    const answer = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 'four' });
    expect(answer.json).toMatchObject({ Success: false, Message: 'DocumentSource is not valid.' });
  });

  it('answers documented but unimplemented operations with "Operation not supported."', async () => {
    const session = await login(emu);
    for (const op of ['dataAccess/downloadOnlineCheck', 'dataAccess/getDocumentTypeChargeStatuses']) {
      const answer = await session.call(op);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ Success: false, Message: 'Operation not supported.' });
    }
  });

  it('writes dates with a configured offset and the year-1 sentinel for unset dates when asked', async () => {
    const session = await login(emu);
    const { containerId } = await buildApplication(session);
    await publish(session, containerId);
    emu.configure({ dates: { offset: '+0100', emitSentinels: true } });
    const answer = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    const container = answer.json.Container as Json;
    expect(container.CreatedAt).toBe(`/Date(${emu.containers()[0]?.createdAt}+0100)/`);
    expect(container.ReferredAt).toBe('/Date(-62135596800000+0000)/');
    emu.configure({ dates: { offset: '+0000', emitSentinels: false } });
    const plain = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    expect((plain.json.Container as Json).ReferredAt).toBeNull();
  });

  it('takes its ids from an injected factory, so tests can predict them', async () => {
    let counter = 0;
    const predictable = await start({ newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` });
    try {
      const session = await login(predictable);
      expect(session.sessionId).toBe('00000000-0000-4000-8000-000000000001');
      const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
      expect(created.json.ContainerId).toBe('00000000-0000-4000-8000-000000000002');
    } finally {
      await predictable.close();
    }
  });

  it('keeps secrets and personal data out of the request log', async () => {
    const session = await login(emu);
    const { containerId } = await buildApplication(session, { reference: 'ref-log' });
    await upload(session, containerId, null, await jpeg(), 1, 'dataAccess/uploadApplicantPhoto');
    const text = JSON.stringify(emu.requests());
    expect(text).not.toContain('Demo-Kiosk-2026!');
    expect(text).not.toContain(session.sessionId);
    expect(text).not.toContain(emu.apiKey);
    expect(text).not.toContain('ERIKSSON');
    const loginEntry = emu.requests().find((entry) => entry.operation === 'session/login');
    expect(loginEntry).toMatchObject({ status: 200, success: true, outcome: 'answered', body: { kind: 'json', values: { Username: 'demo.kiosk', DeviceId: DEVICE } } });
    const create = emu.requests().find((entry) => entry.operation === 'dataAccess/createDocumentContainer');
    expect(create?.body).toMatchObject({ values: { ClientApplicationReference: 'ref-log' } });
    const uploadEntry = emu.requests().find((entry) => entry.operation === 'dataAccess/uploadImage');
    expect(uploadEntry?.body).toEqual({ kind: 'binary', bytes: (await jpeg()).length });
  });
});
