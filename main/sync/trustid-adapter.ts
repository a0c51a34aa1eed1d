// Adapts one TrustID client (main/trustid) to the sync engine's SubmissionApi port: every call's
// result or error becomes a classified CallOutcome (SUBMISSION-PROTOCOL §4). Runs in main.
import type { TrustIdClient, TrustIdClientOptions } from '../trustid/client';
import { isTrustIdError } from '../trustid/errors';
import { classifyOutcome, isTransportFailure } from '../trustid/outcome';
import type { CallExtras, SubmissionApi } from './sync-ports';
import type { CallOutcome, StepCall } from './submission-types';

/**
 * The client options the submission protocol needs, on top of the caller's:
 * - `sessionRenewal: 'surface'`: a SessionExpired comes back to the state machine, which commits
 *   PENDING, counts the renewal (§6 loop guard) and has the worker log in under the queue's rules
 *   (I6), instead of the client logging in by itself in the middle of a SENT step;
 * - `renewIdleBeforeUploadMs: 0`: the worker renews an idle session before the SENT commit, so a
 *   failing login can never be mistaken for a failed upload.
 */
export function syncClientOptions(options: TrustIdClientOptions): TrustIdClientOptions {
  return { ...options, sessionRenewal: 'surface', renewIdleBeforeUploadMs: 0 };
}

export function outcomeOfError(error: unknown): CallOutcome {
  const cls = classifyOutcome(error);
  if (!isTrustIdError(error)) {
    return { class: cls, transportFailure: false, message: error instanceof Error ? error.name : 'unknown failure' };
  }
  return {
    class: cls,
    httpStatus: error.httpStatus ?? null,
    retryAfterMs: error.retryAfterMs ?? null,
    transportFailure: isTransportFailure(error),
    message: error.message,
  };
}

async function classified(run: () => Promise<Omit<CallOutcome, 'class'>>): Promise<CallOutcome> {
  try {
    return { class: 'OK', ...(await run()) };
  } catch (error) {
    return outcomeOfError(error);
  }
}

export function submissionApiFrom(client: TrustIdClient): SubmissionApi {
  return {
    hasSession: () => client.hasSession(),

    login: () =>
      classified(async () => {
        await client.login();
        return {};
      }),

    testConnection: () =>
      classified(async () => {
        await client.testConnection();
        return {};
      }),

    call: (call: StepCall, extras: CallExtras) =>
      classified(async () => {
        switch (call.kind) {
          case 'createContainer':
            // I5: every container carries ClientApplicationReference = app.id.
            return { id: (await client.createDocumentContainer({ clientApplicationReference: call.appId })).containerId };
          case 'createDocument':
            return {
              id: (
                await client.createDocument({
                  containerId: call.containerId,
                  ...(extras.mrz ? { mrz: extras.mrz } : {}),
                  ...(extras.rfidMrz ? { rfidMrz: extras.rfidMrz } : {}),
                })
              ).documentId,
            };
          case 'uploadImage':
            return {
              id: (
                await client.uploadImage({
                  containerId: call.containerId,
                  documentId: call.documentId,
                  imageType: call.imageType,
                  body: { bytes: requireBody(extras) },
                  ...(extras.onProgress ? { onProgress: extras.onProgress } : {}),
                })
              ).imageId,
            };
          case 'uploadApplicantPhoto':
            return {
              id: (
                await client.uploadApplicantPhoto({
                  containerId: call.containerId,
                  body: { bytes: requireBody(extras) },
                  ...(extras.onProgress ? { onProgress: extras.onProgress } : {}),
                })
              ).imageId,
            };
          case 'publish':
            // API §4.6: AutoReferral and WebClientRequest true, nothing else.
            return { id: (await client.publishDocumentContainer({ containerId: call.containerId })).containerId };
          case 'retrieve': {
            const c = await client.retrieveDocumentContainer({ containerId: call.containerId });
            return { retrieved: { storageType: c.DocumentStorageType, referred: c.Referred === true, snapshot: JSON.stringify(c) } };
          }
        }
      }),
  };
}

function requireBody(extras: CallExtras): Uint8Array {
  // The worker reads and checks the image before the SENT commit; an upload without it is a bug.
  if (extras.body === undefined) throw new Error('upload without verified image bytes');
  return extras.body;
}
