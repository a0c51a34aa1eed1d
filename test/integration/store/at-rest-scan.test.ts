// At-rest scan (issue 5 "Proof"): after captures, edits, sync-like saves, result views and a purge
// with known names, MRZs, document numbers and application custom field values, a byte search of
// the whole data folder (database, WAL, SHM, sealed images) and the log folder finds none of them in
// UTF-8 or UTF-16.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { createLogger } from '../../../main/logging/logger';
import { openStore, type Store } from '../../../main/store/open-store';
import { fakeJpeg, sampleCapture, tempDir, visitor, type Visitor } from '../../unit/main/store/store-fixture';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function needlesFor(v: Visitor): string[] {
  const [line1, line2] = v.mrz.split('\n') as [string, string];
  return [v.surname, v.givenNames, v.documentNumber, line1, line2, line1.slice(5, 25), `${v.givenNames} ${v.surname}`, v.fieldNote];
}

function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

/** Every (file, needle) pair found in plain bytes. */
function scan(dirs: string[], needles: string[]): string[] {
  const hits: string[] = [];
  const patterns = needles.flatMap((n) => encodings(n).map((bytes) => ({ n, bytes })));
  for (const file of dirs.flatMap(filesUnder)) {
    const content = fs.readFileSync(file);
    for (const p of patterns) if (content.includes(p.bytes)) hits.push(`${path.basename(file)}: ${p.n}`);
  }
  return [...new Set(hits)];
}

async function exercise(store: Store): Promise<Visitor[]> {
  const people = [1, 2, 3, 4, 5].map(visitor);
  const ids: string[] = [];
  for (let i = 0; i < people.length; i++) {
    // Image bytes carry the name too, as a real scan's pixels or EXIF would.
    ids.push((await store.capture.saveCapture(sampleCapture(i + 1, { markers: true, photo: i === 0, fields: true }))).appId);
  }
  const [a, b, c, d] = ids as [string, string, string, string];
  await store.capture.retakeImage({ appId: a, position: { docIndex: 0, imgIndex: 1 }, image: { bytes: fakeJpeg(3000, 9, people[0]!.surname), mime: 'image/jpeg', imageType: 3 }, actor: 'staff-1' });
  // What the sync engine stores: TrustID messages and result snapshots that quote the person.
  for (const id of [b, c]) {
    const rec = store.submissions.load(id)!;
    const p = people[ids.indexOf(id)]!;
    store.submissions.save(
      {
        ...rec,
        app: {
          ...rec.app,
          step: 'COMPLETED',
          publishedAt: 1,
          resultStatus: 'final',
          resultCheckedAt: 1,
          lastMessage: `Document ${p.documentNumber} for ${p.surname} rejected`,
          resultSnapshot: JSON.stringify({ Documents: [{ Surname: p.surname, Forenames: p.givenNames, DocumentNumber: p.documentNumber, Mrz: p.mrz }] }),
        },
      },
      { expectRevision: rec.revision },
    );
    store.results.recordOutcome(id, 'pass', 1);
  }
  store.results.detail(a, 'staff-1');
  // What sync reads for createDocumentContainer: opened in memory, never written anywhere in plain.
  expect(store.submissions.applicationFields(a)?.[0]?.value).toBe(people[0]!.fieldNote);
  store.results.search({ surname: people[2]!.surname });
  store.retention.runDue(); // purges b and c
  store.capture.discard({ appId: d, actor: 'admin-1', reason: 'duplicate' });
  const staff = await store.staff.create({ name: 'Front Desk', pin: '4321', role: 'staff' }, 'system');
  store.accounts.savePersonal({ staffId: staff.id, username: `${people[4]!.surname.toLowerCase()}@example.org`, password: 'hunter22' }, staff.id);
  return people;
}

describe('at-rest scan', () => {
  it('finds no name, MRZ or document number in plain text anywhere in the data or log folders', async () => {
    const home = tempDir('scan-atrest-');
    const dataDir = path.join(home, 'data');
    const logsDir = path.join(home, 'logs');
    const logger = createLogger({ dir: logsDir, level: 'trace', name: 'scan-station' });
    const store = openStore({ dataDir, custody: fileKeyCustody(path.join(home, 'data.key'), true), log: logger.log });
    store.recover();
    const people = await exercise(store);
    const needles = [...people.flatMap(needlesFor), 'hunter22', `${people[4]!.surname.toLowerCase()}@example.org`];

    // While open: the WAL and SHM hold recent pages.
    expect(fs.existsSync(path.join(dataDir, 'scan-station.sqlite-wal'))).toBe(true);
    expect(scan([dataDir, logsDir], needles)).toEqual([]);

    store.close();
    logger.close();
    expect(scan([dataDir, logsDir], needles)).toEqual([]);

    // The scan itself can fail: a planted plain copy is found in both encodings.
    fs.writeFileSync(path.join(dataDir, 'planted.txt'), Buffer.concat(encodings(people[0]!.surname).slice(0, 2)));
    expect(scan([dataDir], [people[0]!.surname])).toEqual([`planted.txt: ${people[0]!.surname}`]);
    // And what was sealed is really there: the data opens again with the key.
    const again = openStore({ dataDir, custody: fileKeyCustody(path.join(home, 'data.key'), true), log: logger.log });
    expect(again.results.search({ surname: people[0]!.surname })).toHaveLength(1);
    again.close();
  });
});
