/**
 * How a benchmark reports its results to `pnpm bench` (scripts/bench.ts), besides printing them:
 * when `BENCH_OUT` names a file, each result is appended to it as one JSON line.
 *
 * Absolute figures from a shared machine do not travel, so each result carries the reference it
 * was measured against in the same run and the ratio of the two; a budget is a floor (or ceiling)
 * on that ratio, checked by {@link reportBench}. Run with `--budget` (`pnpm bench:budget`), a
 * benchmark exits non-zero when a ratio misses its budget.
 *
 * @module
 */
import { appendFileSync } from 'node:fs';

/** The bound a ratio must stay within; a benchmark under `--budget` fails outside it. */
export interface RatioBudget {
  /** The ratio must be at least this. */
  readonly min?: number;
  /** The ratio must be at most this. */
  readonly max?: number;
}

/** One line of the benchmark table. */
export interface BenchResult {
  /** What was measured, e.g. `models: validate a 50-group list-groups reply`. */
  readonly benchmark: string;
  /** The figure, with its unit and context, e.g. `72 467 ops/s`. */
  readonly result: string;
  /** What the figure was compared with in the same run, e.g. `JSON.parse of the same bytes: 96 000 ops/s`. */
  readonly reference?: string | undefined;
  /** The comparison, e.g. `{ value: 0.75, unit: '× the time of JSON.parse' }`. */
  readonly ratio?: { readonly value: number; readonly unit: string } | undefined;
  /** The bound on `ratio.value` (or on `checked.value` when the bound is on another figure). */
  readonly budget?: RatioBudget | undefined;
  /** A deterministic figure the budget applies to instead of the ratio (bytes of a bundle, say). */
  readonly checked?: { readonly value: number; readonly unit: string } | undefined;
}

/** Whether `--budget` was passed: misses then make the process exit non-zero. */
export const budgetMode = process.argv.includes('--budget');

/** `1.234` → `1.23`: ratios printed with two decimals. */
export function formatRatio(value: number): string {
  return value.toFixed(2);
}

/** The text of a result's budget and whether the result is within it. */
export function budgetStatus(result: BenchResult): { readonly text: string; readonly ok: boolean } {
  const { budget } = result;
  const measured = result.checked ?? result.ratio;
  if (!budget || !measured) return { text: '', ok: true };
  const bounds = [
    budget.min !== undefined ? `≥ ${budget.min}${measured.unit}` : '',
    budget.max !== undefined ? `≤ ${budget.max}${measured.unit}` : '',
  ].filter(Boolean);
  const ok =
    (budget.min === undefined || measured.value >= budget.min) &&
    (budget.max === undefined || measured.value <= budget.max);
  return { text: `${bounds.join(', ')}: ${ok ? 'ok' : 'MISSED'}`, ok };
}

/** Records results for `pnpm bench`'s table; does nothing when the benchmark runs on its own. */
export function recordBenchResults(results: readonly BenchResult[]): void {
  const out = process.env.BENCH_OUT;
  if (!out) return;
  appendFileSync(out, results.map((result) => `${JSON.stringify(result)}\n`).join(''));
}

/**
 * Records the results, prints each with its reference, ratio and budget, and under `--budget`
 * sets a failing exit code when one misses its budget.
 */
export function reportBench(results: readonly BenchResult[]): void {
  recordBenchResults(results);
  let missed = 0;
  for (const result of results) {
    const ratio = result.ratio ? `${formatRatio(result.ratio.value)}${result.ratio.unit}` : '';
    const status = budgetStatus(result);
    if (!status.ok) missed += 1;
    console.log(
      [result.benchmark, result.result, result.reference, ratio, status.text && `budget ${status.text}`]
        .filter(Boolean)
        .join(' | '),
    );
  }
  if (missed > 0) {
    console.error(
      `${missed} result(s) outside their budget${budgetMode ? '' : ' (run with --budget to fail)'}`,
    );
    if (budgetMode) process.exitCode = 1;
  }
}

/** `72467` → `72 467`: thin-space thousands, readable in any locale. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
}

/**
 * Measures the two sides of a ratio in turns, `rounds` times each (`a`, `b`, `a`, `b`...): the
 * load of a shared machine moves within seconds, and two sides measured in separate blocks take
 * its swings for a difference between them. Returns each side's measurements, in order.
 */
export async function inTurns<A, B>(
  rounds: number,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A[], B[]]> {
  const [as, bs]: [A[], B[]] = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    as.push(await a());
    bs.push(await b());
  }
  return [as, bs];
}

/** The median of `values` by `key` (of an even count, the upper of the two in the middle). */
export function medianBy<T>(values: readonly T[], key: (value: T) => number): T {
  const median = [...values].sort((x, y) => key(x) - key(y))[Math.floor(values.length / 2)];
  if (median === undefined) throw new Error('no values to take the median of');
  return median;
}

/**
 * The `authorization` header of a management token for an emulator at `url`, for requests a bench
 * sends itself: the token is reusable, where a signature is single use.
 */
export async function managementTokenHeaders(
  url: string,
  credentials: { readonly accessKeyId: string; readonly accessKeySecret: string },
): Promise<{ readonly authorization: string }> {
  const reply = await fetch(`${url}/api/v3/get-management-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const { data } = (await reply.json()) as { data: { access_token: string } };
  return { authorization: `Bearer ${data.access_token}` };
}
