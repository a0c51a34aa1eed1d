import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeviceId, loadOrCreateDeviceId } from '../../../../main/trustid/device-id';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-devid-')), 'trustid', 'device-id.json');
const uuids = (...values: string[]) => {
  const queue = [...values];
  return () => queue.shift() ?? '00000000-0000-4000-8000-000000000000';
};
const A = '7d2f4b9e-1c3a-4e8b-9f60-2a5d8c1e4b73';
const B = '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b';

describe('kiosk DeviceId (RAW-API §1.4)', () => {
  it('is made once as kiosk-<uuid v4>, kept owner-only, and the same on every later start', () => {
    const file = tmpFile();
    const reasons: string[] = [];
    const first = loadOrCreateDeviceId(file, { newUuid: uuids(A, B), machineFingerprint: () => 'm1', onNewId: (r) => reasons.push(r) });
    expect(first).toBe(`kiosk-${A}`);
    expect(isDeviceId(first)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDeviceId(file, { newUuid: uuids(B), machineFingerprint: () => 'm1' });
    expect(again).toBe(first);
    expect(reasons).toEqual(['first-start']);
  });

  it('makes a new id when the file comes from another machine (a cloned disk image)', () => {
    const file = tmpFile();
    const first = loadOrCreateDeviceId(file, { newUuid: uuids(A), machineFingerprint: () => 'machine-a' });
    const reasons: string[] = [];
    const clone = loadOrCreateDeviceId(file, { newUuid: uuids(B), machineFingerprint: () => 'machine-b', onNewId: (r) => reasons.push(r) });
    expect(clone).toBe(`kiosk-${B}`);
    expect(clone).not.toBe(first);
    expect(reasons).toEqual(['other-machine']);
    expect(loadOrCreateDeviceId(file, { newUuid: uuids(A), machineFingerprint: () => 'machine-b' })).toBe(clone);
  });

  it('keeps a hand-provisioned bare id and remembers the machine from then on', () => {
    const file = tmpFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `kiosk-${A}\n`);
    expect(loadOrCreateDeviceId(file, { newUuid: uuids(B), machineFingerprint: () => 'm1' })).toBe(`kiosk-${A}`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ deviceId: `kiosk-${A}`, machine: 'm1' });
  });

  it('replaces an unreadable file instead of failing to start', () => {
    const file = tmpFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'garbage{');
    const reasons: string[] = [];
    expect(loadOrCreateDeviceId(file, { newUuid: uuids(B), machineFingerprint: () => undefined, onNewId: (r) => reasons.push(r) })).toBe(`kiosk-${B}`);
    expect(reasons).toEqual(['unreadable-file']);
  });

  it('works where the OS has no machine id (no clone detection then)', () => {
    const file = tmpFile();
    const id = loadOrCreateDeviceId(file, { newUuid: uuids(A), machineFingerprint: () => undefined });
    expect(loadOrCreateDeviceId(file, { newUuid: uuids(B), machineFingerprint: () => 'now-known' })).toBe(id);
  });

  it('refuses a uuid generator that does not produce version-4 UUIDs', () => {
    expect(() => loadOrCreateDeviceId(tmpFile(), { newUuid: () => 'not-a-uuid', machineFingerprint: () => undefined })).toThrow(/version-4/);
  });
});
