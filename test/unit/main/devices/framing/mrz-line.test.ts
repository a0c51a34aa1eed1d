import { describe, expect, it } from 'vitest';
import { classifyMrzLine, cleanMrzLine } from '../../../../../main/devices/framing/mrz-line';
import { ascii } from './chunks';

describe('MRZ line cleaning', () => {
  it('drops control bytes and surrounding spaces, upper-cases, and reads `_` and spaces as fillers', () => {
    expect(cleanMrzLine(ascii('\x02 i_utod231458907_ __\x03 '))).toBe('I<UTOD231458907<<<<');
  });

  it('removes a space a reader inserts inside a full line instead of making the line one too long (issue 12 §3)', () => {
    expect(cleanMrzLine(ascii('L898902C36 UTO7408122F1204159ZE184226B<<<<<10\r'))).toBe('L898902C36UTO7408122F1204159ZE184226B<<<<<10');
    expect(cleanMrzLine(ascii('I<UTOD23145890 7<<<<<<<<<<<<<<<'))).toBe('I<UTOD231458907<<<<<<<<<<<<<<<');
    // A reader that prints every filler as a space keeps its fillers.
    expect(cleanMrzLine(ascii('D231458907UTO7408122F1204159       6'))).toBe('D231458907UTO7408122F1204159<<<<<<<6');
  });

  it('refuses lines that are not MRZ text', () => {
    expect(cleanMrzLine(ascii('hello, world'))).toBeNull();
    expect(cleanMrzLine(ascii('ABC'))).toBeNull();
    expect(cleanMrzLine(Uint8Array.of(0xff, 0xfe, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48))).toBeNull();
  });

  it('classes lines by the document they belong to', () => {
    expect(classifyMrzLine('X'.repeat(44))).toEqual({ width: 44, linesInDocument: 2 });
    expect(classifyMrzLine('X'.repeat(36))).toEqual({ width: 36, linesInDocument: 2 });
    expect(classifyMrzLine('X'.repeat(30))).toEqual({ width: 30, linesInDocument: 3 });
    expect(classifyMrzLine('D1FRA'.padEnd(30, '<'))).toEqual({ width: 30, linesInDocument: 1 });
    expect(classifyMrzLine('AAA001D<<')).toEqual({ width: 9, linesInDocument: 3 });
    expect(classifyMrzLine('X'.repeat(88))).toEqual({ width: 'whole', linesInDocument: 1 });
  });
});
