import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKeyboardLayout, undoKeyboardLayout } from '../../../../../main/devices/mrz/keyboard-layout';

// What a US-keycode reader's MRZ becomes on each desk layout (the forward direction of the tables).
const toAzerty: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à', A: 'Q', Q: 'A', Z: 'W', W: 'Z', M: '?', '<': '.' };
const toQwertz: Record<string, string> = { Y: 'Z', Z: 'Y', '<': ';' };
const garble = (text: string, table: Record<string, string>) => [...text].map((c) => table[c] ?? c).join('');

const mrzLine = fc.stringMatching(/^[A-Z0-9<]{30,44}$/);

describe('keyboard layouts', () => {
  it('restores an MRZ that went through a French AZERTY desk', () => {
    const line = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const garbled = garble(line, toAzerty);
    expect(garbled).not.toMatch(/[0-9]/);
    expect(detectKeyboardLayout(garbled)).toBe('azerty-fr');
    expect(undoKeyboardLayout(garbled, 'azerty-fr')).toBe(line);
  });

  it('restores an MRZ that went through a German QWERTZ desk', () => {
    const line = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const garbled = garble(line, toQwertz);
    expect(detectKeyboardLayout(garbled)).toBe('qwertz-de');
    expect(undoKeyboardLayout(garbled, 'qwertz-de')).toBe(line);
  });

  it('leaves clean MRZ text alone', () => {
    fc.assert(
      fc.property(mrzLine, (line) => {
        expect(detectKeyboardLayout(line)).toBe('us');
        expect(undoKeyboardLayout(line, 'us')).toBe(line);
      }),
    );
  });

  it('undoes both layouts for any MRZ line', () => {
    fc.assert(
      fc.property(mrzLine, (line) => {
        expect(undoKeyboardLayout(garble(line, toAzerty), 'azerty-fr')).toBe(line);
        expect(undoKeyboardLayout(garble(line, toQwertz), 'qwertz-de')).toBe(line);
      }),
    );
  });
});
