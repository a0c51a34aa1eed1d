// The typed errors of the TrustID client: one class with a `kind` a caller can branch on, the
// details the submission protocol needs (HTTP status, Retry-After, whether the request was written),
// and a plain-English message for staff. Runs in main (plain Node).
//
// Messages never contain the password, the API key or the session id: they are composed here
// from fixed text, and the only server text they quote (`Message`) passes through the client's
// redaction first.
import { AppError } from '../app-error';

export type TrustIdOperation =
  | 'testConnection'
  | 'login'
  | 'logout'
  | 'createDocumentContainer'
  | 'createDocument'
  | 'uploadImage'
  | 'uploadApplicantPhoto'
  | 'updateDocumentContainer'
  | 'publishDocumentContainer'
  | 'retrieveDocumentContainer'
  | 'retrieveDocument'
  | 'image'
  | 'exportPDF'
  | 'archiveContainerQuery'
  | 'advancedQuery'
  | 'createQueuedDocumentContainer'
  | 'createGuestLink'
  | 'deleteGuestLink'
  | 'deleteDocumentContainerSet'
  | 'archiveDocumentContainer'
  | 'queryBranchesX'
  | 'applicationFlexibleFieldAttributes'
  | 'customFields'
  | 'getDocumentTypeChargeStatuses'
  | 'getCountries';

/** What each call is, in words staff understand. */
const ACTIVITY: Record<TrustIdOperation, string> = {
  testConnection: 'checking the connection to TrustID',
  login: 'signing in to TrustID',
  logout: 'signing out of TrustID',
  createDocumentContainer: 'starting the application in TrustID',
  createDocument: 'adding a document to the application',
  uploadImage: 'uploading a document image',
  uploadApplicantPhoto: "uploading the applicant's photo",
  updateDocumentContainer: 'updating the application',
  publishDocumentContainer: 'submitting the application',
  retrieveDocumentContainer: 'fetching the application result',
  retrieveDocument: 'fetching a document result',
  image: 'downloading an image',
  exportPDF: 'downloading the PDF report',
  archiveContainerQuery: 'searching the TrustID archive',
  advancedQuery: 'searching the TrustID archive',
  createQueuedDocumentContainer: 'creating a queued application',
  createGuestLink: 'creating a guest link',
  deleteGuestLink: 'withdrawing a guest link',
  deleteDocumentContainerSet: 'deleting applications',
  archiveDocumentContainer: 'archiving an application',
  queryBranchesX: 'reading the list of branches',
  applicationFlexibleFieldAttributes: 'reading the application field definitions',
  customFields: 'reading the document field definitions',
  getDocumentTypeChargeStatuses: 'reading the document charges',
  getCountries: 'reading the list of countries',
};

export type TrustIdErrorKind =
  // configuration (SUBMISSION-PROTOCOL §4 class CONFIG)
  | 'configuration'
  | 'access-denied'
  | 'desktop-client-denied'
  | 'incompatible-version'
  // SESSION
  | 'session-expired'
  // AUTH (login only)
  | 'invalid-credentials'
  | 'locked-account'
  | 'password-change-required'
  | 'mfa-required'
  // transport and transient answers (NOT_APPLIED or AMBIGUOUS, see outcome.ts)
  | 'network'
  | 'timeout'
  | 'too-many-requests'
  | 'request-timeout'
  | 'locked'
  | 'server-error'
  | 'service-unreachable'
  | 'protocol'
  // definitive refusals (REJECTED)
  | 'not-found'
  | 'rejected'
  // the caller's own mistake, found before anything was sent
  | 'invalid-request';

export type NetworkReason = 'dns' | 'refused' | 'unreachable' | 'reset' | 'tls' | 'proxy' | 'other';

export type ConfigurationReason = 'base-url' | 'redirect' | 'endpoint-not-found';

