// "Test this reader" in plain words for the settings screen: what arrived and how fast, never what
// it said (the result carries no MRZ text or image). Pure; runs in main.
import type { TestReadResult } from '../devices/manager-view';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function testReadWords(result: TestReadResult): { ok: boolean; message: string } {
  if (!result.ok) return { ok: false, message: result.message };
  if (result.what === 'mrz') {
    const lines = result.lineLengths.length;
    if (result.partial) {
      return {
        ok: false,
        message: `The reader answered in ${seconds(result.elapsedMs)}, but only part of an MRZ arrived (${lines} line${lines === 1 ? '' : 's'}). Check the line-ending and timing settings, then test again.`,
      };
    }
    return { ok: true, message: `The reader works: it read an MRZ of ${lines} lines (${result.lineLengths.join(', ')} characters) in ${seconds(result.elapsedMs)}.` };
  }
  const size = result.bytes >= 1024 * 1024 ? `${(result.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(result.bytes / 1024))} KB`;
  const dpi = result.dpi ? `, ${Math.round(result.dpi)} dpi` : '';
  const light = { white: 'white', ir: 'infrared', uv: 'ultraviolet' }[result.light];
  return { ok: true, message: `The reader works: it sent a ${result.side} image in ${light} light (${result.mime === 'image/png' ? 'PNG' : 'JPEG'}, ${size}${dpi}) in ${seconds(result.elapsedMs)}.` };
}
