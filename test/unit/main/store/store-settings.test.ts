import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import { StoreSettings } from '../../../../main/store/store-settings';
import { openTestStore } from './store-fixture';

describe('store settings', () => {
  it('start at the issue’s defaults', () => {
    const { store } = openTestStore();
    expect(store.settings.get()).toEqual({
      retention: { purgeDelayMinutes: 0, resultDays: 30, unsentAlertHours: 72 },
      capture: { minFreeMb: 500 },
      staff: { accountMode: 'shared', maxPinAttempts: 5, lockoutMinutes: 5 },
    });
  });

  it('persist changes across a reopen and audit each changed leaf with old and new values', () => {
    const { store, dir } = openTestStore();
    store.settings.update({ retention: { resultDays: 14 }, staff: { accountMode: 'personal' } }, 'admin-1');
    store.close();
    const again = openTestStore({ dir }).store;
    expect(again.settings.get()).toMatchObject({ retention: { resultDays: 14, purgeDelayMinutes: 0 }, staff: { accountMode: 'personal' } });
    expect(again.audit.list().map((r) => r.detail)).toEqual([
      { setting: 'retention.resultDays', from: 30, to: 14 },
      { setting: 'staff.accountMode', from: 'shared', to: 'personal' },
    ]);
  });

  it('refuse an invalid value without changing anything', () => {
    const { store } = openTestStore();
    expect(() => store.settings.update({ retention: { resultDays: 0 } }, 'a')).toThrow(expect.objectContaining({ code: 'store.settings-invalid' }));
    expect(store.settings.get().retention.resultDays).toBe(30);
    expect(store.audit.list()).toEqual([]);
  });

  it('fall back to the default for a single stored leaf that no longer validates', () => {
    const { store, dir } = openTestStore();
    store.settings.update({ retention: { resultDays: 14 } }, 'a');
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('capture.minFreeMb', '\"lots\"', 1)").run();
    raw.close();
    expect(store.settings.get()).toEqual(StoreSettings.parse({ retention: { resultDays: 14 } }));
  });
});
