// Every fault action of RAW-API §15.2 over real HTTP, checking both what the client sees and
// whether the operation was carried out; plus matching by path, nth, times and seeded probability.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Session } from './emulator-client';
import { buildApplication, control, jpeg, login, publish, start, upload } from './emulator-client';

describe('emulator fault injection (RAW-API §15.2)', () => {
  let emu: RunningEmulator;
  let session: Session;
  beforeEach(async () => {
    emu = await start();
    session = await login(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  const storageOf = (containerId: string) => emu.containers().find((row) => row.containerId === containerId);

  it('refuse closes the connection and applies nothing', async () => {
    const { containerId } = await buildApplication(session);
    emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'refuse', times: 1 });
    await expect(publish(session, containerId)).rejects.toThrow();
    expect(storageOf(containerId)).toMatchObject({ storageType: 1, publishRequests: 0 });
    expect(emu.requests().at(-1)).toMatchObject({ operation: 'dataAccess/publishDocumentContainer', outcome: 'refused', fault: 'refuse' });
    expect((await publish(session, containerId)).json.Success).toBe(true);
  });

  it('http:<status> answers the status, Retry-After and the chosen body kind without applying', async () => {
    const { containerId } = await buildApplication(session);
    emu.addFault({ match: { path: 'publishDocumentContainer' }, action: 'http:429', retryAfter: 7, body: 'empty', times: 1 });
    emu.addFault({ match: { path: 'publishDocumentContainer' }, action: 'http:503', body: 'html', times: 1 });
    emu.addFault({ match: { path: 'publishDocumentContainer' }, action: 'http:500', times: 1 });
    const tooMany = await publish(session, containerId);
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get('retry-after')).toBe('7');
    expect(tooMany.text).toBe('');
    const unavailable = await publish(session, containerId);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('content-type')).toContain('text/html');
    expect(unavailable.text).toMatch(/^<!DOCTYPE html>/);
    const failed = await publish(session, containerId);
    expect(failed.status).toBe(500);
    expect(failed.json.Success).toBe(false);
    expect(storageOf(containerId)).toMatchObject({ storageType: 1, publishRequests: 0 });
  });

  it('applyThenDrop publishes and then resets the connection without an answer', async () => {
    const { containerId } = await buildApplication(session, { reference: 'drop' });
    emu.addFault({ match: { path: 'dataAccess/publishDocumentContainer' }, action: 'applyThenDrop', times: 1 });
    await expect(publish(session, containerId)).rejects.toThrow();
    expect(emu.publishCounts().drop).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 1 });
    // The retrieve that resolves the ambiguity sees it published.
    const answer = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    expect((answer.json.Container as { DocumentStorageType: number }).DocumentStorageType).toBe(5);
  });

  it('applyThen:<5xx> applies the operation and answers the error status instead', async () => {
    emu.addFault({ match: { path: 'dataAccess/createDocumentContainer' }, action: 'applyThen:502', times: 1 });
    const answer = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, ClientApplicationReference: 'orphan' });
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ Success: false });
    expect(answer.json).not.toHaveProperty('ContainerId');
    expect(emu.containers('orphan')).toHaveLength(1);
  });

  it('delay with apply carries the operation out although the client gave up waiting', async () => {
    const { containerId } = await buildApplication(session);
    emu.addFault({ match: { path: 'publishDocumentContainer' }, action: 'delay:1500', times: 1 });
    const started = fetch(`${emu.baseUrl}dataAccess/publishDocumentContainer/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': emu.apiKey },
      body: JSON.stringify({ DeviceId: session.deviceId, SessionId: session.sessionId, ContainerId: containerId }),
      signal: AbortSignal.timeout(100),
    });
    await expect(started).rejects.toThrow();
    await vi.waitFor(() => expect(storageOf(containerId)?.publishCount).toBe(1));
  });

  it('delay with apply answers the real result late when the client waits', async () => {
    emu.addFault({ match: { path: 'queryBranchesX' }, action: 'delay:50:apply', times: 1 });
    const answer = await session.call('dataAccess/queryBranchesX');
    expect(answer.json.Success).toBe(true);
    expect(emu.requests().at(-1)?.durationMs).toBeGreaterThanOrEqual(45);
  });

  it('delay with noApply never carries the operation out and never answers', async () => {
    const { containerId } = await buildApplication(session);
    emu.addFault({ match: { path: 'publishDocumentContainer' }, action: 'delay:200', apply: false, times: 1 });
    await expect(publish(session, containerId)).rejects.toThrow();
    expect(emu.requests().at(-1)).toMatchObject({ outcome: 'dropped', fault: 'delay:200' });
    expect(storageOf(containerId)).toMatchObject({ storageType: 1, publishRequests: 0 });
  });

  it('sessionExpired answers SessionExpired (401 under the switch) without applying', async () => {
    emu.addFault({ match: { path: 'createDocumentContainer' }, action: 'sessionExpired', times: 2 });
    const first = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, ClientApplicationReference: 'never' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ Success: false, SessionExpired: true });
    emu.configure({ statusMode: { sessionExpired: 401 } });
    const second = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, ClientApplicationReference: 'never' });
    expect(second.status).toBe(401);
    expect(emu.containers('never')).toEqual([]);
    // The real session was never touched.
    expect((await session.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
  });

  it('flag:<name> answers Success:false with that flag set', async () => {
    for (const flag of ['Locked', 'VpeUnreachable', 'AccessDenied'] as const) {
      emu.addFault({ match: { path: 'createDocumentContainer' }, action: `flag:${flag}`, times: 1 });
      const answer = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, ClientApplicationReference: 'flags' });
      expect(answer.json).toMatchObject({ Success: false, [flag]: true });
    }
    expect(emu.containers('flags')).toEqual([]);
  });

  it('reject answers Success:false with the given message, once or as many times as asked', async () => {
    emu.addFault({ match: { path: 'createDocumentContainer' }, action: 'reject', message: 'Nope.', times: 3 });
    for (let index = 0; index < 3; index += 1) {
      expect((await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 })).json).toMatchObject({ Success: false, Message: 'Nope.' });
    }
    expect((await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 })).json.Success).toBe(true);
  });

  it('resetDuringRequest drops the connection while an upload is still arriving and stores nothing', async () => {
    const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
    const containerId = String(created.json.ContainerId);
    const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId });
    const big = Buffer.concat([await jpeg(), Buffer.alloc(4 * 1024 * 1024, 1)]);
    emu.addFault({ match: { path: 'uploadImage' }, action: 'resetDuringRequest', afterBytes: 64 * 1024, times: 1 });
    await expect(upload(session, containerId, String(doc.json.DocumentId), big)).rejects.toThrow();
    expect(emu.requests().at(-1)).toMatchObject({ outcome: 'reset-during-request' });
    expect(emu.containers().find((row) => row.containerId === containerId)?.documents[0]?.images).toBe(0);
  });

  it('resetDuringResponse applies, sends part of the answer, then drops the connection', async () => {
    emu.addFault({ match: { path: 'createDocumentContainer' }, action: 'resetDuringResponse', times: 1 });
    const response = await fetch(`${emu.baseUrl}dataAccess/createDocumentContainer/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': emu.apiKey },
      body: JSON.stringify({ DeviceId: session.deviceId, SessionId: session.sessionId, DocumentSource: 4, ClientApplicationReference: 'half' }),
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(emu.containers('half')).toHaveLength(1);
  });

  it('matches by nth, counts times, and leaves other paths alone', async () => {
    emu.addFault({ match: { path: '/VPE/dataAccess/createDocumentContainer/', nth: 2 }, action: 'http:503' });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 })).status);
    expect(statuses).toEqual([200, 503, 200, 200]);
    expect((await session.call('dataAccess/queryBranchesX')).status).toBe(200);
    expect(emu.faults()[0]).toMatchObject({ seen: 4, fired: 1 });
  });

  it('fires probabilistic rules reproducibly for a given seed', async () => {
    const pattern = async (seed: number) => {
      const other = await start({ seed });
      try {
        const user = await login(other);
        other.addFault({ match: { path: '*', probability: 0.5 }, action: 'http:503' });
        const seen: number[] = [];
        for (let index = 0; index < 24; index += 1) seen.push((await user.call('dataAccess/queryBranchesX')).status);
        return seen;
      } finally {
        await other.close();
      }
    };
    const first = await pattern(42);
    expect(await pattern(42)).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('registers, lists and clears rules through the control endpoint', async () => {
    const added = await control(emu, 'POST', 'faults', [
      { match: { path: 'createDocumentContainer' }, action: 'flag:Locked', times: 1 },
      { id: 'slow', match: { path: 'queryBranchesX' }, action: 'delay:1:apply' },
    ]);
    expect(added.json).toMatchObject({ ok: true, ids: [expect.any(String), 'slow'] });
    expect(((await control(emu, 'GET', 'faults')).json.faults as unknown[]).length).toBe(2);
    expect((await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 })).json.Locked).toBe(true);
    expect((await control(emu, 'DELETE', 'faults/slow')).status).toBe(200);
    expect((await control(emu, 'POST', 'faults', { match: { path: 'x' }, action: 'explode' })).status).toBe(400);
    expect((await control(emu, 'DELETE', 'faults')).json.ok).toBe(true);
    expect(emu.faults()).toEqual([]);
  });

  it('accepts rules at start-up through the faults option', async () => {
    const other = await start({ faults: [{ match: { path: 'session/login' }, action: 'http:503', times: 1 }] });
    try {
      await expect(login(other)).rejects.toThrow(/Login failed/);
      await expect(login(other)).resolves.toMatchObject({ sessionId: expect.any(String) });
    } finally {
      await other.close();
    }
  });
});
