// The public MRZ corpus (issue 12 §3) through the parser: every sample read as its source says.
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../../../main/devices/mrz/parse-mrz';
import type { MrzReading } from '../../../../../main/devices/mrz/mrz-reading';
import { publicSamples, type PublicSample } from '../../../../fixtures/mrz/public-samples';

const today = '2026-05-01';

/** Checks a reading against a sample's expectation; shared with the serial PTY test. */
export function expectReading(sample: PublicSample, reading: MrzReading): void {
  const want = sample.expect;
  if (!want.ok) {
    expect(reading, sample.id).toMatchObject({ ok: false, code: want.code });
    return;
  }
  if (!reading.ok) throw new Error(`${sample.id}: expected a parse, got ${reading.code}`);
  expect(reading.format, sample.id).toBe(want.format);
  expect(reading.lines, sample.id).toEqual(sample.lines);
  expect(reading.values, sample.id).toMatchObject(want.values);
  expect(reading.fields.filter((f) => !f.valid).map((f) => f.name).sort(), sample.id).toEqual([...(want.invalid ?? [])].sort());
  expect(reading.valid, sample.id).toBe(want.valid);
  if (want.correction !== undefined) {
    const offered = reading.correction?.changes.map((c) => `${c.from}>${c.to}@${c.line}:${c.column}`) ?? null;
    expect(offered, sample.id).toEqual(want.correction);
    if (reading.correction) expect(reading.correction.reading.valid, sample.id).toBe(true);
  }
}

describe('public MRZ samples', () => {
  for (const sample of publicSamples) {
    it(`${sample.id}: ${sample.derived ? 'derived from' : 'from'} ${sample.source.split(' ')[0]}`, () => {
      expectReading(sample, parseMrz(sample.wire ?? sample.lines.join('\r\n'), { today }));
    });
  }

  it('covers every class the issue names', () => {
    const formats = new Set(publicSamples.map((s) => (s.expect.ok ? s.expect.format : 'failure')));
    for (const f of ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B', 'FRENCH_NATIONAL_ID', 'failure']) expect(formats.has(f as never), f).toBe(true);
    expect(publicSamples.some((s) => s.lines[0]?.startsWith('IDD<<'))).toBe(true);
    expect(publicSamples.filter((s) => s.id.startsWith('damaged-')).length).toBeGreaterThanOrEqual(4);
  });
});
