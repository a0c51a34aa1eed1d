// Local staff accounts for the shared-account mode: name, role (staff/admin), a scrypt PIN verifier
// and a lockout counter. Sign-ins, failures, lockouts and changes are audited by staff id, never by
// name. Runs in main (plain Node).
import { AppError } from '../app-error';
import type { AuditLog } from './audit-log';
import { checkPin, createPinVerifier, DEFAULT_SCRYPT, type ScryptParams } from './pin-verifier';
import type { StoreContext } from './store-context';
import { notFoundError } from './store-errors';
import type { StoreSettings } from './store-settings';
import type { StaffRole } from '../../preload/contract';


export type StaffRecord = {
  id: string;
  name: string;
  role: StaffRole;
  failedAttempts: number;
  lockedUntil: number | null;
  disabled: boolean;
  createdAt: number;
};

export type SignInResult =
  | { ok: true; staff: StaffRecord }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number }
  | { ok: false; reason: 'unknown' | 'disabled' };

export type StaffRepo = {
  list(): StaffRecord[];
  get(id: string): StaffRecord | null;
  create(input: { name: string; pin: string; role: StaffRole }, actor: string): Promise<StaffRecord>;
  setPin(id: string, pin: string, actor: string): Promise<void>;
  setRole(id: string, role: StaffRole, actor: string): void;
  setDisabled(id: string, disabled: boolean, actor: string): void;
  /** Checks the PIN; counts failures and locks the account after too many (store settings). */
  signIn(id: string, pin: string): Promise<SignInResult>;
  /**
   * Checks the PIN without counting a failure against the account: the sign-in screen counts per
   * source instead, so a stranger's guesses cannot lock a person out (issue 12 §1). A success clears
   * the count as signIn does; `attemptsLeft` of a wrong PIN is not known here and is 0.
   */
  verifyPin(id: string, pin: string): Promise<SignInResult>;
  /** Locks the account until `until` (too many wrong PINs for it from one screen). */
  lockOut(id: string, until: number, failures: number): void;
  signOut(id: string): void;
  unlock(id: string, actor: string): void;
};

type StaffRow = {
  id: string;
  name: string;
  role: StaffRole;
  pin_verifier: string;
  failed_attempts: number;
  locked_until: number | null;
  disabled_at: number | null;
  created_at: number;
};

const PIN = /^[0-9]{4,12}$/;

