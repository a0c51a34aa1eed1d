import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ephemeralCustody, fileKeyCustody, noCustody } from '../../../../main/store/key-custody';
import { openSecretStore } from '../../../../main/config/secret-store';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-secrets-'));

describe('secret store', () => {
  it('keeps secrets sealed on disk and readable after a restart with the same key', () => {
    const dir = tmp();
    const custody = fileKeyCustody(path.join(dir, 'data.key'), true);
    const file = path.join(dir, 'secrets.sealed');
    openSecretStore(file, custody).set('trustid.password', 'correct horse battery staple');
    expect(fs.readFileSync(file).includes(Buffer.from('correct horse'))).toBe(false);
    const reopened = openSecretStore(file, fileKeyCustody(path.join(dir, 'data.key'), true));
    expect(reopened.get('trustid.password')).toBe('correct horse battery staple');
    expect(reopened.has('trustid.apiKey')).toBe(false);
  });

  it('clears a secret durably', () => {
    const dir = tmp();
    const custody = ephemeralCustody();
    const file = path.join(dir, 'secrets.sealed');
    const store = openSecretStore(file, custody);
    store.set('trustid.apiKey', 'k');
    store.clear('trustid.apiKey');
    expect(openSecretStore(file, custody).has('trustid.apiKey')).toBe(false);
  });

  it('refuses to store a secret without a key store, saying why', () => {
    const store = openSecretStore(path.join(tmp(), 's'), noCustody('No key store here.'));
    expect(() => store.set('trustid.apiKey', 'k')).toThrow('No key store here.');
  });

  it('reports a file sealed with another key as a problem instead of crashing', () => {
    const dir = tmp();
    const file = path.join(dir, 'secrets.sealed');
    openSecretStore(file, ephemeralCustody()).set('trustid.apiKey', 'k');
    const other = openSecretStore(file, ephemeralCustody());
    expect(other.has('trustid.apiKey')).toBe(false);
    expect(other.problem).toMatch(/could not be opened/);
  });
});

describe('file key custody', () => {
  it('is unavailable until an administrator accepts it', () => {
    const c = fileKeyCustody(path.join(tmp(), 'data.key'), false);
    expect(c.available).toBe(false);
    expect(() => c.dataKey()).toThrow(/accept a key file/);
  });

  it('creates an owner-only key once and reuses it', () => {
    const file = path.join(tmp(), 'data.key');
    const key = fileKeyCustody(file, true).dataKey();
    expect(fileKeyCustody(file, true).dataKey().equals(key)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users can read, naming the fix', () => {
    const file = path.join(tmp(), 'data.key');
    fileKeyCustody(file, true).dataKey();
    fs.chmodSync(file, 0o644);
    expect(() => fileKeyCustody(file, true).dataKey()).toThrow(/chmod 600/);
  });
});
