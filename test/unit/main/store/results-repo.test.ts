import { describe, expect, it } from 'vitest';
import { noCustody } from '../../../../main/store/key-custody';
import { openTestStore, sampleCapture, visitor } from './store-fixture';

describe('results repository', () => {
  it('finds applications by any spelling of the surname that normalises alike, newest first', async () => {
    const { store, clock } = openTestStore();
    const ids: string[] = [];
    for (const surname of ["O'Brien", 'Smith', 'OBRIEN', 'Müller']) {
      const input = sampleCapture(ids.length + 1);
      input.documents[0]!.personal.surname = surname;
      ids.push((await store.capture.saveCapture(input)).appId);
      clock.advance(1000);
    }
    expect(store.results.search({ surname: 'o brien' }).map((s) => s.appId)).toEqual([ids[2], ids[0]]);
    expect(store.results.search({ surname: 'MUELLER' }).map((s) => s.appId)).toEqual([]);
    expect(store.results.search({ surname: 'Müller' }).map((s) => s.appId)).toEqual([ids[3]]);
    expect(store.results.search({ surname: 'Smyth' })).toEqual([]);
    expect(store.results.search({ surname: '--' })).toEqual([]);
    expect(store.results.search().map((s) => s.appId)).toEqual([...ids].reverse());
    const t0 = store.results.summary(ids[1]!)!.capturedAt;
    expect(store.results.search({ capturedFrom: t0, capturedTo: t0 + 1 }).map((s) => s.appId)).toEqual([ids[1]]);
  });

  it('matches an umlaut search against the MRZ-expanded spelling too', async () => {
    const { store } = openTestStore();
    const input = sampleCapture(1);
    input.documents[0]!.personal.surname = 'MUELLER';
    const { appId } = await store.capture.saveCapture(input);
    expect(store.results.search({ surname: 'Müller' }).map((s) => s.appId)).toEqual([appId]);
  });

  it('opens the personal fields for the detail view and audits each viewing', async () => {
    const { store, clock } = openTestStore();
    const { appId } = await store.capture.saveCapture(sampleCapture(5));
    store.results.recordOutcome(appId, 'pass', clock.now());
    const detail = store.results.detail(appId, 'staff-2');
    expect(detail.documents[0]!.personal!.mrz).toBe(visitor(5).mrz);
    store.results.detail(appId, 'staff-3');
    expect(store.audit.list({ appId }).filter((r) => r.action === 'result.viewed').map((r) => r.actor)).toEqual(['staff-2', 'staff-3']);
    expect(() => store.results.recordOutcome(appId, 'Passed for QUIXWORTH', 1)).toThrow(/short lower-case label/);
  });

  it('still lists summaries when the key is gone, with personal fields null', async () => {
    const first = openTestStore();
    const { appId } = await first.store.capture.saveCapture(sampleCapture(1));
    first.store.close();
    const { store } = openTestStore({ dir: first.dir, custody: noCustody('No key.') });
    expect(store.results.summary(appId)).toMatchObject({ appId, documents: 1 });
    expect(store.results.detail(appId, 's').documents[0]!.personal).toBeNull();
  });
});
