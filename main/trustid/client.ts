// The TrustID Raw API client: one object per TrustID account, with a typed method per endpoint the
// kiosk uses (RAW-API §2–§6, §11–§13), lazy single-flight sessions, and typed errors whose outcome
// class (outcome.ts) the submission worker acts on. Runs in main (plain Node).
//
// A method either returns what the call must return (having checked Success:true and the returned
// id, RAW-API §16 #9) or throws a TrustIdError. The only retry it makes on its own is the one a
// session renewal calls for (RAW-API §16 #1): SessionExpired means nothing was applied, so the same
// call is repeated once with the new session. Everything else is the submission worker's decision.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';
import { BaseUrlError, endpointUrl, parseBaseUrl } from './base-url';
import type { ApiRoot, EndpointGroup } from './base-url';
import { formatMsDate } from './date-codec';
import { loadOrCreateDeviceId } from './device-id';
import type { DeviceIdOptions } from './device-id';
import { DocumentSource } from './enums';
import type { SortingDirection } from './enums';
import { TrustIdError, isTrustIdError } from './errors';
import type { TrustIdErrorDetails, TrustIdOperation } from './errors';
import { createHttpDispatcher } from './http-agent';
import { exchange, ExchangeFailure } from './http-exchange';
import type { ExchangeRequest } from './http-exchange';
import { interpretResponse, readEnvelopeBody, usableSessionId } from './interpret-response';
import type { RawAnswer } from './interpret-response';
import { describeIssues } from './models';
import type { ApplicationFlexibleFieldValue, Branch, CallbackHeader, Container, Document, Organisation, User } from './models';
import { classifyOutcome } from './outcome';
import {
  AdvancedQueryResponse,
  ArchiveContainerQueryResponse,
  CreateContainerResponse,
  CreateDocumentResponse,
  ResponseEnvelope,
  GuestLinkResponse,
  LoginResponse,
  PublishResponse,
  referenceLists,
  RetrieveContainerResponse,
  RetrieveDocumentResponse,
  UploadImageResponse,
} from './responses';
import { SessionKeeper } from './session-keeper';
import type { Session } from './session-keeper';

// ---- options --------------------------------------------------------------------------------------

/** RAW-API §1.10; the submission protocol relies on these defaults. */
export type TrustIdTimeouts = {
  connectMs: number;
  /** Whole call, JSON endpoints. */
  jsonMs: number;
  /** Whole call, uploadImage / uploadApplicantPhoto. */
  uploadMs: number;
  /** Whole call, image GET and PDF. */
  downloadMs: number;
  /** Whole call, logout at shutdown: short, so quitting never waits long on a dead network. */
  logoutMs: number;
};

export const DEFAULT_TIMEOUTS: TrustIdTimeouts = {
  connectMs: 10_000,
  jsonMs: 30_000,
  uploadMs: 120_000,
  downloadMs: 60_000,
  logoutMs: 5_000,
};

export type TrustIdCredentials = { username: string; password: string };

export type TrustIdClientOptions = {
  /** The server (`https://cloud.trustid.co.uk/`) or the API root (`http://127.0.0.1:5000/VPE/`). */
  baseUrl: string;
  apiKey: string;
  /** Read at every login, so changed credentials take effect at the next login. */
  credentials: () => TrustIdCredentials | Promise<TrustIdCredentials>;
  /** Where the kiosk's DeviceId lives (created on first use). */
  deviceIdFile: string;
  deviceId?: DeviceIdOptions;
  timeouts?: Partial<TrustIdTimeouts>;
  logger?: Logger;
  /** Epoch ms; injected so tests control time (Retry-After dates, idle renewal). */
  now?: () => number;
  /**
   * RAW-API §2.4 / SUBMISSION-PROTOCOL §6: before an upload, renew a session idle for longer than
   * this, rather than send megabytes only to hear it expired. 0 turns it off. Default 10 min.
   */
  renewIdleBeforeUploadMs?: number;
  /**
   * What to do when a call finds the session expired: `retry-once` (default) logs in again and
   * repeats the call once; `surface` throws the session-expired error for the caller to handle.
   */
  sessionRenewal?: 'retry-once' | 'surface';
  /** Largest JSON answer accepted (archive queries can be large). Default 32 MiB. */
  maxJsonBytes?: number;
  /** Largest image or PDF accepted. Default 64 MiB. */
  maxDownloadBytes?: number;
  userAgent?: string;
  /** Tests only: a dispatcher to use instead of the built-in keep-alive agent. Not closed by close(). */
  dispatcher?: Dispatcher;
  /** Environment for the proxy variables (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** PEM CA certificates trusted on top of the system's (e.g. a TLS-inspecting proxy's). */
  extraCaCertificates?: string[];
};

// ---- public types ---------------------------------------------------------------------------------

export type LoginInfo = {
  user: User | undefined;
  branch: Branch | undefined;
  organisation: Organisation | undefined;
  /** "TrustID Emulator" when talking to the emulator (the kiosk shows DEMO then, RAW-API §2.2). */
  vpeName: string | undefined;
  serverApiVersion: string | undefined;
};

/** Where an upload's bytes come from. A file is streamed, never read whole into memory. */
export type UploadBody = { filePath: string } | { bytes: Uint8Array } | { stream: () => Readable; size: number };

export type UploadProgress = { sentBytes: number; totalBytes: number };

