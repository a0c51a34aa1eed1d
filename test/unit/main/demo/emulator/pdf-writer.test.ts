// The minimal PDF writer (RAW-API §5.5): structure a reader relies on, checked byte by byte.
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../../../main/demo/emulator/pdf-writer';

function xrefOffsets(pdf: Buffer): { text: string; offsets: number[]; start: number } {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(start)) ?? [];
  const lines = text.slice(start).split('\n').slice(2, 2 + Number(count));
  return { text, start, offsets: lines.map((line) => Number(line.slice(0, 10))) };
}

describe('PDF writer', () => {
  it('writes a PDF 1.4 header, an xref whose offsets point at their objects, and a trailer', () => {
    const pdf = writePdf('Report', [{ text: 'Hello' }]);
    const { text, offsets, start } = xrefOffsets(pdf);
    expect(text.startsWith('%PDF-1.4\n%')).toBe(true);
    expect(text.slice(start, start + 5)).toBe('xref\n');
    expect(offsets[0]).toBe(0);
    offsets.slice(1).forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj\n`)).toBe(true));
    expect(text).toContain(`trailer\n<< /Size ${offsets.length} /Root 1 0 R /Info 5 0 R >>`);
  });

  it('gives every stream its exact length', () => {
    const { text } = xrefOffsets(writePdf('Report', [{ text: 'Line one' }, { text: 'Line two', bold: true, size: 14 }]));
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
    expect(Buffer.byteLength(match?.[2] ?? '', 'latin1')).toBe(Number(match?.[1]));
    expect(match?.[2]).toContain('/F2 14 Tf');
  });

  it('escapes parentheses and backslashes and replaces what WinAnsi cannot show', () => {
    const { text } = xrefOffsets(writePdf('T', [{ text: 'a (b) \\ c — ü' }]));
    expect(text).toContain('(a \\(b\\) \\\\ c ? ?) Tj');
  });

  it('flows long reports onto more pages', () => {
    const lines = Array.from({ length: 120 }, (_, index) => ({ text: `Line ${index}` }));
    const { text, offsets } = xrefOffsets(writePdf('Long', lines));
    expect(text).toMatch(/\/Type \/Pages \/Kids \[6 0 R 8 0 R 10 0 R\] \/Count 3/);
    expect(offsets).toHaveLength(12);
    expect(text).toContain('(Line 119) Tj');
  });
});
