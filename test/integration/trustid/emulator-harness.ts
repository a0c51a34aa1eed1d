// Shared set-up for the client-against-emulator contract tests: a real emulator on a random
// loopback port, a real client per account, real image files, and a dispatcher that remembers
// every session id sent, so tests can prove none leaked into a message or a log line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { buildTd3, startEmulator } from '../../../main/demo/emulator';
import type { EmulatorOptions, RunningEmulator, SeededUser } from '../../../main/demo/emulator';
import { createTrustIdClient } from '../../../main/trustid';
import type { TrustIdClient, TrustIdClientOptions } from '../../../main/trustid';

export type Harness = {
  emu: RunningEmulator;
  dir: string;
  logLines: string[];
  /** Every SessionId the clients sent, from JSON bodies, upload headers and image queries. */
  sessionIds: Set<string>;
  client(username?: string, extra?: Partial<TrustIdClientOptions>): TrustIdClient;
  user(username: string): SeededUser;
  /** A JPEG-signed file of about `bytes` bytes (the emulator recognises images by magic bytes). */
  jpegFile(name: string, bytes?: number): string;
  close(): Promise<void>;
};

export const KIOSK_USER = 'demo.kiosk';
export const ADMIN_USER = 'demo.admin';

/** A valid, in-date TD3 passport MRZ: the emulator's "auto" scenario accepts it. */
export function validMrz(surname = 'SAMPLE'): string {
  return buildTd3({ issuingState: 'GBR', surname, givenNames: ['JANE'], documentNumber: '123456789', nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '350101' });
}

/** The same passport, expired in 2015: the emulator fails it with the expiry check. */
export function expiredMrz(): string {
  return buildTd3({ issuingState: 'GBR', surname: 'SAMPLE', givenNames: ['JANE'], documentNumber: '123456789', nationality: 'GBR', birthDate: '800101', sex: 'F', expiryDate: '150101' });
}

export function jpegBytes(size: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(Math.max(0, size - 4))]);
}

class RecordingAgent extends Agent {
  constructor(private readonly seen: Set<string>) {
    super({ connect: { timeout: 5_000 }, keepAliveTimeout: 4_000 });
  }
  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (typeof opts.body === 'string' && opts.body.includes('SessionId')) {
      const id = (JSON.parse(opts.body) as { SessionId?: unknown }).SessionId;
      if (typeof id === 'string') this.seen.add(id);
    }
    const headers = opts.headers as Record<string, string> | undefined;
    if (headers?.__TT_SessionId) this.seen.add(headers.__TT_SessionId);
    const query = new URL(opts.path ?? '/', 'http://x').searchParams.get('SessionId');
    if (query) this.seen.add(query);
    return super.dispatch(opts, handler);
  }
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({
    port: 0,
    controls: true,
    processing: { workflowDelayMs: 5, decisionDelayMs: 20, reviewDelayMs: 60_000 },
    ...options,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-tid-contract-'));
  const logLines: string[] = [];
  const sessionIds = new Set<string>();
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const clients: TrustIdClient[] = [];
  const agents: Agent[] = [];
  let n = 0;
  const harness: Harness = {
    emu,
    dir,
    logLines,
    sessionIds,
    user(username) {
      const user = emu.users.find((u) => u.username === username);
      if (!user) throw new Error(`no seeded user ${username}`);
      return user;
    },
    client(username = KIOSK_USER, extra = {}) {
      const user = harness.user(username);
      const agent = new RecordingAgent(sessionIds);
      agents.push(agent);
      const client = createTrustIdClient({
        baseUrl: emu.baseUrl,
        apiKey: emu.apiKey,
        credentials: () => ({ username: user.username, password: user.password }),
        deviceIdFile: path.join(dir, `device-${++n}.json`),
        deviceId: { machineFingerprint: () => undefined },
        logger,
        dispatcher: agent,
        ...extra,
      });
      clients.push(client);
      return client;
    },
    jpegFile(name, bytes = 4096) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, jpegBytes(bytes));
      return file;
    },
    async close() {
      for (const client of clients) await client.close().catch(() => undefined);
      for (const agent of agents) await agent.destroy().catch(() => undefined);
      // A test may already have closed the emulator to stage a dead server.
      await emu.close().catch(() => undefined);
    },
  };
  return harness;
}

/** Polls the container until its result is final (or the deadline passes). */
export async function waitForStorage(client: TrustIdClient, containerId: string, want: number[], deadlineMs = 5_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const container = await client.retrieveDocumentContainer({ containerId });
    if (want.includes(container.DocumentStorageType) || Date.now() > until) return container;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Builds one container with one document and one image; returns the ids. */
export async function buildApplication(h: Harness, client: TrustIdClient, reference: string, mrz = validMrz()) {
  const { containerId } = await client.createDocumentContainer({ clientApplicationReference: reference });
  const { documentId } = await client.createDocument({ containerId, mrz });
  const { imageId } = await client.uploadImage({ containerId, documentId, imageType: 2, body: { filePath: h.jpegFile(`${reference}.jpg`) } });
  return { containerId, documentId, imageId };
}
