// Showing offered OCR corrections: which characters change, on which line.
import { describe, expect, it } from 'vitest';
import { correctedSegments } from '../../../../../renderer/src/features/capture/mrz-corrections';

describe('corrected segments', () => {
  it('marks each changed character with what it was and keeps the rest as plain runs', () => {
    const segments = correctedSegments('L898902C36UTO74O8122F', 1, [
      { line: 1, column: 15, from: 'O', to: '0' },
      { line: 0, column: 2, from: 'B', to: '8' },
    ]);
    expect(segments).toEqual([
      { text: 'L898902C36UTO74', change: null },
      { text: '0', change: { from: 'O', to: '0', column: 15 } },
      { text: '8122F', change: null },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('L898902C36UTO7408122F');
  });

  it('leaves a line without corrections whole', () => {
    expect(correctedSegments('P<UTO', 0, [])).toEqual([{ text: 'P<UTO', change: null }]);
  });
});
