import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FramedMessage } from '../../../../../main/devices/framing/framed-message';
import {
  defaultReaderFraming,
  endReaderStream,
  initialReaderFraming,
  pushReaderBytes,
  readerFramingDeadline,
  tickReaderFraming,
  type ReaderFramingOptions,
  type ReaderFramingState,
} from '../../../../../main/devices/framing/reader-framing';
import { ascii, byteByByte, latin1, splitAt } from './chunks';
import { readerConfigs, sampleDocuments } from './reader-configs';

const [td3, td1] = sampleDocuments as [string[], string[]];

function run(chunks: Array<Uint8Array | [Uint8Array, number]>, options: ReaderFramingOptions, endAt?: number): { state: ReaderFramingState; messages: FramedMessage[] } {
  let state = initialReaderFraming;
  const messages: FramedMessage[] = [];
  for (const c of chunks) {
    const [bytes, at] = c instanceof Uint8Array ? [c, 0] : c;
    const r = pushReaderBytes(state, bytes, at, options);
    state = r.state;
    messages.push(...r.messages);
  }
  if (endAt !== undefined) {
    const r = tickReaderFraming(state, endAt, options);
    state = r.state;
    messages.push(...r.messages);
  }
  return { state, messages };
}

const documents = (messages: FramedMessage[]) => messages.filter((m) => m.type === 'document');

describe('reader framing', () => {
  it('turns a reader CRLF stream into one complete document with its raw bytes', () => {
    const bytes = ascii(`${td3[0]}\r\n${td3[1]}\r\n`);
    const crlf = { ...defaultReaderFraming, lineEnding: 'crlf' as const };
    const { messages } = run([bytes], crlf);
    expect(messages[0]).toEqual({ type: 'document-started' });
    expect(documents(messages)).toEqual([{ type: 'document', lines: td3, raw: bytes, partial: false }]);
  });

  it('hands a document over at its last CR when any line end is accepted, the LF leading what follows', () => {
    const first = ascii(`${td3[0]}\r\n${td3[1]}\r`);
    const { state, messages } = run([first], defaultReaderFraming);
    expect(documents(messages)).toEqual([{ type: 'document', lines: td3, raw: first, partial: false }]);
    const next = pushReaderBytes(state, ascii(`\n${td3[0]}\r\n${td3[1]}\r\n`), 0, defaultReaderFraming);
    expect(documents(next.messages)[0]?.raw).toEqual(ascii(`\n${td3[0]}\r\n${td3[1]}\r`));
  });

  it('tolerates `_` padding, lower case and stray control bytes inside lines', () => {
    const sent = `\x00${td1[0]!.replace(/</g, '_')}\r\n${td1[1]!.toLowerCase()}\x07\r\n\x1b${td1[2]}\r\n`;
    expect(documents(run([ascii(sent)], defaultReaderFraming).messages)).toMatchObject([{ lines: td1, partial: false }]);
  });

  it('ends a document missing its last line as partial at the idle deadline, not before', () => {
    const { state } = run([[ascii(`${td1[0]}\r\n${td1[1]}\r\n`), 1000]], defaultReaderFraming);
    const deadline = readerFramingDeadline(state, defaultReaderFraming);
    expect(deadline).toBe(1000 + defaultReaderFraming.idleMs);
    expect(tickReaderFraming(state, (deadline as number) - 1, defaultReaderFraming).messages).toEqual([]);
    expect(documents(tickReaderFraming(state, deadline as number, defaultReaderFraming).messages)).toMatchObject([{ lines: td1.slice(0, 2), partial: true }]);
  });

  it('accepts a last line the reader never terminates once it goes quiet', () => {
    const { state, messages } = run([[ascii(`${td3[0]}\r\n${td3[1]}`), 0]], defaultReaderFraming);
    expect(documents(messages)).toEqual([]);
    expect(documents(tickReaderFraming(state, 300, defaultReaderFraming).messages)).toMatchObject([{ lines: td3, partial: false }]);
  });

  it('hands over everything held as partial when the stream ends mid-frame (unplug)', () => {
    const { state } = run([ascii(`${td3[0]}\r\n${td3[1]!.slice(0, 40)}`)], defaultReaderFraming);
    const ended = endReaderStream(state, defaultReaderFraming);
    expect(documents(ended.messages)).toMatchObject([{ lines: [td3[0], td3[1]!.slice(0, 40)], partial: true }]);
    expect(readerFramingDeadline(ended.state, defaultReaderFraming)).toBeNull();
  });

  it('reports garbage lines as noise with their bytes and still finds the document after them', () => {
    const { messages } = run([ascii(`\xff\xfe garbage \x80\r\n${td3[0]}\r\n${td3[1]}\r\n`)], defaultReaderFraming);
    expect(messages.filter((m) => m.type === 'noise')).toMatchObject([{ reason: 'not-mrz' }]);
    const noise = messages.find((m) => m.type === 'noise');
    expect(noise && latin1(noise.raw)).toBe('\xff\xfe garbage \x80\r');
    expect(documents(messages)).toMatchObject([{ lines: td3, partial: false }]);
  });

  it('ends a document cut short by its end marker as partial when frames are documents', () => {
    const options = readerConfigs.find((c) => c.name === 'STX/ETX around each document')!.options;
    const { messages } = run([ascii(`\x02${td1[0]}\r${td1[1]}\r\x03`)], options);
    expect(documents(messages)).toMatchObject([{ lines: td1.slice(0, 2), partial: true }]);
  });

  it('keeps the framing bytes in a delimited document raw', () => {
    const config = readerConfigs.find((c) => c.name === 'STX/ETX around each line')!;
    const bytes = config.encode(td3, () => 0);
    expect(documents(run([bytes], config.options).messages)).toEqual([{ type: 'document', lines: td3, raw: bytes, partial: false }]);
  });

  for (const config of readerConfigs) {
    it(`gives the same messages however the bytes are split (${config.name})`, () => {
      const noise = fc.uint8Array({ maxLength: 40 });
      fc.assert(
        fc.property(fc.array(fc.tuple(noise, fc.nat(sampleDocuments.length - 1), fc.nat()), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 30 }), (parts, cuts) => {
          const stream: number[] = [];
          for (const [junk, doc, seed] of parts) stream.push(...junk, ...config.afterNoise, ...config.encode(sampleDocuments[doc]!, (n) => seed % n));
          const bytes = Uint8Array.from(stream);
          const whole = run([bytes], config.options, 10_000).messages;
          expect(run([...splitAt(bytes, cuts), new Uint8Array(0)], config.options, 10_000).messages).toEqual(whole);
          expect(run(byteByByte(bytes), config.options, 10_000).messages).toEqual(whole);
        }),
        { numRuns: 150 },
      );
    });
  }
});
