import { describe, expect, it } from 'vitest';
import { encodeMrzForWire } from '../../../../../main/demo/simulated-reader/pty-mrz-writer';

const lines = ['AB', 'CD'];
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('MRZ wire encoding', () => {
  it('ends lines as asked (CR LF by default)', () => {
    expect(text(encodeMrzForWire(lines))).toBe('AB\r\nCD\r\n');
    expect(text(encodeMrzForWire(lines, { lineEnding: 'cr' }))).toBe('AB\rCD\r');
    expect(text(encodeMrzForWire(lines, { lineEnding: 'lf' }))).toBe('AB\nCD\n');
  });

  it('wraps the document or each line in frame markers', () => {
    expect(text(encodeMrzForWire(lines, { prefix: 'STX', suffix: 'ETX', lineEnding: 'cr' }))).toBe('\x02AB\rCD\r\x03');
    expect(text(encodeMrzForWire(lines, { prefix: 'STX', suffix: 'ETX', lineEnding: 'cr', wrap: 'line' }))).toBe('\x02AB\r\x03\x02CD\r\x03');
    expect(text(encodeMrzForWire(lines, { prefix: 'ESC 44 4F 43', suffix: 'ESC 45 4E 44' }))).toBe('\x1bDOCAB\r\nCD\r\n\x1bEND');
  });
});
