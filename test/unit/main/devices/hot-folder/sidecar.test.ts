import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../../../../main/devices/hot-folder/sidecar';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const bytes = (s: string) => new TextEncoder().encode(s);
const sample = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../../../../resources/hot-folder/sample/${name}`, import.meta.url)));

describe('JSON sidecars', () => {
  it('reads an MRZ given as a list of lines', () => {
    expect(parseSidecar(bytes(JSON.stringify({ mrz: td3 })), 'json')).toEqual({ ok: true, mrz: td3 });
  });

  it('reads an MRZ given as one text with line breaks, tidying case and blank lines', () => {
    const text = `\n${td3[0]!.toLowerCase()}\r\n${td3[1]}\n\n`;
    expect(parseSidecar(bytes(JSON.stringify({ MRZ: text })), 'json')).toEqual({ ok: true, mrz: td3 });
  });

  it('accepts a sidecar without an MRZ (images only)', () => {
    expect(parseSidecar(bytes('{"reader":"x"}'), 'json')).toEqual({ ok: true, mrz: null });
  });

  it.each([
    ['{"mrz": [', 'not valid JSON'],
    ['[1,2]', 'not an object'],
    ['{"mrz": 42}', 'neither text nor a list'],
    [`{"mrz": ["${td3[0]}", "${td3[1]}", "${td3[1]}", "${td3[1]}"]}`, '4 lines'],
    ['{"mrz": ["P<UTO ERIKSSON"]}', 'characters an MRZ cannot hold'],
    [`{"mrz": ["${td3[0]}<<<<"]}`, 'longest MRZ line is 44'],
  ])('rejects %s with a reason', (json, reason) => {
    expect(parseSidecar(bytes(json), 'json')).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('rejects text that is not UTF-8 and files that are too large', () => {
    expect(parseSidecar(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'json')).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') });
    expect(parseSidecar(new Uint8Array(300 * 1024).fill(0x20), 'json')).toMatchObject({ ok: false, reason: expect.stringContaining('256 KB') });
  });
});

describe('XML sidecars', () => {
  it('reads <line> elements with escaped fillers and CDATA', () => {
    expect(parseSidecar(sample('card-0042.xml'), 'xml')).toEqual({ ok: true, mrz: td1 });
  });

  it('reads the lines as text of an <MRZ> element with a namespace prefix and attributes', () => {
    const xml = `<?xml version="1.0"?><d:scan xmlns:d="urn:x"><!-- <mrz>old</mrz> --><d:MRZ type="td3">\n${td3[0]!.replaceAll('<', '&lt;')}\n${td3[1]!.replaceAll('<', '&#60;')}\n</d:MRZ></d:scan>`;
    expect(parseSidecar(bytes(xml), 'xml')).toEqual({ ok: true, mrz: td3 });
  });

  it('accepts XML without an MRZ and an empty <mrz/>', () => {
    expect(parseSidecar(bytes('<scan><side>front</side></scan>'), 'xml')).toEqual({ ok: true, mrz: null });
    expect(parseSidecar(bytes('<scan><mrz/></scan>'), 'xml')).toEqual({ ok: true, mrz: null });
  });

  it('rejects a file that is not XML and an <mrz> holding other markup', () => {
    expect(parseSidecar(bytes('P<UTO'), 'xml')).toMatchObject({ ok: false });
    expect(parseSidecar(bytes('<scan><mrz><b>P</b></mrz></scan>'), 'xml')).toMatchObject({ ok: false, reason: expect.stringContaining('markup') });
  });

  it('never expands entity declarations', () => {
    const xml = '<!DOCTYPE s [<!ENTITY x "P&lt;UTO">]><s><mrz>&x;</mrz></s>';
    const result = parseSidecar(bytes(xml), 'xml');
    expect(result.ok ? result.mrz : null).not.toEqual(['P<UTO']);
  });
});

describe('the shipped sample sidecars', () => {
  it('give the MRZ the README shows', () => {
    expect(parseSidecar(sample('20260412-103012.json'), 'json')).toEqual({ ok: true, mrz: td3 });
  });
});

describe('hostile sidecars', () => {
  it('never throw, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('json' as const, 'xml' as const), (data, format) => {
        const result = parseSidecar(data, format);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
