// A QR code drawn as an inline SVG (renderer): crisp at any size, black on white for phone cameras.
import { useMemo } from 'react';
import { qrPath } from './qr-path';

export function QrCode({ text, label, testId = 'qr-code' }: { text: string; label: string; testId?: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid={testId} data-text={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
