// What the capture shell needs of the rest of main, declared where the capture can see it: the
// readers, the store's save, the sync worker's wake-up, the session, the forms. The app wires
// these in main/app/services/app-services.ts. Types only; runs in main.
import type { CaptureDraft, ImageLight, ImageSide } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import type { AuditEntry } from '../store/audit-log';
import type { CaptureInput, SavedCapture, SealedAhead } from '../store/capture-repo';
import type { ImageTypePolicy } from './capture-input';
import type { DeviceRead } from './device-service';
import type { FormField } from './field-values';
import type { QualityThresholds } from './quality-checks';
import type { Submitter } from './save-input';

/** What the capture needs of the device service (DeviceService has it all). */
export type CaptureDevices = {
  onRead(listener: (deviceId: string, read: DeviceRead) => void): () => void;
  capabilitiesOf(id: string): { sides: ImageSide[] } | null;
  captureLights(): ImageLight[];
  mrzExpected(): boolean;
};

export type CaptureServiceDeps = {
  devices: CaptureDevices;
  /** The store's save: durable before it resolves. */
  saveCapture(input: CaptureInput): Promise<SavedCapture>;
  /** Seals an image as it arrives, so Submit only writes it (the store's sealAhead); absent = sealed at Submit. */
  sealAhead?: (appId: string, bytes: Uint8Array) => SealedAhead;
  /** Wakes the sync worker. */
  afterSave(appId: string): void;
  /** Who submits: null when nobody is signed in. */
  who(): Submitter | null;
  online(): boolean;
  thresholds(): QualityThresholds;
  /** The account's application custom fields (fetched from TrustID when online, cached). */
  fieldDefinitions(): Promise<FormField[]>;
  /** The account's document-level custom fields (issue 10 §5; RAW-API §7.9); absent = none. */
  documentFieldDefinitions?: () => Promise<FormField[]>;
  /** The desk's day, 'YYYY-MM-DD' (expiry and age). */
  today(): string;
  now(): number;
  newId(): string;
  log: Logger;
  /** Sends `capture.changed`. */
  onChange(draft: CaptureDraft | null): void;
  /** Image types per RAW-API §9.2 (default: front 2, back 3, IR/UV not saved). */
  imageTypes?: () => ImageTypePolicy;
  /** Appends to the audit log (no personal data: ids, codes, counts). */
  audit?: (entry: AuditEntry) => void;
  /** A queued application prepared for this branch, by id (issue 6 item 7); absent = not available. */
  queuedApplication?: (id: string) => Promise<{ id: string; name: string } | null>;
};
