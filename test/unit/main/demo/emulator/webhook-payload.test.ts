// Webhook payloads and the retry schedule (RAW-API §10.3, §10.4), from plain records.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../../main/demo/emulator/config';
import { eventEnabled, retryDelayMs, webhookPayload } from '../../../../../main/demo/emulator/webhook-payload';
import type { WebhookRecord } from '../../../../../main/demo/emulator/state';
import { toWireJson } from '../../../../../main/demo/emulator/wire-json';

const hook: WebhookRecord = {
  callbackId: '9b1f6c2e-8d3a-4f57-b0e4-6a2c91d7e305',
  event: 'ResultNotification',
  containerId: '0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480',
  documentId: null,
  clientApplicationReference: null,
  url: 'https://backoffice.example.org/trustid/hook',
  headers: [],
  scheduledAt: 1718012340000,
  nextAttemptAt: 1718012340000,
  attempts: [],
  delivered: false,
  aborted: false,
};
const style = { offset: '+0000', emitSentinels: false };

describe('webhook payload', () => {
  it('matches the documented example for a first ResultNotification', () => {
    const payload = JSON.parse(toWireJson(webhookPayload(hook, 1718012345678), style)) as { Callback: Record<string, unknown>; Response: Record<string, unknown> };
    expect(payload.Callback).toEqual({
      Aborted: false,
      CallbackAt: '/Date(1718012345678+0000)/',
      CallbackId: hook.callbackId,
      CallbackStatusCode: 0,
      CallbackUrl: hook.url,
      ErrorMessage: null,
      ProcessName: 'DataAccess.PublishDocumentContainer',
      RetryCounter: 1,
      ScheduledAt: '/Date(1718012340000+0000)/',
      State: 5,
      UpdatedAt: '/Date(1718012345678+0000)/',
      WorkflowName: 'AutoReferral',
      WorkflowState: 'Stop',
      WorkflowStorage: [
        { Key: 'ContainerId', Value: hook.containerId },
        { Key: 'DocumentId', Value: null },
        { Key: 'ClientApplicationReference', Value: null },
      ],
    });
    expect(payload.Response).not.toHaveProperty('ClientApplicationReference');
    expect(payload.Response).not.toHaveProperty('MfaCodeRequired');
  });

  it('carries the previous attempt status and error into a retry', () => {
    const retry = { ...hook, attempts: [{ at: 1, status: 502, error: 'The receiver answered HTTP 502.' }] };
    const payload = webhookPayload(retry, 2) as { Callback: Record<string, unknown> };
    expect(payload.Callback).toMatchObject({ RetryCounter: 2, CallbackStatusCode: 502, ErrorMessage: 'The receiver answered HTTP 502.' });
  });

  it('retries at 1, 5 and 15 minutes, then hourly, compressed on request', () => {
    const webhooks = defaultConfig([]).webhooks;
    expect([1, 2, 3, 4, 5, 9].map((failed) => retryDelayMs(webhooks, failed) / 1000)).toEqual([60, 300, 900, 3600, 3600, 3600]);
    expect(retryDelayMs({ ...webhooks, clockCompression: 60 }, 1)).toBe(1000);
  });

  it('never switches ResultNotification off', () => {
    const webhooks = { ...defaultConfig([]).webhooks, events: { ResultNotification: false, ContainerSubmitted: false } };
    expect(eventEnabled(webhooks, 'ResultNotification')).toBe(true);
    expect(eventEnabled(webhooks, 'ContainerSubmitted')).toBe(false);
    expect(eventEnabled(webhooks, 'ContainerSentToReview')).toBe(true);
  });
});
