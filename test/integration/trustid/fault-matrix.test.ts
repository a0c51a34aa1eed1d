// Contract tests: the fault matrix (SUBMISSION-PROTOCOL §12.1, RAW-API §15.2). Each mutating step
// meets each fault the emulator can inject; the client must surface it as the right typed error
// with the right outcome class, settle within its deadline, claim "not applied" only when the
// emulator really applied nothing, and work normally on the next call. Finally, nothing secret
// may appear in any message or log line the whole run produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyOutcome, TrustIdError } from '../../../main/trustid';
import type { OutcomeClass, TrustIdClient } from '../../../main/trustid';
import type { FaultRuleInput } from '../../../main/demo/emulator';
import { KIOSK_USER, startHarness, validMrz } from './emulator-harness';
import type { Harness } from './emulator-harness';

const TIMEOUT_MS = 800;

type Fault = {
  name: string;
  rule: Omit<FaultRuleInput, 'match'>;
  kind: string | 'ok';
  outcome: OutcomeClass;
  /** The emulator carries the operation out before the fault hides the answer. */
  applies?: boolean;
  check?: (e: TrustIdError) => void;
};

const FAULTS: Fault[] = [
  { name: 'refuse', rule: { action: 'refuse' }, kind: 'network', outcome: 'AMBIGUOUS' },
  { name: 'http:408', rule: { action: 'http:408' }, kind: 'request-timeout', outcome: 'NOT_APPLIED' },
  {
    name: 'http:429 with Retry-After seconds',
    rule: { action: 'http:429', retryAfter: 7 },
    kind: 'too-many-requests',
    outcome: 'NOT_APPLIED',
    check: (e) => expect(e.retryAfterMs).toBe(7000),
  },
  {
    name: 'http:503 with Retry-After date',
    rule: { action: 'http:503', retryAfter: new Date(Date.now() + 3_600_000).toUTCString() },
    kind: 'server-error',
    outcome: 'AMBIGUOUS',
    check: (e) => {
      expect(e.httpStatus).toBe(503);
      expect(e.retryAfterMs).toBeGreaterThan(3_000_000);
    },
  },
  { name: 'http:500 html page', rule: { action: 'http:500', body: 'html' }, kind: 'server-error', outcome: 'AMBIGUOUS' },
  { name: 'http:200 html page', rule: { action: 'http:200', body: 'html' }, kind: 'protocol', outcome: 'AMBIGUOUS' },
  { name: 'http:200 empty', rule: { action: 'http:200', body: 'empty' }, kind: 'protocol', outcome: 'AMBIGUOUS' },
  { name: 'http:404 html page', rule: { action: 'http:404', body: 'html' }, kind: 'configuration', outcome: 'CONFIG' },
  { name: 'http:404 envelope', rule: { action: 'http:404', body: 'envelope' }, kind: 'not-found', outcome: 'REJECTED' },
  { name: 'http:413', rule: { action: 'http:413', body: 'empty' }, kind: 'rejected', outcome: 'REJECTED' },
  { name: 'http:302', rule: { action: 'http:302', body: 'empty' }, kind: 'configuration', outcome: 'CONFIG' },
  { name: 'applyThenDrop', rule: { action: 'applyThenDrop' }, kind: 'network', outcome: 'AMBIGUOUS', applies: true },
  { name: 'applyThen:502', rule: { action: 'applyThen:502' }, kind: 'server-error', outcome: 'AMBIGUOUS', applies: true },
  {
    name: 'delay past the timeout, applied',
    rule: { action: 'delay:2500:apply' },
    kind: 'timeout',
    outcome: 'AMBIGUOUS',
    applies: true,
    check: (e) => expect(e.details.phase).toBe('response'),
  },
  { name: 'delay past the timeout, not applied', rule: { action: 'delay:2500:noApply' }, kind: 'timeout', outcome: 'AMBIGUOUS' },
  { name: 'sessionExpired', rule: { action: 'sessionExpired' }, kind: 'ok', outcome: 'OK', applies: true },
  { name: 'flag:Locked', rule: { action: 'flag:Locked' }, kind: 'locked', outcome: 'NOT_APPLIED' },
  { name: 'flag:VpeUnreachable', rule: { action: 'flag:VpeUnreachable' }, kind: 'service-unreachable', outcome: 'AMBIGUOUS' },
  { name: 'flag:AccessDenied', rule: { action: 'flag:AccessDenied' }, kind: 'access-denied', outcome: 'CONFIG' },
  {
    name: 'reject',
    rule: { action: 'reject', message: 'Document container not found.' },
    kind: 'rejected',
    outcome: 'REJECTED',
    check: (e) => expect(e.details.serverMessage).toBe('Document container not found.'),
  },
  { name: 'resetDuringRequest', rule: { action: 'resetDuringRequest' }, kind: 'network', outcome: 'AMBIGUOUS' },
  { name: 'resetDuringResponse', rule: { action: 'resetDuringResponse' }, kind: 'network', outcome: 'AMBIGUOUS', applies: true },
];

