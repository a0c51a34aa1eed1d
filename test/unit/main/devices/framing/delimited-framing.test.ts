import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flushDelimited, initialDelimitedState, pushDelimitedBytes, type DelimitedFramingOptions, type DelimitedState, type FrameOutput } from '../../../../../main/devices/framing/delimited-framing';
import { ascii, byteByByte, latin1, splitAt } from './chunks';

const STX = '\x02';
const ETX = '\x03';
const stxEtx: DelimitedFramingOptions = { prefix: ascii(STX), suffix: ascii(ETX), maxFrameBytes: 64 };
const vendor: DelimitedFramingOptions = { prefix: ascii('\x1bDOC'), suffix: ascii('\x1bEND'), maxFrameBytes: 64 };

function run(chunks: Uint8Array[], options: DelimitedFramingOptions, flush = false): FrameOutput[] {
  let state: DelimitedState = initialDelimitedState;
  const out: FrameOutput[] = [];
  for (const chunk of chunks) {
    const r = pushDelimitedBytes(state, chunk, options);
    state = r.state;
    out.push(...r.out);
  }
  if (flush) out.push(...flushDelimited(state, options).out);
  return out;
}

const show = (out: FrameOutput[]) => out.map((o) => (o.kind === 'frame' ? `${o.ended ? 'frame' : 'cut'}:${latin1(o.payload)}` : `${o.kind}:${latin1(o.raw)}`));

describe('delimited framing', () => {
  it('takes what lies between STX and ETX, keeping the markers in the raw bytes', () => {
    const out = run([ascii(`${STX}AB\r\nCD${ETX}\r\n`)], stxEtx);
    expect(show(out)).toEqual(['frame:AB\r\nCD']);
    expect(out[0]?.kind === 'frame' && latin1(out[0].raw)).toBe(`${STX}AB\r\nCD${ETX}`);
  });

  it('finds multi-byte vendor markers split across chunks', () => {
    expect(show(run(byteByByte(ascii('\x1bDOCHELLO\x1bEND')), vendor))).toEqual(['frame:HELLO']);
  });

  it('restarts at a new start marker when an end marker was lost', () => {
    expect(show(run([ascii(`${STX}LOST${STX}KEPT${ETX}`)], stxEtx))).toEqual(['cut:LOST', 'frame:KEPT']);
  });

  it('reports bytes outside frames as noise but ignores line ends between frames', () => {
    expect(show(run([ascii(`junk${STX}A${ETX}\r\n${STX}B${ETX}`)], stxEtx))).toEqual(['outside:junk', 'frame:A', 'frame:B']);
  });

  it('reports an over-long frame once, bounded, and finds the next frame', () => {
    const out = run([ascii(`${STX}${'X'.repeat(300)}${ETX}${STX}OK${ETX}`)], stxEtx);
    expect(out[0]).toMatchObject({ kind: 'too-long' });
    expect(out[0]?.raw.length).toBe(64);
    expect(show(out).at(-1)).toBe('frame:OK');
  });

  it('with only a start marker, ends a frame at the next start marker or when flushed', () => {
    const options = { prefix: ascii(STX), suffix: new Uint8Array(0), maxFrameBytes: 64 };
    expect(show(run([ascii(`${STX}ONE${STX}TWO`)], options, true))).toEqual(['frame:ONE', 'frame:TWO']);
  });

  it('with only an end marker, starts a frame at the first printable byte', () => {
    const options = { prefix: new Uint8Array(0), suffix: ascii(ETX), maxFrameBytes: 64 };
    expect(show(run([ascii(`\r\nONE${ETX}\r\nTWO${ETX}`)], options))).toEqual(['frame:ONE', 'frame:TWO']);
  });

  it('hands over a frame cut off by the end of the stream as not ended', () => {
    expect(show(run([ascii(`${STX}HALF`)], stxEtx, true))).toEqual(['cut:HALF']);
  });

  it('gives the same frames however the bytes are split', () => {
    const alphabet = fc.constantFrom(0x02, 0x03, 0x1b, 0x44, 0x4f, 0x43, 0x45, 0x4e, 0x0d, 0x41, 0x42);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 20 }), fc.constantFrom(stxEtx, vendor), (list, cuts, options) => {
        const bytes = Uint8Array.from(list);
        const whole = run([bytes], options, true);
        expect(run(splitAt(bytes, cuts), options, true)).toEqual(whole);
        expect(run(byteByByte(bytes), options, true)).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});
