// The emulator's log of received requests (RAW-API §15.2 GET /__emulator/requests): what was
// asked and how it was answered, without secrets (API key, password, session id) or personal data
// (MRZ, names). Runs wherever the emulator runs.
import type { IncomingHttpHeaders } from 'node:http';

export type BodySummary =
  | { kind: 'none' }
  | { kind: 'json'; fields: string[]; values: Record<string, string | number | boolean | null> }
  | { kind: 'binary'; bytes: number }
  | { kind: 'invalid'; bytes: number };

export type RequestOutcome = 'answered' | 'refused' | 'dropped' | 'reset-during-request' | 'reset-during-response' | 'client-gone';

export type RequestLogEntry = {
  seq: number;
  /** Emulator time when the request arrived (the manual clock's, when it runs one). */
  at: number;
  method: string;
  path: string;
  /** "group/operation" for API calls, "control" / "guest" / "unknown" otherwise. */
  operation: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: BodySummary;
  status: number | null;
  success: boolean | null;
  message: string | null;
  fault: string | null;
  outcome: RequestOutcome;
  /** Properties the operation does not know and ignored (§1.5). */
  ignoredFields: string[];
  durationMs: number;
};

const SECRET_HEADERS = new Set(['tid-api-key', '__tt_sessionid', 'authorization', 'cookie', 'proxy-authorization']);
const SECRET_QUERY = new Set(['sessionid']);
/** Scalar body fields that are neither secret nor personal, kept so tests can see which ids were used. */
const LOGGED_FIELDS = new Set([
  'DeviceId',
  'Username',
  'ContainerId',
  'DocumentId',
  'ImageId',
  'GuestId',
  'BranchId',
  'ClientApplicationReference',
  'DocumentSource',
  'DocumentType',
  'AutoReferral',
  'RFIDFailed',
  'WebClientRequest',
  'DesktopClient',
  'RequireAdmin',
  'ChangePassword',
  'CreateDocument',
  'Page',
  'PageSize',
]);

export function safeHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADERS.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function safeQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of query) if (!SECRET_QUERY.has(name.toLowerCase())) out[name] = value;
  return out;
}

export function summariseJson(data: Record<string, unknown>): BodySummary {
  const values: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!LOGGED_FIELDS.has(key)) continue;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
  }
  return { kind: 'json', fields: Object.keys(data), values };
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly limit = 20_000) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return full;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
