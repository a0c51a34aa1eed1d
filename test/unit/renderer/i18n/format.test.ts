// One formatting module for dates, times and durations in en-GB and Welsh (issue 11 §5).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { formatDate, formatDateTime, formatDuration, formatTime } from '../../../../renderer/src/i18n/format';

beforeAll(() => setUpI18n('en'));
afterEach(() => vi.restoreAllMocks());

const at = new Date(2026, 11, 4, 9, 5).getTime(); // 4 December 2026, 09:05 local time

describe('formatDuration', () => {
  it('uses real plural rules: never "1 minutes"', () => {
    expect(formatDuration(60, 'en')).toBe('1 minute');
    expect(formatDuration(180, 'en')).toBe('3 minutes');
    expect(formatDuration(1, 'en')).toBe('1 second');
    expect(formatDuration(7200, 'en')).toBe('2 hours');
  });
  it('uses the Welsh forms: 2 funud, 2 ddiwrnod, 3 munud', () => {
    expect(formatDuration(120, 'cy')).toBe('2 funud');
    expect(formatDuration(180, 'cy')).toBe('3 munud');
    expect(formatDuration(2 * 86_400, 'cy')).toBe('2 ddiwrnod');
    expect(formatDuration(60, 'cy')).toBe('1 munud');
  });
});

describe('dates and times', () => {
  it('puts the day before the month in English', () => {
    expect(formatDate(at, 'en')).toBe('4 Dec 2026');
    expect(formatDateTime(at, 'en')).toBe('4 Dec 2026, 09:05');
    expect(formatTime(at, 'en')).toBe('09:05');
  });
  it('writes Welsh dates with Welsh months, with or without Intl’s Welsh data', () => {
    expect(formatDate(at, 'cy')).toMatch(/^4 Rhag 2026$/);
    // Debian's Chromium has no Welsh date data: the module builds the date itself.
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    expect(formatDateTime(at, 'cy')).toBe('4 Rhag 2026, 09:05');
    expect(formatDate(at, 'cy')).toBe('4 Rhag 2026');
    expect(formatTime(at, 'cy')).toBe('09:05');
  });
});
