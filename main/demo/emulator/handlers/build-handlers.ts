// Building and submitting an application (RAW-API §4, §9): createDocumentContainer,
// createDocument, uploadImage, uploadApplicantPhoto, updateDocumentContainer and
// publishDocumentContainer, with the per-state rules of §8.2. Runs wherever the emulator runs.
import type { ApiCall, Reply } from '../api-call';
import { accountOf, envelopeReply } from '../api-call';
import type { Engine } from '../engine';
import { ApiFailure, MESSAGES, okEnvelope } from '../envelope';
import { sniffImage } from '../image-sniff';
import { isGuid } from '../request-body';
import type { ContainerRecord, ImageRecord } from '../state';
import { STORAGE } from '../state';
import { parseCustomFieldValues } from './custom-field-values';
import { mergeFlexibleValues, parseFlexibleValues, requireMandatory } from './flexible-values';

/** The container a request names, visible to the caller; a malformed id is simply not found. */
export function namedContainer(call: ApiCall, id: string | null, field = 'ContainerId'): ContainerRecord {
  if (id === null) throw new ApiFailure(MESSAGES.required(field));
  if (!isGuid(id)) throw new ApiFailure(MESSAGES.containerNotFound);
  return call.engine.visibleContainer(accountOf(call), id);
}

export function createDocumentContainer(call: ApiCall): Reply {
  const { engine, body } = call;
  const account = accountOf(call);
  const values = parseFlexibleValues(body, engine.config);
  requireMandatory(values, engine.config);
  const container = engine.createContainer({
    account,
    deviceId: call.deviceId,
    kind: 'standard',
    documentSource: body.int('DocumentSource') ?? 4,
    scannerType: body.string('ScannerType'),
    clientApplicationReference: body.string('ClientApplicationReference'),
  });
  container.flexibleValues = values;
  const fields: Record<string, string> = { ContainerId: container.id };
  // §4.1: DocumentId only when CreateDocument:true.
  if (body.bool('CreateDocument') === true) fields.DocumentId = engine.addDocument(container, { scannerType: container.scannerType }).id;
  return envelopeReply(okEnvelope(fields));
}

export function createDocument(call: ApiCall): Reply {
  const { engine, body } = call;
  const container = namedContainer(call, body.guid('ContainerId'));
  engine.requireUnpublished(container);
  const known = body.object('Document');
  // §4.2: a refused custom field refuses the call before anything is created.
  const customValues = engine.config.alternatives.dropCustomFields ? {} : parseCustomFieldValues(known, engine.config.customFields);
  const doc = engine.addDocument(container, {
    documentType: body.int('DocumentType') ?? 0,
    mrz: body.string('Mrz'),
    rfidMrz: body.string('RfidMrz'),
    scannerType: body.string('ScannerType'),
    feedbackPersonMatches: known?.int('FeedbackPersonMatches') ?? 0,
    customValues,
  });
  return envelopeReply(okEnvelope({ DocumentId: doc.id }));
}

function queryGuid(call: ApiCall, name: string): string {
  const value = call.query.get(name);
  if (value === null || value === '') throw new ApiFailure(MESSAGES.required(name));
  return value.toLowerCase();
}

/** Checks the uploaded bytes (§9.3) and stores them as an image of `container`. */
function storeUpload(engine: Engine, call: ApiCall, container: ContainerRecord, documentId: string | null, imageType: number): ImageRecord {
  if (call.rawTooLarge) throw new ApiFailure(MESSAGES.imageTooLarge);
  if (call.raw.length === 0) throw new ApiFailure(MESSAGES.imageEmpty);
  if (call.raw.length > engine.config.upload.maxBytes) throw new ApiFailure(MESSAGES.imageTooLarge);
  const info = sniffImage(call.raw);
  if (!info) throw new ApiFailure(MESSAGES.imageFormat);
  const id = engine.newId();
  const record: ImageRecord = {
    id,
    containerId: container.id,
    documentId,
    imageType,
    sourceId: null,
    mime: info.mime,
    fileType: info.fileType,
    size: call.raw.length,
    width: info.width,
    height: info.height,
    createdAt: engine.now(),
    filename: `${id}.${info.extension}`,
  };
  engine.addImage(record, call.raw);
  container.updatedAt = record.createdAt;
  return record;
}

