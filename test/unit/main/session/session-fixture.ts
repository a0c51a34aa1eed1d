// Test helpers for the session service: a real store in a temp folder, a controllable clock, a
// logger whose lines the test can read, and a stand-in for the TrustID login check that throws the
// client's real TrustIdError kinds. Test-only (node).
import pino from 'pino';
import type { SessionView } from '../../../../preload/contract';
import { redactedPaths, type Logger } from '../../../../main/logging/logger';
import { createSessionService, type SessionDeps, type SessionService } from '../../../../main/session/session-service';
import { TrustIdError, type TrustIdErrorKind } from '../../../../main/trustid';
import { fastScrypt, openTestStore, tempDir, type TestStore } from '../store/store-fixture';

export type LogCapture = { log: Logger; lines: string[]; text(): string };

/** A real pino logger (same redaction as the app's) writing into an array. */
export function captureLog(): LogCapture {
  const lines: string[] = [];
  const log = pino({ level: 'trace', redact: { paths: redactedPaths, censor: '[redacted]' } }, { write: (line: string) => void lines.push(line) });
  return { log, lines, text: () => lines.join('') };
}

/** TrustID as the login check sees it: accounts with passwords, and flags that make logins fail. */
export type FakeTrustId = {
  passwords: Map<string, string>;
  /** Set to make every login fail with this kind until cleared. */
  failWith: TrustIdErrorKind | null;
  /** User names whose password must be changed at the next login. */
  mustChange: Set<string>;
  calls: Array<{ username: string; hasNewPassword: boolean }>;
  verify: SessionDeps['verifyTrustIdLogin'];
};

export function fakeTrustId(users: Record<string, string> = { 'jane.doe': 'Correct-Horse-1' }): FakeTrustId {
  const fake: FakeTrustId = {
    passwords: new Map(Object.entries(users).map(([u, p]) => [u.toLowerCase(), p])),
    failWith: null,
    mustChange: new Set(),
    calls: [],
    async verify({ username, password, newPassword }) {
      fake.calls.push({ username, hasNewPassword: newPassword !== undefined });
      if (fake.failWith) throw new TrustIdError(fake.failWith, { operation: 'login', written: false, networkReason: 'refused' });
      const key = username.toLowerCase();
      if (fake.passwords.get(key) !== password) throw new TrustIdError('invalid-credentials', { operation: 'login' });
      if (fake.mustChange.has(key)) {
        if (!newPassword) throw new TrustIdError('password-change-required', { operation: 'login' });
        fake.passwords.set(key, newPassword);
        fake.mustChange.delete(key);
      }
    },
  };
  return fake;
}

export type SessionHarness = TestStore & {
  session: SessionService;
  trustid: FakeTrustId;
  logs: LogCapture;
  views: SessionView[];
  stateDir: string;
  setOnline(online: boolean): void;
  /** A second service over the same store and state folder, as after a restart. */
  restart(overrides?: Partial<SessionDeps>): SessionService;
};

export function sessionHarness(opts: { mode?: 'shared' | 'personal'; demo?: boolean; deps?: Partial<SessionDeps>; users?: Record<string, string> } = {}): SessionHarness {
  const t = openTestStore();
  if (opts.mode) t.store.settings.update({ staff: { accountMode: opts.mode } }, 'system');
  const stateDir = tempDir('scan-session-');
  const trustid = fakeTrustId(opts.users);
  const logs = captureLog();
  const views: SessionView[] = [];
  let online = true;
  const deps = (overrides: Partial<SessionDeps> = {}): SessionDeps => ({
    store: t.store,
    custody: () => t.custody,
    stateDir,
    verifyTrustIdLogin: (req) => trustid.verify(req),
    online: () => online,
    idle: () => ({ timeoutSeconds: 180, warningSeconds: 30 }),
    demo: opts.demo ?? false,
    now: t.clock.now,
    log: logs.log,
    onChange: (v) => void views.push(v),
    scrypt: fastScrypt,
    ...opts.deps,
    ...overrides,
  });
  return {
    ...t,
    session: createSessionService(deps()),
    trustid,
    logs,
    views,
    stateDir,
    setOnline: (value) => void (online = value),
    restart: (overrides) => createSessionService(deps(overrides)),
  };
}

/** Runs a promise that must fail with an AppError and returns its code and message. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code ?? 'no-code', message: e.message };
  }
  throw new Error('expected the call to fail');
}

/** Creates a local staff account as an administrator would. */
export async function addStaff(t: TestStore, name: string, pin: string, role: 'staff' | 'admin' = 'staff'): Promise<string> {
  return (await t.store.staff.create({ name, pin, role }, 'system')).id;
}
