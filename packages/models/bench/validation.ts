// Validation throughput of the reply schemas, against JSON.parse of the same bytes.
//
//   pnpm --filter @genauth-groups/models bench
//
// Two realistic pages: a 50-group `list-groups` reply and a 50-member `list-group-members` reply
// of full users with identities, custom data and department ids (built from the contract fixtures).
// Validation is `parseFast`, what the management client uses for replies.
// Prints ops/s for JSON.parse, for validation of the parsed value, and for both; the ratio says how
// much slower validation is than the parse it follows, measured in the same run. Budget (issue 14):
// validating a page takes at most the time of JSON.parse of the same bytes (`bench:budget`).

import { readContractJson } from '@genauth-groups/contract';
import { formatCount, reportBench } from '@genauth-groups/testing/bench';
import { Bench } from 'tinybench';
import { GroupPaginatedRespDto, UserPaginatedRespDto } from '../src/index.ts';
import { parseFast } from '../src/parse.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixture bodies, shaped by the contract
const readJson = (path: string): any => readContractJson(`fixtures/${path}`);

const hex = (n: number) => n.toString(16).padStart(24, '0');
const group = readJson('list-groups/ok.json').data.list[0];
const user = readJson('list-group-members/ok.json').data.list[0];

const groupsPage = JSON.stringify({
  statusCode: 200,
  message: '',
  data: {
    totalCount: 10_000,
    list: Array.from({ length: 50 }, (_, i) => ({
      ...group,
      id: hex(i),
      code: `group-${i}`,
      name: `Group ${i}`,
    })),
  },
});
const membersPage = JSON.stringify({
  statusCode: 200,
  message: '',
  data: {
    totalCount: 5_000,
    list: Array.from({ length: 50 }, (_, i) => ({
      ...user,
      userId: hex(i),
      username: `user-${i}`,
      email: `user-${i}@example.com`,
      identities: [user.identities[0], { ...user.identities[0], provider: 'github', identityId: hex(i + 1) }],
    })),
  },
});

const cases = [
  { name: 'list-groups, 50 groups', bytes: groupsPage, schema: GroupPaginatedRespDto },
  { name: 'list-group-members, 50 users', bytes: membersPage, schema: UserPaginatedRespDto },
] as const;

const rows = [];
const results = [];
for (const { name, bytes, schema } of cases) {
  const value: unknown = JSON.parse(bytes);
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  bench
    .add('JSON.parse', () => JSON.parse(bytes))
    .add('validate', () => parseFast(schema, value))
    .add('JSON.parse + validate', () => parseFast(schema, JSON.parse(bytes)));
  await bench.run();
  const hz: Record<string, number> = {};
  for (const task of bench.tasks) {
    if (task.result.state !== 'completed') throw new Error(`${name}: ${task.name} did not complete`);
    hz[task.name] = task.result.throughput.mean;
  }
  const jsonParse = hz['JSON.parse'] ?? 0;
  const validate = hz.validate ?? 0;
  rows.push({
    page: name,
    KiB: (Buffer.byteLength(bytes) / 1024).toFixed(1),
    'JSON.parse ops/s': Math.round(jsonParse),
    'validate ops/s': Math.round(validate),
    'parse+validate ops/s': Math.round(hz['JSON.parse + validate'] ?? 0),
    'validate time / JSON.parse time': (jsonParse / validate).toFixed(2),
  });
  results.push({
    benchmark: `models: validate a ${name} reply (${(Buffer.byteLength(bytes) / 1024).toFixed(0)} KiB)`,
    result: `${formatCount(validate)} ops/s`,
    reference: `JSON.parse of the same bytes: ${formatCount(jsonParse)} ops/s`,
    ratio: { value: jsonParse / validate, unit: '× the time of JSON.parse' },
    budget: { max: 1 },
  });
}
console.table(rows);
reportBench(results);
