// How long ago a queued application was prepared: the unit and count the screen words.
import { describe, expect, it } from 'vitest';
import { preparedAgo } from '../../../../../renderer/src/features/queued/queued-age';

const NOW = Date.UTC(2026, 11, 4, 12);

describe('preparedAgo', () => {
  it('picks the largest whole unit, or now under a minute', () => {
    expect(preparedAgo(NOW - 10_000, NOW)).toEqual({ unit: 'now', count: 0 });
    expect(preparedAgo(NOW - 5 * 60_000, NOW)).toEqual({ unit: 'minute', count: 5 });
    expect(preparedAgo(NOW - 3 * 3600_000 - 59_000, NOW)).toEqual({ unit: 'hour', count: 3 });
    expect(preparedAgo(NOW - 2 * 24 * 3600_000, NOW)).toEqual({ unit: 'day', count: 2 });
    // A clock a little behind the service's never gives a negative age.
    expect(preparedAgo(NOW + 30_000, NOW)).toEqual({ unit: 'now', count: 0 });
  });
});
