// Test helpers: every reader framing configuration the framing tests run, with how a reader in that
// configuration sends a document and separates noise from it. Runs in the test process.
import { defaultReaderFraming, type ReaderFramingOptions } from '../../../../../main/devices/framing/reader-framing';
import { ascii } from './chunks';

export type ReaderConfig = {
  name: string;
  options: ReaderFramingOptions;
  /** The bytes a reader in this configuration sends for a document. */
  encode(lines: readonly string[], pick: (n: number) => number): Uint8Array;
  /** Bytes that keep noise apart from the next document (e.g. a line end). */
  afterNoise: Uint8Array;
};

const none = new Uint8Array(0);
const STX = '\x02';
const ETX = '\x03';

function lineMode(name: string, lineEnding: ReaderFramingOptions['lineEnding'], ends: string[]): ReaderConfig {
  return {
    name,
    options: { ...defaultReaderFraming, lineEnding },
    encode: (lines, pick) => ascii(lines.map((l) => l + ends[pick(ends.length)]).join('')),
    afterNoise: ascii(ends[0] as string),
  };
}

export const readerConfigs: ReaderConfig[] = [
  lineMode('lines ending CR', 'cr', ['\r']),
  lineMode('lines ending LF', 'lf', ['\n']),
  lineMode('lines ending CRLF', 'crlf', ['\r\n']),
  lineMode('lines ending in any way', 'any', ['\r\n', '\r', '\n']),
  {
    name: 'STX/ETX around each document',
    options: { ...defaultReaderFraming, prefix: ascii(STX), suffix: ascii(ETX), frameEndsDocument: true },
    encode: (lines) => ascii(`${STX}${lines.join('\r')}\r${ETX}\r\n`),
    afterNoise: none,
  },
  {
    name: 'STX/ETX around each line',
    options: { ...defaultReaderFraming, prefix: ascii(STX), suffix: ascii(ETX) },
    encode: (lines) => ascii(lines.map((l) => `${STX}${l}${ETX}`).join('')),
    afterNoise: none,
  },
  {
    name: 'vendor start/end-of-document markers',
    options: { ...defaultReaderFraming, prefix: ascii('\x1bDOC'), suffix: ascii('\x1bEND'), frameEndsDocument: true },
    encode: (lines) => ascii(`\x1bDOC${lines.map((l) => `${l}\r\n`).join('')}\x1bEND`),
    afterNoise: none,
  },
  {
    name: 'start marker only',
    options: { ...defaultReaderFraming, prefix: ascii(STX) },
    encode: (lines) => ascii(`${STX}${lines.map((l) => `${l}\r\n`).join('')}`),
    afterNoise: none,
  },
  {
    name: 'end marker only',
    options: { ...defaultReaderFraming, suffix: ascii(ETX) },
    encode: (lines) => ascii(`${lines.map((l) => `${l}\r`).join('')}${ETX}`),
    afterNoise: ascii(ETX),
  },
];

/** Valid MRZs of each shape the grouping knows, to embed in noise. */
export const sampleDocuments: string[][] = [
  ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  ['I<UTOSPECIMEN<<ANGELA<ZOE<<<<<<<<<<<', 'X012345674UTO9001155F3106308<<<<<<<2'],
  ['VNUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
];