export type CreateContainerRequest = {
  /** The local application id (SUBMISSION-PROTOCOL I5). */
  clientApplicationReference?: string;
  /** Default 4, Image (RAW-API §4.1). */
  documentSource?: number;
  scannerType?: string;
  applicationFlexibleFieldValues?: ApplicationFlexibleFieldValue[];
  /** The kiosk leaves this off so every remote object comes from its own call (RAW-API §4.1). */
  createDocument?: boolean;
};

export type CreateDocumentRequest = {
  containerId: string;
  mrz?: string;
  rfidMrz?: string;
  scannerType?: string;
  documentType?: number;
  /**
   * Initial document properties, as on the wire, e.g. `{ FeedbackPersonMatches: 1 }` when staff
   * confirmed the likeness (RAW-API §4.2).
   */
  document?: Record<string, unknown>;
  /**
   * Document-level custom field values (RAW-API §4.2, §7.9), sent as
   * `Document.CustomFieldDictionary`: the capture marker and any field staff filled in.
   */
  customFieldValues?: DocumentCustomFieldValue[];
};

/** One document-level custom field value, keyed by the definition's PropertyName (and Index when known). */
export type DocumentCustomFieldValue = { propertyName: string; index?: number; value: string };

export type UploadImageRequest = {
  containerId: string;
  documentId: string;
  /** RAW-API §9.2: 2 for a page or card front. */
  imageType: number;
  body: UploadBody;
  onProgress?: (progress: UploadProgress) => void;
};

export type UploadApplicantPhotoRequest = {
  containerId: string;
  body: UploadBody;
  onProgress?: (progress: UploadProgress) => void;
};

export type PublishRequest = {
  containerId: string;
  /** Default true (RAW-API §4.6: what the kiosk sends). */
  autoReferral?: boolean;
  /** Default true. */
  webClientRequest?: boolean;
  /** Only for a chip that exists but failed to read; leave unset otherwise. */
  rfidFailed?: boolean;
  callbackUrl?: string;
  webClientIgnoreOcr?: boolean;
  lockAccess?: boolean;
  replaceContainerId?: string;
  replaceDocumentId?: string;
  establishedDocumentData?: Record<string, unknown>;
  mergeContainers?: boolean;
  mergeTargetContainerId?: string;
};

export type PublishResult = {
  containerId: string;
  autoReferred: boolean;
  merged: boolean;
  documentReplaced: boolean;
};

export type Paging = {
  page: number;
  pageSize: number | undefined;
  paginationSupported: boolean;
  totalPages: number | undefined;
  totalRecords: number | undefined;
  totalRecordsMatched: number | undefined;
};

export type AdvancedQueryRequest = {
  /** AdvancedQueryArguments, as on the wire, e.g. `{ QuickQuery: 'Sample' }`. */
  arguments?: Record<string, unknown>;
  rangeFrom?: Date;
  rangeUntil?: Date;
  page?: number;
  /** 0: the server's default; negative: no limit (RAW-API §13.1). */
  pageSize?: number;
  sortingColumn?: string;
  sortingDirection?: SortingDirection;
};

export type FlexibleFieldSearch = {
  flexibleFieldId: string;
  dataType: number;
  values?: string[];
  rangeFrom?: Date;
  rangeUntil?: Date;
};

export type ArchiveContainerQueryRequest = {
  documentHolderName?: string;
  containerScannedByUserId?: string;
  containerBranchId?: string;
  containerOrganisationId?: string;
  createdFrom?: Date;
  createdUntil?: Date;
  flexibleFieldSearchSpecifications?: FlexibleFieldSearch[];
  page?: number;
  pageSize?: number;
  sortingDirection?: SortingDirection;
};

export type QueuedContainerRequest = {
  branchId?: string;
  applicationFlexibleFieldValues?: ApplicationFlexibleFieldValue[];
  containerEventCallbackUrl?: string;
  containerEventCallbackHeaders?: CallbackHeader[];
  clientApplicationReference?: string;
};

export type GuestLinkRequest = QueuedContainerRequest & {
  email: string;
  name: string;
  emailSubjectOverride?: string | null;
  emailContentOverride?: string | null;
  sendEmail?: boolean;
  operationMode?: number;
  digitalIdentificationScheme?: number;
};

export type GuestLink = {
  linkUrl: string;
  containerId: string;
  /** Falls back to the container id, which deleteGuestLink also accepts (RAW-API §12.2). */
  guestId: string;
  emailSubject: string | undefined;
  emailContent: string | undefined;
};

export type Download = { bytes: Buffer; contentType: string | undefined };

