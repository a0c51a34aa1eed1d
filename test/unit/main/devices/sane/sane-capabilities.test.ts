import { describe, expect, it } from 'vitest';
import { parseCapabilities, pickSource, planScan, type SaneCapabilities } from '../../../../../main/devices/sane/sane-capabilities';

// Excerpts of `scanimage -d <dev> -A` as real backends print them.
const testBackend = `
All options specific to device \`test:0':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
    --resolution 1..1200dpi (in steps of 1) [300]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
        If Automatic Document Feeder is selected, the feeder will be 'empty'
`;
const hpaio = `
    --mode Lineart|Gray|Color [Lineart]
    --resolution 75|100|150|200|300|600|1200dpi [75]
    --source Flatbed|ADF|Duplex [Flatbed]
`;
const brother = `
    --mode Black & White|Gray[Error Diffusion]|True Gray|24bit Color|24bit Color[Fast] [24bit Color]
    --resolution 100|150|200|300|400|600|1200|2400|4800|9600dpi [200]
    --source FlatBed|Automatic Document Feeder(left aligned)|Automatic Document Feeder(centrally aligned) [Automatic Document Feeder(left aligned)]
`;
const xres = `
    --mode Color|Gray [Color]
    --x-resolution 50..600dpi (in steps of 50) [inactive]
`;

describe('reading scanner options', () => {
  it('reads modes, sources and a resolution range from the SANE test backend', () => {
    expect(parseCapabilities(testBackend)).toEqual({
      modes: ['Gray', 'Color'],
      sources: ['Flatbed', 'Automatic Document Feeder'],
      resolution: { kind: 'range', min: 1, max: 1200, step: 1 },
    });
  });

  it('reads a list of resolutions and values with spaces and brackets', () => {
    const caps = parseCapabilities(brother);
    expect(caps.modes).toContain('Gray[Error Diffusion]');
    expect(caps.modes).toContain('24bit Color');
    expect(caps.resolution).toEqual({ kind: 'list', values: [100, 150, 200, 300, 400, 600, 1200, 2400, 4800, 9600] });
    expect(caps.sources).toHaveLength(3);
  });

  it('falls back to --x-resolution when a backend has no --resolution', () => {
    expect(parseCapabilities(xres).resolution).toEqual({ kind: 'range', min: 50, max: 600, step: 50 });
  });

  it('finds nothing in text without options', () => {
    expect(parseCapabilities('scanimage: no SANE devices found')).toEqual({ modes: [], sources: [], resolution: null });
  });
});

describe('planning a scan against what the scanner offers', () => {
  const test = parseCapabilities(testBackend);

  it('matches colour, flatbed and the exact resolution on the test backend', () => {
    expect(planScan(test, { resolution: 300, mode: 'color', source: 'flatbed' })).toEqual({
      ok: true,
      plan: { mode: 'Color', source: 'Flatbed', resolution: 300, feeder: false, pages: 1 },
    });
  });

  it('uses the feeder, one page per document, when the feeder is chosen', () => {
    const r = planScan(test, { resolution: 300, mode: 'gray', source: 'adf' });
    expect(r).toMatchObject({ ok: true, plan: { source: 'Automatic Document Feeder', mode: 'Gray', feeder: true, pages: 1 } });
  });

  it('scans two pages (front and back) per document on a duplex feeder', () => {
    const r = planScan(parseCapabilities(hpaio), { resolution: 300, mode: 'color', source: 'adf-duplex' });
    expect(r).toMatchObject({ ok: true, plan: { source: 'Duplex', feeder: true, pages: 2 } });
  });

  it('scans one side per document when duplex is asked of a simplex feeder', () => {
    expect(planScan(test, { resolution: 300, mode: 'color', source: 'adf-duplex' })).toMatchObject({
      ok: true,
      plan: { source: 'Automatic Document Feeder', pages: 1 },
    });
  });

  it('picks the nearest listed resolution, the higher one on a tie', () => {
    const hp = parseCapabilities(hpaio);
    expect(planScan(hp, { resolution: 250, mode: 'color', source: 'flatbed' })).toMatchObject({ plan: { resolution: 300 } });
    expect(planScan(hp, { resolution: 400, mode: 'color', source: 'flatbed' })).toMatchObject({ plan: { resolution: 300 } });
    expect(planScan(hp, { resolution: 5000, mode: 'color', source: 'flatbed' })).toMatchObject({ plan: { resolution: 1200 } });
  });

  it('clamps to a range and rounds to its step', () => {
    const caps: SaneCapabilities = { modes: [], sources: [], resolution: { kind: 'range', min: 50, max: 600, step: 50 } };
    expect(planScan(caps, { resolution: 320, mode: 'color', source: 'flatbed' })).toMatchObject({ plan: { resolution: 300, mode: null, source: null } });
    expect(planScan(caps, { resolution: 1200, mode: 'color', source: 'flatbed' })).toMatchObject({ plan: { resolution: 600 } });
  });

  it('understands vendor names for modes and sources', () => {
    const r = planScan(parseCapabilities(brother), { resolution: 300, mode: 'color', source: 'flatbed' });
    expect(r).toMatchObject({ ok: true, plan: { mode: '24bit Color', source: 'FlatBed' } });
    expect(pickSource(parseCapabilities(brother).sources, 'adf')).toBe('Automatic Document Feeder(left aligned)');
  });

  it('refuses a mode the scanner lacks, naming what it offers', () => {
    const r = planScan(test, { resolution: 300, mode: 'lineart', source: 'flatbed' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Gray, Color');
  });

  it('refuses a feeder on a flatbed-only scanner', () => {
    const r = planScan({ modes: [], sources: ['Flatbed'], resolution: null }, { resolution: 300, mode: 'color', source: 'adf' });
    expect(r).toMatchObject({ ok: false, code: 'scanner.unsupported-setting' });
  });

  it('honours an exact source name only when the scanner has it', () => {
    expect(planScan(test, { resolution: 300, mode: 'color', source: 'flatbed', sourceName: 'Automatic Document Feeder' })).toMatchObject({
      ok: true,
      plan: { source: 'Automatic Document Feeder', feeder: true },
    });
    expect(planScan(test, { resolution: 300, mode: 'color', source: 'flatbed', sourceName: 'Transparency' }).ok).toBe(false);
  });
});
