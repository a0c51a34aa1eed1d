// The application form cached per TrustID account: replaced on every put, kept across a restart,
// and an unreadable row is treated as no cache rather than an error.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../main/store/database';
import { openTestStore } from './store-fixture';

const form = [{ id: 'f1', label: 'Host', kind: 'text', required: true, choices: [] }];

describe('field definitions cache', () => {
  it('keeps each account’s definitions apart and replaces them on the next put', () => {
    const { store } = openTestStore();
    expect(store.fieldDefinitions.get('kiosk')).toBeNull();
    store.fieldDefinitions.put('kiosk', form, 1000);
    store.fieldDefinitions.put('personal-1', [], 2000);
    expect(store.fieldDefinitions.get('kiosk')).toEqual({ definitions: form, fetchedAt: 1000 });
    expect(store.fieldDefinitions.get('personal-1')).toEqual({ definitions: [], fetchedAt: 2000 });
    store.fieldDefinitions.put('kiosk', [], 3000);
    expect(store.fieldDefinitions.get('kiosk')).toEqual({ definitions: [], fetchedAt: 3000 });
  });

  it('survives closing and opening the store, as an offline restart needs', () => {
    const { store, dir } = openTestStore();
    store.fieldDefinitions.put('kiosk', form, 1000);
    store.close();
    expect(openTestStore({ dir }).store.fieldDefinitions.get('kiosk')?.definitions).toEqual(form);
  });

  it('reads a damaged row as no cache', () => {
    const { store, dir } = openTestStore();
    store.fieldDefinitions.put('kiosk', form, 1000);
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.prepare("UPDATE field_definitions SET definitions = '{not json' WHERE account_id = 'kiosk'").run();
    db.close();
    expect(store.fieldDefinitions.get('kiosk')).toBeNull();
  });

  it('refuses a form too large to be one', () => {
    const { store } = openTestStore();
    expect(() => store.fieldDefinitions.put('kiosk', [{ label: 'x'.repeat(1_000_001) }], 1)).toThrow(RangeError);
    expect(store.fieldDefinitions.get('kiosk')).toBeNull();
  });
});
