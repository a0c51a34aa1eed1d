import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, noCustody, type KeyCustody } from '../../../../main/store/key-custody';
import { silentLogger } from '../../../../main/logging/logger';
import { openSessionStateFile, SESSION_STATE_FILE } from '../../../../main/session/session-state-file';
import { tempDir } from '../store/store-fixture';
import { captureLog } from './session-fixture';

const open = (dir: string, custody: KeyCustody, log = silentLogger()) => openSessionStateFile({ dir, custody: () => custody, log, now: () => 1_700_000_000_000 });

const record = { staffId: 's1', username: 'Quentin.Marlowe@branch.example', lastOnlineAt: 5, offlinePin: { verifier: 'scrypt$1024$8$1$c2FsdA==$aGFzaA==', setAt: 5 }, attempts: { failures: 0, lockedUntil: null } };

describe('session state file', () => {
  it('starts empty and keeps what was written across a reopen with the same key', () => {
    const dir = tempDir();
    const custody = ephemeralCustody();
    const file = open(dir, custody);
    expect(file.read()).toMatchObject({ adminPin: null, personal: {}, pinlessStaff: [] });
    file.update((s) => ({ ...s, pinlessStaff: ['s1'], personal: { 'quentin.marlowe@branch.example': record } }));
    const again = open(dir, custody).read();
    expect(again.pinlessStaff).toEqual(['s1']);
    expect(again.personal['quentin.marlowe@branch.example']).toEqual(record);
  });

  it('seals the file: neither the user name nor the verifier is readable on disk, and only the owner may read it', () => {
    const dir = tempDir();
    open(dir, ephemeralCustody()).update((s) => ({ ...s, personal: { k: record } }));
    const bytes = fs.readFileSync(path.join(dir, SESSION_STATE_FILE));
    expect(bytes.includes(Buffer.from('Quentin'))).toBe(false);
    expect(bytes.includes(Buffer.from('scrypt$'))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, SESSION_STATE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('moves a file sealed under another key aside instead of deleting it, and starts empty', () => {
    const dir = tempDir();
    open(dir, ephemeralCustody()).update((s) => ({ ...s, pinlessStaff: ['s1'] }));
    const logs = captureLog();
    const state = open(dir, ephemeralCustody(), logs.log).read();
    expect(state.pinlessStaff).toEqual([]);
    const files = fs.readdirSync(dir);
    expect(files.some((f) => f.startsWith(`${SESSION_STATE_FILE}.unreadable-`))).toBe(true);
    expect(files).not.toContain(SESSION_STATE_FILE);
    expect(logs.text()).toContain('moved aside');
  });

  it('reads as empty without a key and refuses to write, saying why', () => {
    const dir = tempDir();
    const file = open(dir, noCustody('No key store on this computer.'));
    expect(file.read().adminPin).toBeNull();
    expect(() => file.update((s) => s)).toThrow(expect.objectContaining({ code: 'session.no-key', message: expect.stringContaining('No key store on this computer.') }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('picks up a key that becomes available later (an administrator accepted a key file)', () => {
    const dir = tempDir();
    const real = ephemeralCustody();
    open(dir, real).update((s) => ({ ...s, pinlessStaff: ['s9'] }));
    let custody: KeyCustody = noCustody('not yet');
    const file = openSessionStateFile({ dir, custody: () => custody, log: silentLogger(), now: () => 1 });
    expect(file.read().pinlessStaff).toEqual([]);
    custody = real;
    expect(file.read().pinlessStaff).toEqual(['s9']);
  });
});
