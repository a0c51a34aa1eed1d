// Reading results (RAW-API §5): retrieveDocumentContainer, retrieveDocument, image bytes by GET
// and POST, and the PDF report by POST and GET. Only published applications can be read (§8.2).
// Runs wherever the emulator runs.
import type { ApiCall, Reply } from '../api-call';
import { accountOf, bytesReply, emptyReply, envelopeReply } from '../api-call';
import { ApiFailure, MESSAGES, okEnvelope } from '../envelope';
import { containerReportPdf } from '../pdf-report';
import { isGuid } from '../request-body';
import { ORGANISATION } from '../seed-data';
import type { ContainerRecord } from '../state';
import { STORAGE } from '../state';
import { wireContainer, wireDocument } from '../wire-models';
import { namedContainer } from './build-handlers';

/** §5.1: a Temp container "has not been published"; Queued ones can be read with what they hold. */
export function publishedContainer(call: ApiCall, id: string | null, field = 'ContainerId'): ContainerRecord {
  const container = namedContainer(call, id, field);
  if (container.storageType === STORAGE.Temp) throw new ApiFailure(MESSAGES.notPublished);
  // §16 #19 alternative: a queued container cannot be read before it is submitted.
  if (container.storageType === STORAGE.Queued && call.engine.config.alternatives.queuedNotRetrievable) throw new ApiFailure(MESSAGES.notPublished);
  return container;
}

/** §16 #19 alternative: a queued container is shown without what has been added to it so far. */
function asShown(call: ApiCall, container: ContainerRecord): ContainerRecord {
  if (container.storageType !== STORAGE.Queued || !call.engine.config.alternatives.queuedHidesDocuments) return container;
  return { ...container, documents: [], applicantPhotoId: null };
}

export function retrieveDocumentContainer(call: ApiCall): Reply {
  const container = publishedContainer(call, call.body.guid('ContainerId'));
  return envelopeReply(okEnvelope({ Container: wireContainer(asShown(call, container), call.engine.modelContext()) }));
}

export function retrieveDocument(call: ApiCall): Reply {
  const container = asShown(call, publishedContainer(call, call.body.guid('ContainerId')));
  const documentId = call.body.guid('DocumentId', true);
  const doc = container.documents.find((item) => item.id === documentId);
  if (!doc) throw new ApiFailure(MESSAGES.documentNotFound);
  return envelopeReply(okEnvelope({ Document: wireDocument(doc, container, call.engine.modelContext()) }));
}

/** The bytes of an image the caller may see; anything else is "not available". */
function imageBytes(call: ApiCall, imageId: string | null): Reply {
  if (!imageId || !isGuid(imageId)) return emptyReply();
  const record = call.engine.state.images[imageId.toLowerCase()];
  if (!record) return emptyReply();
  const container = call.engine.container(record.containerId);
  if (!container || container.storageType === STORAGE.Temp || !call.engine.canSee(accountOf(call), container)) return emptyReply();
  const hidden = call.engine.config.alternatives.queuedNotRetrievable || call.engine.config.alternatives.queuedHidesDocuments;
  if (container.storageType === STORAGE.Queued && hidden) return emptyReply();
  const bytes = call.engine.imageBytes(record.id);
  return bytes ? bytesReply(bytes, record.mime) : emptyReply();
}

/** §5.3: GET ?id=&DeviceId=&SessionId=; any error is an empty 200 body. */
export function imageGet(call: ApiCall): Reply {
  return imageBytes(call, call.query.get('id'));
}

/** §5.4: POST {ImageId}, answered like §5.3. */
export function retrieveImage(call: ApiCall): Reply {
  return imageBytes(call, call.body.string('ImageId'));
}

function pdfOf(call: ApiCall, container: ContainerRecord): Reply {
  const branch = call.engine.modelContext().branchName(container.branchId);
  return bytesReply(containerReportPdf(container, { branchName: branch, organisationName: ORGANISATION.name, vpeName: call.engine.config.vpeName }), 'application/pdf');
}

export function exportPdf(call: ApiCall): Reply {
  return pdfOf(call, publishedContainer(call, call.body.guid('ContainerId')));
}

/** §5.5 (our choice): GET ?id=<ContainerId>&DeviceId=&SessionId=. */
export function downloadPdf(call: ApiCall): Reply {
  const id = call.query.get('id');
  return pdfOf(call, publishedContainer(call, id === null || id === '' ? null : id.toLowerCase(), 'id'));
}
