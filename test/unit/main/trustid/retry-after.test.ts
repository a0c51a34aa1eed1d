import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../../main/trustid/retry-after';

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);

describe('Retry-After', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Fri, 01 May 2026 12:05:00 GMT', NOW)).toBe(300_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent, empty and unreadable values rather than guessing', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('99999999999999999999999', NOW)).toBeUndefined();
  });
});
