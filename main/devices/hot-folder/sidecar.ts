// Reads the MRZ lines from a hot-folder sidecar (JSON or XML, format in
// resources/hot-folder/README.md). No XML parser: only the <mrz> element is wanted, and a regular
// extraction cannot be made to expand entities or fetch anything. Pure. Runs in main.

export type SidecarResult = { ok: true; mrz: string[] | null } | { ok: false; reason: string };

export const maxSidecarBytes = 256 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseSidecar(bytes: Uint8Array, format: 'json' | 'xml'): SidecarResult {
  if (bytes.length > maxSidecarBytes) return { ok: false, reason: `the ${format.toUpperCase()} file is larger than 256 KB` };
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: `the ${format.toUpperCase()} file is not UTF-8 text` };
  }
  const raw = format === 'json' ? mrzFromJson(text) : mrzFromXml(text);
  if (!raw.ok) return raw;
  if (raw.mrz === null) return raw;
  return checkLines(raw.mrz);
}

function mrzFromJson(text: string): SidecarResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the JSON file is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'the JSON file is not an object' };
  const key = Object.keys(data).find((k) => k.toLowerCase() === 'mrz');
  if (key === undefined) return { ok: true, mrz: null };
  const value = (data as Record<string, unknown>)[key];
  if (typeof value === 'string') return { ok: true, mrz: value.split(/\r\n|\r|\n/) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ok: true, mrz: value as string[] };
  if (value === null) return { ok: true, mrz: null };
  return { ok: false, reason: 'the JSON "mrz" value is neither text nor a list of lines' };
}

function mrzFromXml(text: string): SidecarResult {
  if (!/^\s*</.test(text)) return { ok: false, reason: 'the XML file is not XML' };
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const element = /<(?:[\w-]+:)?mrz\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?mrz\s*>)/i.exec(body);
  if (!element) return { ok: true, mrz: null };
  const inner = element[1] ?? '';
  const lineElements = [...inner.matchAll(/<(?:[\w-]+:)?line\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?line\s*>/gi)].map((m) => m[1]!);
  if (lineElements.length) return { ok: true, mrz: lineElements.map(xmlText) };
  if (/<[a-z]/i.test(inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) return { ok: false, reason: 'the XML <mrz> element holds markup other than <line> elements' };
  return { ok: true, mrz: xmlText(inner).split(/\r\n|\r|\n/) };
}

/** Text content: CDATA kept as is, the five XML entities and numeric references decoded. */
function xmlText(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, cdata: string | undefined, entity: string | undefined) => {
    if (cdata !== undefined) return cdata;
    const e = entity!.toLowerCase();
    if (e.startsWith('#x')) return safeChar(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return safeChar(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] ?? '';
  });
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Light clean-up only (case, surrounding space, blank lines); the MRZ parser judges the rest. */
function checkLines(lines: string[]): SidecarResult {
  const clean = lines.map((l) => l.trim().toUpperCase()).filter((l) => l.length > 0);
  if (clean.length === 0) return { ok: true, mrz: null };
  if (clean.length > 3) return { ok: false, reason: `the MRZ has ${clean.length} lines; an MRZ has 2 or 3` };
  for (const [i, line] of clean.entries()) {
    if (line.length > 44) return { ok: false, reason: `MRZ line ${i + 1} is ${line.length} characters long; the longest MRZ line is 44` };
    if (!/^[A-Z0-9<]+$/.test(line)) return { ok: false, reason: `MRZ line ${i + 1} has characters an MRZ cannot hold (only A–Z, 0–9 and <)` };
  }
  return { ok: true, mrz: clean };
}