export function createStaffRepo(ctx: StoreContext, deps: { audit: AuditLog; settings: () => StoreSettings; scrypt?: ScryptParams }): StaffRepo {
  const db = ctx.db;
  const scrypt = deps.scrypt ?? DEFAULT_SCRYPT;
  const row = (id: string) => db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;

  function mustGet(id: string): StaffRow {
    const r = row(id);
    if (!r) throw notFoundError('This staff account');
    return r;
  }

  function checkPinFormat(pin: string): void {
    if (!PIN.test(pin)) throw new AppError('store.pin-invalid', 'A PIN is 4 to 12 digits. Choose another.');
  }

  function checkName(name: string): string {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 80) throw new AppError('store.staff-name-invalid', 'A staff name is 1 to 80 characters.');
    return trimmed;
  }

  const repo: StaffRepo = {
    list: () => (db.prepare('SELECT * FROM staff ORDER BY name').all() as StaffRow[]).map(fromRow),
    get: (id) => {
      const r = row(id);
      return r ? fromRow(r) : null;
    },

    async create({ name, pin, role }, actor) {
      const clean = checkName(name);
      checkPinFormat(pin);
      const verifier = await createPinVerifier(pin, scrypt);
      const id = ctx.newId();
      const now = ctx.now();
      ctx.tx(() => {
        if (db.prepare('SELECT 1 FROM staff WHERE name = ?').get(clean)) {
          throw new AppError('store.staff-name-taken', 'There is already a staff account with this name. Choose another name.');
        }
        db.prepare('INSERT INTO staff (id, name, role, pin_verifier, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, clean, role, verifier, now, now);
        deps.audit.append({ action: 'staff.created', actor, detail: { staffId: id, role } });
      });
      return fromRow(mustGet(id));
    },

    async setPin(id, pin, actor) {
      checkPinFormat(pin);
      mustGet(id);
      const verifier = await createPinVerifier(pin, scrypt);
      ctx.tx(() => {
        db.prepare('UPDATE staff SET pin_verifier = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(verifier, ctx.now(), id);
        deps.audit.append({ action: 'staff.updated', actor, detail: { staffId: id, change: 'pin' } });
      });
    },

    setRole(id, role, actor) {
      ctx.tx(() => {
        mustGet(id);
        db.prepare('UPDATE staff SET role = ?, updated_at = ? WHERE id = ?').run(role, ctx.now(), id);
        deps.audit.append({ action: 'staff.updated', actor, detail: { staffId: id, change: 'role', role } });
      });
    },

    setDisabled(id, disabled, actor) {
      ctx.tx(() => {
        mustGet(id);
        db.prepare('UPDATE staff SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabled ? ctx.now() : null, ctx.now(), id);
        deps.audit.append({ action: 'staff.updated', actor, detail: { staffId: id, change: disabled ? 'disabled' : 'enabled' } });
      });
    },

    async signIn(id, pin) {
      const before = row(id);
      if (!before) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: 'system', detail: { staffId: id, reason: 'unknown' } });
        return { ok: false, reason: 'unknown' };
      }
      if (before.disabled_at !== null) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'disabled' } });
        return { ok: false, reason: 'disabled' };
      }
      if (before.locked_until !== null && before.locked_until > ctx.now()) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'locked' } });
        return { ok: false, reason: 'locked', lockedUntil: before.locked_until };
      }
      // The slow check runs outside any transaction (W3); the counter update re-reads the row.
      const good = PIN.test(pin) && (await checkPin(pin, before.pin_verifier));
      const { maxPinAttempts, lockoutMinutes } = deps.settings().staff;
      return ctx.tx((): SignInResult => {
        const now = ctx.now();
        const current = mustGet(id);
        if (good) {
          db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
          deps.audit.append({ action: 'staff.sign-in', actor: id });
          return { ok: true, staff: fromRow(mustGet(id)) };
        }
        // An expired lock starts a fresh count.
        const expired = current.locked_until !== null && current.locked_until <= now;
        const failures = (expired ? 0 : current.failed_attempts) + 1;
        if (failures >= maxPinAttempts) {
          const until = now + lockoutMinutes * 60_000;
          db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, until, id);
          deps.audit.append({ action: 'staff.locked-out', actor: id, detail: { failures, lockoutMinutes } });
          return { ok: false, reason: 'locked', lockedUntil: until };
        }
        db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = NULL WHERE id = ?').run(failures, id);
        deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'wrong-pin', failures } });
        return { ok: false, reason: 'wrong-pin', attemptsLeft: maxPinAttempts - failures };
      });
    },

    async verifyPin(id, pin) {
      const before = row(id);
      if (!before) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: 'system', detail: { reason: 'unknown' } });
        return { ok: false, reason: 'unknown' };
      }
      if (before.disabled_at !== null) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'disabled' } });
        return { ok: false, reason: 'disabled' };
      }
      if (before.locked_until !== null && before.locked_until > ctx.now()) {
        deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'locked' } });
        return { ok: false, reason: 'locked', lockedUntil: before.locked_until };
      }
      const good = PIN.test(pin) && (await checkPin(pin, before.pin_verifier));
      return ctx.tx((): SignInResult => {
        if (!good) {
          deps.audit.append({ action: 'staff.sign-in-failed', actor: id, detail: { reason: 'wrong-pin' } });
          return { ok: false, reason: 'wrong-pin', attemptsLeft: 0 };
        }
        db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
        deps.audit.append({ action: 'staff.sign-in', actor: id });
        return { ok: true, staff: fromRow(mustGet(id)) };
      });
    },

    lockOut(id, until, failures) {
      ctx.tx(() => {
        mustGet(id);
        db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, until, id);
        deps.audit.append({ action: 'staff.locked-out', actor: id, detail: { failures, lockoutMinutes: Math.round((until - ctx.now()) / 60_000) } });
      });
    },

    signOut(id) {
      deps.audit.append({ action: 'staff.sign-out', actor: id });
    },

    unlock(id, actor) {
      ctx.tx(() => {
        mustGet(id);
        db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(ctx.now(), id);
        deps.audit.append({ action: 'staff.unlocked', actor, detail: { staffId: id } });
      });
    },
  };
  return repo;
}

function fromRow(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  };
}
