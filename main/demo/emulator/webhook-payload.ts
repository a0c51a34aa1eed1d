// The body of one webhook delivery attempt (RAW-API §10.2, §10.4) and the retry schedule (§10.3).
// Runs wherever the emulator runs. Pure.
import type { EmulatorConfig, WebhookEventName } from './config';
import type { WebhookRecord } from './state';
import type { WireObject } from './wire-json';
import { WireDate, WireEnvelope } from './wire-json';

const EVENT_SHAPE: Record<WebhookEventName, { workflowName: string; workflowState: string; processName: string }> = {
  ContainerSubmitted: { workflowName: 'AutoReferral', workflowState: 'Start', processName: 'DataAccess.PublishDocumentContainer' },
  ContainerSentToReview: { workflowName: 'AutoReferral', workflowState: 'WaitingForReferralCompletion', processName: 'DataAccess.PublishDocumentContainer' },
  ResultNotification: { workflowName: 'AutoReferral', workflowState: 'Stop', processName: 'DataAccess.PublishDocumentContainer' },
  ContainerModifiedPostResult: { workflowName: 'UpdateDocumentContainer', workflowState: 'Start', processName: 'DataAccess.UpdateDocumentContainer' },
  DocumentModifiedPostResult: { workflowName: 'UpdateDocument', workflowState: 'Start', processName: 'DataAccess.UpdateDocument' },
};

/** The payload for the next attempt of `hook`, sent at `nowMs`. */
export function webhookPayload(hook: WebhookRecord, nowMs: number): WireObject {
  const shape = EVENT_SHAPE[hook.event];
  const previous = hook.attempts.at(-1);
  // §10.4: Response uses the documented key set, without MfaCodeRequired / NewPasswordRequired.
  const response: WireObject = {
    AccessDenied: false,
    CallbackId: null,
    Locked: false,
    Message: 'Operation executed successfully.',
    SessionExpired: false,
    Success: true,
    VpeUnreachable: false,
    AutoReferred: false,
    ContainerId: hook.containerId,
    DocumentReplaced: false,
    MergeContainers: false,
    Merged: false,
  };
  if (hook.clientApplicationReference !== null) response.ClientApplicationReference = hook.clientApplicationReference;
  if (hook.event === 'DocumentModifiedPostResult') response.DocumentId = hook.documentId;
  return {
    Callback: {
      Aborted: false,
      CallbackAt: new WireDate(nowMs),
      CallbackId: hook.callbackId,
      // §10.3: the previous attempt's HTTP status; 0 on the first attempt and after a timeout.
      CallbackStatusCode: previous?.status ?? 0,
      CallbackUrl: hook.url,
      ErrorMessage: previous?.error ?? null,
      ProcessName: shape.processName,
      RetryCounter: hook.attempts.length + 1,
      ScheduledAt: new WireDate(hook.scheduledAt),
      State: 5,
      UpdatedAt: new WireDate(nowMs),
      WorkflowName: shape.workflowName,
      WorkflowState: shape.workflowState,
      WorkflowStorage: [
        { Key: 'ContainerId', Value: hook.containerId },
        { Key: 'DocumentId', Value: hook.documentId },
        { Key: 'ClientApplicationReference', Value: hook.clientApplicationReference },
      ],
    },
    Response: new WireEnvelope(response),
  };
}

/** The wait after the `failedAttempts`-th failure, in ms; the schedule's last entry repeats. */
export function retryDelayMs(config: EmulatorConfig['webhooks'], failedAttempts: number): number {
  const delays = config.retryDelaysS;
  const seconds = delays[Math.min(failedAttempts, delays.length) - 1] ?? delays.at(-1) ?? 3600;
  return (seconds * 1000) / config.clockCompression;
}

/** ResultNotification cannot be switched off (§10.1); the rest follow `webhooks.events`. */
export function eventEnabled(config: EmulatorConfig['webhooks'], event: WebhookEventName): boolean {
  return event === 'ResultNotification' || config.events[event] !== false;
}