export type TrustIdErrorDetails = {
  operation: TrustIdOperation;
  /** The HTTP status, when an answer arrived. */
  httpStatus?: number;
  /** From Retry-After (either form), in ms from when the answer arrived. */
  retryAfterMs?: number;
  /**
   * network / timeout: whether the request reached a connection. false proves nothing was applied
   * (NOT_APPLIED); true means it may have been (AMBIGUOUS), SUBMISSION-PROTOCOL §4.
   */
  written?: boolean;
  /** timeout: waiting to connect, or waiting for the answer after sending. */
  phase?: 'connect' | 'response';
  networkReason?: NetworkReason;
  configurationReason?: ConfigurationReason;
  /** Redacted, shortened `Message` from TrustID, for logs and screens (never branched on, RAW-API §1.7). */
  serverMessage?: string;
  /** True when this failure came on the retry right after a session renewal. */
  afterRenewal?: boolean;
  /** The deadline that ran out, for timeout messages. */
  timeoutMs?: number;
  /** Technical detail for logs: an error code, the field a schema rejected. Never personal data or secrets. */
  detail?: string;
  /** protocol: the id a successful create must return but did not (RAW-API §16 #9). */
  missingId?: string;
};

export class TrustIdError extends AppError {
  readonly kind: TrustIdErrorKind;
  readonly operation: TrustIdOperation;
  readonly details: Readonly<TrustIdErrorDetails>;

  constructor(kind: TrustIdErrorKind, details: TrustIdErrorDetails, message?: string) {
    super(`trustid.${kind}`, message ?? describeTrustIdError(kind, details));
    this.kind = kind;
    this.operation = details.operation;
    this.details = Object.freeze({ ...details });
  }

  get httpStatus(): number | undefined {
    return this.details.httpStatus;
  }
  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
  get written(): boolean | undefined {
    return this.details.written;
  }

