// Shared test helpers for the store: temp data folders, a controllable clock, a store opened with a
// throwaway key, and captures with recognisable personal data. Test-only (node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ephemeralCustody, type KeyCustody } from '../../../../main/store/key-custody';
import { silentLogger } from '../../../../main/logging/logger';
import type { ApplicationFieldValue } from '../../../../main/store/application-fields';
import type { CaptureInput } from '../../../../main/store/capture-repo';
import { openStore, type Store, type StoreOptions } from '../../../../main/store/open-store';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'scan-store-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export type TestClock = { now: () => number; advance(ms: number): void; set(ms: number): void };

export function testClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

/** Cheap scrypt for tests: the parameters are stored in the verifier, so checks still run for real. */
export const fastScrypt = { N: 1024, r: 8, p: 1 };

export type TestStore = { store: Store; dir: string; clock: TestClock; custody: KeyCustody };

export function openTestStore(opts: Partial<StoreOptions> & { dir?: string; clock?: TestClock } = {}): TestStore {
  const dir = opts.dir ?? tempDir();
  const clock = opts.clock ?? testClock();
  const custody = (opts.custody as KeyCustody | undefined) ?? ephemeralCustody();
  const store = openStore({ dataDir: dir, log: silentLogger(), now: clock.now, scrypt: fastScrypt, ...opts, custody });
  stores.push(store);
  return { store, dir, clock, custody };
}

/** Bytes that look like a JPEG (magic number) with seeded content and an optional text marker inside. */
export function fakeJpeg(size: number, seed: number, marker = ''): Buffer {
  const b = Buffer.alloc(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  if (marker) b.write(marker, 64, 'utf8');
  return b;
}

export type Visitor = { surname: string; givenNames: string; documentNumber: string; dateOfBirth: string; mrz: string; fieldNote: string };

/** A TD3-style visitor with a distinctive name, so an at-rest byte search is meaningful. */
export function visitor(n: number): Visitor {
  const surname = `QUIXWORTH${String.fromCharCode(65 + (n % 26))}${n}`;
  const givenNames = `ZEPHYRINE ${n}`;
  const documentNumber = `X${String(70000000 + n)}`;
  const dateOfBirth = '1984-07-21';
  const line1 = `P<GBR${surname}<<ZEPHYRINE<${n}`.padEnd(44, '<').slice(0, 44);
  const line2 = `${documentNumber}1GBR8407215F3001019<<<<<<<<<<<<<<00`.padEnd(44, '<').slice(0, 44);
  // What staff might type into an application custom field about the visitor: personal too.
  const fieldNote = `Host KWEXLEIGH${n} at gate ${n}`;
  return { surname, givenNames, documentNumber, dateOfBirth, mrz: `${line1}\n${line2}`, fieldNote };
}

/** Application custom field values for visitor n: a text note that names them, a number and a date. */
export function sampleApplicationFields(n: number): ApplicationFieldValue[] {
  return [
    { fieldId: 'a1b2c3d4-0000-4000-8000-000000000001', versionId: 'a1b2c3d4-0000-4000-8000-0000000000f1', kind: 'string', value: visitor(n).fieldNote },
    { fieldId: 'a1b2c3d4-0000-4000-8000-000000000002', versionId: 'a1b2c3d4-0000-4000-8000-0000000000f2', kind: 'int', value: String(40 + n) },
    { fieldId: 'a1b2c3d4-0000-4000-8000-000000000003', kind: 'date', value: '2026-11-25' },
  ];
}

export function sampleCapture(n = 1, opts: { images?: number; imageBytes?: number; photo?: boolean; markers?: boolean; fields?: boolean } = {}): CaptureInput {
  const v = visitor(n);
  const count = opts.images ?? 2;
  return {
    capturedBy: null,
    documents: [
      {
        format: 'TD3',
        personal: { surname: v.surname, givenNames: v.givenNames, documentNumber: v.documentNumber, dateOfBirth: v.dateOfBirth, mrz: v.mrz },
        images: Array.from({ length: count }, (_, i) => ({
          bytes: fakeJpeg(opts.imageBytes ?? 4096, n * 100 + i, opts.markers ? `${v.surname} ${v.documentNumber}` : ''),
          mime: 'image/jpeg' as const,
          side: i === 0 ? ('front' as const) : ('back' as const),
          imageType: i === 0 ? 2 : 3,
        })),
      },
    ],
    ...(opts.photo ? { applicantPhoto: { bytes: fakeJpeg(2048, n * 100 + 99), mime: 'image/jpeg' as const } } : {}),
    ...(opts.fields ? { applicationFields: sampleApplicationFields(n) } : {}),
  };
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function listFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}
