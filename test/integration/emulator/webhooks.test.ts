// Webhooks (RAW-API §10) delivered to a real local receiver: payloads, per-request and default
// URLs, headers, event switches, retries with RetryCounter and CallbackStatusCode, timeouts, and
// abort after the last attempt — on the manual clock, and once on the real clock compressed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { buildApplication, control, login, publish, start, validPassportMrz } from './emulator-client';

type Delivery = { headers: http.IncomingHttpHeaders; text: string; json: Json };

/** A receiver that records deliveries and answers each with the next planned status (200 when none left, "hang" never answers). */
async function receiver(plan: (number | 'hang')[] = []) {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      deliveries.push({ headers: req.headers, text, json: JSON.parse(text) as Json });
      const next = plan.shift() ?? 200;
      if (next === 'hang') return;
      res.writeHead(next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    deliveries,
    events: () => deliveries.map((item) => `${(item.json.Callback as Json).WorkflowName}/${(item.json.Callback as Json).WorkflowState}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const callback = (delivery: Delivery | undefined) => delivery?.json.Callback as Json;
const storage = (delivery: Delivery | undefined, key: string) => (callback(delivery).WorkflowStorage as Json[]).find((item) => item.Key === key)?.Value;

describe('emulator webhooks (RAW-API §10)', () => {
  let emu: RunningEmulator;
  let session: Session;
  let hook: Awaited<ReturnType<typeof receiver>>;
  afterEach(async () => {
    await emu.close();
    await hook.close();
  });

  describe('on the manual clock', () => {
    beforeEach(async () => {
      emu = await start();
      session = await login(emu);
    });

    it('posts ContainerSubmitted at publish and ResultNotification on the result, in the documented shape', async () => {
      hook = await receiver();
      const { containerId } = await buildApplication(session, { reference: 'hook-ref' });
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.idle();
      expect(hook.events()).toEqual(['AutoReferral/Start']);
      await emu.advanceClock(2500);
      expect(hook.events()).toEqual(['AutoReferral/Start', 'AutoReferral/Stop']);

      const result = hook.deliveries[1];
      expect(result?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Object.keys(result?.json ?? {})).toEqual(['Callback', 'Response']);
      expect(Object.keys(callback(result))).toEqual([
        'Aborted',
        'CallbackAt',
        'CallbackId',
        'CallbackStatusCode',
        'CallbackUrl',
        'ErrorMessage',
        'ProcessName',
        'RetryCounter',
        'ScheduledAt',
        'State',
        'UpdatedAt',
        'WorkflowName',
        'WorkflowState',
        'WorkflowStorage',
      ]);
      expect(callback(result)).toMatchObject({
        Aborted: false,
        CallbackStatusCode: 0,
        CallbackUrl: hook.url,
        ProcessName: 'DataAccess.PublishDocumentContainer',
        RetryCounter: 1,
        State: 5,
      });
      expect(callback(result).WorkflowStorage).toEqual([
        { Key: 'ContainerId', Value: containerId },
        { Key: 'DocumentId', Value: null },
        { Key: 'ClientApplicationReference', Value: 'hook-ref' },
      ]);
      expect(Object.keys(result?.json.Response as Json)).toEqual([
        'AccessDenied',
        'CallbackId',
        'Locked',
        'Message',
        'SessionExpired',
        'Success',
        'VpeUnreachable',
        'AutoReferred',
        'ClientApplicationReference',
        'ContainerId',
        'DocumentReplaced',
        'MergeContainers',
        'Merged',
      ]);
      expect(result?.text).toMatch(/"CallbackAt":"\\\/Date\(\d+\+0000\)\\\/"/);
      // The payload never carries results (§10.3).
      expect(result?.text).not.toContain('OperatorStatus');
    });

    it('retries a failing receiver on the schedule, with the same CallbackId and a growing RetryCounter', async () => {
      hook = await receiver([500, 503]);
      emu.configure({ processing: { workflowDelayMs: 1e9 } });
      const { containerId } = await buildApplication(session);
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.idle();
      expect(hook.deliveries).toHaveLength(1);
      await emu.advanceClock(59_999);
      expect(hook.deliveries).toHaveLength(1);
      await emu.advanceClock(1);
      expect(hook.deliveries).toHaveLength(2);
      await emu.advanceClock(300_000);
      expect(hook.deliveries).toHaveLength(3);
      await emu.advanceClock(3_600_000);
      expect(hook.deliveries).toHaveLength(3);
      expect(hook.deliveries.map((item) => callback(item).RetryCounter)).toEqual([1, 2, 3]);
      expect(hook.deliveries.map((item) => callback(item).CallbackStatusCode)).toEqual([0, 500, 503]);
      expect(new Set(hook.deliveries.map((item) => callback(item).CallbackId)).size).toBe(1);
      expect(emu.webhooks()[0]).toMatchObject({ delivered: true, aborted: false, attempts: [{ status: 500 }, { status: 503 }, { status: 200 }] });
    });

    it('gives up after the last attempt and shows the event as aborted', async () => {
      hook = await receiver([500, 500, 500, 500]);
      emu.configure({ processing: { workflowDelayMs: 1e9 }, webhooks: { maxAttempts: 3, retryDelaysS: [10] } });
      const { containerId } = await buildApplication(session);
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.advanceClock(3_600_000);
      expect(hook.deliveries).toHaveLength(3);
      expect(emu.webhooks()[0]).toMatchObject({ aborted: true, delivered: false, nextAttemptAt: null });
      expect(((await control(emu, 'GET', 'webhooks')).json.webhooks as Json[])[0]).toMatchObject({ aborted: true });
    });

    it('counts a receiver that does not answer in time as status 0', async () => {
      hook = await receiver(['hang']);
      emu.configure({ processing: { workflowDelayMs: 1e9 }, webhooks: { timeoutMs: 100 } });
      const { containerId } = await buildApplication(session);
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.idle();
      await emu.advanceClock(60_000);
      expect(hook.deliveries).toHaveLength(2);
      expect(callback(hook.deliveries[1])).toMatchObject({ RetryCounter: 2, CallbackStatusCode: 0, ErrorMessage: 'The receiver did not answer in time.' });
    });

    it('uses the default URL and configured headers when the request names none, and honours event switches', async () => {
      hook = await receiver();
      emu.configure({ webhooks: { defaultUrl: hook.url, headers: [{ Header: 'X-Account', Value: 'demo' }], events: { ContainerSubmitted: false, ResultNotification: false } } });
      const { containerId } = await buildApplication(session);
      await publish(session, containerId);
      await emu.advanceClock(2500);
      // ResultNotification cannot be switched off (§10.1).
      expect(hook.events()).toEqual(['AutoReferral/Stop']);
      expect(hook.deliveries[0]?.headers['x-account']).toBe('demo');
    });

    it('raises ContainerSentToReview on a referral, then the result', async () => {
      hook = await receiver();
      const { containerId } = await buildApplication(session, { mrz: validPassportMrz('REFER') });
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.advanceClock(2500);
      expect(hook.events()).toEqual(['AutoReferral/Start', 'AutoReferral/WaitingForReferralCompletion']);
      await emu.advanceClock(30_000);
      expect(hook.events().at(-1)).toBe('AutoReferral/Stop');
    });

    it('sends queued-application events to ContainerEventCallbackUrl with ContainerEventCallbackHeaders', async () => {
      hook = await receiver();
      const created = await session.call('dataAccess/createQueuedDocumentContainer', {
        ClientApplicationReference: 'queued-hook',
        ContainerEventCallbackUrl: hook.url,
        ContainerEventCallbackHeaders: [{ Header: 'Authorization', Value: 'Bearer demo-token' }],
      });
      emu.submitQueued(String(created.json.ContainerId), { outcome: 'pass' });
      await emu.advanceClock(2500);
      expect(hook.events()).toEqual(['AutoReferral/Start', 'AutoReferral/Stop']);
      expect(hook.deliveries.every((item) => item.headers.authorization === 'Bearer demo-token')).toBe(true);
    });

    it('raises the post-result modification events with the document where there is one', async () => {
      hook = await receiver();
      const { containerId, documentId } = await buildApplication(session);
      await publish(session, containerId, { CallbackUrl: hook.url });
      await emu.advanceClock(2500);
      await session.call('dataAccess/updateDocumentContainer', { ContainerId: containerId });
      expect((await control(emu, 'POST', `documents/${documentId}/modified`)).status).toBe(200);
      await emu.idle();
      expect(hook.events().slice(2)).toEqual(['UpdateDocumentContainer/Start', 'UpdateDocument/Start']);
      const documentEvent = hook.deliveries[3];
      expect(callback(documentEvent).ProcessName).toBe('DataAccess.UpdateDocument');
      expect(storage(documentEvent, 'DocumentId')).toBe(documentId);
      expect((documentEvent?.json.Response as Json).DocumentId).toBe(documentId);
    });
  });

  it('retries on the real clock with clock compression', async () => {
    hook = await receiver([500]);
    emu = await start({ clock: 'real', now: undefined, processing: { workflowDelayMs: 1e9 }, webhooks: { retryDelaysS: [60], clockCompression: 600 } });
    session = await login(emu);
    const { containerId } = await buildApplication(session);
    await publish(session, containerId, { CallbackUrl: hook.url });
    await vi.waitFor(() => expect(emu.webhooks()[0]?.delivered).toBe(true), { timeout: 5000 });
    expect(hook.deliveries.map((item) => callback(item).RetryCounter)).toEqual([1, 2]);
  });
});
