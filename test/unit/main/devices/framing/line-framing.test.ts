import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteByByte, splitAt } from './chunks';
import { flushLine, initialLineState, pushLineBytes, type LineEnding, type LineFramerState, type LineOutput } from '../../../../../main/devices/framing/line-framing';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

function run(chunks: Uint8Array[], lineEnding: LineEnding, maxLineBytes = 64): LineOutput[] {
  let state: LineFramerState = initialLineState;
  const out: LineOutput[] = [];
  for (const chunk of chunks) {
    const r = pushLineBytes(state, chunk, { lineEnding, maxLineBytes });
    state = r.state;
    out.push(...r.out);
  }
  return out;
}

const texts = (out: LineOutput[]) => out.map((o) => (o.kind === 'line' ? dec(o.bytes) : `!too-long:${o.raw.length}`));

describe('line framing', () => {
  it('ends lines at CR, LF or CRLF as configured', () => {
    expect(texts(run([enc('AB\rCD\r')], 'cr'))).toEqual(['AB', 'CD']);
    expect(texts(run([enc('AB\nCD\n')], 'lf'))).toEqual(['AB', 'CD']);
    expect(texts(run([enc('AB\r\nCD\r\n')], 'crlf'))).toEqual(['AB', 'CD']);
    expect(texts(run([enc('AB\r\nCD\rEF\n')], 'any'))).toEqual(['AB', 'CD', 'EF']);
  });

  it('counts a CRLF split across two chunks as one line end', () => {
    expect(texts(run([enc('AB\r'), enc('\nCD\r'), enc('\n')], 'any'))).toEqual(['AB', 'CD']);
    expect(texts(run([enc('AB\r'), enc('\nCD\r'), enc('\n')], 'crlf'))).toEqual(['AB', 'CD']);
  });

  it('keeps the terminator in the raw bytes and out of the line', () => {
    const [line] = run([enc('AB\r\n')], 'crlf');
    expect(line?.kind === 'line' && dec(line.raw)).toBe('AB\r\n');
  });

  it('keeps a lone CR inside a CRLF line rather than ending it', () => {
    expect(texts(run([enc('A\rB\r\n')], 'crlf'))).toEqual(['A\rB']);
  });

  it('reports an over-long line once, bounded, and resumes at the next line end', () => {
    const out = run([enc('X'.repeat(500)), enc('Y'.repeat(500) + '\nOK\n')], 'lf', 64);
    expect(texts(out)).toEqual(['!too-long:64', 'OK']);
  });

  it('ends a line left without a terminator when flushed', () => {
    const r = pushLineBytes(initialLineState, enc('AB\r\nCD'), { lineEnding: 'crlf', maxLineBytes: 64 });
    expect(texts(flushLine(r.state).out)).toEqual(['CD']);
    const held = pushLineBytes(initialLineState, enc('CD\r'), { lineEnding: 'crlf', maxLineBytes: 64 });
    expect(texts(flushLine(held.state).out)).toEqual(['CD']);
  });

  it('gives the same lines however the bytes are split', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }).map((b) => b.map((x) => (x % 5 === 0 ? 0x0d : x % 7 === 0 ? 0x0a : x))),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.constantFrom<LineEnding>('cr', 'lf', 'crlf', 'any'),
        (bytes, cuts, lineEnding) => {
          const whole = run([bytes], lineEnding, 32);
          expect(run(splitAt(bytes, cuts), lineEnding, 32)).toEqual(whole);
          expect(run(byteByByte(bytes), lineEnding, 32)).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });
});