export type TrustIdClient = {
  readonly deviceId: string;
  /** The API root in use, e.g. https://cloud.trustid.co.uk/VPE/ */
  readonly apiRoot: string;
  /** RAW-API §2.1: cheap connectivity probe; proves nothing about credentials. */
  testConnection(): Promise<void>;
  /**
   * An explicit login (staff signed in or pressed "Try again"): always one fresh login request,
   * and it lifts the stop that an AUTH/CONFIG login failure puts on automatic logins.
   */
  login(): Promise<LoginInfo>;
  /** RAW-API §2.2: ChangePassword with the current password; on success the caller stores the new one. */
  changePasswordAndLogin(newPassword: string): Promise<LoginInfo>;
  /** RAW-API §2.3: ends the session, if there is one. Never throws (failures are only logged). */
  logout(): Promise<void>;
  /** Whether a session is held now (no request). */
  hasSession(): boolean;
  /** The AUTH/CONFIG login error stopping automatic logins, if any. */
  loginBlockedBy(): TrustIdError | null;

  createDocumentContainer(req: CreateContainerRequest): Promise<{ containerId: string; documentId: string | undefined }>;
  createDocument(req: CreateDocumentRequest): Promise<{ documentId: string }>;
  uploadImage(req: UploadImageRequest): Promise<{ imageId: string }>;
  uploadApplicantPhoto(req: UploadApplicantPhotoRequest): Promise<{ imageId: string }>;
  updateDocumentContainer(req: { containerId: string; applicationFlexibleFieldValues: ApplicationFlexibleFieldValue[] }): Promise<void>;
  publishDocumentContainer(req: PublishRequest): Promise<PublishResult>;
  retrieveDocumentContainer(req: { containerId: string }): Promise<Container>;
  retrieveDocument(req: { containerId: string; documentId: string }): Promise<Document>;
  /** RAW-API §5.3. An empty answer is `not-found` (after one re-login when the session may have lapsed). */
  downloadImage(req: { imageId: string }): Promise<Download>;
  /** RAW-API §5.5: the PDF report; the bytes are checked to start with %PDF. */
  exportPdf(req: { containerId: string }): Promise<Buffer>;
  advancedQuery(req?: AdvancedQueryRequest): Promise<Paging & { documents: Document[] }>;
  /** Every page of an advanced query, one after the other. */
  advancedQueryPages(req?: AdvancedQueryRequest): AsyncGenerator<Paging & { documents: Document[] }>;
  archiveContainerQuery(req?: ArchiveContainerQueryRequest): Promise<Paging & { containers: Container[] }>;
  archiveContainerQueryPages(req?: ArchiveContainerQueryRequest): AsyncGenerator<Paging & { containers: Container[] }>;
  createQueuedDocumentContainer(req: QueuedContainerRequest): Promise<{ containerId: string }>;
  createGuestLink(req: GuestLinkRequest): Promise<GuestLink>;
  /** Accepts the GuestId or the guest link's ContainerId (RAW-API §12.2). */
  deleteGuestLink(req: { guestId: string }): Promise<void>;
  /** RAW-API §13.3: removes containers; unknown ids are skipped by the service. */
  deleteDocumentContainerSet(req: { containerIds: string[] }): Promise<void>;
  /** RAW-API §13.3: the kiosk never archives; here for tools and tests acting as a back office. */
  archiveDocumentContainer(req: { containerId: string }): Promise<void>;
  queryBranches(): Promise<Branch[]>;
  applicationFlexibleFieldAttributes(): Promise<z.output<(typeof referenceLists)['applicationFlexibleFieldAttributes']['item']>[]>;
  customFields(): Promise<z.output<(typeof referenceLists)['customFields']['item']>[]>;
  getCountries(): Promise<z.output<(typeof referenceLists)['getCountries']['item']>[]>;
  /** Stubbed by the emulator; the raw answer is returned as it came. */
  getDocumentTypeChargeStatuses(): Promise<Record<string, unknown>>;

  /** Logs out (if a session is held) and closes the connections. The client is unusable afterwards. */
  close(): Promise<void>;
};

// ---- implementation -------------------------------------------------------------------------------

type CallSpec = {
  operation: TrustIdOperation;
  group: EndpointGroup;
  /** Defaults to the operation name. */
  path?: string;
};

const JSON_TYPE = 'application/json; charset=utf-8';
/** After a success on this session within this window, an empty image answer is taken at its word. */
const IMAGE_SESSION_TRUST_MS = 60_000;
const MAX_PAGES = 10_000;

