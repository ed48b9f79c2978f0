/**
 * Load benchmark (not a test): seeds a 100 000-user, 10 000-group pool in an emulator started as a
 * child process (so that the load generator does not share its event loop), then measures
 * requests/s and p50/p99 latency with autocannon on loopback, authenticated with a management token.
 * Each figure is compared with a reference measured in the same run, as absolute figures from a
 * shared machine do not travel: list-groups with a bare `node:http` server (`bare-server.ts`, also
 * a child process) answering the same page from memory, the other scenarios with list-groups, and
 * deep pages with the first page of the same list. A ratio's two sides are measured in alternating
 * rounds and compared by their medians; each target gets an untimed warm-up first.
 * A hello-world hono app serving the same page (`hono-server.ts`) shows the framework's floor
 * beside the bare server, and the bare server answering with a members page against it shows the
 * ceiling of the members ratio: what the bytes alone cost a server and the load generator.
 * Budgets (issue 14, `bench:budget`): list-groups at 30 % of the bare server at least, keyword
 * search and list-group-members within 2x of list-groups, a deep page at 80 % of the first.
 *
 * Run: `pnpm --filter @genauth-groups/emulator bench`. Environment: `BENCH_DURATION` (seconds each
 * side of a ratio is measured, in 3 rounds; default 10), `BENCH_CONNECTIONS` (default 10), `BENCH_USERS`, `BENCH_GROUPS`; with
 * `BENCH_OUT` (set by the root `pnpm bench`) the results also go to the repository's table;
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the emulator child there (`--cpu-prof`), read
 * it with `node bench/cpu-profile.ts <dir>`.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  type BenchResult,
  formatCount,
  formatRatio,
  inTurns,
  managementTokenHeaders,
  medianBy,
  reportBench,
} from '@genauth-groups/testing/bench';
import autocannon, { type Result } from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const users = Number(process.env.BENCH_USERS ?? 100_000);
const groups = Number(process.env.BENCH_GROUPS ?? 10_000);

const cpuProfileDir = process.env.BENCH_CPU_PROF;

// Linux's USER_HZ, the unit of /proc/<pid>/stat's times, is 100 on every common architecture.
const TICKS_PER_SECOND = 100;
/** Rounds each side of a ratio is measured in, alternating; and the untimed load a target gets first. */
const ROUNDS = 3;
const WARM_UP_SECONDS = 2;
/** A side's share of `duration` in each round. */
const ROUND_SECONDS = Math.max(1, Math.round(duration / ROUNDS));
/** The targets warmed up already: a freshly seeded pool's first load also pays its garbage collection. */
const warm = new Set<Target>();