function uploadTarget(call: ApiCall): ContainerRecord {
  const containerId = queryGuid(call, '__TT_ContainerId');
  const container = namedContainer(call, containerId, '__TT_ContainerId');
  call.engine.requireUnpublished(container);
  return container;
}

export function uploadImage(call: ApiCall): Reply {
  const container = uploadTarget(call);
  const documentId = queryGuid(call, '__TT_DocumentId');
  // §9.3: an unknown document, or one from another container, is "Document not found.".
  const doc = container.documents.find((item) => item.id === documentId);
  if (!doc) throw new ApiFailure(MESSAGES.documentNotFound);
  // §9.1: optional; absent or empty means 2, and anything but a plain integer is refused
  // (Number() alone would take " " for 0 and "2e0" for 2).
  const typeText = call.query.get('__TT_ImageType');
  if (typeText !== null && typeText !== '' && !/^-?\d{1,9}$/.test(typeText)) throw new ApiFailure(MESSAGES.invalid('__TT_ImageType'));
  const imageType = typeText === null || typeText === '' ? 2 : Number(typeText);
  const record = storeUpload(call.engine, call, container, doc.id, imageType);
  // §9.3: a second upload of the same type appends; nothing is ever replaced.
  doc.imageIds.push(record.id);
  doc.updatedAt = record.createdAt;
  return envelopeReply(okEnvelope({ ImageId: record.id }));
}

export function uploadApplicantPhoto(call: ApiCall): Reply {
  const container = uploadTarget(call);
  const record = storeUpload(call.engine, call, container, null, 1);
  container.applicantPhotoId = record.id;
  return envelopeReply(okEnvelope({ ImageId: record.id }));
}

export function updateDocumentContainer(call: ApiCall): Reply {
  const { engine, body } = call;
  const container = namedContainer(call, body.guid('ContainerId'));
  container.flexibleValues = mergeFlexibleValues(container.flexibleValues, parseFlexibleValues(body, engine.config));
  container.updatedAt = engine.now();
  engine.markDirty();
  // §4.5: an edit after a result exists raises ContainerModifiedPostResult.
  if (container.storageType === STORAGE.Archive) engine.raise('ContainerModifiedPostResult', container);
  return envelopeReply(okEnvelope());
}

function callbackUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.toString();
  } catch {
    throw new ApiFailure(MESSAGES.invalid('CallbackUrl'));
  }
}

/** Publishing is the commit point (§4.6): it happens once; a second publish changes nothing. */
export function publishContainer(engine: Engine, container: ContainerRecord, options: { callbackUrl?: string | null; autoReferral?: boolean; rfidFailed?: boolean } = {}): void {
  if (container.storageType !== STORAGE.Temp && container.storageType !== STORAGE.Queued) throw new ApiFailure(MESSAGES.alreadyPublished);
  if (!engine.containerHasImages(container)) throw new ApiFailure(MESSAGES.noImages);
  if (options.callbackUrl) container.callbackUrl = options.callbackUrl;
  container.autoReferral = options.autoReferral ?? false;
  container.rfidFailed = options.rfidFailed ?? false;
  if (container.guestId) {
    const link = engine.state.guestLinks[container.guestId];
    if (link) link.used = true;
  }
  engine.publish(container);
}

export function publishDocumentContainer(call: ApiCall): Reply {
  const { engine, body } = call;
  const container = namedContainer(call, body.guid('ContainerId'));
  container.publishRequests += 1;
  engine.markDirty();
  const url = callbackUrl(body.string('CallbackUrl'));
  const published = container.storageType !== STORAGE.Temp && container.storageType !== STORAGE.Queued;
  // §16 #16 alternative: a repeated publish answers success and changes nothing.
  if (!(published && engine.config.alternatives.republishSucceeds)) {
    publishContainer(engine, container, { callbackUrl: url, autoReferral: body.bool('AutoReferral') ?? false, rfidFailed: body.bool('RFIDFailed') ?? false });
  }
  return envelopeReply(
    okEnvelope({
      // §4.6: referral happens later in processing, never at publish time.
      AutoReferred: false,
      ContainerId: container.id,
      DocumentReplaced: false,
      MergeContainers: body.bool('MergeContainers') ?? false,
      Merged: false,
    }),
  );
}
