// What the session service keeps between runs, in one sealed file: the admin PIN verifier, the
// offline PIN verifiers of personal-mode staff, their failure counters and last online sign-in.
// Runs in main (plain Node). AES-256-GCM under a key derived from the data key; written
// temp → fsync → rename → fsync(dir), so a power cut leaves the old file or the new, never a torn one.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error';
import type { KeyCustody } from '../store/key-custody';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../store/atomic-write';
import { deriveKey, seal, unseal } from '../store/seal';

const Attempts = z.object({ failures: z.number().int().min(0), lockedUntil: z.number().nullable() });
const Verifier = z.object({ verifier: z.string().min(1), setAt: z.number() });

const PersonalRecord = z.object({
  staffId: z.string().min(1),
  /** As typed at the last online sign-in; shown as the display name. Sealed with the rest. */
  username: z.string().min(1),
  lastOnlineAt: z.number(),
  offlinePin: Verifier.nullable(),
  attempts: Attempts,
});
export type PersonalRecord = z.infer<typeof PersonalRecord>;

export const SessionState = z.object({
  version: z.literal(1),
  adminPin: Verifier.nullable(),
  adminAttempts: Attempts,
  /** Personal-mode staff by user name key (trimmed, lower case; TrustID user names ignore case). */
  personal: z.record(z.string(), PersonalRecord),
  /**
   * Staff rows this service created for personal-mode sign-ins. Their PIN is random and known to
   * nobody, so they stay out of the shared-mode name picker until an administrator sets a PIN.
   */
  pinlessStaff: z.array(z.string()),
});
export type SessionState = z.infer<typeof SessionState>;

export const emptySessionState = (): SessionState => ({
  version: 1,
  adminPin: null,
  adminAttempts: { failures: 0, lockedUntil: null },
  personal: {},
  pinlessStaff: [],
});

export const SESSION_STATE_FILE = 'session-state.sealed';
const AAD = 'scan-station session-state v1';

export type SessionStateFile = {
  /** The current state; empty when there is no key (nothing can have been kept without one). */
  read(): SessionState;
  /** Applies a change and writes it durably before returning. Throws `session.no-key` without a key. */
  update(change: (state: SessionState) => SessionState): SessionState;
};

export function openSessionStateFile(opts: { dir: string; custody: () => KeyCustody; log: Logger; now: () => number }): SessionStateFile {
  const file = path.join(opts.dir, SESSION_STATE_FILE);
  let cached: SessionState | null = null;

  function key(custody: KeyCustody): Buffer {
    return deriveKey(custody.dataKey(), 'session-state');
  }

  function load(custody: KeyCustody): SessionState {
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySessionState();
      throw error;
    }
    try {
      return SessionState.parse(JSON.parse(unseal(key(custody), sealed, AAD).toString('utf8')));
    } catch (error) {
      // Sealed under another key (the data key changed) or damaged: kept aside, never deleted, and
      // the kiosk starts as on first run for PINs (the admin PIN and offline PINs are set again).
      const aside = `${file}.unreadable-${opts.now()}`;
      fs.renameSync(file, aside);
      opts.log.warn({ file: aside, err: (error as Error).name }, 'session state could not be read; moved aside, PINs must be set again');
      return emptySessionState();
    }
  }

  return {
    read() {
      if (cached) return cached;
      const custody = opts.custody();
      if (!custody.available) return emptySessionState();
      cached = load(custody);
      return cached;
    },
    update(change) {
      const custody = opts.custody();
      if (!custody.available) {
        throw new AppError('session.no-key', `Scan Station cannot keep PINs on this computer because it has no key to protect them. ${custody.reason}`);
      }
      const next = SessionState.parse(change(cached ?? load(custody)));
      writeFileAtomic(file, seal(key(custody), Buffer.from(JSON.stringify(next), 'utf8'), AAD), 0o600);
      cached = next;
      return next;
    },
  };
}
