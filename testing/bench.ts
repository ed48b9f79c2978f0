/**
 * How a benchmark reports its results to `pnpm bench` (scripts/bench.ts), besides printing them:
 * when `BENCH_OUT` names a file, each result is appended to it as one JSON line.
 *
 * @module
 */
import { appendFileSync } from 'node:fs';

/** One line of the benchmark table. */
export interface BenchResult {
  /** What was measured, e.g. `models: validate a 50-group list-groups reply`. */
  readonly benchmark: string;
  /** The figure, with its unit and context, e.g. `72 467 ops/s (0.75× the time of JSON.parse)`. */
  readonly result: string;
}

/** Records results for `pnpm bench`'s table; does nothing when the benchmark runs on its own. */
export function recordBenchResults(results: readonly BenchResult[]): void {
  const out = process.env.BENCH_OUT;
  if (!out) return;
  appendFileSync(out, results.map((result) => `${JSON.stringify(result)}\n`).join(''));
}

/** `72467` → `72 467`: thin-space thousands, readable in any locale. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
}
