import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseByteMarker } from '../../../../../main/devices/framing/byte-marker';
import { loadReaderPresets } from '../../../../../main/devices/serial/reader-presets';
import type { ReaderPreset} from '../../../../../main/devices/serial/serial-reader-settings';
import { SerialReaderSettings, settingsFromPreset, toReaderFraming } from '../../../../../main/devices/serial/serial-reader-settings';

const shipped = path.resolve('resources/readers');

describe('reader presets', () => {
  it('ships presets that all validate and all say they are not yet verified on hardware', () => {
    const { presets, problems } = loadReaderPresets(shipped);
    expect(problems).toEqual([]);
    expect(presets.length).toBeGreaterThanOrEqual(4);
    for (const p of presets) expect(p.verification).toBe('not yet verified on hardware');
  });

  it('turns a preset into settings for a port, frame markers and all', () => {
    const stx = loadReaderPresets(shipped).presets.find((p) => p.id === 'generic-stx-etx');
    expect(stx).toBeDefined();
    const settings = settingsFromPreset(stx as ReaderPreset, '/dev/ttyUSB0');
    expect(settings.path).toBe('/dev/ttyUSB0');
    const framing = toReaderFraming(settings.framing);
    expect([...framing.prefix]).toEqual([0x02]);
    expect([...framing.suffix]).toEqual([0x03]);
    expect(framing.frameEndsDocument).toBe(true);
  });

  it('skips a broken or duplicate preset and says which and why, keeping the good ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presets-'));
    try {
      const good = { id: 'good', name: 'Good', verification: 'not yet verified on hardware' };
      fs.writeFileSync(path.join(dir, 'a-good.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'b-dup.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'c-bad-marker.json'), JSON.stringify({ ...good, id: 'bad', framing: { prefix: 'STX 2G' } }));
      fs.writeFileSync(path.join(dir, 'd-claims.json'), JSON.stringify({ ...good, id: 'claims', verification: 'works great' }));
      fs.writeFileSync(path.join(dir, 'e-not-json.json'), '{');
      const { presets, problems } = loadReaderPresets(dir);
      expect(presets.map((p) => p.id)).toEqual(['good']);
      expect(problems).toHaveLength(4);
      expect(problems[0]).toMatch(/b-dup\.json.*already used/);
      expect(problems[1]).toMatch(/c-bad-marker\.json.*framing\.prefix/);
      expect(problems[2]).toMatch(/d-claims\.json.*verification/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills sensible defaults: 9600 8N1, any line ending, 300 ms idle', () => {
    const s = SerialReaderSettings.parse({ path: 'COM3' });
    expect(s.line).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' });
    expect(s.framing).toMatchObject({ lineEnding: 'any', prefix: '', suffix: '', idleMs: 300 });
    expect(parseByteMarker(s.framing.prefix).length).toBe(0);
  });
});
