// Walk benchmark: the time to walk every group of a 10 000-group pool and every member of a
// 5 000-member group, against the emulator (in a child process) with 20 ms of added latency per
// reply. Ours (the paging iterators, default concurrency) against the official authing-node-sdk
// doing the same walk page by page, as its docs show (`listGroups({ page, limit })` in a loop).
// Both walk in the same run, so the speed-up travels; budget (issue 14): at least 6x at the
// default concurrency of 6, whose limit is 7.5x (`bench:budget`). Beside them, the same walks with
// bare fetch, the ceiling of any client here. A second table says where our walks' time goes: requests in flight on average, the wait for each reply, the client's CPU.
//
//   pnpm --filter @genauth-groups/management bench       (BENCH_ROUNDS: timed rounds, default 3)

import { startEmulatorProcess } from '@genauth-groups/emulator';
import {
  formatCount,
  inTurns,
  managementTokenHeaders,
  medianBy,
  reportBench,
} from '@genauth-groups/testing/bench';
import { ManagementClient as OfficialClient } from 'authing-node-sdk';
import { ManagementClient } from '../src/index.ts';

// 10 000 groups, one of them ("big") with 5 000 members, 20 ms of latency on every API reply.
const MEMBERS = 5_000;
const server = await startEmulatorProcess({
  port: 0,
  demo: false,
  generate: { groups: 9_999, users: 20_000, seed: 42 },
  load: {
    groups: [{ code: 'big', name: 'Big group' }],
    users: Array.from({ length: MEMBERS }, (_, i) => ({
      username: `member${i}`,
      email: `member${i}@example.com`,
      groups: ['big'],
    })),
  },
  faults: { latencyMs: 20, paths: ['/api/v3/list-groups', '/api/v3/list-group-members'] },
});
const { accessKeyId, accessKeySecret } = server.credentials;
const credentials = { accessKeyId, accessKeySecret };

/** One timed walk: wall time, items, and this process's CPU time (the client's, the server being a child). */
interface Walked {
  readonly ms: number;
  readonly count: number;
  readonly cpuMs: number;
}

async function timed(walk: () => Promise<number>): Promise<Walked> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const count = await walk();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, count, cpuMs: (user + system) / 1000 };
}

/** Where our walks' time goes: requests sent, and the time each spent waiting for its reply's head. */
const wire = { requests: 0, waitingMs: 0 };
const countingFetch: typeof fetch = async (input, init) => {
  wire.requests += 1;
  const sent = performance.now();
  try {
    return await fetch(input, init);
  } finally {
    wire.waitingMs += performance.now() - sent;
  }
};

const ours = new ManagementClient({ ...credentials, host: server.url, fetch: countingFetch });
const official = new OfficialClient({ ...credentials, host: server.url });

// The ceiling of any client at concurrency 6 against this server on this machine: bare `fetch`,
// the first page alone (a walk learns the total from it), then 6 requests in flight, each body
// read as text and neither parsed nor checked. A management token, as a signature is single use.
const bareHeaders = await managementTokenHeaders(server.url, credentials);
async function bareWalk(path: string, items: number): Promise<number> {
  const pages = Math.ceil(items / 50);
  const get = async (page: number) => {
    const reply = await fetch(`${server.url}${path}page=${page}&limit=50`, { headers: bareHeaders });
    if (!(await reply.text()).startsWith('{"statusCode":200'))
      throw new Error(`${path}: page ${page} failed`);
  };
  await get(1);
  let next = 2;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next <= pages) await get(next++);
    }),
  );
  return items;
}

/** The official SDK's documented way: one page after the other until the total is reached. */
async function officialWalk(
  fetchPage: (page: number) => Promise<{ data: { totalCount: number; list: unknown[] } }>,
) {
  let count = 0;
  for (let page = 1; ; page += 1) {
    const { data } = await fetchPage(page);
    count += data.list.length;
    if (data.list.length === 0 || count >= data.totalCount) return count;
  }
}

