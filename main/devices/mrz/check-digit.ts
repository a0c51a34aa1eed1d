// The ICAO 9303 check digit (part 3 §4.9): weights 7, 3, 1 repeating over the character values
// (0–9 as themselves, A–Z as 10–35, the filler `<` as 0), sum modulo 10. Pure; runs anywhere.

const weights = [7, 3, 1] as const;

/** Value of one MRZ character for the check-digit sum, or null when it is not an MRZ character. */
export function mrzCharValue(char: string): number | null {
  const code = char.charCodeAt(0);
  if (char.length !== 1) return null;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code === 60) return 0;
  return null;
}

/** The check digit of `text`, or null when `text` holds a character an MRZ cannot hold. */
export function mrzCheckDigit(text: string): number | null {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = mrzCharValue(text[i] as string);
    if (value === null) return null;
    sum += value * (weights[i % 3] as number);
  }
  return sum % 10;
}

/** True when `digit` (one character) is the check digit of `text`. */
export function isCheckDigitValid(text: string, digit: string): boolean {
  const expected = mrzCheckDigit(text);
  return expected !== null && digit === String(expected);
}