  /** Fields safe to log (no secrets, no personal data). */
  toLog(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export function isTrustIdError(error: unknown): error is TrustIdError {
  return error instanceof TrustIdError;
}

const TRY_AGAIN = 'The kiosk will try again by itself.';

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.max(1, Math.round(ms / 1000));
  return s >= 120 ? `${Math.round(s / 60)} minutes` : `${s} seconds`;
}

function status(d: TrustIdErrorDetails): string {
  return d.httpStatus ? ` (HTTP ${d.httpStatus})` : '';
}

/** RAW-API §13.4 own-records mode, in the words staff see. */
export const ARCHIVE_REFUSED =
  "This kiosk's TrustID account is not allowed to search TrustID's records, so only applications started at this kiosk are shown here. A TrustID administrator can give the account archive access.";

function isArchiveQuery(operation: TrustIdOperation): boolean {
  return operation === 'archiveContainerQuery' || operation === 'advancedQuery';
}

/**
 * RAW-API §13, §13.4: the archive query was refused because the account lacks archive privilege
 * (`AccessDenied:true` on an HTTP 200 answer). The caller switches to own-records mode; unlike
 * AccessDenied elsewhere it must not pause the submission queue. A 401/403 is the API key instead.
 */
export function isArchiveAccessDenied(error: unknown): error is TrustIdError {
  return isTrustIdError(error) && error.kind === 'access-denied' && isArchiveQuery(error.operation) && error.httpStatus !== 401 && error.httpStatus !== 403;
}

/** The staff-facing text for an error: what happened, then what to do. */
export function describeTrustIdError(kind: TrustIdErrorKind, d: TrustIdErrorDetails): string {
  const activity = ACTIVITY[d.operation];
  const said = d.serverMessage ? ` TrustID said: "${d.serverMessage}"` : '';
  switch (kind) {
    case 'configuration':
      if (d.configurationReason === 'redirect') {
        return `TrustID's address answered with a redirect${status(d)} while ${activity}, so the base URL in Settings is not the API address. Check the TrustID base URL in Settings.`;
      }
      if (d.configurationReason === 'endpoint-not-found') {
        return `The address in Settings does not serve the TrustID API${status(d)}: nothing answered for ${d.operation}. Check the TrustID base URL in Settings.`;
      }
      return `The TrustID connection is not set up correctly: ${d.detail ?? 'check the base URL in Settings'}.`;
    case 'access-denied':
      // RAW-API §13.4: on an archive query this means the account has no archive privilege, not a bad key.
      if (isArchiveQuery(d.operation) && d.httpStatus !== 401 && d.httpStatus !== 403) return ARCHIVE_REFUSED;
      return `TrustID refused access while ${activity}${status(d)}. Check the TrustID API key in Settings and that the account has the rights this needs, then press Try again.`;
    case 'desktop-client-denied':
      return 'TrustID does not allow this account to sign in from this kind of client. Ask TrustID to check the rights of the kiosk account, then press Try again.';
    case 'incompatible-version':
      return 'TrustID no longer accepts this version of Scan Station. Install the update, then press Try again.';
    case 'session-expired':
      return `The TrustID session ended while ${activity}. The kiosk signs in again by itself; if this keeps happening, check the kiosk's clock and network.`;
    case 'invalid-credentials':
      return 'TrustID did not accept the kiosk account user name or password. An administrator should check them in Settings, then press Try again. The kiosk does not retry by itself, so the account is not locked by repeated attempts.';
    case 'locked-account':
      return 'The TrustID account this kiosk uses is locked. Ask your TrustID administrator to unlock it, then press Try again.';
    case 'password-change-required':
      return 'TrustID requires a new password for the kiosk account. An administrator should set a new password for it, enter it in Settings, then press Try again.';
    case 'mfa-required':
      return 'The kiosk account needs multi-factor sign-in, which a kiosk cannot do. Ask your TrustID administrator for an account without it, then enter it in Settings.';
    case 'network': {
      const when =
        d.written === false ? 'Nothing was sent.' : 'The request may or may not have reached TrustID; the kiosk checks before sending anything twice.';
      switch (d.networkReason) {
        case 'dns':
          return `TrustID's server name could not be found while ${activity}. Check this computer's network connection. ${when} ${TRY_AGAIN}`;
        case 'refused':
          return `TrustID refused the connection while ${activity}. Check the network connection and the base URL in Settings. ${when} ${TRY_AGAIN}`;
        case 'unreachable':
          return `TrustID could not be reached while ${activity}. Check this computer's network connection. ${when} ${TRY_AGAIN}`;
        case 'tls':
          return `A secure connection to TrustID could not be set up while ${activity} (the certificate check failed). If this network inspects secure traffic, its certificate must be trusted by this computer. ${when} ${TRY_AGAIN}`;
        case 'proxy':
          return `The network proxy refused the connection to TrustID while ${activity}. Check the proxy settings (HTTPS_PROXY, NO_PROXY). ${when} ${TRY_AGAIN}`;
        case 'reset':
          return `The connection to TrustID was cut off while ${activity}. ${when} ${TRY_AGAIN}`;
        default:
          return `The connection to TrustID failed while ${activity}. ${when} ${TRY_AGAIN}`;
      }
    }
    case 'timeout':
      return d.phase === 'connect'
        ? `TrustID did not accept a connection within ${seconds(d.timeoutMs) || 'the time limit'} while ${activity}. Nothing was sent. ${TRY_AGAIN}`
        : `TrustID did not answer within ${seconds(d.timeoutMs) || 'the time limit'} while ${activity}. The request may have reached TrustID; the kiosk checks before sending anything twice. ${TRY_AGAIN}`;
    case 'too-many-requests':
      return `TrustID asked the kiosk to slow down while ${activity} (HTTP 429).${d.retryAfterMs !== undefined ? ` It will try again in ${seconds(d.retryAfterMs)}.` : ` ${TRY_AGAIN}`}`;
    case 'request-timeout':
      return `TrustID gave up waiting for the request while ${activity} (HTTP 408). Nothing was applied. ${TRY_AGAIN}`;
    case 'locked':
      return `The application is locked in TrustID (someone may be working on it) while ${activity}. ${TRY_AGAIN}`;
    case 'server-error':
      return `TrustID had a problem while ${activity}${status(d)}.${d.retryAfterMs !== undefined ? ` It asked for a pause of ${seconds(d.retryAfterMs)}.` : ''} ${TRY_AGAIN}`;
    case 'service-unreachable':
      return `TrustID could not reach its processing service while ${activity}. ${TRY_AGAIN}`;
    case 'protocol':
      return `TrustID sent an answer the kiosk could not understand while ${activity}${status(d)}${d.detail ? `: ${d.detail}` : ''}. ${TRY_AGAIN} If it keeps happening, report it to support.`;
    case 'not-found':
      return `TrustID could not find what was asked for while ${activity}${status(d)}.${said}`;
    case 'rejected':
      return `TrustID refused the request while ${activity}${status(d)}.${said || ' Check the details of the application.'}`;
    case 'invalid-request':
      return `The kiosk could not send the request while ${activity}: ${d.detail ?? 'its data is incomplete'}.`;
  }
}
