// The wire writer (RAW-API §1.6 order, §1.8 dates): pure, tested with plain values.
import { describe, expect, it } from 'vitest';
import { UnsetDate, WireDate, WireEnvelope, toEnvelopeJson, toWireJson, unsetDate } from '../../../../../main/demo/emulator/wire-json';

const plain = { offset: '+0000', emitSentinels: false };

describe('wire JSON', () => {
  it('orders nested keys ordinally, so upper-case runs sort first', () => {
    const text = toWireJson({ MandatoryDocumentFieldsFlag: 0, MRZCorrected: false, ReadingAttemptsCount: 0, RFIDFailed: false, b: 1, A: 2 }, plain);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['A', 'MRZCorrected', 'MandatoryDocumentFieldsFlag', 'RFIDFailed', 'ReadingAttemptsCount', 'b']);
  });

  it('writes base envelope fields first in §1.6 order, then the operation fields ordinally', () => {
    const text = toEnvelopeJson({ Zeta: 1, Success: true, Message: 'm', AccessDenied: false, Alpha: { z: 1, a: 2 }, VpeUnreachable: false }, plain);
    expect(text).toBe('{"AccessDenied":false,"Message":"m","Success":true,"VpeUnreachable":false,"Alpha":{"a":2,"z":1},"Zeta":1}');
  });

  it('keeps envelope order for an envelope nested in another object', () => {
    const text = toWireJson({ Response: new WireEnvelope({ ContainerId: 'c', Success: true, AccessDenied: false }), Callback: {} }, plain);
    expect(text).toBe('{"Callback":{},"Response":{"AccessDenied":false,"Success":true,"ContainerId":"c"}}');
  });

  it('writes dates with escaped slashes and the configured offset, without shifting the instant', () => {
    expect(toWireJson({ At: new WireDate(1646838015063) }, plain)).toBe('{"At":"\\/Date(1646838015063+0000)\\/"}');
    const shifted = toWireJson({ At: new WireDate(1646838015063) }, { offset: '+0100', emitSentinels: false });
    expect(JSON.parse(shifted)).toEqual({ At: '/Date(1646838015063+0100)/' });
  });

  it('writes unset dates as null, or as the .NET minimum date when asked', () => {
    expect(unsetDate).toBeInstanceOf(UnsetDate);
    expect(toWireJson({ At: unsetDate }, plain)).toBe('{"At":null}');
    expect(JSON.parse(toWireJson({ At: unsetDate }, { offset: '+0100', emitSentinels: true }))).toEqual({ At: '/Date(-62135596800000+0000)/' });
  });

  it('escapes strings as JSON does, keeps array order and drops non-finite numbers to null', () => {
    expect(toWireJson(['b', 'a"\n', Number.NaN], plain)).toBe('["b","a\\"\\n",null]');
  });
});
