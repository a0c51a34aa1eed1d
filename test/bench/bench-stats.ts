// Small statistics for benchmarks: percentiles and a printed line. Benchmarks report; they never fail.
import fs from 'node:fs';
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

/** One line of the table `npm run bench` prints at the end: a figure beside its floor and goal. */
export type SummaryRow = {
  figure: string;
  /** The measured value (ms unless `unit` says otherwise). */
  value: number;
  unit?: string;
  /** The bare floor measured in the same run, when the figure has one. */
  floor?: number;
  /** The goal: a ratio to the floor when there is a floor, else an absolute value in `unit`. */
  goal?: number;
};

/** Appends a row to the file scripts/bench.mjs names in BENCH_SUMMARY (nothing when run alone). */
export function summarise(row: SummaryRow): void {
  const file = process.env.BENCH_SUMMARY;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ unit: 'ms', ...row })}\n`);
}
