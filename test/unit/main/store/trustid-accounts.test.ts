import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { noCustody } from '../../../../main/store/key-custody';
import { DATABASE_FILE } from '../../../../main/store/database';
import { KIOSK_ACCOUNT_ID } from '../../../../main/store/trustid-accounts';
import { openTestStore } from './store-fixture';

describe('TrustID accounts', () => {
  it('has the shared kiosk account from the start, without stored credentials', () => {
    const { store } = openTestStore();
    expect(store.accounts.list()).toEqual([expect.objectContaining({ id: KIOSK_ACCOUNT_ID, kind: 'kiosk', hasCredentials: false })]);
    expect(store.accounts.credentials(KIOSK_ACCOUNT_ID)).toBeNull();
  });

  it('keeps one personal account per staff member, sealed, replacing it on save and clearing its pause', async () => {
    const { store, dir } = openTestStore();
    const s = await store.staff.create({ name: 'Eve', pin: '1234', role: 'staff' }, 'admin');
    const a = store.accounts.savePersonal({ staffId: s.id, username: 'eve@desk.example', password: 'correct horse' }, s.id);
    store.accounts.setPause(a.id, 'PAUSED_AUTH');
    expect(store.accounts.get(a.id)).toMatchObject({ pauseState: 'PAUSED_AUTH', pausedAt: expect.any(Number) });
    const b = store.accounts.savePersonal({ staffId: s.id, username: 'eve@desk.example', password: 'battery staple' }, s.id);
    expect(b.id).toBe(a.id);
    expect(store.accounts.forStaff(s.id)).toMatchObject({ id: a.id, pauseState: null, hasCredentials: true });
    expect(store.accounts.credentials(a.id)).toEqual({ username: 'eve@desk.example', password: 'battery staple' });

    const raw = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const row = raw.prepare('SELECT username_sealed, password_sealed FROM trustid_accounts WHERE id = ?').get(a.id) as Record<string, Buffer>;
    raw.close();
    expect(row.username_sealed!.includes(Buffer.from('eve@desk'))).toBe(false);
    expect(row.password_sealed!.includes(Buffer.from('battery'))).toBe(false);

    store.accounts.clearCredentials(a.id, 'admin');
    expect(store.accounts.credentials(a.id)).toBeNull();
    expect(JSON.stringify(store.audit.list())).not.toContain('eve@desk');
  });

  it('refuses to store credentials without a key', async () => {
    const { store } = openTestStore({ custody: noCustody('No key store.') });
    const s = await store.staff.create({ name: 'Fay', pin: '1234', role: 'staff' }, 'admin');
    expect(() => store.accounts.savePersonal({ staffId: s.id, username: 'u', password: 'p' }, 'admin')).toThrow(expect.objectContaining({ code: 'store.no-key' }));
  });
});
