// Errors from main worded in the renderer from code and params, in English and Welsh plural forms.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../../renderer/src/bridge';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { errorText } from '../../../../renderer/src/i18n/error-text';

beforeAll(() => setUpI18n('en'));

const wrongPin = (count: number) => new BridgeError('session.wrong-pin', 'That admin PIN is not right. (main’s English)', { count, minutes: 15 });

describe('errorText', () => {
  it('words a known code with its params, in each language’s plural forms', async () => {
    await i18next.changeLanguage('en');
    expect(errorText(i18next.t, wrongPin(1))).toBe('That is not right. One more wrong attempt and it is locked for 15 min.');
    expect(errorText(i18next.t, wrongPin(3))).toBe('That is not right. 3 more wrong attempts and it is locked for 15 min.');
    await i18next.changeLanguage('cy');
    expect(errorText(i18next.t, wrongPin(2))).toBe('Nid yw hynny’n gywir. Dau gynnig anghywir arall ac fe’i cloir am 15 mun.');
    expect(errorText(i18next.t, new BridgeError('session.pin-too-simple', 'English'))).toMatch(/^Mae’r PIN hwn yn rhy hawdd/);
    await i18next.changeLanguage('en');
  });

  it('falls back to main’s message for a code it has no words for', () => {
    expect(errorText(i18next.t, new BridgeError('reader.something-new', 'The reader said something new.'))).toBe('The reader said something new.');
    expect(errorText(i18next.t, new Error('plain'))).toBe('plain');
  });
});
