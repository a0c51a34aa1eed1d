// TrustID accounts applications sync under (issue 5: each application syncs under the account it
// was captured with). 'kiosk' is the shared account, whose credentials live in the sealed secrets
// file; personal accounts (personal mode) keep username and password sealed here, one per staff
// member. Also the per-account pause (PAUSED_AUTH/PAUSED_CONFIG, SUBMISSION-PROTOCOL §8).
// Runs in main (plain Node).
import { AppError } from '../app-error';
import type { AuditLog } from './audit-log';
import { openField, sealField } from './sealed-fields';
import type { StoreContext } from './store-context';
import { notFoundError } from './store-errors';

export const KIOSK_ACCOUNT_ID = 'kiosk';

export type PauseKind = 'PAUSED_AUTH' | 'PAUSED_CONFIG';

export type TrustIdAccount = {
  id: string;
  kind: 'kiosk' | 'personal';
  staffId: string | null;
  /** Personal accounts: whether a username and password are stored. Always false for 'kiosk'. */
  hasCredentials: boolean;
  pauseState: PauseKind | null;
  pausedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

export type TrustIdAccountsRepo = {
  list(): TrustIdAccount[];
  get(id: string): TrustIdAccount | null;
  forStaff(staffId: string): TrustIdAccount | null;
  /** Creates or replaces the staff member's personal account; clears any pause (new credentials, §6). */
  savePersonal(input: { staffId: string; username: string; password: string }, actor: string): TrustIdAccount;
  /** For the TrustID client only; never hand these to a transport or a logger. null for 'kiosk' or when cleared. */
  credentials(id: string): { username: string; password: string } | null;
  /** Forgets a personal account's credentials; the row stays because applications name it. */
  clearCredentials(id: string, actor: string): void;
  setPause(id: string, pause: PauseKind | null): void;
};

type AccountRow = {
  id: string;
  kind: 'kiosk' | 'personal';
  staff_id: string | null;
  username_sealed: Buffer | null;
  password_sealed: Buffer | null;
  pause_state: PauseKind | null;
  paused_at: number | null;
  created_at: number;
  updated_at: number;
};

export function createTrustIdAccounts(ctx: StoreContext, deps: { audit: AuditLog }): TrustIdAccountsRepo {
  const db = ctx.db;
  const byId = db.prepare('SELECT * FROM trustid_accounts WHERE id = ?');
  const get = (id: string) => byId.get(id) as AccountRow | undefined;

  const repo: TrustIdAccountsRepo = {
    list: () => (db.prepare('SELECT * FROM trustid_accounts ORDER BY kind DESC, created_at').all() as AccountRow[]).map(fromRow),
    get: (id) => {
      const r = get(id);
      return r ? fromRow(r) : null;
    },
    forStaff: (staffId) => {
      const r = db.prepare('SELECT * FROM trustid_accounts WHERE staff_id = ?').get(staffId) as AccountRow | undefined;
      return r ? fromRow(r) : null;
    },

    savePersonal({ staffId, username, password }, actor) {
      if (username.length === 0 || username.length > 256 || password.length === 0 || password.length > 1024) {
        throw new AppError('store.account-invalid', 'Enter the TrustID username and password of this staff member.');
      }
      ctx.keys.rows();
      return ctx.tx(() => {
        if (!db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staffId)) throw notFoundError('This staff account');
        const now = ctx.now();
        const existing = db.prepare('SELECT id FROM trustid_accounts WHERE staff_id = ?').pluck().get(staffId) as string | undefined;
        const id = existing ?? ctx.newId();
        const u = sealField(ctx.keys, 'trustid_accounts', 'username', id, username);
        const p = sealField(ctx.keys, 'trustid_accounts', 'password', id, password);
        if (existing) {
          db.prepare('UPDATE trustid_accounts SET username_sealed = ?, password_sealed = ?, pause_state = NULL, paused_at = NULL, updated_at = ? WHERE id = ?').run(u, p, now, id);
        } else {
          db.prepare("INSERT INTO trustid_accounts (id, kind, staff_id, username_sealed, password_sealed, created_at, updated_at) VALUES (?, 'personal', ?, ?, ?, ?, ?)").run(
            id,
            staffId,
            u,
            p,
            now,
            now,
          );
        }
        deps.audit.append({ action: 'account.saved', actor, detail: { accountId: id, staffId } });
        return fromRow(get(id)!);
      });
    },

    credentials(id) {
      const r = get(id);
      if (!r || r.username_sealed === null || r.password_sealed === null) return null;
      return {
        username: openField(ctx.keys, 'trustid_accounts', 'username', id, r.username_sealed),
        password: openField(ctx.keys, 'trustid_accounts', 'password', id, r.password_sealed),
      };
    },

    clearCredentials(id, actor) {
      ctx.tx(() => {
        if (!get(id)) throw notFoundError('This TrustID account');
        db.prepare('UPDATE trustid_accounts SET username_sealed = NULL, password_sealed = NULL, updated_at = ? WHERE id = ?').run(ctx.now(), id);
        deps.audit.append({ action: 'account.removed', actor, detail: { accountId: id } });
      });
    },

    setPause(id, pause) {
      const changes = db
        .prepare('UPDATE trustid_accounts SET pause_state = ?, paused_at = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(paused_at, ?) END, updated_at = ? WHERE id = ?')
        .run(pause, pause, ctx.now(), ctx.now(), id).changes;
      if (changes !== 1) throw notFoundError('This TrustID account');
    },
  };
  return repo;
}

function fromRow(r: AccountRow): TrustIdAccount {
  return {
    id: r.id,
    kind: r.kind,
    staffId: r.staff_id,
    hasCredentials: r.username_sealed !== null && r.password_sealed !== null,
    pauseState: r.pause_state,
    pausedAt: r.paused_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