type Step = {
  path: string;
  /** Builds what the step needs, returns the call to fault and a probe of how often it was applied. */
  prepare(h: Harness, client: TrustIdClient, ref: string): Promise<{ call: () => Promise<unknown>; applied: () => number }>;
};

const STEPS: Step[] = [
  {
    path: 'dataAccess/createDocumentContainer',
    async prepare(h, client, ref) {
      return { call: () => client.createDocumentContainer({ clientApplicationReference: ref }), applied: () => h.emu.containers(ref).length };
    },
  },
  {
    path: 'dataAccess/createDocument',
    async prepare(h, client, ref) {
      const { containerId } = await client.createDocumentContainer({ clientApplicationReference: ref });
      return { call: () => client.createDocument({ containerId, mrz: validMrz() }), applied: () => h.emu.containers(ref)[0]!.documents.length };
    },
  },
  {
    path: 'dataAccess/uploadImage',
    async prepare(h, client, ref) {
      const { containerId } = await client.createDocumentContainer({ clientApplicationReference: ref });
      const { documentId } = await client.createDocument({ containerId, mrz: validMrz() });
      // Large enough that "reset during request" really cuts the body in half.
      const file = h.jpegFile(`${ref}.jpg`, 256 * 1024);
      return {
        call: () => client.uploadImage({ containerId, documentId, imageType: 2, body: { filePath: file } }),
        applied: () => h.emu.containers(ref)[0]!.documents[0]!.images,
      };
    },
  },
  {
    path: 'dataAccess/publishDocumentContainer',
    async prepare(h, client, ref) {
      const { containerId } = await client.createDocumentContainer({ clientApplicationReference: ref });
      const { documentId } = await client.createDocument({ containerId, mrz: validMrz() });
      await client.uploadImage({ containerId, documentId, imageType: 2, body: { filePath: h.jpegFile(`${ref}.jpg`, 2048) } });
      return { call: () => client.publishDocumentContainer({ containerId }), applied: () => h.emu.containers(ref)[0]!.publishCount };
    },
  },
];

let h: Harness;
let client: TrustIdClient;
const messages: string[] = [];
let n = 0;

beforeAll(async () => {
  h = await startHarness();
  client = h.client(KIOSK_USER, { timeouts: { jsonMs: TIMEOUT_MS, uploadMs: TIMEOUT_MS, downloadMs: TIMEOUT_MS } });
});
afterAll(async () => {
  await h.close();
});

describe('fault matrix: every mutating step × every injected fault', () => {
  for (const step of STEPS) {
    for (const fault of FAULTS) {
      it(`${step.path.split('/')[1]} meeting ${fault.name} → ${fault.kind} (${fault.outcome})`, async () => {
        const ref = `fault-${++n}`;
        const { call, applied } = await step.prepare(h, client, ref);
        h.emu.clearFaults();
        const before = applied();
        h.emu.addFault({ match: { path: step.path }, times: 1, ...fault.rule });

        const started = Date.now();
        const result = await call().then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        const elapsed = Date.now() - started;

        if ('error' in result) {
          expect(result.error).toBeInstanceOf(TrustIdError);
          const e = result.error as TrustIdError;
          messages.push(e.message, JSON.stringify(e.toLog()));
          expect([e.kind, classifyOutcome(e)]).toEqual([fault.kind, fault.outcome]);
          fault.check?.(e);
        } else {
          expect(['ok', classifyOutcome(result.value)]).toEqual([fault.kind, fault.outcome]);
        }
        // Never hangs: every call settles within its deadline plus scheduling slack.
        expect(elapsed).toBeLessThan(TIMEOUT_MS + 4000);
        // "Not applied" must be true; faults that apply must show it (so AMBIGUOUS was warranted).
        if (fault.outcome !== 'AMBIGUOUS' && fault.outcome !== 'OK') expect(applied()).toBe(before);
        if (fault.applies) expect(applied()).toBe(before + 1);

        // The emulator is healthy again, and so is the client: the next call just works.
        expect(h.emu.faults()).toHaveLength(0);
        await client.testConnection();
        const next = await client.createDocumentContainer({ clientApplicationReference: `${ref}-after` });
        expect(next.containerId).toMatch(/^[0-9a-f-]{36}$/);
      });
    }
  }
});

describe('fault matrix: secrets', () => {
  it('kept the API key, the password and every session id out of all messages and log lines', () => {
    const user = h.user(KIOSK_USER);
    const secrets = [h.emu.apiKey, user.password, ...h.sessionIds];
    expect(h.sessionIds.size).toBeGreaterThan(1); // the sessionExpired faults made the client log in again
    expect(messages.length).toBeGreaterThan(50);
    expect(h.logLines.length).toBeGreaterThan(100);
    for (const text of [...messages, ...h.logLines]) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});
