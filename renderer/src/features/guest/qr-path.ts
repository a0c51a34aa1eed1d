// Pure: a QR code for a text as one SVG path of its dark modules (renderer). The `qrcode` package
// computes the matrix locally — no network, no canvas, no markup injected into the page.
import { create } from 'qrcode';

/** Light modules around the symbol the QR standard asks for so phones find it (ISO 18004 §6.3.8). */
export const QUIET_ZONE = 4;

export type QrPath = { size: number; d: string };

export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col]) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + QUIET_ZONE * 2, d: parts.join('') };
}
