import { describe, expect, it } from 'vitest';
import { flushGrouping, initialGroupingState, pushMrzLine, tickGrouping, type GroupingState } from '../../../../../main/devices/framing/document-grouping';
import type { FramedMessage } from '../../../../../main/devices/framing/framed-message';
import { ascii } from './chunks';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const options = { idleMs: 300 };

function feed(lines: Array<[string, number]>, state: GroupingState = initialGroupingState): { state: GroupingState; out: FramedMessage[] } {
  const out: FramedMessage[] = [];
  let s = state;
  for (const [text, at] of lines) {
    const r = pushMrzLine(s, { text, raw: ascii(`${text}\r`) }, at, options);
    s = r.state;
    out.push(...r.out);
  }
  return { state: s, out };
}

const docs = (out: FramedMessage[]) => out.filter((m) => m.type === 'document');

describe('document grouping', () => {
  it('completes a passport at its second line and an ID card at its third', () => {
    expect(docs(feed([[td3[0]!, 0], [td3[1]!, 5]]).out)).toEqual([{ type: 'document', lines: td3, raw: ascii(`${td3[0]}\r${td3[1]}\r`), partial: false }]);
    const card = feed(td1.map((l, i) => [l, i * 5] as [string, number]));
    expect(docs(card.out)).toMatchObject([{ lines: td1, partial: false }]);
    expect(card.out[0]).toEqual({ type: 'document-started' });
  });

  it('ends a document missing lines as partial once the reader is quiet for the idle time', () => {
    const { state } = feed([[td1[0]!, 0], [td1[1]!, 10]]);
    expect(tickGrouping(state, 309, options).out).toEqual([]);
    expect(docs(tickGrouping(state, 310, options).out)).toMatchObject([{ lines: td1.slice(0, 2), partial: true }]);
  });

  it('starts a new document when the next line comes after the idle time', () => {
    const { out } = feed([[td3[1]!, 0], [td3[0]!, 1000], [td3[1]!, 1005]]);
    expect(docs(out)).toMatchObject([{ lines: [td3[1]], partial: true }, { lines: td3, partial: false }]);
  });

  it('ends a document as partial when a line of another width arrives', () => {
    const { out } = feed([[td3[0]!, 0], [td1[0]!, 5], [td1[1]!, 6], [td1[2]!, 7]]);
    expect(docs(out)).toMatchObject([{ lines: [td3[0]], partial: true }, { lines: td1, partial: false }]);
  });

  it('takes a run-together MRZ as a whole document', () => {
    expect(docs(feed([[td3.join(''), 0]]).out)).toMatchObject([{ lines: [td3.join('')], partial: false }]);
  });

  it('knows a Swiss driving licence (9 + 30 + 30) and a one-line French driving licence', () => {
    const swiss = ['AAA001D<<', 'FACHE123456789001<<900115<<<<<', 'MUSTER<<ANNA<<<<<<<<<<<<<<<<<<'];
    expect(docs(feed(swiss.map((l) => [l, 0] as [string, number])).out)).toMatchObject([{ lines: swiss, partial: false }]);
    expect(docs(feed([['D1FRA12345678901234567890123<<', 0]]).out)).toMatchObject([{ partial: false }]);
  });

  it('does not let a short run of MRZ-like noise open a document', () => {
    const { out } = feed([['4LEA<EMFF', 0], ...td1.map((l) => [l, 1] as [string, number])]);
    expect(out[0]).toMatchObject({ type: 'noise', reason: 'not-mrz' });
    expect(docs(out)).toMatchObject([{ lines: td1, partial: false }]);
  });

  it('groups lines whose trailing fillers the reader dropped', () => {
    const passport = [td3[0]!.replace(/<+$/, ''), td3[1]!];
    expect(passport[0]!.length).toBeLessThan(30);
    expect(docs(feed(passport.map((l) => [l, 0] as [string, number])).out)).toMatchObject([{ lines: passport, partial: false }]);
    const card = [td1[0]!.replace(/<+$/, ''), td1[1]!, td1[2]!.replace(/<+$/, '')];
    expect(docs(feed(card.map((l) => [l, 0] as [string, number])).out)).toMatchObject([{ lines: card, partial: false }]);
  });

  it('flushes what it holds as partial', () => {
    const { state } = feed([[td3[0]!, 0]]);
    expect(docs(flushGrouping(state).out)).toMatchObject([{ lines: [td3[0]], partial: true }]);
    expect(flushGrouping(initialGroupingState).out).toEqual([]);
  });
});
