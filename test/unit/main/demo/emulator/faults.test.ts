// Fault rules (RAW-API §15.2): action parsing, path forms, nth, times and seeded probability.
import { describe, expect, it } from 'vitest';
import { FaultBook, parseAction, pathMatches } from '../../../../../main/demo/emulator/faults';
import { seededRandom } from '../../../../../main/demo/emulator/random';

describe('fault rules', () => {
  it('parses every action of §15.2', () => {
    expect(parseAction('refuse')).toEqual({ kind: 'refuse' });
    expect(parseAction('http:429')).toEqual({ kind: 'http', status: 429 });
    expect(parseAction('applyThenDrop')).toEqual({ kind: 'applyThenDrop' });
    expect(parseAction('applyThen:504')).toEqual({ kind: 'applyThen', status: 504 });
    expect(parseAction('delay:1500')).toEqual({ kind: 'delay', ms: 1500, apply: true });
    expect(parseAction('delay:1500', false)).toEqual({ kind: 'delay', ms: 1500, apply: false });
    expect(parseAction('delay:10:noApply', true)).toEqual({ kind: 'delay', ms: 10, apply: false });
    expect(parseAction('sessionExpired')).toEqual({ kind: 'sessionExpired' });
    expect(parseAction('flag:VpeUnreachable')).toEqual({ kind: 'flag', flag: 'VpeUnreachable' });
    expect(parseAction('reject')).toEqual({ kind: 'reject' });
    expect(parseAction('resetDuringRequest')).toEqual({ kind: 'resetDuringRequest' });
    expect(parseAction('resetDuringResponse')).toEqual({ kind: 'resetDuringResponse' });
  });

  it('refuses unknown actions and bad arguments with a plain message', () => {
    expect(() => parseAction('explode')).toThrow('Unknown fault action "explode".');
    expect(() => parseAction('http:abc')).toThrow(/whole number/);
    expect(() => parseAction('http:99')).toThrow(/not an HTTP status/);
    expect(() => parseAction('applyThen:404')).toThrow(/500, 502, 503 or 504/);
    expect(() => parseAction('flag:Broken')).toThrow(/Locked, VpeUnreachable, AccessDenied/);
    expect(() => parseAction('delay:5:later')).toThrow(/noApply/);
  });

  it('matches a path in any documented form, and * matches everything', () => {
    const op = 'dataAccess/publishDocumentContainer';
    for (const path of ['dataAccess/publishDocumentContainer', '/VPE/dataAccess/publishDocumentContainer/', '/vpe.svc/DATAACCESS/publishdocumentcontainer', 'publishDocumentContainer', '*']) {
      expect(pathMatches(path, op), path).toBe(true);
    }
    expect(pathMatches('session/publishDocumentContainer', op)).toBe(false);
    expect(pathMatches('publish', op)).toBe(false);
  });

  it('fires on the nth match only, counting every matching request', () => {
    const book = new FaultBook(() => 0);
    book.add({ match: { path: 'login', nth: 3 }, action: 'refuse' });
    const fired = Array.from({ length: 5 }, () => book.pick('session/login', 'POST') !== null);
    expect(fired).toEqual([false, false, true, false, false]);
  });

  it('retires a rule after `times` firings and lets the next matching rule take over', () => {
    const book = new FaultBook(() => 0);
    const first = book.add({ match: { path: '*' }, action: 'http:500', times: 2 });
    const second = book.add({ match: { path: '*', method: 'POST' }, action: 'http:503' });
    const picks = Array.from({ length: 3 }, () => book.pick('session/login', 'POST')?.id);
    expect(picks).toEqual([first.id, first.id, second.id]);
    expect(book.list().map((rule) => rule.id)).toEqual([second.id]);
    expect(book.pick('dataAccess/image', 'GET')).toBeNull();
  });

  it('draws probabilities from the seeded source, so the same seed fires the same requests', () => {
    const pattern = (seed: number) => {
      const book = new FaultBook(seededRandom(seed));
      book.add({ match: { path: '*', probability: 0.3 }, action: 'refuse' });
      return Array.from({ length: 200 }, () => (book.pick('x/y', 'POST') ? 1 : 0)).join('');
    };
    expect(pattern(1)).toBe(pattern(1));
    expect(pattern(1)).not.toBe(pattern(2));
    const rate = [...pattern(3)].filter((bit) => bit === '1').length / 200;
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.45);
  });

  it('validates rule shape', () => {
    const book = new FaultBook(() => 0);
    expect(() => book.add({ match: {}, action: 'refuse' })).toThrow();
    expect(() => book.add({ match: { path: 'x', probability: 2 }, action: 'refuse' })).toThrow();
  });
});
