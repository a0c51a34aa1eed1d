import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeSafeStorage } from '../../../fakes/electron';

vi.mock('electron', async () => (await import('../../../fakes/electron')).createFakeElectron());
const { safeStorageCustody } = await import('../../../../main/electron/safe-storage-custody');

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-custody-'));

function custody(safeStorage: FakeSafeStorage, dir: string, acceptFileKey = false, platform: NodeJS.Platform = 'linux') {
  return safeStorageCustody({ safeStorage: safeStorage as never, platform, wrappedKeyFile: path.join(dir, 'k.wrapped'), keyFile: path.join(dir, 'data.key'), acceptFileKey });
}

describe('safeStorage key custody', () => {
  it('keeps one data key wrapped by the OS store across restarts', () => {
    const dir = tmp();
    const store = new FakeSafeStorage();
    const first = custody(store, dir).dataKey();
    expect(first).toHaveLength(32);
    expect(custody(store, dir).dataKey().equals(first)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'k.wrapped')).includes(first)).toBe(false);
  });

  it("fails closed on Linux's basic_text backend unless a file key is accepted", () => {
    const dir = tmp();
    const store = new FakeSafeStorage();
    store.backend = 'basic_text';
    const refused = custody(store, dir);
    expect(refused.available).toBe(false);
    expect(() => refused.dataKey()).toThrow(/key store/);
    const accepted = custody(store, dir, true);
    expect(accepted.kind).toBe('file');
    expect(accepted.dataKey()).toHaveLength(32);
  });

  it('never replaces a wrapped key it cannot open', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'k.wrapped'), 'not from this keyring');
    expect(() => custody(new FakeSafeStorage(), dir).dataKey()).toThrow(/cannot be opened/);
    expect(fs.readFileSync(path.join(dir, 'k.wrapped'), 'utf8')).toBe('not from this keyring');
  });
});