const BARE = 'bare node:http, same page from memory';
const BARE_MEMBERS = 'bare node:http, same members page from memory';
const HONO = 'hono on @hono/node-server, same page from memory';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const started = performance.now();
const child = spawn(
  process.execPath,
  [
    '--conditions=@genauth-groups/source',
    ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
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

  const headers = await managementTokenHeaders(url, { accessKeyId, accessKeySecret });

  const listGroups = 'list-groups limit=50';
  const listMembers = 'list-group-members limit=50';
  const membersOf = (page: number) =>
    `/api/v3/list-group-members?code=team-00001&page=${page}&limit=50&withCustomData=false&withIdentities=false&withDepartmentIds=false&flatCustomData=false`;
  // Each scenario is compared with the one it names (`against`), measured in turns with it.
  const scenarios: readonly Scenario[] = [
    {
      name: listGroups,
      path: '/api/v3/list-groups?page=1&limit=50&flatCustomData=false',
      against: BARE,
      budget: 0.3,
    },
    // The last page of the walks (issue 14): OFFSET 9 950.
    {
      name: 'list-groups limit=50 page=200',
      path: '/api/v3/list-groups?page=200&limit=50&flatCustomData=false',
      against: listGroups,
      budget: 0.8,
    },
    {
      name: 'list-groups limit=50 keywords=falcons',
      path: '/api/v3/list-groups?keywords=falcons&page=1&limit=50',
      against: listGroups,
      budget: 0.5,
    },
    {
      name: 'list-groups limit=50 keywords=ue (2 chars)',
      path: '/api/v3/list-groups?keywords=ue&page=1&limit=50',
      against: listGroups,
      budget: 0.5,
    },
    // The longest keywords accepted (256 characters), made of trigrams that most codes contain.
    {
      name: 'list-groups limit=50 keywords=team-0… (256 chars)',
      path: `/api/v3/list-groups?keywords=${'team-0'.repeat(43).slice(0, 256)}&page=1&limit=50`,
      against: listGroups,
      budget: 0.5,
    },
    { name: listMembers, path: membersOf(2), against: listGroups, budget: 0.5 },
    // A members walk's page 100 (OFFSET 4 950), as deep as the walk benchmark's 5 000-member group.
    { name: 'list-group-members limit=50 page=100', path: membersOf(100), against: listMembers, budget: 0.8 },
  ];

  const rows: string[][] = [];
  const pool = `${formatCount(users)} users, ${formatCount(groups)} groups`;
  const results: BenchResult[] = [
    { benchmark: `emulator: seed ${pool}`, result: `${formatCount(seededMs)} ms` },
  ];
  const page = await (await fetch(url + scenarios[0]?.path, { headers })).text();
  const membersPage = await (await fetch(url + membersOf(2), { headers })).text();
  const targets = new Map<string, Target>(
    scenarios.map(({ name, path }) => [name, { url: url + path, server: child, headers }]),
  );
  const target = (name: string): Target => {
    const found = targets.get(name);
    if (!found) throw new Error(`no scenario ${name}`);
    return found;
  };
  // The reference servers run for the whole bench, so that a ratio's two sides can alternate.
  const referenceServers: ChildProcess[] = [];
  try {
    for (const [name, script, body] of [
      [HONO, 'hono-server.ts', page],
      [BARE, 'bare-server.ts', page],
      [BARE_MEMBERS, 'bare-server.ts', membersPage],
    ] as const) {
      const reference = await referenceServer(script, body);
      referenceServers.push(reference.child);
      targets.set(name, { url: reference.url, server: reference.child, headers: {} });
    }
    const bareVsHono = await compare(target(HONO), target(BARE));
    rows.push(row(BARE, '', bareVsHono.reference, ''));
    rows.push(row(HONO, '', bareVsHono.subject, formatRatio(bareVsHono.ratio)));
    results.push({
      benchmark: `emulator: ${HONO} (the framework's floor)`,
      result: describe(bareVsHono.subject),
      reference: `${BARE}: ${formatCount(bareVsHono.reference.result.requests.average)} req/s`,
      ratio: { value: bareVsHono.ratio, unit: '× the req/s' },
    });
    // The members ratio's ceiling here: a server with no work a request, moving a members page
    // (52 KiB) against a list-groups page (8 KiB), where the load generator shares the 2 cores.
    const bareMembers = await compare(target(BARE_MEMBERS), target(BARE));
    rows.push(row(BARE_MEMBERS, '', bareMembers.subject, formatRatio(bareMembers.ratio)));
    results.push({
      benchmark: `emulator: ${BARE_MEMBERS} (the ceiling of list-group-members against list-groups)`,
      result: describe(bareMembers.subject),
      reference: `${BARE}: ${formatCount(bareMembers.reference.result.requests.average)} req/s`,
      ratio: { value: bareMembers.ratio, unit: '× the req/s' },
    });
    for (const { name, path, against, budget } of scenarios) {
      // autocannon only sees HTTP statuses; errors are HTTP 200 envelopes, so check one reply first.
      const sample = (await (await fetch(url + path, { headers })).json()) as {
        statusCode: number;
        data?: { totalCount: number };
      };
      if (sample.statusCode !== 200) throw new Error(`${name}: statusCode ${sample.statusCode}`);
      const { subject, reference, ratio } = await compare(target(name), target(against));
      results.push({
        benchmark: `emulator: ${name} (${pool}, ${connections} connections)`,
        result: describe(subject),
        reference: `${against}: ${formatCount(reference.result.requests.average)} req/s`,
        ratio: { value: ratio, unit: '× the req/s' },
        budget: { min: budget },
      });
      rows.push(row(name, String(sample.data?.totalCount), subject, formatRatio(ratio)));
    }
  } finally {
    for (const server of referenceServers) server.kill('SIGTERM');
  }

  console.log(`\nPool: ${store}; seeded in ${seededMs} ms; emulator ready after ${ready.toFixed(0)} ms`);
  console.log(
    `autocannon: ${connections} connections, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s a side of each ratio (medians), loopback, management token\n`,
  );
  printTable(['scenario', 'totalCount', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'ratio'], rows);
  reportBench(results);
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Where a load goes: a URL, the process serving it (for its CPU time), and the request headers. */
interface Target {
  readonly url: string;
  readonly server: ChildProcess;
  readonly headers: Record<string, string>;
}

/** Load on `target` for `seconds`, with the serving process's CPU time per request. */
async function load(target: Target, seconds: number): Promise<Measured> {
  if (!warm.has(target)) {
    await autocannon({ url: target.url, connections, duration: WARM_UP_SECONDS, headers: target.headers });
    warm.add(target);
  }
  const before = cpuTicks(target.server);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.headers,
  });
  const after = cpuTicks(target.server);
  const cpuUs =
    before === undefined || after === undefined
      ? undefined
      : ((after - before) * 1e6) / TICKS_PER_SECOND / result.requests.total;
  return { result, cpuUs };
}

