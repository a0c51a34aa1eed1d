// Reads the frame markers reader presets write as text ("STX", "02", "1B 44 4F 43") into bytes.
// Pure; runs in main.

const named: Record<string, number> = { NUL: 0x00, SOH: 0x01, STX: 0x02, ETX: 0x03, EOT: 0x04, ACK: 0x06, LF: 0x0a, CR: 0x0d, NAK: 0x15, ESC: 0x1b, FS: 0x1c, GS: 0x1d, RS: 0x1e, US: 0x1f };

/**
 * Parses a marker: space-separated tokens, each a control name (STX, ETX, CR, …) or a hex byte
 * (`02`, `0x1B`). An empty string is "no marker". Throws a TypeError naming the bad token.
 */
export function parseByteMarker(text: string): Uint8Array {
  const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
  return Uint8Array.from(
    tokens.map((token) => {
      const byName = named[token.toUpperCase()];
      if (byName !== undefined) return byName;
      const hex = /^(?:0x)?([0-9a-f]{2})$/i.exec(token);
      if (!hex) throw new TypeError(`"${token}" is neither a control name (STX, ETX, CR, …) nor a hex byte (02, 0x1B)`);
      return Number.parseInt(hex[1] as string, 16);
    }),
  );
}
