// Walk benchmark: the time to walk every group of a 10 000-group pool and every member of a
// 5 000-member group, against the emulator (in a child process) with 20 ms of added latency per
// reply. Ours (the paging iterators, default concurrency) against the official authing-node-sdk
// doing the same walk page by page, as its docs show (`listGroups({ page, limit })` in a loop).
// Both walk in the same run, so the speed-up travels; budget (issue 14): at least 6x at the
// default concurrency of 6, whose limit is 7.5x (`bench:budget`).
//
//   pnpm --filter @genauth-groups/management bench

import { startEmulatorProcess } from '@genauth-groups/emulator';
import { formatCount, reportBench } from '@genauth-groups/testing/bench';
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

async function timed(walk: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const count = await walk();
  return { ms: performance.now() - started, count };
}

const ours = new ManagementClient({ ...credentials, host: server.url });
const official = new OfficialClient({ ...credentials, host: server.url });

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

const results = [];
try {
  for (const [task, oursWalk, officialWalkOf] of [
    [
      'every group of 10 000',
      async () => {
        let count = 0;
        for await (const _ of ours.listAllGroups()) count += 1;
        return count;
      },
      () => officialWalk((page) => official.listGroups({ page, limit: 50 })),
    ],
    [
      'every member of a 5 000-member group',
      async () => {
        let count = 0;
        for await (const _ of ours.listAllGroupMembers({ code: 'big' })) count += 1;
        return count;
      },
      () => officialWalk((page) => official.listGroupMembers({ code: 'big', page, limit: 50 })),
    ],
  ] as const) {
    const mine = await timed(oursWalk);
    const theirs = await timed(officialWalkOf);
    if (mine.count !== theirs.count)
      throw new Error(`${task}: ours saw ${mine.count}, official ${theirs.count}`);
    results.push({
      walk: task,
      items: mine.count,
      'ours ms': Math.round(mine.ms),
      'authing-node-sdk ms': Math.round(theirs.ms),
      'speed-up': `${(theirs.ms / mine.ms).toFixed(1)}x`,
    });
  }
} finally {
  await server.close();
}
console.log(
  `emulator seeded in ${Math.round(server.seedMs)} ms; 20 ms latency per reply; ours: default concurrency 6, page size 50`,
);
console.table(results);
reportBench(
  results.map((row) => ({
    benchmark: `management: walk ${row.walk}, 20 ms latency, concurrency 6`,
    result: `${formatCount(row['ours ms'])} ms`,
    reference: `authing-node-sdk page by page: ${formatCount(row['authing-node-sdk ms'])} ms`,
    ratio: { value: row['authing-node-sdk ms'] / row['ours ms'], unit: '× faster' },
    budget: { min: 6 },
  })),
);
