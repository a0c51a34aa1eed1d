// Undoes "keyboard-layout garbage": a reader in keyboard (HID wedge) mode sends US key codes, and a
// desk whose system layout is French AZERTY or German QWERTZ turns them into other characters.
// Pure; runs anywhere (main, or the renderer where a wedge types into a field).

export type KeyboardLayout = 'us' | 'azerty-fr' | 'qwertz-de';

// US key → character the French AZERTY layout produces for it, inverted. Digits are sent unshifted,
// so the digit row gives & é " ' ( - è _ ç à; A/Q and Z/W swap; Shift+M gives ?; `<` (Shift+,) gives `.`.
const fromAzerty: Record<string, string> = {
  '&': '1',
  'é': '2',
  '"': '3',
  "'": '4',
  '(': '5',
  '-': '6',
  'è': '7',
  '_': '8',
  'ç': '9',
  'à': '0',
  A: 'Q',
  Q: 'A',
  Z: 'W',
  W: 'Z',
  '?': 'M',
  '.': '<',
};

// German QWERTZ swaps Y and Z, and `<` (Shift+, on US) comes out as `;`.
const fromQwertz: Record<string, string> = { Y: 'Z', Z: 'Y', ';': '<' };

const tables: Record<Exclude<KeyboardLayout, 'us'>, Record<string, string>> = {
  'azerty-fr': fromAzerty,
  'qwertz-de': fromQwertz,
};

/**
 * Guesses the layout that garbled `text`. A real MRZ holds only A–Z, 0–9 and `<`, so characters from
 * a layout's garbage set, together with the absence of what that layout cannot produce (digits for
 * AZERTY, `<` for QWERTZ), are a safe signal. Returns 'us' when nothing points elsewhere.
 */
export function detectKeyboardLayout(text: string): KeyboardLayout {
  if (!/[0-9]/.test(text) && /[&é"'(èçà]/.test(text)) return 'azerty-fr';
  if (!text.includes('<') && text.includes(';')) return 'qwertz-de';
  return 'us';
}

/** Maps each character back to the one the reader meant. CR/LF and unknown characters pass through. */
export function undoKeyboardLayout(text: string, layout: KeyboardLayout): string {
  if (layout === 'us') return text;
  const table = tables[layout];
  let out = '';
  for (const char of text) out += table[char] ?? table[char.toUpperCase()] ?? char;
  return out;
}
