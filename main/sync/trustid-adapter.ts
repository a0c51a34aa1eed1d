// Adapts one TrustID client (main/trustid) to the sync engine's SubmissionApi port: every call's
// result or error becomes a classified CallOutcome (SUBMISSION-PROTOCOL §4). Runs in main.
import type { DocumentFieldValue } from '../store/document-fields';
import type { DocumentCustomFieldValue, TrustIdClient, TrustIdClientOptions } from '../trustid/client';
import { isTrustIdError } from '../trustid/errors';
import type { ApplicationFlexibleFieldValue, Container } from '../trustid/models';
import { classifyOutcome, isTransportFailure } from '../trustid/outcome';
import type { ApplicationFieldValue } from '../store/application-fields';
import type { CallExtras, MarkerSlot, SubmissionApi } from './sync-ports';
import type { CallOutcome, RetrievedContainer, StepCall } from './submission-types';

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
    ...(error.kind === 'access-denied' ? { accessDenied: true } : {}),
    httpStatus: error.httpStatus ?? null,
    retryAfterMs: error.retryAfterMs ?? null,
    transportFailure: isTransportFailure(error),
    message: error.message,
  };
}

/**
 * The captured values as ApplicationFlexibleFieldValues (RAW-API §7.8): the FlexibleFieldVersionId
 * and exactly one value member, the one the kind names. A date is midnight UTC of its day (§1.8).
 * Values without a version id are not TrustID's and stay on the kiosk. The store refuses values that
 * do not fit their kind when the capture is saved, so the skip below only guards against a bug
 * turning into a request error (which the machine would have to treat as ambiguous).
 */
export function flexibleFieldValuesOf(fields: readonly ApplicationFieldValue[]): ApplicationFlexibleFieldValue[] {
  const out: ApplicationFlexibleFieldValue[] = [];
  for (const f of fields) {
    if (f.versionId === undefined) continue;
    const flexibleFieldVersionId = f.versionId;
    switch (f.kind) {
      case 'string':
        out.push({ flexibleFieldVersionId, string: f.value });
        break;
      case 'int': {
        const n = Number(f.value);
        if (Number.isSafeInteger(n)) out.push({ flexibleFieldVersionId, int: n });
        break;
      }
      case 'decimal': {
        const n = Number(f.value);
        if (f.value.trim() !== '' && Number.isFinite(n)) out.push({ flexibleFieldVersionId, decimal: n });
        break;
      }
      case 'date': {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.value);
        if (m) out.push({ flexibleFieldVersionId, date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) });
        break;
      }
    }
  }
  return out;
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
          case 'createContainer': {
            // I5: every container carries ClientApplicationReference = app.id. API §4.1: the
            // application's custom fields go with it (a mandatory one left out is refused there).
            const values = flexibleFieldValuesOf(extras.applicationFields ?? []);
            return {
              id: (
                await client.createDocumentContainer({
                  clientApplicationReference: call.appId,
                  ...(values.length > 0 ? { applicationFlexibleFieldValues: values } : {}),
                })
              ).containerId,
            };
          }
          case 'createDocument':
            return {
              id: (
                await client.createDocument({
                  containerId: call.containerId,
                  ...(extras.mrz ? { mrz: extras.mrz } : {}),
                  ...(extras.rfidMrz ? { rfidMrz: extras.rfidMrz } : {}),
                  // RAW-API §7.9: the capture marker in the account's marker slot, and the values staff filled in.
                  ...customFieldValuesToSend(call.marker !== undefined && extras.markerSlot ? { slot: extras.markerSlot, value: call.marker } : null, extras.documentCustomFields ?? []),
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
            return { retrieved: retrievedOf(c) };
          }
        }
      }),
  };
}

/** What the machines read of a retrieved container (§7.6, §13.4): storage type, documents, markers, images. */
export function retrievedOf(c: Container): RetrievedContainer {
  return {
    storageType: c.DocumentStorageType,
    referred: c.Referred === true,
    documents: c.Documents.map((d) => ({
      documentId: d.DocumentId,
      customValues: d.CustomFieldDictionary.map((e) => e.Value?.Value ?? '').filter((v) => v !== ''),
      imageIds: d.Images.map((i) => i.Id),
    })),
    applicantPhotoId: c.ApplicantPhotoImage?.Id ?? null,
    snapshot: JSON.stringify(c),
  };
}

function requireBody(extras: CallExtras): Uint8Array {
  // The worker reads and checks the image before the SENT commit; an upload without it is a bug.
  if (extras.body === undefined) throw new Error('upload without verified image bytes');
  return extras.body;
}

/**
 * Document.CustomFieldDictionary entries (RAW-API §7.9): staff's values, then the capture marker. The
 * marker's slot is the kiosk's: a staff value for the same slot or name is dropped rather than sent
 * twice (the definitions service leaves the marker field off the form, so this is a second guard).
 */
export function customFieldValuesToSend(marker: { slot: MarkerSlot; value: string } | null, values: readonly DocumentFieldValue[]): { customFieldValues?: DocumentCustomFieldValue[] } {
  const out: DocumentCustomFieldValue[] = values
    .filter((v) => !marker || (v.propertyName !== marker.slot.propertyName && v.index !== marker.slot.index))
    .map((v) => ({ propertyName: v.propertyName, ...(v.index !== undefined ? { index: v.index } : {}), value: v.value }));
  if (marker) out.push({ propertyName: marker.slot.propertyName, index: marker.slot.index, value: marker.value });
  return out.length > 0 ? { customFieldValues: out } : {};
}
