import { describe, expect, it } from 'vitest';
import { normaliseMrz } from '../../../../../main/devices/mrz/normalise-mrz';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;
const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'] as const;

describe('normaliseMrz', () => {
  it('drops trailing CR/LF, whichever the reader sends', () => {
    for (const end of ['\r', '\n', '\r\n']) {
      expect(normaliseMrz(td3.join(end) + end)).toMatchObject({ lines: td3, shape: 'TD3' });
    }
  });

  it('strips STX/ETX framing and stray control bytes', () => {
    const bytes = new TextEncoder().encode(`\x02${td1[0]}\x00\r\n${td1[1]}\x07\r\n${td1[2]}\x1b\r\n\x03`);
    expect(normaliseMrz(bytes)).toMatchObject({ lines: td1, shape: 'TD1' });
  });

  it('upper-cases and turns `_` padding and filler look-alikes into `<`', () => {
    const sent = [td3[0].toLowerCase().replace(/</g, '_'), td3[1].replace(/</g, '«')];
    expect(normaliseMrz(sent).lines).toEqual(td3);
  });

  it('splits a reader that sends all lines as one', () => {
    const result = normaliseMrz(td1.join(''));
    expect(result.lines).toEqual(td1);
    expect(result.notes.join()).toMatch(/split/);
  });

  it('restores trailing fillers a reader dropped, and says so', () => {
    const result = normaliseMrz([td3[0].replace(/<+$/, ''), td3[1]]);
    expect(result.lines).toEqual(td3);
    expect(result.notes.join()).toMatch(/padded/);
  });

  it('removes extra trailing fillers but never cuts real characters', () => {
    expect(normaliseMrz([`${td3[0]}<<<`, td3[1]]).lines).toEqual(td3);
    const long = normaliseMrz([`${td3[0]}X`, td3[1]]);
    expect(long.shape).toBeNull();
  });

  it('reads spaces as fillers, or drops them when that gives an MRZ width', () => {
    expect(normaliseMrz([td3[0].replace(/</g, ' '), td3[1]]).lines[0]).toBe(td3[0].replace(/<+$/, '').padEnd(44, '<'));
    expect(normaliseMrz([td1[0], `${td1[1].slice(0, 15)} ${td1[1].slice(15)}`, td1[2]]).lines).toEqual(td1);
  });

  it('undoes an AZERTY keyboard wedge', () => {
    const azerty: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à', A: 'Q', Q: 'A', Z: 'W', W: 'Z', M: '?', '<': '.' };
    const garbled = td3.map((l) => [...l].map((c) => azerty[c] ?? c).join('')).join('\r\n');
    const result = normaliseMrz(garbled);
    expect(result.layout).toBe('azerty-fr');
    expect(result.lines).toEqual(td3);
  });

  it('gives no shape for one line of a two-line document, or two lines of a TD1', () => {
    expect(normaliseMrz(td3[0]).shape).toBeNull();
    expect(normaliseMrz(td1.slice(0, 2)).shape).toBeNull();
  });

  it('gives nothing for empty or control-only input', () => {
    expect(normaliseMrz('\x02\r\n\x03').lines).toEqual([]);
    expect(normaliseMrz(new Uint8Array(0)).lines).toEqual([]);
  });
});