/**
 * A ratio's two sides, measured in alternating rounds (reference, subject, reference, ...) that
 * share the scenario's duration: the load of a shared machine moves within seconds, and a side
 * measured a minute apart from the other, or all in one block, takes a swing for a difference.
 * Each side is its median round (by requests/s); the ratio is of those medians.
 */
async function compare(
  subject: Target,
  reference: Target,
): Promise<{ subject: Measured; reference: Measured; ratio: number }> {
  const [references, subjects] = await inTurns(
    ROUNDS,
    () => load(reference, ROUND_SECONDS),
    () => load(subject, ROUND_SECONDS),
  );
  const byRate = (measured: Measured) => measured.result.requests.average;
  const [medianSubject, medianReference] = [medianBy(subjects, byRate), medianBy(references, byRate)];
  return {
    subject: medianSubject,
    reference: medianReference,
    ratio: medianSubject.result.requests.average / medianReference.result.requests.average,
  };
}

/** A scenario: a request, the result it is compared with, and the least ratio it must reach. */
interface Scenario {
  readonly name: string;
  readonly path: string;
  readonly against: string;
  readonly budget: number;
}

/** What autocannon measured, and the serving process's CPU time per request (Linux). */
interface Measured {
  readonly result: Result;
  readonly cpuUs: number | undefined;
}

/**
 * The user and system CPU time a child process has used, in ticks, from /proc (Linux only;
 * `undefined` elsewhere). Requests/s move with the machine's other load; the CPU a request costs
 * the server moves much less, so the table shows both.
 */
function cpuTicks(server: ChildProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** A result as the repository's table shows it. */
function describe({ result, cpuUs }: Measured): string {
  const cpu = cpuUs === undefined ? '' : `, ${formatCount(cpuUs)} µs CPU a request`;
  return `${formatCount(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${cpu}`;
}

/** One row of the printed table. */
function row(name: string, totalCount: string, { result, cpuUs }: Measured, ratio: string): string[] {
  return [
    name,
    totalCount,
    result.requests.average.toFixed(0),
    String(result.latency.p50),
    String(result.latency.p99),
    String(result.errors + result.timeouts + result.non2xx),
    cpuUs === undefined ? '' : cpuUs.toFixed(0),
    ratio,
  ];
}

/** Starts a reference server (a script beside this one) with `page` as its only reply. */
async function referenceServer(script: string, page: string): Promise<{ child: ChildProcess; url: string }> {
  const server = spawn(
    process.execPath,
    ['--conditions=@genauth-groups/source', fileURLToPath(new URL(`./${script}`, import.meta.url))],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  server.stdin.end(page);
  const first = await createInterface({ input: server.stdout })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error(`${script} exited before it was ready`);
  return { child: server, url: String(first.value) };
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
