// A minimal PDF 1.4 writer for the emulator's exportPDF report (RAW-API §5.5): one or more A4
// pages of Helvetica text, with a correct cross-reference table so any reader opens it. Runs
// wherever the emulator runs. Pure.

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const LINE_HEIGHT = 15;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LINE_HEIGHT);

export type PdfLine = { text: string; bold?: boolean; size?: number };

/** PDF string literal: the standard 14 fonts speak WinAnsi, so anything else becomes "?". */
function pdfString(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

function pageContent(lines: PdfLine[]): string {
  const parts = ['BT'];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const size = line.size ?? 10;
    parts.push(`/${line.bold ? 'F2' : 'F1'} ${size} Tf`, `1 0 0 1 ${MARGIN} ${y} Tm`, `${pdfString(line.text)} Tj`);
    y -= Math.max(LINE_HEIGHT, size + 5);
  }
  parts.push('ET');
  return parts.join('\n');
}

/** Writes the lines as a PDF; long reports flow onto further pages. */
export function writePdf(title: string, lines: PdfLine[]): Buffer {
  const pages: PdfLine[][] = [];
  for (let index = 0; index < Math.max(lines.length, 1); index += LINES_PER_PAGE) pages.push(lines.slice(index, index + LINES_PER_PAGE));

  // Object numbers: 1 catalog, 2 page tree, 3 regular font, 4 bold font, 5 info, then a page and
  // its content stream per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 6 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(title)} /Producer (Scan Station TrustID emulator) >>`;
  pages.forEach((pageLines, index) => {
    const pageId = pageIds[index] ?? 0;
    const content = pageContent(pageLines);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });

  // The header's second line holds bytes above 127 so tools treat the file as binary (PDF 1.4 §3.4.1).
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
  }
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  const count = objects.length;
  let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let id = 1; id < count; id += 1) xref += `${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`;
  const trailer = `trailer\n<< /Size ${count} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body + xref + trailer, 'latin1');
}
