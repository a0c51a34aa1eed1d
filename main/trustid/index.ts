// The TrustID Raw API client's public surface: the client factory, the typed errors and their
// outcome classes, the models, enums and the /Date()/ codec. Runs in main (plain Node).
export { createTrustIdClient, DEFAULT_TIMEOUTS } from './client';
export type {
  AdvancedQueryRequest,
  ArchiveContainerQueryRequest,
  CreateContainerRequest,
  CreateDocumentRequest,
  DocumentCustomFieldValue,
  Download,
  FlexibleFieldSearch,
  GuestLink,
  GuestLinkRequest,
  LoginInfo,
  Paging,
  PublishRequest,
  PublishResult,
  QueuedContainerRequest,
  TrustIdClient,
  TrustIdClientOptions,
  TrustIdCredentials,
  TrustIdTimeouts,
  UploadApplicantPhotoRequest,
  UploadBody,
  UploadImageRequest,
  UploadProgress,
} from './client';
export { ARCHIVE_REFUSED, TrustIdError, isArchiveAccessDenied, isTrustIdError, describeTrustIdError } from './errors';
export type { TrustIdErrorDetails, TrustIdErrorKind, TrustIdOperation, NetworkReason, ConfigurationReason } from './errors';
export { classifyOutcome, isTransportFailure, OutcomeClass } from './outcome';
export { parseRetryAfter } from './retry-after';
export { formatMsDate, formatMsDateOnly, parseMsDate, MsDate, MsDateFormatError } from './date-codec';
export { isDeviceId, loadOrCreateDeviceId } from './device-id';
export { isLoopbackHost, parseBaseUrl } from './base-url';
export * from './enums';
export * from './models';
export * from './result-reading';
