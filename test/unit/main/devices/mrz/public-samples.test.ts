// The public MRZ corpus (issue 12 §3) through the parser: every sample read as its source says.
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../../../main/devices/mrz/parse-mrz';
import { expectReading } from '../../../../fixtures/mrz/expect-reading';
import { publicSamples } from '../../../../fixtures/mrz/public-samples';

const today = '2026-05-01';

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
