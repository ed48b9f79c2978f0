import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupNode } from './nodes/group-node.ts';
import { emulatorEntry, treeHarness } from './test-harness.ts';

// A 10 000-group pool and a 5 000-member group: the tree must show the first rows after one
// request, and never walk all pages or all members.
let emulator: Emulator;
let secrets: Map<string, string>;
const BIG = 5000;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    demo: false,
    generate: { groups: 10_000, users: 0, seed: 5 },
    load: {
      groups: [{ code: 'everyone', name: 'Everyone' }],
      users: (function* () {
        for (let i = 0; i < BIG; i++) yield { username: `member${i}`, groups: ['everyone'] };
      })(),
    },
  });
  secrets = new Map([
    [`${emulator.url}|${emulator.credentials.accessKeyId}`, emulator.credentials.accessKeySecret],
  ]);
}, 60_000);
afterAll(() => emulator.close());

/** A `fetch` that records the endpoint and query of every request. */
function recordingFetch() {
  const requests: URL[] = [];
  const fetcher: typeof fetch = (input, init) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    return fetch(input, init);
  };
  return { requests, fetch: fetcher };
}

describe('a large pool', () => {
  it('shows the first page of 10 000 groups after a single request', async () => {
    const recorder = recordingFetch();
    const { settled } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      pageSize: 50,
      fetch: recorder.fetch,
    });
    const top = await settled();
    expect(top.filter((node) => node.kind === 'group')).toHaveLength(50);
    expect(top.map((node) => node.describe()).at(-1)).toBe('status:loadMore');
    expect(recorder.requests.map((url) => `${url.pathname} page=${url.searchParams.get('page')}`)).toEqual([
      '/api/v3/list-groups page=1',
    ]);
    expect(top.at(-1)).toMatchObject({ status: { total: 10_001 } });
  });

  it('pages a 5 000-member group instead of loading every member', async () => {
    const recorder = recordingFetch();
    const { tree, settled } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      pageSize: 50,
      fetch: recorder.fetch,
    });
    tree.setFilter('everyone');
    const group = (await settled()).find((node): node is GroupNode => node instanceof GroupNode);
    const members = await settled(group);
    expect(members.filter((node) => node.kind === 'member')).toHaveLength(50);
    expect(group?.memberCount).toBe(BIG);
    const memberCalls = recorder.requests.filter((url) => url.pathname.endsWith('list-group-members'));
    expect(
      memberCalls.map((url) => `${url.searchParams.get('page')}/${url.searchParams.get('limit')}`),
    ).toEqual(['1/50']);
  });
});
