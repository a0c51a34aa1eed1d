// The public MRZ corpus (issue 12 §3) played byte for byte over a real socat PTY through the serial
// line reader, then parsed as the app does: every sample arrives as its source says it should.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PtyMrzWriter } from '../../../main/demo/simulated-reader/pty-mrz-writer';
import type { MrzEvent } from '../../../main/devices/driver';
import { parseMrz } from '../../../main/devices/mrz/parse-mrz';
import { SerialLineReader } from '../../../main/devices/serial/serial-line-reader';
import { SerialReaderSettings } from '../../../main/devices/serial/serial-reader-settings';
import { silentLogger } from '../../../main/logging/logger';
import { expectReading } from '../../fixtures/mrz/expect-reading';
import { publicSamples } from '../../fixtures/mrz/public-samples';
import { hasSocat, openPtyPair, type PtyPair } from '../../fakes/pty';

let pair: PtyPair;
let driver: SerialLineReader;
let writer: PtyMrzWriter;

beforeAll(async () => {
  if (!hasSocat()) throw new Error('socat is required for the serial integration tests (apt-get install -y socat)');
  pair = await openPtyPair();
  // A short idle time: the incomplete sample is ended as partial when the reader goes quiet.
  driver = new SerialLineReader({ id: 'corpus', settings: SerialReaderSettings.parse({ path: pair.a, framing: { lineEnding: 'crlf', idleMs: 150 } }), log: silentLogger() });
  const ready = new Promise<void>((resolve) => driver.on('status', (s) => s.state === 'ready' && resolve()));
  await driver.start();
  await ready;
  writer = await PtyMrzWriter.open(pair.b);
});

afterAll(async () => {
  await writer?.close();
  await driver?.stop();
  await pair?.close();
});

describe('public MRZ samples over a serial PTY', () => {
  for (const sample of publicSamples) {
    it(`${sample.id} arrives as its source says`, async () => {
      const event = new Promise<MrzEvent>((resolve) => driver.once('mrz', resolve));
      await writer.send(Buffer.from(sample.wire ?? `${sample.lines.join('\r\n')}\r\n`, 'latin1'));
      const m = await event;
      expectReading(sample, parseMrz(m.lines, { today: '2026-05-01' }));
    });
  }
});
