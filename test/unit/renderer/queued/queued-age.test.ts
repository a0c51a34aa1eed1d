// How long ago a queued application was prepared, in English and Welsh.
import { describe, expect, it } from 'vitest';
import { preparedAgo } from '../../../../renderer/src/features/queued/queued-age';

const NOW = Date.UTC(2026, 11, 4, 12);

describe('preparedAgo', () => {
  it('says minutes, hours or days ago in the app language', () => {
    expect(preparedAgo(NOW - 5 * 60_000, NOW, 'en')).toBe('5 minutes ago');
    expect(preparedAgo(NOW - 3 * 3600_000, NOW, 'en')).toBe('3 hours ago');
    expect(preparedAgo(NOW - 24 * 3600_000, NOW, 'en')).toBe('yesterday');
    expect(preparedAgo(NOW - 10_000, NOW, 'en')).toBe('this minute');
    expect(preparedAgo(NOW - 2 * 24 * 3600_000, NOW, 'cy')).not.toBe(preparedAgo(NOW - 2 * 24 * 3600_000, NOW, 'en'));
  });
});
