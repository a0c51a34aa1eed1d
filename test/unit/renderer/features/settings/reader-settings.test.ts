import { describe, expect, it } from 'vitest';
import { Settings } from '../../../../../preload/contract';
import { addScanner, addSerialReader, removeReader } from '../../../../../renderer/src/features/settings/reader-settings';

const base = Settings.parse({});

describe('choosing readers', () => {
  it('gives each new reader a free id and never adds the same port or scanner twice', () => {
    let s = addSerialReader(base, { path: '/dev/ttyACM0', knownReader: null });
    s = addSerialReader(s, { path: '/dev/ttyACM1', knownReader: null });
    s = addSerialReader(s, { path: '/dev/ttyACM0', knownReader: null });
    s = addScanner(s, { name: 'test:0', label: 'Flatbed' });
    s = addScanner(s, { name: 'test:0', label: 'Flatbed' });
    expect(s.devices.map((d) => [d.id, d.kind, d.label])).toEqual([
      ['serial-reader', 'serial', 'MRZ reader on /dev/ttyACM0'],
      ['serial-reader-2', 'serial', 'MRZ reader on /dev/ttyACM1'],
      ['scanner', 'sane', 'Flatbed'],
    ]);
    expect(Settings.safeParse(s).success).toBe(true);
  });

  it('removes a reader by id and leaves the others', () => {
    const s = addScanner(addSerialReader(base, { path: '/dev/ttyACM0', knownReader: 'Desko' }), { name: 'test:0', label: 'Flatbed' });
    expect(removeReader(s, 'serial-reader').devices.map((d) => d.id)).toEqual(['scanner']);
  });
});
