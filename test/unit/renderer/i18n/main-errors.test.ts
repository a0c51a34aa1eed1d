// Every error code main can send the renderer has words in English and Welsh (issue 11 §5), and the
// words only use params a throw site passes. The codes are found by scanning main's source, so a new
// code thrown without words fails here.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractErrors } from '../../../../preload/contract';
import { BridgeError } from '../../../../renderer/src/bridge';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { cy, en } from '../../../../renderer/src/i18n/main-errors';
import { lockedOutError, slowDownError } from '../../../../main/session/session-errors';
import type { AppError } from '../../../../main/app-error';

const root = path.resolve(__dirname, '../../../..');
const CODE = String.raw`[a-z]+(?:\.[a-z0-9-]+)+`;

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [{ file: path.relative(root, p), text: fs.readFileSync(p, 'utf8') }] : [];
  });
}

// Codes in main that are not errors answered through the dispatcher: health statuses (worded under
// `health.*`) and MRZ reading warnings (worded by the capture screen).
const NOT_ERRORS = new Set(['main/app/services/app-services.ts', 'main/devices/mrz/parse-mrz.ts']);

/** code → the files that can send it. */
function codesThrownByMain(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (code: string, file: string) => found.set(code, (found.get(code) ?? new Set()).add(file));
  for (const { file, text } of sources(path.join(root, 'main'))) {
    if (file.startsWith('main/demo/emulator/')) continue; // the emulator's HTTP answers, not the contract
    for (const m of text.matchAll(new RegExp(String.raw`new AppError\(\s*'(${CODE})'`, 'g'))) add(m[1]!, file);
    for (const m of text.matchAll(new RegExp(String.raw`\bfail\(\s*'(${CODE})'`, 'g'))) add(m[1]!, file);
    if (!NOT_ERRORS.has(file)) for (const m of text.matchAll(new RegExp(String.raw`\bcode:\s*'(${CODE})'`, 'g'))) add(m[1]!, file);
    // The sync engine's refusals of staff actions: refuse('busy', …) → sync.busy.
    for (const m of text.matchAll(/\brefuse\(\s*'([a-z0-9-]+)'/g)) add(`sync.${m[1]}`, file);
    // TrustIdError(kind) → trustid.<kind>, every kind of the union.
    const kinds = /export type TrustIdErrorKind =([^;]+);/.exec(text);
    if (kinds) for (const m of kinds[1]!.matchAll(/\|\s*'([a-z-]+)'/g)) add(`trustid.${m[1]}`, file);
  }
  for (const code of Object.values(contractErrors)) add(code, 'preload/contract/envelope.ts');
  return found;
}

type Words = Record<string, Record<string, unknown>>;

/** Every variant of a code's words (the bare key, plural and context forms). */
function variants(words: Words, code: string): Record<string, string> {
  const [domain, ...rest] = code.split('.');
  const reason = rest.join('.');
  const group = words[domain!] ?? {};
  return Object.fromEntries(Object.entries(group).filter(([k]) => k === reason || k.startsWith(`${reason}_`))) as Record<string, string>;
}

/** The param names the throw sites of `code` can pass (over-approximated from the source around them). */
function passableParams(code: string, files: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (let at = text.indexOf(`'${code}'`); at >= 0; at = text.indexOf(`'${code}'`, at + 1)) {
      const window = text.slice(Math.max(0, at - 400), at + 600);
      for (const p of window.matchAll(/params(?:\s*[:=]\s*)([^;]{0,200})/g)) {
        const part = p[1]!;
        for (const k of part.matchAll(/(\w+)\s*:/g)) names.add(k[1]!);
        for (const k of part.matchAll(/[{,]\s*(\w+)\s*(?=[,}])/g)) names.add(k[1]!);
        // A helper that builds the params: its declared return keys.
        for (const call of part.matchAll(/(\w+)\(/g)) {
          const decl = text.indexOf(`function ${call[1]}(`);
          if (decl >= 0) for (const k of text.slice(decl, decl + 300).matchAll(/(\w+)\s*:/g)) names.add(k[1]!);
        }
      }
    }
  }
  return names;
}

const thrown = codesThrownByMain();

describe('mainErrors', () => {
  it('finds main’s codes (the scan itself works)', () => {
    for (const code of ['session.slow-down', 'store.disk-full', 'reader.port-busy', 'trustid.network', 'sync.not-applicable', 'contract.internal-error', 'guest.cannot-revoke', 'demo.not-demo']) {
      expect(thrown.has(code), code).toBe(true);
    }
    expect(thrown.size).toBeGreaterThan(150);
  });

  it('has words in English and Welsh for every code main can send', () => {
    const missing = [...thrown.keys()].filter((code) => Object.keys(variants(en as Words, code)).length === 0 || Object.keys(variants(cy as Words, code)).length === 0);
    expect(missing).toEqual([]);
  });

  it('gives Welsh every plural form for each English plural', () => {
    const gaps: string[] = [];
    for (const [domain, group] of Object.entries(en as Words)) {
      for (const key of Object.keys(group).filter((k) => k.endsWith('_other'))) {
        const stem = key.slice(0, -'_other'.length);
        for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) if (!((cy as Words)[domain]?.[`${stem}_${form}`])) gaps.push(`${domain}.${stem}_${form}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('uses only {{params}} a throw site passes', () => {
    const wrong: string[] = [];
    for (const [code, files] of thrown) {
      const passable = passableParams(code, files);
      for (const [lang, words] of [['en', en], ['cy', cy]] as const) {
        for (const [key, text] of Object.entries(variants(words as Words, code))) {
          for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) if (!passable.has(m[1]!)) wrong.push(`${lang} ${code} ${key}: {{${m[1]}}}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('BridgeError words main’s errors from their params', () => {
  beforeAll(() => setUpI18n('en'));
  const bridged = (e: AppError) => new BridgeError(e.code, e.message, e.params);

  it('says how long to wait after too many wrong PINs, with plurals', async () => {
    await i18next.changeLanguage('en');
    expect(bridged(slowDownError(1000)).message).toBe('Too many wrong PINs have been entered. Wait 1 second, then try again.');
    expect(bridged(slowDownError(30_000)).message).toBe('Too many wrong PINs have been entered. Wait 30 seconds, then try again.');
    expect(bridged(slowDownError(300_000)).message).toBe('Too many wrong PINs have been entered. Wait 5 minutes, then try again.');
    await i18next.changeLanguage('cy');
    expect(bridged(slowDownError(2000)).message).toBe('Rhoddwyd gormod o PINau anghywir. Arhoswch ddwy eiliad, yna rhowch gynnig arall arni.');
    expect(bridged(slowDownError(30_000)).message).toBe('Rhoddwyd gormod o PINau anghywir. Arhoswch 30 eiliad, yna rhowch gynnig arall arni.');
    expect(bridged(slowDownError(120_000)).message).toBe('Rhoddwyd gormod o PINau anghywir. Arhoswch ddau funud, yna rhowch gynnig arall arni.');
    await i18next.changeLanguage('en');
  });

  it('words a local lockout by what is locked, with the minutes and the clock time', async () => {
    const until = new Date(2026, 0, 5, 9, 5).getTime();
    await i18next.changeLanguage('cy');
    const offline = bridged(lockedOutError(until, until - 3 * 60_000, 'offline-pin')).message;
    expect(offline).toContain('mae’r PIN all-lein wedi’i gloi');
    expect(offline).toContain('ymhen 3 munud (am 09:05)');
    await i18next.changeLanguage('en');
    expect(bridged(lockedOutError(until, until - 60_000, 'account')).message).toContain('this account is locked on this kiosk. Try again in 1 minute (at 09:05)');
  });

  it('keeps main’s English for a TrustID lock, which has no params', async () => {
    await i18next.changeLanguage('en');
    expect(new BridgeError('session.locked-account', 'English').message).toBe('Your TrustID account is locked. Ask your TrustID administrator to unlock it, then sign in again.');
  });
});
