// The one place every workflow announces an arrived result through: once per id, stamped.
import { describe, expect, it } from 'vitest';
import { createResultNotices } from '../../../../main/results/result-notices';

describe('result notices', () => {
  it('announces each result once, whichever workflow calls, with the time it was announced', () => {
    const sent: unknown[] = [];
    let now = 1;
    const notices = createResultNotices({ emit: (a) => sent.push(a), now: () => now++ });
    notices.announce({ id: 'g-1', reference: 'GUEST-1', origin: 'guest-link' });
    notices.announce({ id: 'g-1', reference: 'GUEST-1', origin: 'guest-link' });
    notices.announce({ id: 'q-1', reference: 'Q-1', origin: 'queued' });
    expect(sent).toEqual([
      { id: 'g-1', reference: 'GUEST-1', origin: 'guest-link', at: 1 },
      { id: 'q-1', reference: 'Q-1', origin: 'queued', at: 2 },
    ]);
  });
});
