import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatMsDate, formatMsDateOnly, MsDate, parseMsDate, UNSET_BEFORE_MS } from '../../../../main/trustid/date-codec';

describe('/Date()/ codec', () => {
  it('reads the documented form with an offset as the instant in its milliseconds', () => {
    expect(parseMsDate('/Date(1646838015063+0000)/')?.toISOString()).toBe('2022-03-09T15:00:15.063Z');
  });

  it('never shifts the instant by the offset suffix, which only records the server zone', () => {
    const plain = parseMsDate('/Date(1778249213140)/');
    expect(parseMsDate('/Date(1778249213140+0100)/')?.getTime()).toBe(plain?.getTime());
    expect(parseMsDate('/Date(1778249213140-0500)/')?.getTime()).toBe(plain?.getTime());
  });

  it('reads escaped slashes once JSON has decoded them', () => {
    const decoded = JSON.parse('"\\/Date(1577836800000+0000)\\/"') as string;
    expect(parseMsDate(decoded)?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('treats the .NET and SQL minimum dates, null, empty and anything before 1900 as unset', () => {
    expect(parseMsDate('/Date(-62135596800000+0000)/')).toBeUndefined();
    expect(parseMsDate('/Date(-6847804800000+0000)/')).toBeUndefined();
    expect(parseMsDate(null)).toBeUndefined();
    expect(parseMsDate(undefined)).toBeUndefined();
    expect(parseMsDate('')).toBeUndefined();
    expect(parseMsDate(`/Date(${UNSET_BEFORE_MS - 1})/`)).toBeUndefined();
    expect(parseMsDate(`/Date(${UNSET_BEFORE_MS})/`)?.getTime()).toBe(UNSET_BEFORE_MS);
  });

  it('keeps dates before 1970 that are after 1900 (a date of birth)', () => {
    expect(parseMsDate('/Date(-315619200000+0000)/')?.toISOString()).toBe('1960-01-01T00:00:00.000Z');
  });

  it('accepts an ISO 8601 timestamp as a tolerated alternative', () => {
    expect(parseMsDate('2024-05-01T10:00:00Z')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(parseMsDate('2024-05-01')?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('refuses text that is not a date, without repeating the text', () => {
    expect(() => parseMsDate('/Date(abc)/')).toThrow(/not a \/Date\(ms\)\/ value/);
    expect(() => parseMsDate('1990-02-17 PASSPORT')).toThrow();
    try {
      parseMsDate('SMITH 1990');
    } catch (error) {
      expect((error as Error).message).not.toContain('SMITH');
    }
  });

  it('writes dates as /Date(ms+0000)/ and date-only values as midnight UTC', () => {
    expect(formatMsDate(new Date('2024-06-10T09:39:05.678Z'))).toBe('/Date(1718012345678+0000)/');
    expect(formatMsDateOnly('1980-01-01')).toBe('/Date(315532800000+0000)/');
    expect(() => formatMsDateOnly('1980-02-30')).toThrow();
    expect(() => formatMsDate(new Date('nonsense'))).toThrow();
  });

  it('round-trips every instant from 1900 to 2200 through the wire form', () => {
    fc.assert(
      fc.property(fc.integer({ min: UNSET_BEFORE_MS, max: Date.UTC(2200, 0, 1) }), fc.constantFrom('', '+0000', '+0100', '-0930'), (ms, offset) => {
        const text = formatMsDate(ms).replace('+0000', offset);
        expect(parseMsDate(text)?.getTime()).toBe(ms);
      }),
    );
  });

  it('works as a zod codec in both directions and names the field it rejects', () => {
    const Schema = z.object({ CreatedAt: MsDate.optional() });
    expect(Schema.parse({ CreatedAt: '/Date(0+0000)/' }).CreatedAt?.getTime()).toBe(0);
    expect(Schema.parse({ CreatedAt: '/Date(1000+0000)/' }).CreatedAt?.getTime()).toBe(1000);
    expect(Schema.parse({ CreatedAt: null }).CreatedAt).toBeUndefined();
    expect(Schema.parse({}).CreatedAt).toBeUndefined();
    const bad = Schema.safeParse({ CreatedAt: 'yesterday' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['CreatedAt']);
    expect(z.encode(MsDate, new Date(1718012345678))).toBe('/Date(1718012345678+0000)/');
    expect(z.encode(MsDate, undefined)).toBeNull();
  });
});
