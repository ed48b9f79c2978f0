// `pnpm bench` / `npm run bench`: runs every package's benchmark (the `bench` script of each, one
// at a time so they do not compete for the 2 cores), prints one table of the results, and writes
// it into the root README between the bench markers, so the README's numbers are never typed by
// hand. Each result stands beside the reference it was measured against in the same run, and the
// ratio of the two, which is what travels between machines. Each benchmark reports through
// @genauth-groups/testing/bench. `pnpm bench:budget` runs the same benchmarks and fails when a
// ratio misses its budget.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResult, budgetStatus, formatRatio } from '../testing/bench.ts';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'genauth-groups-bench-'));
const out = join(dir, 'results.jsonl');
writeFileSync(out, '');
// How busy the machine was: the absolute figures mean little without it.
const loadAtStart = loadavg()[0]?.toFixed(1);
try {
  const run = spawnSync('turbo', ['run', 'bench', '--concurrency=1', '--output-logs=full', '--ui=stream'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT: out },
  });
  const results = readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchResult);
  const machine = `${process.platform} ${process.arch}, Node.js ${process.version}, ${navigator.hardwareConcurrency} cores, load average ${loadAtStart} at the start`;
  const table = [
    '| Benchmark | Result | In-run reference | Ratio | Budget |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (row) =>
        `| ${row.benchmark} | ${row.result} | ${row.reference ?? ''} | ${row.ratio ? `${formatRatio(row.ratio.value)}${row.ratio.unit}` : ''} | ${budgetStatus(row).text} |`,
    ),
    '',
    `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Absolute figures depend on the machine and its load; the ratios, measured in the same run, are what to compare.`,
  ].join('\n');
  console.log(`\n${table}\n`);
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const updated = text.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  );
  if (updated !== text) writeFileSync(readme, updated);
  if (run.status !== 0) process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