export function createTrustIdClient(options: TrustIdClientOptions): TrustIdClient {
  const timeouts: TrustIdTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const log = (options.logger ?? silentLogger()).child({ module: 'trustid' });
  const now = options.now ?? Date.now;
  const renewIdleMs = options.renewIdleBeforeUploadMs ?? 10 * 60_000;
  const renewal = options.sessionRenewal ?? 'retry-once';
  const maxJsonBytes = options.maxJsonBytes ?? 32 * 1024 * 1024;
  const maxDownloadBytes = options.maxDownloadBytes ?? 64 * 1024 * 1024;
  const userAgent = options.userAgent ?? 'ScanStation';

  let api: ApiRoot;
  try {
    api = parseBaseUrl(options.baseUrl);
  } catch (error) {
    if (error instanceof BaseUrlError) {
      throw new TrustIdError('configuration', { operation: 'login', configurationReason: 'base-url', detail: error.message }, error.message);
    }
    throw error;
  }
  if (!options.apiKey) {
    throw new TrustIdError('configuration', { operation: 'login', detail: 'no API key is set' }, 'No TrustID API key is set. Enter it in Settings.');
  }

  const deviceId = loadOrCreateDeviceId(options.deviceIdFile, {
    ...options.deviceId,
    onNewId: (reason) => {
      log.info({ reason }, 'made a new TrustID DeviceId');
      options.deviceId?.onNewId?.(reason);
    },
  });
  const ownDispatcher = options.dispatcher
    ? null
    : createHttpDispatcher({
        connectTimeoutMs: timeouts.connectMs,
        loopback: api.loopback,
        ...(options.env ? { env: options.env } : {}),
        ...(options.extraCaCertificates ? { extraCaCertificates: options.extraCaCertificates } : {}),
      });
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  let closed = false;

  // Secrets that must never reach an error message or a log line, even when TrustID echoes them.
  const secrets = new Set<string>([options.apiKey]);
  const rememberSecret = (value: string | undefined) => {
    if (!value || value.length < 4) return;
    secrets.add(value);
    if (secrets.size > 16) secrets.delete(secrets.values().next().value as string);
    secrets.add(options.apiKey);
  };
  const redact = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join('[redacted]');
    return out;
  };

  // ---- transport ----

  async function send(
    operation: TrustIdOperation,
    req: Omit<ExchangeRequest, 'headers'> & { headers?: Record<string, string> },
    timeoutMs: number,
  ): Promise<RawAnswer> {
    if (closed) throw new TrustIdError('invalid-request', { operation, detail: 'the TrustID client has been closed' });
    const started = now();
    try {
      const answer = await exchange(dispatcher, {
        ...req,
        headers: { 'Tid-Api-Key': options.apiKey, 'user-agent': userAgent, ...req.headers },
      });
      log.debug({ operation, status: answer.status, ms: now() - started }, 'TrustID answered');
      return answer;
    } catch (error) {
      throw transportError(operation, error, timeoutMs);
    }
  }

  function transportError(operation: TrustIdOperation, error: unknown, timeoutMs: number): TrustIdError {
    if (!(error instanceof ExchangeFailure)) {
      return new TrustIdError('network', { operation, written: true, networkReason: 'other', detail: 'unexpected transport failure' });
    }
    const base: TrustIdErrorDetails = { operation, written: error.written, ...(error.causeCode ? { detail: error.causeCode } : {}) };
    switch (error.reason) {
      case 'connect-timeout':
        return new TrustIdError('timeout', { ...base, phase: 'connect', written: false, timeoutMs: timeouts.connectMs });
      case 'deadline':
        return new TrustIdError('timeout', { ...base, phase: error.written ? 'response' : 'connect', timeoutMs });
      case 'too-large':
        return new TrustIdError('protocol', { ...base, detail: error.message });
      case 'dns':
      case 'refused':
      case 'unreachable':
      case 'reset':
      case 'tls':
      case 'proxy':
        return new TrustIdError('network', { ...base, networkReason: error.reason });
      case 'request-body':
        return new TrustIdError('network', { ...base, networkReason: 'other', detail: `the upload source could not be read (${error.causeCode ?? 'error'})` });
      default:
        return new TrustIdError('network', { ...base, networkReason: 'other' });
    }
  }

  function interpret(operation: TrustIdOperation, answer: RawAnswer, afterRenewal: boolean, session: Session<LoginInfo> | null) {
    const result = interpretResponse(answer, {
      operation,
      afterRenewal,
      // With no session (testConnection) a 401 can only be about the API key.
      sessionUnproven: session === null ? operation !== 'login' : session.lastAnsweredAt === undefined,
      nowMs: now(),
      redact,
    });
    if (session && (result.ok || (result.error.kind !== 'session-expired' && result.error.kind !== 'access-denied'))) {
      session.lastAnsweredAt = now();
    }
    if (!result.ok) throw result.error;
    return result;
  }

  function parseAs<S extends z.ZodType>(operation: TrustIdOperation, schema: S, json: Record<string, unknown>, status: number): z.output<S> {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new TrustIdError('protocol', { operation, httpStatus: status, detail: describeIssues(parsed.error, operation) });
    }
    return parsed.data;
  }

  function missingId(operation: TrustIdOperation, id: string, status?: number): TrustIdError {
    return new TrustIdError('protocol', {
      operation,
      ...(status !== undefined ? { httpStatus: status } : {}),
      missingId: id,
      detail: `Success:true without ${id}`,
    });
  }

  // ---- sessions ----

  const keeper = new SessionKeeper<LoginInfo>(() => performLogin({}), now);

  async function performLogin(extra: { NewPassword?: string }): Promise<{ sessionId: string; info: LoginInfo }> {
    const creds = await options.credentials();
    rememberSecret(creds.password);
    rememberSecret(extra.NewPassword);
    const body: Record<string, unknown> = {
      DeviceId: deviceId,
      Username: creds.username,
      Password: creds.password,
      // RAW-API §2.2: the kiosk is an API integration, so DesktopClient:false, and nothing else.
      DesktopClient: false,
      ...(extra.NewPassword !== undefined ? { ChangePassword: true, NewPassword: extra.NewPassword } : {}),
    };
    const started = now();
    try {
      const answer = await postJson('login', { operation: 'login', group: 'session' }, body, timeouts.jsonMs);
      const { json } = interpret('login', answer, false, null);
      const parsed = parseAs('login', LoginResponse, json, answer.status);
      const sessionId = usableSessionId(parsed.SessionId)!;
      rememberSecret(sessionId);
      log.info({ operation: 'login', ms: now() - started, vpeName: parsed.VpeName ?? undefined }, 'signed in to TrustID');
      return {
        sessionId,
        info: {
          user: parsed.User ?? undefined,
          branch: parsed.Branch ?? undefined,
          organisation: parsed.Organisation ?? undefined,
          vpeName: parsed.VpeName ?? undefined,
          serverApiVersion: parsed.ServerApiVersion === null || parsed.ServerApiVersion === undefined ? undefined : String(parsed.ServerApiVersion),
        },
      };
    } catch (error) {
      logFailure('login', error);
      throw error;
    }
  }

  function logFailure(operation: TrustIdOperation, error: unknown) {
    if (isTrustIdError(error)) {
      log.warn({ ...error.toLog(), outcome: classifyOutcome(error) }, 'TrustID call failed');
    } else {
      log.error({ operation, err: error instanceof Error ? error.name : typeof error }, 'TrustID call failed unexpectedly');
    }
  }

  /**
   * Runs `attempt` with the current session; when it reports the session expired, renews (one
   * login shared with any other caller in the same situation) and runs it once more.
   */
  async function withSession<T>(operation: TrustIdOperation, attempt: (session: Session<LoginInfo>, afterRenewal: boolean) => Promise<T>): Promise<T> {
    const expired = (error: unknown) => isTrustIdError(error) && error.kind === 'session-expired';
    let session = await keeper.get();
    try {
      return await attempt(session, false);
    } catch (error) {
      if (renewal === 'surface' || !expired(error)) {
        // A surfaced expiry still drops the session, so the caller's repeat logs in first.
        if (expired(error)) keeper.invalidate(session);
        logFailure(operation, error);
        throw error;
      }
      log.info({ operation }, 'TrustID session expired; signing in again');
      session = await keeper.renew(session);
      try {
        return await attempt(session, true);
      } catch (retryError) {
        if (expired(retryError)) keeper.invalidate(session);
        logFailure(operation, retryError);
        throw retryError;
      }
    }
  }

  // ---- JSON calls ----

  function postJson(operation: TrustIdOperation, spec: CallSpec, body: Record<string, unknown>, timeoutMs: number, accept = 'application/json') {
    return send(
      operation,
      {
        url: endpointUrl(api, spec.group, spec.path ?? spec.operation),
        method: 'POST',
        headers: { 'content-type': JSON_TYPE, accept },
        body: JSON.stringify(body),
        deadlineMs: timeoutMs,
        maxResponseBytes: accept === 'application/json' ? maxJsonBytes : maxDownloadBytes,
      },
      timeoutMs,
    );
  }

  /** A JSON call with the session in the body (RAW-API §1.4), parsed with `schema`. */
  function sessionJson<S extends z.ZodType>(spec: CallSpec, fields: Record<string, unknown>, schema: S): Promise<z.output<S>> {
    return withSession(spec.operation, async (session, afterRenewal) => {
      const answer = await postJson(spec.operation, spec, { DeviceId: deviceId, SessionId: session.id, ...fields }, timeouts.jsonMs);
      const { json } = interpret(spec.operation, answer, afterRenewal, session);
      return parseAs(spec.operation, schema, json, answer.status);
    });
  }

  // ---- uploads ----

  async function uploadSource(operation: TrustIdOperation, body: UploadBody): Promise<{ size: number; open: () => string | Uint8Array | Readable }> {
    if ('bytes' in body) return { size: body.bytes.byteLength, open: () => body.bytes };
    if ('stream' in body) return { size: body.size, open: body.stream };
    let size: number;
    try {
      const stat = await fs.promises.stat(body.filePath);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      size = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new TrustIdError('invalid-request', { operation, detail: `the image file could not be read (${code})` });
    }
    // 1 MiB reads: few, large writes to the socket, without holding the image in memory.
    return { size, open: () => fs.createReadStream(body.filePath, { highWaterMark: 1024 * 1024 }) };
  }

  async function upload(
    operation: 'uploadImage' | 'uploadApplicantPhoto',
    query: Record<string, string>,
    body: UploadBody,
    onProgress: ((p: UploadProgress) => void) | undefined,
  ): Promise<{ imageId: string }> {
    const source = await uploadSource(operation, body);
    // RAW-API §2.4: renew a long-idle session before sending megabytes into a likely expiry.
    const current = keeper.peek();
    if (current && renewIdleMs > 0 && now() - (current.lastAnsweredAt ?? current.obtainedAt) > renewIdleMs) {
      log.info({ operation }, 'TrustID session idle; signing in again before the upload');
      await keeper.renew(current);
    }
    return withSession(operation, async (session, afterRenewal) => {
      const answer = await send(
        operation,
        {
          url: endpointUrl(api, 'dataAccess', operation, query),
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(source.size),
            accept: 'application/json',
            // RAW-API §9.1: the body is binary, so the session travels in headers.
            __TT_DeviceId: deviceId,
            __TT_SessionId: session.id,
          },
          body: source.open(),
          deadlineMs: timeouts.uploadMs,
          maxResponseBytes: maxJsonBytes,
          onBodySent: onProgress ? (sentBytes) => onProgress({ sentBytes, totalBytes: source.size }) : undefined,
        },
        timeouts.uploadMs,
      );
      const { json } = interpret(operation, answer, afterRenewal, session);
      const parsed = parseAs(operation, UploadImageResponse, json, answer.status);
      if (!parsed.ImageId) throw missingId(operation, 'ImageId', answer.status);
      return { imageId: parsed.ImageId };
    });
  }

  // ---- downloads ----

  function looksLikeEnvelope(answer: RawAnswer): boolean {
    const type = answer.headers['content-type'] ?? '';
    if (/json/i.test(type)) return true;
    return !/^(image|application\/pdf|application\/octet-stream)/i.test(type) && readEnvelopeBody(answer.headers, answer.body).kind === 'envelope';
  }

  async function downloadImage(req: { imageId: string }): Promise<Download> {
    const operation = 'image';
    return withSession(operation, async (session, afterRenewal) => {
      const fetchOnce = (s: Session<LoginInfo>) =>
        send(
          operation,
          {
            // RAW-API §5.3: the credentials go in the query string, so it is never logged.
            url: endpointUrl(api, 'dataAccess', 'image', { id: req.imageId, DeviceId: deviceId, SessionId: s.id }),
            method: 'GET',
            headers: { accept: 'image/*' },
            deadlineMs: timeouts.downloadMs,
            maxResponseBytes: maxDownloadBytes,
          },
          timeouts.downloadMs,
        );
      let answer = await fetchOnce(session);
      let renewed = afterRenewal;
      let using = session;
      const trusted = () => using.lastAnsweredAt !== undefined && now() - using.lastAnsweredAt < IMAGE_SESSION_TRUST_MS;
      if (answer.status === 200 && answer.body.length === 0 && !renewed && !trusted() && renewal === 'retry-once') {
        // RAW-API §5.3: an empty answer may only mean the session lapsed; re-login once and ask again.
        using = await keeper.renew(using);
        renewed = true;
        answer = await fetchOnce(using);
      }
      if (answer.status >= 200 && answer.status < 300 && answer.body.length > 0 && !looksLikeEnvelope(answer)) {
        using.lastAnsweredAt = now();
        return { bytes: answer.body, contentType: answer.headers['content-type'] };
      }
      if (answer.status >= 200 && answer.status < 300 && answer.body.length === 0) {
        throw new TrustIdError('not-found', { operation, httpStatus: answer.status, detail: 'the image answer was empty' });
      }
      interpret(operation, answer, renewed, using);
      throw new TrustIdError('protocol', { operation, httpStatus: answer.status, detail: 'expected image bytes, got an envelope' });
    });
  }

  async function exportPdf(req: { containerId: string }): Promise<Buffer> {
    const operation = 'exportPDF';
    return withSession(operation, async (session, afterRenewal) => {
      const answer = await postJson(
        operation,
        { operation, group: 'dataAccess' },
        { DeviceId: deviceId, SessionId: session.id, ContainerId: req.containerId },
        timeouts.downloadMs,
        'application/pdf',
      );
      const isPdf = answer.body.subarray(0, 4).toString('latin1') === '%PDF';
      if (answer.status >= 200 && answer.status < 300 && isPdf) {
        session.lastAnsweredAt = now();
        return answer.body;
      }
      interpret(operation, answer, afterRenewal, session);
      throw new TrustIdError('protocol', { operation, httpStatus: answer.status, detail: 'the answer was not a PDF' });
    });
  }

  // ---- request encoding ----

  function flexibleValues(values: ApplicationFlexibleFieldValue[] | undefined) {
    return values?.map((v) => ({
      FlexibleFieldVersionId: v.flexibleFieldVersionId,
      ...('string' in v ? { FieldValueString: v.string } : {}),
      ...('int' in v ? { FieldValueInt: v.int } : {}),
      ...('date' in v ? { FieldValueDate: formatMsDate(v.date) } : {}),
      ...('decimal' in v ? { FieldValueDecimal: v.decimal } : {}),
    }));
  }

  /** RAW-API §7.9: `{Key: PropertyName, Value: {Index?, PropertyName, Value}}` inside the partial Document. */
  function documentWithCustomFields(req: CreateDocumentRequest): Record<string, unknown> | undefined {
    if (!req.customFieldValues || req.customFieldValues.length === 0) return req.document;
    const dictionary = req.customFieldValues.map((field) => ({
      Key: field.propertyName,
      Value: { ...(field.index !== undefined ? { Index: field.index } : {}), PropertyName: field.propertyName, Value: field.value },
    }));
    return { ...req.document, CustomFieldDictionary: dictionary };
  }

  function callbackHeaders(headers: CallbackHeader[] | undefined) {
    return headers?.map((h) => ({ Header: h.header, Value: h.value }));
  }

  const date = (d: Date | undefined) => (d === undefined ? undefined : formatMsDate(d));

  function paging(parsed: { Page?: number | null; PageSize?: number | null; PaginationSupported?: boolean | null; TotalPages?: number | null; TotalRecords?: number | null; TotalRecordsMatched?: number | null }, askedPage: number): Paging {
    return {
      page: parsed.Page ?? askedPage,
      pageSize: parsed.PageSize ?? undefined,
      paginationSupported: parsed.PaginationSupported ?? false,
      totalPages: parsed.TotalPages ?? undefined,
      totalRecords: parsed.TotalRecords ?? undefined,
      totalRecordsMatched: parsed.TotalRecordsMatched ?? undefined,
    };
  }

  async function* pages<T extends Paging>(first: number, fetchPage: (page: number) => Promise<T>, size: (page: T) => number): AsyncGenerator<T> {
    for (let page = first, n = 0; n < MAX_PAGES; page++, n++) {
      const result = await fetchPage(page);
      yield result;
      const count = size(result);
      if (!result.paginationSupported || count === 0) return;
      if (result.totalPages !== undefined && page + 1 >= result.totalPages) return;
      if (result.pageSize !== undefined && result.pageSize > 0 && count < result.pageSize) return;
    }
  }

  async function referenceList<K extends keyof typeof referenceLists>(operation: K & TrustIdOperation, group: EndpointGroup) {
    const { field, item } = referenceLists[operation];
    const json = await sessionJson({ operation, group }, {}, ResponseEnvelope);
    // RAW-API §6: the list names are the emulator's choice; take the documented-by-us name, else
    // the first array in the answer, else none.
    const record = json as Record<string, unknown>;
    const list = Array.isArray(record[field]) ? record[field] : Object.values(record).find(Array.isArray);
    if (list === undefined) return [];
    const parsed = (item as z.ZodType).array().safeParse(list);
    if (!parsed.success) throw new TrustIdError('protocol', { operation, detail: describeIssues(parsed.error, field) });
    return parsed.data as z.output<(typeof referenceLists)[K]['item']>[];
  }

  // ---- the client ----

  const client: TrustIdClient = {
    deviceId,
    apiRoot: api.root.toString(),

    async testConnection() {
      const operation = 'testConnection';
      const answer = await send(
        operation,
        {
          url: endpointUrl(api, 'session', 'testConnection'),
          method: 'GET',
          headers: { accept: 'application/json' },
          deadlineMs: timeouts.jsonMs,
          maxResponseBytes: maxJsonBytes,
        },
        timeouts.jsonMs,
      );
      interpret(operation, answer, false, null);
    },

    async login() {
      return (await keeper.loginNow()).info;
    },

    async changePasswordAndLogin(newPassword: string) {
      if (!newPassword) throw new TrustIdError('invalid-request', { operation: 'login', detail: 'the new password is empty' });
      return (await keeper.loginNow(() => performLogin({ NewPassword: newPassword }))).info;
    },

    async logout() {
      const session = keeper.drop();
      if (!session) return;
      try {
        const answer = await postJson('logout', { operation: 'logout', group: 'session' }, { DeviceId: deviceId, SessionId: session.id }, timeouts.logoutMs);
        interpret('logout', answer, false, null);
        log.info({ operation: 'logout' }, 'signed out of TrustID');
      } catch (error) {
        // RAW-API §2.3: the kiosk ignores any logout failure; the session times out on its own.
        log.info({ operation: 'logout', outcome: classifyOutcome(error), code: isTrustIdError(error) ? error.code : undefined }, 'TrustID logout failed (ignored)');
      }
    },

    hasSession: () => keeper.peek() !== null,
    loginBlockedBy: () => {
      const blocked = keeper.blockedBy;
      return isTrustIdError(blocked) ? blocked : null;
    },

    async createDocumentContainer(req) {
      const operation = 'createDocumentContainer';
      const parsed = await sessionJson(
        { operation, group: 'dataAccess' },
        {
          DocumentSource: req.documentSource ?? DocumentSource.Image,
          CreateDocument: req.createDocument,
          ScannerType: req.scannerType,
          ApplicationFlexibleFieldValues: flexibleValues(req.applicationFlexibleFieldValues),
          ClientApplicationReference: req.clientApplicationReference,
        },
        CreateContainerResponse,
      );
      if (!parsed.ContainerId) throw missingId(operation, 'ContainerId');
      if (req.createDocument && !parsed.DocumentId) throw missingId(operation, 'DocumentId');
      return { containerId: parsed.ContainerId, documentId: parsed.DocumentId };
    },

    async createDocument(req) {
      const operation = 'createDocument';
      const parsed = await sessionJson(
        { operation, group: 'dataAccess' },
        {
          ContainerId: req.containerId,
          DocumentType: req.documentType,
          Mrz: req.mrz,
          RfidMrz: req.rfidMrz,
          ScannerType: req.scannerType,
          Document: documentWithCustomFields(req),
        },
        CreateDocumentResponse,
      );
      if (!parsed.DocumentId) throw missingId(operation, 'DocumentId');
      return { documentId: parsed.DocumentId };
    },

    uploadImage(req) {
      // RAW-API §9.1: the __TT_ parameter names keep their prefix and casing.
      return upload(
        'uploadImage',
        { __TT_ContainerId: req.containerId, __TT_DocumentId: req.documentId, __TT_ImageType: String(req.imageType) },
        req.body,
        req.onProgress,
      );
    },

    uploadApplicantPhoto(req) {
      return upload('uploadApplicantPhoto', { __TT_ContainerId: req.containerId }, req.body, req.onProgress);
    },

    async updateDocumentContainer(req) {
      await sessionJson(
        { operation: 'updateDocumentContainer', group: 'dataAccess' },
        { ContainerId: req.containerId, ApplicationFlexibleFieldValues: flexibleValues(req.applicationFlexibleFieldValues) },
        ResponseEnvelope,
      );
    },

    async publishDocumentContainer(req) {
      const parsed = await sessionJson(
        { operation: 'publishDocumentContainer', group: 'dataAccess' },
        {
          ContainerId: req.containerId,
          CallbackUrl: req.callbackUrl,
          AutoReferral: req.autoReferral ?? true,
          RFIDFailed: req.rfidFailed,
          ReplaceContainerId: req.replaceContainerId,
          ReplaceDocumentId: req.replaceDocumentId,
          EstablishedDocumentData: req.establishedDocumentData,
          MergeContainers: req.mergeContainers,
          MergeTargetContainerId: req.mergeTargetContainerId,
          WebClientRequest: req.webClientRequest ?? true,
          WebClientIgnoreOCR: req.webClientIgnoreOcr,
          LockAccess: req.lockAccess,
        },
        PublishResponse,
      );
      return {
        containerId: parsed.ContainerId ?? req.containerId.toLowerCase(),
        autoReferred: parsed.AutoReferred,
        merged: parsed.Merged,
        documentReplaced: parsed.DocumentReplaced,
      };
    },

    async retrieveDocumentContainer(req) {
      const operation = 'retrieveDocumentContainer';
      const parsed = await sessionJson({ operation, group: 'dataAccess' }, { ContainerId: req.containerId }, RetrieveContainerResponse);
      const container = parsed.Container ?? parsed.Containers?.[0];
      if (!container) throw missingId(operation, 'Container');
      return container;
    },

    async retrieveDocument(req) {
      const operation = 'retrieveDocument';
      const parsed = await sessionJson(
        { operation, group: 'dataAccess' },
        { ContainerId: req.containerId, DocumentId: req.documentId },
        RetrieveDocumentResponse,
      );
      if (!parsed.Document) throw missingId(operation, 'Document');
      return parsed.Document;
    },

    downloadImage,
    exportPdf,

    async advancedQuery(req = {}) {
      const page = req.page ?? 0;
      const parsed = await sessionJson(
        { operation: 'advancedQuery', group: 'dataAccess' },
        {
          Arguments: req.arguments,
          RangeFrom: date(req.rangeFrom),
          RangeUntil: date(req.rangeUntil),
          Page: page,
          PageSize: req.pageSize,
          // RAW-API §1.5: these two enums travel by name.
          DocumentSortingColumn: req.sortingColumn,
          SortingDirection: req.sortingDirection,
        },
        AdvancedQueryResponse,
      );
      return { ...paging(parsed, page), documents: parsed.Documents ?? [] };
    },

    advancedQueryPages(req = {}) {
      return pages(req.page ?? 0, (page) => client.advancedQuery({ ...req, page }), (r) => r.documents.length);
    },

    async archiveContainerQuery(req = {}) {
      const page = req.page ?? 0;
      const parsed = await sessionJson(
        { operation: 'archiveContainerQuery', group: 'dataAccess' },
        {
          DocumentHolderName: req.documentHolderName,
          ContainerScannedByUserId: req.containerScannedByUserId,
          ContainerBranchId: req.containerBranchId,
          ContainerOrganisationId: req.containerOrganisationId,
          ContainerCreatedAtRangeFrom: date(req.createdFrom),
          ContainerCreatedAtRangeUntil: date(req.createdUntil),
          FlexibleFieldSearchSpecifications: req.flexibleFieldSearchSpecifications?.map((f) => ({
            FlexibleFieldId: f.flexibleFieldId,
            DataType: f.dataType,
            Values: f.values,
            RangeFrom: date(f.rangeFrom),
            RangeUntil: date(f.rangeUntil),
          })),
          Page: page,
          PageSize: req.pageSize,
          SortingDirection: req.sortingDirection,
        },
        ArchiveContainerQueryResponse,
      );
      return { ...paging(parsed, page), containers: parsed.Containers ?? [] };
    },

    archiveContainerQueryPages(req = {}) {
      return pages(req.page ?? 0, (page) => client.archiveContainerQuery({ ...req, page }), (r) => r.containers.length);
    },

    async createQueuedDocumentContainer(req) {
      const operation = 'createQueuedDocumentContainer';
      const parsed = await sessionJson(
        { operation, group: 'dataAccess' },
        {
          BranchId: req.branchId,
          ApplicationFlexibleFieldValues: flexibleValues(req.applicationFlexibleFieldValues),
          ContainerEventCallbackUrl: req.containerEventCallbackUrl,
          ContainerEventCallbackHeaders: callbackHeaders(req.containerEventCallbackHeaders),
          ClientApplicationReference: req.clientApplicationReference,
        },
        CreateContainerResponse,
      );
      if (!parsed.ContainerId) throw missingId(operation, 'ContainerId');
      return { containerId: parsed.ContainerId };
    },

    async createGuestLink(req) {
      const operation = 'createGuestLink';
      const parsed = await sessionJson(
        { operation, group: 'guestLink' },
        {
          Email: req.email,
          Name: req.name,
          BranchId: req.branchId,
          ApplicationFlexibleFieldValues: flexibleValues(req.applicationFlexibleFieldValues),
          EmailSubjectOverride: req.emailSubjectOverride,
          EmailContentOverride: req.emailContentOverride,
          SendEmail: req.sendEmail,
          OperationMode: req.operationMode,
          ContainerEventCallbackUrl: req.containerEventCallbackUrl,
          ContainerEventCallbackHeaders: callbackHeaders(req.containerEventCallbackHeaders),
          ClientApplicationReference: req.clientApplicationReference,
          DigitalIdentificationScheme: req.digitalIdentificationScheme,
        },
        GuestLinkResponse,
      );
      if (!parsed.ContainerId) throw missingId(operation, 'ContainerId');
      if (!parsed.LinkUrl) throw missingId(operation, 'LinkUrl');
      return {
        linkUrl: parsed.LinkUrl,
        containerId: parsed.ContainerId,
        guestId: parsed.GuestId ?? parsed.ContainerId,
        emailSubject: parsed.EmailSubject ?? undefined,
        emailContent: parsed.EmailContent ?? undefined,
      };
    },

    async deleteGuestLink(req) {
      await sessionJson({ operation: 'deleteGuestLink', group: 'guestLink' }, { GuestId: req.guestId }, ResponseEnvelope);
    },

    async deleteDocumentContainerSet(req) {
      // RAW-API §13.3, SUBMISSION-PROTOCOL §14.2: the property's name is unconfirmed on the real
      // service; both candidates carry the same ids, and a .NET service ignores the one it lacks.
      await sessionJson(
        { operation: 'deleteDocumentContainerSet', group: 'dataAccess' },
        { ContainerIds: req.containerIds, DocumentContainerIds: req.containerIds },
        ResponseEnvelope,
      );
    },

    async archiveDocumentContainer(req) {
      await sessionJson({ operation: 'archiveDocumentContainer', group: 'dataAccess' }, { ContainerId: req.containerId }, ResponseEnvelope);
    },

    queryBranches: () => referenceList('queryBranchesX', 'dataAccess'),
    applicationFlexibleFieldAttributes: () => referenceList('applicationFlexibleFieldAttributes', 'dataAccess'),
    customFields: () => referenceList('customFields', 'dataAccess'),
    getCountries: () => referenceList('getCountries', 'kdb'),

    async getDocumentTypeChargeStatuses() {
      const json = await sessionJson({ operation: 'getDocumentTypeChargeStatuses', group: 'dataAccess' }, {}, ResponseEnvelope);
      return json as Record<string, unknown>;
    },

    async close() {
      if (closed) return;
      await client.logout();
      closed = true;
      await ownDispatcher?.close().catch(() => undefined);
    },
  };
  return client;
}
