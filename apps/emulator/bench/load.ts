/**
 * Load benchmark (not a test): seeds a 100 000-user, 10 000-group pool in an emulator started as a
 * child process (so that the load generator does not share its event loop), then measures
 * requests/s and p50/p99 latency with autocannon on loopback, authenticated with a management token.
 * Each figure is compared with a reference measured in the same run, as absolute figures from a
 * shared machine do not travel: list-groups with a bare `node:http` server (`bare-server.ts`, also
 * a child process) answering the same page from memory, the other scenarios with list-groups.
 * Budgets (issue 14, `bench:budget`): list-groups at 30 % of the bare server at least, keyword
 * search and list-group-members within 2x of list-groups.
 *
 * Run: `pnpm --filter @genauth-groups/emulator bench`. Environment: `BENCH_DURATION` (seconds per
 * scenario, default 10), `BENCH_CONNECTIONS` (default 10), `BENCH_USERS`, `BENCH_GROUPS`; with
 * `BENCH_OUT` (set by the root `pnpm bench`) the results also go to the repository's table.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type BenchResult, formatCount, formatRatio, reportBench } from '@genauth-groups/testing/bench';
import autocannon, { type Result } from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const users = Number(process.env.BENCH_USERS ?? 100_000);
const groups = Number(process.env.BENCH_GROUPS ?? 10_000);

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const started = performance.now();
const child = spawn(
  process.execPath,
  [
    '--conditions=@genauth-groups/source',
    cli,
    '--port',
    '0',
    '--no-demo',
    '--groups',
    String(groups),
    '--users',
    String(users),
    '--seed',
    '1',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

try {
  const banner = await bannerOf(child.stdout);
  const ready = performance.now() - started;
  const url = match(banner, /base URL\s+(\S+)/);
  const seededMs = Number(match(banner, /seeded in (\d+) ms/));
  const store = match(banner, /store\s+(.+?) \(seeded/);
  const accessKeyId = match(banner, /access key id\s+(\S+)/);
  const accessKeySecret = match(banner, /access key secret\s+(\S+)/);

  const token = await fetch(`${url}/api/v3/get-management-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessKeyId, accessKeySecret }),
  }).then((response) => response.json() as Promise<{ data: { access_token: string } }>);
  const headers = { authorization: `Bearer ${token.data.access_token}` };

  const scenarios = [
    ['list-groups limit=50', '/api/v3/list-groups?page=1&limit=50&flatCustomData=false'],
    ['list-groups limit=50 keywords=falcons', '/api/v3/list-groups?keywords=falcons&page=1&limit=50'],
    ['list-groups limit=50 keywords=ue (2 chars)', '/api/v3/list-groups?keywords=ue&page=1&limit=50'],
    // The longest keywords accepted (256 characters), made of trigrams that most codes contain.
    [
      'list-groups limit=50 keywords=team-0… (256 chars)',
      `/api/v3/list-groups?keywords=${'team-0'.repeat(43).slice(0, 256)}&page=1&limit=50`,
    ],
    [
      'list-group-members limit=50',
      '/api/v3/list-group-members?code=team-00001&page=2&limit=50&withCustomData=false&withIdentities=false&withDepartmentIds=false&flatCustomData=false',
    ],
  ] as const;

  const rows: string[][] = [];
  const pool = `${formatCount(users)} users, ${formatCount(groups)} groups`;
  const results: BenchResult[] = [
    { benchmark: `emulator: seed ${pool}`, result: `${formatCount(seededMs)} ms` },
  ];
  const bare = await bareServer(await (await fetch(url + scenarios[0][1], { headers })).text());
  let listGroups: Result | undefined;
  try {
    // Each target gets a second of load first, so that neither is measured while still warming up.
    await autocannon({ url: bare.url, connections, duration: 1 });
    const reference = await autocannon({ url: bare.url, connections, duration });
    rows.push(row('bare node:http, same page from memory', '', reference, ''));
    for (const [name, path] of scenarios) {
      // autocannon only sees HTTP statuses; errors are HTTP 200 envelopes, so check one reply first.
      const sample = (await (await fetch(url + path, { headers })).json()) as {
        statusCode: number;
        data?: { totalCount: number };
      };
      if (sample.statusCode !== 200) throw new Error(`${name}: statusCode ${sample.statusCode}`);
      await autocannon({ url: url + path, connections, duration: 1, headers });
      const result = await autocannon({ url: url + path, connections, duration, headers });
      // The first scenario, plain list-groups, is the others' reference.
      const [against, label, budget] = listGroups
        ? [listGroups, `list-groups limit=50: ${formatCount(listGroups.requests.average)} req/s`, 0.5]
        : [reference, `bare node:http, same page: ${formatCount(reference.requests.average)} req/s`, 0.3];
      const ratio = result.requests.average / against.requests.average;
      listGroups ??= result;
      results.push({
        benchmark: `emulator: ${name} (${pool}, ${connections} connections)`,
        result: `${formatCount(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        reference: label,
        ratio: { value: ratio, unit: '× the req/s' },
        budget: { min: budget },
      });
      rows.push(row(name, String(sample.data?.totalCount), result, formatRatio(ratio)));
    }
  } finally {
    bare.child.kill('SIGTERM');
  }

  console.log(`\nPool: ${store}; seeded in ${seededMs} ms; emulator ready after ${ready.toFixed(0)} ms`);
  console.log(
    `autocannon: ${connections} connections, ${duration} s per scenario, loopback, management token\n`,
  );
  printTable(['scenario', 'totalCount', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio'], rows);
  reportBench(results);
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** One row of the printed table. */
function row(name: string, totalCount: string, result: Result, ratio: string): string[] {
  return [
    name,
    totalCount,
    result.requests.average.toFixed(0),
    String(result.latency.p50),
    String(result.latency.p99),
    String(result.errors + result.timeouts + result.non2xx),
    ratio,
  ];
}

/** Starts the reference server with `page` as its only reply. */
async function bareServer(page: string): Promise<{ child: ChildProcess; url: string }> {
  const bare = spawn(process.execPath, [fileURLToPath(new URL('./bare-server.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  bare.stdin.end(page);
  const first = await createInterface({ input: bare.stdout })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error('the bare server exited before it was ready');
  return { child: bare, url: String(first.value) };
}

/** The CLI's start banner, read until its last line. */
async function bannerOf(stdout: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdout) {
    text += String(chunk);
    if (text.includes('Press Ctrl+C to stop.')) return text;
  }
  throw new Error(`the emulator exited before it was ready:\n${text}`);
}

function match(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[1];
  if (found === undefined) throw new Error(`no ${pattern} in the banner`);
  return found;
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}
