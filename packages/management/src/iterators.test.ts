import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { inFlightFetch } from '@genauth-groups/testing/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagementClient } from './index.ts';

// The paging iterators against the emulator, on pools of 0, 1, 50 and 51 groups, and on a
// group of as many members: the edges of the 50-item page.
describe.each([0, 1, 50, 51])('a pool of %i groups, a group of %i members', (size) => {
  let emulator: Emulator;
  let client: ManagementClient;

  beforeAll(async () => {
    const groups = [
      { code: 'big', name: 'Big group' },
      ...Array.from({ length: Math.max(0, size - 1) }, (_, i) => ({ code: `g-${i}`, name: `Group ${i}` })),
    ].slice(0, size);
    const users = Array.from({ length: size }, (_, i) => ({
      username: `user${i}`,
      email: `user${i}@example.com`,
      groups: ['big'],
    }));
    emulator = await startEmulator({ port: 0, demo: false, load: { groups, users: size > 0 ? users : [] } });
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    client = new ManagementClient({ accessKeyId, accessKeySecret, host: emulator.url });
  });
  afterAll(() => emulator.close());

  it('listAllGroups yields every group once, in the order of the pages', async () => {
    const walked: string[] = [];
    for await (const group of client.listAllGroups()) walked.push(group.code);
    expect(walked).toHaveLength(size);
    expect(new Set(walked).size).toBe(size);
    const firstPage = await client.listGroups({ limit: 50 });
    expect(walked.slice(0, 50)).toEqual(firstPage.data.list.map((group) => group.code));
  });

  it('listGroupsPages reports pages of at most the limit, with the total', async () => {
    const pages: { page: number; size: number; total: number }[] = [];
    for await (const page of client.listGroupsPages({ limit: 50 })) {
      pages.push({ page: page.page, size: page.list.length, total: page.totalCount });
    }
    const expected = size === 0 ? [0] : size === 51 ? [50, 1] : [size];
    expect(pages.map((page) => page.size)).toEqual(expected);
    expect(pages.map((page) => page.page)).toEqual(expected.map((_, i) => i + 1));
    expect(pages.every((page) => page.total === size)).toBe(true);
  });

  it.skipIf(size === 0)('listAllGroupMembers yields every member once', async () => {
    const members: string[] = [];
    for await (const user of client.listAllGroupMembers({ code: 'big' })) members.push(user.userId);
    expect(members).toHaveLength(size);
    expect(new Set(members).size).toBe(size);
  });
});

describe('concurrency', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, demo: false, generate: { groups: 300, users: 10, seed: 3 } });
  });
  afterAll(() => emulator.close());

  it('walks with pages fetched ahead, never more in flight than the client allows', async () => {
    emulator.faults.set({ latencyMs: 30 });
    const counting = inFlightFetch();
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    const client = new ManagementClient({
      accessKeyId,
      accessKeySecret,
      host: emulator.url,
      concurrency: 3,
      fetch: counting.fetch,
    });
    const [all, pages] = await Promise.all([
      (async () => {
        let count = 0;
        for await (const _ of client.listAllGroups({ limit: 10 })) count += 1;
        return count;
      })(),
      // A second walk at the same time shares the client's limit.
      (async () => {
        let count = 0;
        for await (const _ of client.listGroupsPages({ limit: 20 })) count += 1;
        return count;
      })(),
    ]);
    expect(all).toBe(300);
    expect(pages).toBe(15);
    expect(counting.most()).toBe(3);
  });

  it('refuses bad parameters before the first request', async () => {
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    let requests = 0;
    const client = new ManagementClient({
      accessKeyId,
      accessKeySecret,
      host: emulator.url,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    await expect(client.listAllGroups({ limit: 100 }).next()).rejects.toThrow('limit: expected <=50');
    expect(requests).toBe(0);
  });
});
