// Small statistics for benchmarks: percentiles and a printed line. Benchmarks report; they never fail.
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const median = (values: number[]): number => percentile(values, 50);

export function report(name: string, valuesMs: number[], targetMs?: number): void {
  const p50 = median(valuesMs);
  const p95 = percentile(valuesMs, 95);
  const target = targetMs === undefined ? '' : `  target ≤ ${targetMs} ms → ${p50 <= targetMs ? 'met' : 'NOT met'} (median/target ${(p50 / targetMs).toFixed(2)})`;
  console.log(`${name}: median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${Math.min(...valuesMs).toFixed(1)} ms, n=${valuesMs.length}${target}`);
}
