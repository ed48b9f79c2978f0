import { type Emulator, type FaultConfig, startEmulator } from '@genauth-groups/emulator';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagementClient } from './index.ts';

// The chaos walk: listAllGroups over a few thousand groups while 30% of the requests fail in
// every way the emulator can make them fail, in both auth schemes. Given enough retries, the walk
// must yield every group exactly once. Retries wait 1 ms and Retry-After is 0 s: the budget below
// is for the machine, not for backoff.
const GROUPS = 3000;
const RATE = 0.3;
const BUDGET = { timeout: 60_000 };

/** 30% of the requests to `paths` fail, spread evenly over the faults. */
function chaos(paths: string[], seed: number): FaultConfig {
  const faults = [
    { type: 'http-error' },
    { type: 'envelope-error' },
    { type: 'rate-limit', level: 'http', retryAfterSeconds: 0 },
    { type: 'rate-limit', level: 'body', retryAfterSeconds: 0 },
    { type: 'truncated-body' },
    { type: 'malformed-body' },
    { type: 'drop-connection' },
  ] as const;
  return { seed, paths, random: faults.map((fault) => ({ rate: RATE / faults.length, fault })) };
}

let emulator: Emulator;
let expected: string[];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, generate: { groups: GROUPS, users: 200, seed: 3 } });
  const { data } = await client('signature').getAllGroups();
  expected = data.map((group) => group.code).sort();
}, BUDGET.timeout);
afterAll(() => emulator.close());

function client(auth: 'signature' | 'token', fetch?: typeof globalThis.fetch): ManagementClient {
  return new ManagementClient({
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
    host: emulator.url,
    auth,
    // 16 attempts a page: at 30% failures, a page fails for good once in 4*10^8.
    retry: { limit: 15, delay: () => 1 },
    ...(fetch && { fetch }),
  });
}

describe.each([
  ['signature', 11],
  ['token', 12],
] as const)('with auth: %s', (auth, seed) => {
  it('yields every group exactly once through 30% faults', BUDGET, async () => {
    expect(expected.length).toBeGreaterThan(GROUPS);
    emulator.faults.set(chaos(['/api/v3/list-groups', '/api/v3/get-management-token'], seed));
    const wire = recordingFetch();
    const codes: string[] = [];
    try {
      for await (const group of client(auth, wire.fetch).listAllGroups()) codes.push(group.code);
    } finally {
      emulator.faults.clear();
    }
    expect(codes.length).toBe(expected.length);
    expect([...codes].sort()).toEqual(expected);
    // The faults did happen: more requests than pages.
    const pages = Math.ceil(expected.length / 50);
    expect(wire.paths().filter((path) => path === '/api/v3/list-groups').length).toBeGreaterThan(pages * 1.2);
  });
});
