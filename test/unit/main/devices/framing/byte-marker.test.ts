import { describe, expect, it } from 'vitest';
import { parseByteMarker } from '../../../../../main/devices/framing/byte-marker';

describe('parseByteMarker', () => {
  it('reads control names and hex bytes, in any mix', () => {
    expect([...parseByteMarker('STX')]).toEqual([0x02]);
    expect([...parseByteMarker('esc 44 0x4F 43')]).toEqual([0x1b, 0x44, 0x4f, 0x43]);
  });

  it('reads an empty marker as none', () => {
    expect(parseByteMarker('  ').length).toBe(0);
  });

  it('names the token it cannot read', () => {
    expect(() => parseByteMarker('STX 2G')).toThrow(/"2G"/);
  });
});
