// The simulated reader's PTY writer playing a serial reader for the real serial driver, byte for
// byte, across framings and write patterns, through to a parsed MRZ.
import { afterEach, describe, expect, it } from 'vitest';
import { PtyMrzWriter, type Chunking, type WireFraming } from '../../../main/demo/simulated-reader/pty-mrz-writer';
import { specimenDocument } from '../../../main/demo/simulated-reader/specimen-documents';
import type { MrzEvent } from '../../../main/devices/driver';
import { parseMrz } from '../../../main/devices/mrz/parse-mrz';
import { SerialLineReader } from '../../../main/devices/serial/serial-line-reader';
import { SerialReaderSettings } from '../../../main/devices/serial/serial-reader-settings';
import { openPtyPair } from '../../fakes/pty';

const today = '2026-05-01';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const cases: Array<{ name: string; wire: WireFraming; chunking: Chunking; framing: Record<string, unknown> }> = [
  { name: 'CR LF lines, one write', wire: { lineEnding: 'crlf' }, chunking: {}, framing: { lineEnding: 'crlf' } },
  { name: 'CR lines, one byte a write', wire: { lineEnding: 'cr' }, chunking: { chunkSize: 1 }, framing: { lineEnding: 'cr' } },
  { name: 'LF lines in 7-byte writes with pauses', wire: { lineEnding: 'lf' }, chunking: { chunkSize: 7, gapMs: 2 }, framing: { lineEnding: 'any' } },
  { name: 'STX/ETX around the document', wire: { prefix: 'STX', suffix: 'ETX', lineEnding: 'cr' }, chunking: { chunkSize: 5 }, framing: { prefix: 'STX', suffix: 'ETX', frameEndsDocument: true } },
  { name: 'STX/ETX around each line', wire: { prefix: 'STX', suffix: 'ETX', lineEnding: 'cr', wrap: 'line' }, chunking: {}, framing: { prefix: 'STX', suffix: 'ETX' } },
  { name: 'vendor start/end-of-document markers', wire: { prefix: 'ESC 44 4F 43', suffix: 'ESC 45 4E 44' }, chunking: { chunkSize: 3 }, framing: { prefix: 'ESC 44 4F 43', suffix: 'ESC 45 4E 44', frameEndsDocument: true } },
];

describe('simulated reader driving the serial driver over a PTY', () => {
  for (const c of cases) {
    it(`reads both specimens sent with ${c.name}`, async () => {
      const pair = await openPtyPair();
      cleanups.push(() => pair.close());
      const driver = new SerialLineReader({ id: 'pty', settings: SerialReaderSettings.parse({ path: pair.a, framing: c.framing }) });
      cleanups.push(() => driver.stop());
      const reads: MrzEvent[] = [];
      driver.on('mrz', (m) => reads.push(m));
      const ready = new Promise<void>((resolve) => driver.on('status', (s) => s.state === 'ready' && resolve()));
      await driver.start();
      await ready;
      const writer = await PtyMrzWriter.open(pair.b);
      cleanups.push(() => writer.close());

      const passport = specimenDocument({ kind: 'passport' }, today);
      const card = specimenDocument({ kind: 'id-card', expired: true }, today);
      const got = new Promise<void>((resolve) => driver.on('mrz', () => reads.length === 2 && resolve()));
      await writer.sendDocument(passport.mrz, c.wire, c.chunking);
      await writer.sendDocument(card.mrz, c.wire, c.chunking);
      await got;

      expect(reads.map((r) => r.lines)).toEqual([passport.mrz, card.mrz]);
      expect(reads.every((r) => !r.partial)).toBe(true);
      const parsed = reads.map((r) => parseMrz(r.lines, { today }));
      expect(parsed.map((p) => (p.ok ? [p.format, p.valid, p.expired] : p.code))).toEqual([
        ['TD3', true, false],
        ['TD1', true, true],
      ]);
    });
  }
});
