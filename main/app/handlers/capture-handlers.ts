// The contract's capture channels (capture.*) over the capture service, and the reader channels
// beside them (device-handlers.ts). Thin: the dispatcher has validated every payload against
// preload/contract/capture.ts and strips anything the answer schema does not name. Runs in main.
import type { Dispatcher } from '../dispatcher';
import type { CaptureService } from '../../capture/capture-service';
import { registerDeviceHandlers } from './device-handlers';
import type { DeviceService } from '../../capture/device-service';
import type { SubmissionFollow } from '../../capture/submission-follow';

export function registerCaptureHandlers(dispatcher: Dispatcher, capture: CaptureService, devices: DeviceService, follow?: SubmissionFollow): void {
  dispatcher.handle('capture.start', (req) => capture.start(req));
  dispatcher.handle('capture.get', () => capture.get());
  dispatcher.handle('capture.addDocument', ({ documentType }) => capture.addDocument(documentType));
  dispatcher.handle('capture.removeDocument', ({ documentIndex }) => capture.removeDocument(documentIndex));
  dispatcher.handle('capture.retake', ({ imageId }) => capture.retake(imageId));
  dispatcher.handle('capture.adjustImage', ({ imageId, rotation, crop }) => capture.adjustImage(imageId, rotation, crop));
  dispatcher.handle('capture.image', ({ imageId, variant }) => capture.image(imageId, variant));
  dispatcher.handle('capture.acceptCorrections', ({ documentIndex }) => capture.acceptCorrections(documentIndex));
  dispatcher.handle('capture.fieldDefinitions', () => capture.fieldDefinitions());
  dispatcher.handle('capture.setFields', ({ values }) => capture.setFields(values));
  dispatcher.handle('capture.documentFieldDefinitions', () => capture.documentFieldDefinitions());
  dispatcher.handle('capture.setDocumentFields', ({ documentIndex, values }) => capture.setDocumentFields(documentIndex, values));
  dispatcher.handle('capture.confirmPerson', ({ matches }) => capture.confirmPerson(matches));
  dispatcher.handle('capture.confirmSamePerson', ({ reason }) => capture.confirmSamePerson(reason));
  dispatcher.handle('capture.discard', () => capture.discard());
  dispatcher.handle('capture.submit', () => capture.submit());
  dispatcher.handle('capture.finish', () => capture.finish());
  if (follow) {
    dispatcher.handle('capture.submission', ({ applicationId }) => follow.view(applicationId));
    dispatcher.handle('capture.recovered', () => follow.recovered());
  }
  registerDeviceHandlers(dispatcher, devices);
}
