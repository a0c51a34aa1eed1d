// Test helper: a deliberately plain fetch-based caller for the emulator's Raw API, so the emulator's
// tests depend on the spec and not on the kiosk's TrustID client. Test-only.
import sharp from 'sharp';
import type { EmulatorOptions, RunningEmulator } from '../../../main/demo/emulator/index';
import { buildTd3, startEmulator } from '../../../main/demo/emulator/index';

export type Json = Record<string, unknown>;
export type Answer = { status: number; text: string; json: Json; headers: Headers };

export const DEVICE = 'kiosk-7d2f4b9e-1c3a-4e8b-9f60-2a5d8c1e4b73';

/** Emulator for a test: manual clock, controls on, quick processing unless a test says otherwise. */
export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ controls: true, clock: 'manual', now: () => Date.UTC(2026, 5, 1, 9, 0, 0), seed: 7, ...options });
}

export async function post(emu: RunningEmulator, op: string, body: Json, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${emu.baseUrl}${op}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'tid-api-key': emu.apiKey, ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

export type Session = { emu: RunningEmulator; deviceId: string; sessionId: string; call(op: string, body?: Json): Promise<Answer> };

export async function login(emu: RunningEmulator, username = 'demo.kiosk', deviceId = DEVICE): Promise<Session> {
  const user = emu.users.find((item) => item.username === username);
  if (!user) throw new Error(`No seeded user ${username}`);
  const answer = await post(emu, 'session/login', { DeviceId: deviceId, Username: user.username, Password: user.password, DesktopClient: false });
  if (answer.json.Success !== true) throw new Error(`Login failed: ${answer.text}`);
  const sessionId = String(answer.json.SessionId);
  return { emu, deviceId, sessionId, call: (op, body = {}) => post(emu, op, { DeviceId: deviceId, SessionId: sessionId, ...body }) };
}

export async function upload(session: Session, containerId: string, documentId: string | null, bytes: Uint8Array, imageType = 2, op = 'dataAccess/uploadImage'): Promise<Answer> {
  const query = new URLSearchParams({ __TT_ContainerId: containerId });
  if (documentId !== null) query.set('__TT_DocumentId', documentId);
  if (op === 'dataAccess/uploadImage') query.set('__TT_ImageType', String(imageType));
  const response = await fetch(`${session.emu.baseUrl}${op}/?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'tid-api-key': session.emu.apiKey, __TT_DeviceId: session.deviceId, __TT_SessionId: session.sessionId },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

let jpegCache: Buffer | null = null;
/** A real 64×48 JPEG. */
export async function jpeg(): Promise<Buffer> {
  jpegCache ??= await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 180, b: 160 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  return jpegCache;
}

export function validPassportMrz(surname = 'ERIKSSON', expiry = '341231'): string {
  return buildTd3({
    issuingState: 'UTO',
    surname,
    givenNames: ['ANNA', 'MARIA'],
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    birthDate: '740812',
    sex: 'F',
    expiryDate: expiry,
  });
}

/** createDocumentContainer → createDocument → uploadImage; returns the ids. Does not publish. */
export async function buildApplication(
  session: Session,
  options: { reference?: string; mrz?: string | null; images?: number } = {},
): Promise<{ containerId: string; documentId: string; imageIds: string[] }> {
  const created = await session.call('dataAccess/createDocumentContainer', {
    DocumentSource: 4,
    ...(options.reference ? { ClientApplicationReference: options.reference } : {}),
  });
  const containerId = String(created.json.ContainerId);
  const mrz = options.mrz === undefined ? validPassportMrz() : options.mrz;
  const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId, ...(mrz ? { Mrz: mrz } : {}) });
  const documentId = String(doc.json.DocumentId);
  const imageIds: string[] = [];
  for (let index = 0; index < (options.images ?? 1); index += 1) {
    const uploaded = await upload(session, containerId, documentId, await jpeg(), index === 0 ? 2 : 3);
    imageIds.push(String(uploaded.json.ImageId));
  }
  return { containerId, documentId, imageIds };
}

export async function publish(session: Session, containerId: string, extra: Json = {}): Promise<Answer> {
  return session.call('dataAccess/publishDocumentContainer', { ContainerId: containerId, AutoReferral: true, WebClientRequest: true, ...extra });
}

export async function retrieve(session: Session, containerId: string): Promise<Json> {
  const answer = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
  if (answer.json.Success !== true) throw new Error(`Retrieve failed: ${answer.text}`);
  return answer.json.Container as Json;
}

export function documents(container: Json): Json[] {
  return container.Documents as Json[];
}

export async function control(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${emu.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Json };
}