// Each side walks once before the timed rounds (JIT, the emulator's caches: the first walk of a
// run was a third slower, and it was always ours), then the timed walks alternate, so that both
// sides see the same machine; each side's median is compared.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const results = [];
const insights = [];
try {
  for (const [task, oursWalk, officialWalkOf, bareWalkOf] of [
    [
      'every group of 10 000',
      async () => {
        let count = 0;
        for await (const _ of ours.listAllGroups()) count += 1;
        return count;
      },
      () => officialWalk((page) => official.listGroups({ page, limit: 50 })),
      () => bareWalk('/api/v3/list-groups?', 10_000),
    ],
    [
      'every member of a 5 000-member group',
      async () => {
        let count = 0;
        for await (const _ of ours.listAllGroupMembers({ code: 'big' })) count += 1;
        return count;
      },
      () => officialWalk((page) => official.listGroupMembers({ code: 'big', page, limit: 50 })),
      () => bareWalk('/api/v3/list-group-members?code=big&', MEMBERS),
    ],
  ] as const) {
    await oursWalk();
    await officialWalkOf();
    await bareWalkOf();
    Object.assign(wire, { requests: 0, waitingMs: 0 });
    const [mineRuns, otherRuns] = await inTurns(
      ROUNDS,
      () => timed(oursWalk),
      async () => ({ official: await timed(officialWalkOf), bare: await timed(bareWalkOf) }),
    );
    const theirRuns = otherRuns.map((runs) => runs.official);
    const mine = medianBy(mineRuns, (walk) => walk.ms);
    const theirs = medianBy(theirRuns, (walk) => walk.ms);
    const bare = medianBy(
      otherRuns.map((runs) => runs.bare),
      (walk) => walk.ms,
    );
    if (mine.count !== theirs.count)
      throw new Error(`${task}: ours saw ${mine.count}, official ${theirs.count}`);
    const pages = Math.ceil(mine.count / 50);
    const sum = (walks: readonly Walked[], key: 'ms' | 'cpuMs') =>
      walks.reduce((total, w) => total + w[key], 0);
    insights.push({
      walk: task,
      'ours: in flight (avg)': (wire.waitingMs / sum(mineRuns, 'ms')).toFixed(2),
      'ours: reply wait ms/request': (wire.waitingMs / wire.requests).toFixed(1),
      'ours: client CPU ms/page': (sum(mineRuns, 'cpuMs') / (ROUNDS * pages)).toFixed(2),
      'official: ms/page': (sum(theirRuns, 'ms') / (ROUNDS * pages)).toFixed(1),
      'official: client CPU ms/page': (sum(theirRuns, 'cpuMs') / (ROUNDS * pages)).toFixed(2),
    });
    results.push({
      walk: task,
      items: mine.count,
      'ours ms': Math.round(mine.ms),
      'authing-node-sdk ms': Math.round(theirs.ms),
      'speed-up': `${(theirs.ms / mine.ms).toFixed(1)}x`,
      'bare fetch ms': Math.round(bare.ms),
      'ceiling speed-up': `${(theirs.ms / bare.ms).toFixed(1)}x`,
      'ours runs': mineRuns.map((w) => Math.round(w.ms)).join(' '),
      'official runs': theirRuns.map((w) => Math.round(w.ms)).join(' '),
    });
  }
} finally {
  await server.close();
}
console.log(
  `emulator seeded in ${Math.round(server.seedMs)} ms; 20 ms latency per reply; ours: default concurrency 6, page size 50; median of ${ROUNDS} alternating rounds after one untimed walk each`,
);
console.table(results);
console.table(insights);
reportBench(
  results.map((row) => ({
    benchmark: `management: walk ${row.walk}, 20 ms latency, concurrency 6`,
    result: `${formatCount(row['ours ms'])} ms (median of ${ROUNDS})`,
    reference: `authing-node-sdk page by page: ${formatCount(row['authing-node-sdk ms'])} ms; ceiling, bare fetch 6 in flight: ${formatCount(row['bare fetch ms'])} ms (${row['ceiling speed-up'].replace('x', '×')})`,
    ratio: { value: row['authing-node-sdk ms'] / row['ours ms'], unit: '× faster' },
    budget: { min: 6 },
  })),
);
