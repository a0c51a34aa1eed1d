// Fuzz: random streams of noise with valid MRZ documents embedded, through every reader framing,
// split into random chunks. Nothing may throw or hang, and every embedded document must come out
// whole. 100,000 streams through each of the nine framings takes about 90 s on a build machine, over
// the 30 s budget, so CI runs 12,000 through each (108,000 in all); SCAN_STATION_FUZZ_STREAMS=100000
// runs the full count.
import { describe, expect, it } from 'vitest';
import type { FramedMessage } from '../../../../../main/devices/framing/framed-message';
import { initialReaderFraming, pushReaderBytes, tickReaderFraming, type ReaderFramingState } from '../../../../../main/devices/framing/reader-framing';
import { readerConfigs, sampleDocuments } from './reader-configs';

const streams = Number(process.env.SCAN_STATION_FUZZ_STREAMS ?? 12_000);

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('framing fuzz', () => {
  for (const config of readerConfigs) {
    it(`finds every document hidden in ${streams} noisy streams (${config.name})`, () => {
      let found = 0;
      for (let seed = 1; seed <= streams; seed++) {
        const random = generator(seed * 7919 + config.name.length);
        const pick = (n: number) => Math.floor(random() * n);
        const stream: number[] = [];
        const hidden: string[][] = [];
        const parts = 1 + pick(3);
        for (let p = 0; p < parts; p++) {
          const noiseLength = pick(48);
          for (let i = 0; i < noiseLength; i++) stream.push(pick(256));
          stream.push(...config.afterNoise);
          const doc = sampleDocuments[pick(sampleDocuments.length)] as string[];
          hidden.push(doc);
          stream.push(...config.encode(doc, pick));
        }
        const trailing = pick(48);
        for (let i = 0; i < trailing; i++) stream.push(pick(256));

        let state: ReaderFramingState = initialReaderFraming;
        const messages: FramedMessage[] = [];
        let at = 0;
        while (at < stream.length) {
          const size = 1 + pick(24);
          const r = pushReaderBytes(state, Uint8Array.from(stream.slice(at, at + size)), 0, config.options);
          state = r.state;
          messages.push(...r.messages);
          at += size;
        }
        messages.push(...tickReaderFraming(state, 1e9, config.options).messages);

        const complete = messages.flatMap((m) => (m.type === 'document' && !m.partial ? [m.lines] : []));
        if (JSON.stringify(complete) !== JSON.stringify(hidden)) {
          expect.fail(`seed ${seed}: expected ${JSON.stringify(hidden)}, got ${JSON.stringify(complete)}`);
        }
        found += complete.length;
      }
      expect(found).toBeGreaterThanOrEqual(streams);
    }, 600_000);
  }
});
