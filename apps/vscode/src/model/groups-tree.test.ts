import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { heldFetch } from '@genauth-groups/testing/wire';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GroupNode } from './nodes/group-node.ts';
import { MemberNode } from './nodes/member-node.ts';
import { StatusNode } from './nodes/status-node.ts';
import type { TreeNode } from './nodes/tree-node.ts';
import { emulatorEntry, treeHarness } from './test-harness.ts';

let emulator: Emulator;
let secrets: Map<string, string>;

beforeAll(async () => {
  // The demo data set plus generated groups, so that groups span several pages of 10.
  emulator = await startEmulator({ port: 0, generate: { groups: 25, users: 60, seed: 3 } });
  secrets = new Map([
    [`${emulator.url}|${emulator.credentials.accessKeyId}`, emulator.credentials.accessKeySecret],
  ]);
});
afterAll(() => emulator.close());

/** A `fetch` that records the path and page of every request. */
function countingFetch() {
  const requests: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(`${url.pathname.replace('/api/v3/', '')}#${url.searchParams.get('page') ?? '-'}`);
    return fetch(input, init);
  };
  return { requests, fetch: fetcher };
}

const rows = (nodes: readonly TreeNode[]) => nodes.map((node) => node.describe());
const statusRow = (nodes: readonly TreeNode[], type: string) =>
  nodes.find((node): node is StatusNode => node instanceof StatusNode && node.status.type === type);

describe('GroupsTree against the emulator', () => {
  it('shows a loading row, then the first page of groups and a Load more row', async () => {
    const counter = countingFetch();
    const { tree, settle } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      fetch: counter.fetch,
    });
    expect(tree.flat).toBe(true);
    expect(rows(tree.children())).toEqual(['status:loading']);
    await settle();
    const top = tree.children();
    expect(top).toHaveLength(11);
    expect(top.slice(0, 10).every((node) => node.kind === 'group')).toBe(true);
    const more = statusRow(top, 'loadMore');
    expect(more?.status).toMatchObject({ page: 2, loaded: 10 });
    expect(counter.requests).toEqual(['list-groups#1']);
  });

  it('loads each page once, even when Load more is clicked twice, and stops at the end', async () => {
    const counter = countingFetch();
    const { tree, settled } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      fetch: counter.fetch,
    });
    let top = await settled();
    const first = statusRow(top, 'loadMore')?.status;
    const total = first?.type === 'loadMore' ? first.total : 0;
    while (statusRow(top, 'loadMore')) {
      const row = statusRow(top, 'loadMore') as StatusNode;
      // A double click: both clicks carry the row's page; the second joins the first load.
      await Promise.all([row.loadMore(), row.loadMore()]);
      // A late third click on the same (now stale) row does nothing.
      await row.loadMore();
      top = tree.children();
    }
    const groups = top.filter((node) => node.kind === 'group');
    expect(groups).toHaveLength(total);
    expect(new Set(groups.map((node) => node.id)).size).toBe(total);
    const pages = Math.ceil(total / 10);
    expect(counter.requests).toEqual(Array.from({ length: pages }, (_, i) => `list-groups#${i + 1}`));
  });

  it('expands a group to its members, paged, with details fields', async () => {
    const { tree, settled } = treeHarness({ entries: [emulatorEntry(emulator)], secrets, pageSize: 5 });
    await settled();
    tree.setFilter('all-staff');
    const top = await settled();
    const group = top.find(
      (node): node is GroupNode => node instanceof GroupNode && node.group.code === 'all-staff',
    );
    expect(group).toBeDefined();
    const members = await settled(group);
    expect(rows(members)).toEqual([...Array(5).fill(expect.stringMatching(/^member:/)), 'status:loadMore']);
    expect(group?.memberCount).toBeGreaterThan(5);
    const alice = members.find(
      (node): node is MemberNode => node instanceof MemberNode && node.user.username === 'alice',
    );
    expect(alice?.user.identities?.length).toBeGreaterThan(0);
    // The same node objects come back, so a group keeps its loaded members across re-renders.
    expect(tree.children().find((node) => node.id === group?.id)).toBe(group);
  });

  it('filters groups server-side and shows the filter and an empty row', async () => {
    const { tree, settled } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    tree.setFilter('  developer ');
    expect(tree.keywords).toBe('developer');
    expect(rows(await settled())).toEqual(['status:filter', 'group:developer']);
    tree.setFilter('no-such-group-anywhere');
    const none = await settled();
    expect(rows(none)).toEqual(['status:filter', 'status:empty']);
    expect(statusRow(none, 'empty')?.status).toMatchObject({ filtered: true });
    tree.setFilter('');
    expect(tree.keywords).toBeUndefined();
  });

  it("finds a user's groups and shows them above the list", async () => {
    const { tree, settled } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    await settled();
    const [connection] = tree.connectionNodes;
    const result = tree.findUserGroups(connection?.connection.id ?? '', {
      userId: 'alice',
      userIdType: 'username',
    });
    expect(result).toBeDefined();
    expect(tree.children()[0]).toBe(result);
    const groups = await settled(result);
    expect(rows(groups)).toEqual(expect.arrayContaining(['group:all-staff', 'group:developer']));
    expect(statusRow(groups, 'loadMore')).toBeUndefined();
    if (result) result.dismiss(tree);
    expect(tree.children().some((node) => node.kind === 'userGroups')).toBe(false);
  });

  it('keeps working connections when another fails, and asks for a missing secret', async () => {
    const { tree, settled } = treeHarness({
      entries: [
        emulatorEntry(emulator, 'Good'),
        { label: 'Wrong secret', host: emulator.url, accessKeyId: 'other-key' },
        { label: 'Down', host: 'http://127.0.0.1:9', accessKeyId: 'k' },
        { label: 'Broken entry', host: 'ftp://nope', accessKeyId: 'k' },
      ],
      secrets: new Map([...secrets, [`${emulator.url}|other-key`, 'wrong'], ['http://127.0.0.1:9|k', 'x']]),
    });
    const top = tree.children();
    expect(rows(top)).toEqual([
      'connection:Good',
      'connection:Wrong secret',
      'connection:Down',
      'status:invalidSetting',
    ]);
    const [good, wrong, down] = top;
    expect(rows(await settled(good)).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    expect(rows(await settled(wrong))).toEqual(['status:error:auth']);
    expect(rows(await settled(down))).toEqual(['status:error:network']);
    // One filter row for all connections, at the top.
    tree.setFilter('dev');
    expect(rows(tree.children()).slice(0, 2)).toEqual(['status:filter', 'connection:Good']);
  }, 30_000);

  it("starts every connection's first page when the view asks for the connections, not for their rows", async () => {
    const counter = countingFetch();
    const { tree, settle } = treeHarness({
      entries: [
        emulatorEntry(emulator, 'Good'),
        { label: 'Wrong secret', host: emulator.url, accessKeyId: 'other-key' },
      ],
      secrets: new Map([...secrets, [`${emulator.url}|other-key`, 'wrong']]),
      fetch: counter.fetch,
    });
    const [good, wrong] = tree.children();
    await settle();
    expect(counter.requests).toEqual(['list-groups#1', 'list-groups#1']);
    // Asked for now, the rows are there at once, without a loading row or another request.
    expect(rows(tree.children(good)).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    expect(rows(tree.children(wrong))).toEqual(['status:error:auth']);
    tree.children();
    await settle();
    expect(counter.requests).toHaveLength(2);
  });

  it('loads the first pages when the view shows, before it asks, and only once', async () => {
    const counter = countingFetch();
    const { tree, settle } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      fetch: counter.fetch,
    });
    tree.loadFirstPages();
    tree.loadFirstPages();
    await settle();
    expect(counter.requests).toEqual(['list-groups#1']);
    // Asked for now, the rows are there at once.
    expect(rows(tree.children()).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    tree.loadFirstPages();
    await settle();
    expect(counter.requests).toEqual(['list-groups#1']);
  });

  it('answers with a first page that comes within the grace, without a change event for it', async () => {
    const { tree } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    const changes: unknown[] = [];
    tree.onDidChange.on((node) => changes.push(node));
    const top = await tree.childrenWithin(undefined, 20_000);
    expect(rows(top).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    expect(changes).toEqual([]);
    // Nothing under way: the answer is at once.
    expect(await tree.childrenWithin(undefined, 20_000)).toHaveLength(11);
  });

  it('answers with the loading row after the grace, and tells the view when the page comes', async () => {
    // The network edge holds the reply until the test lets it through.
    const held = heldFetch();
    const { tree, settle } = treeHarness({ entries: [emulatorEntry(emulator)], secrets, fetch: held.fetch });
    const changes: unknown[] = [];
    tree.onDidChange.on((node) => changes.push(node));
    expect(rows(await tree.childrenWithin(undefined, 20))).toEqual(['status:loading']);
    expect(changes).toEqual([]);
    held.release();
    await settle();
    expect(changes).toEqual([tree.connectionNodes[0]]);
    expect(tree.children()).toHaveLength(11);
  });

  it('waits longer than a second for a first page by default: a 1.5 s page is answered with its rows', async () => {
    // The grace's timer is faked, so that the page is 1.5 s late by that clock however busy the
    // machine; the reply itself comes over loopback once let through.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const held = heldFetch();
      const { tree, registry } = treeHarness({
        entries: [emulatorEntry(emulator)],
        secrets,
        fetch: held.fetch,
      });
      // The client is made (its secret read) before the clock moves: only the page is late.
      await registry.api(tree.connectionNodes[0]?.connection.id ?? '');
      const answer = tree.childrenWithin(undefined);
      await vi.advanceTimersByTimeAsync(1500);
      held.release();
      expect(rows(await answer).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers with the error row of a server that is down, not a loading row', {
    timeout: 30_000,
  }, async () => {
    // A port nobody listens on: refused at once, retried twice by the client, then an error.
    const down = await startEmulator({ port: 0, demo: false });
    const url = down.url;
    await down.close();
    const entry = { label: 'Down', host: url, accessKeyId: emulator.credentials.accessKeyId };
    const { tree } = treeHarness({
      entries: [entry],
      secrets: new Map([[`${url}|${emulator.credentials.accessKeyId}`, 'secret']]),
    });
    expect(rows(await tree.childrenWithin(undefined, 20_000))).toEqual(['status:error:network']);
  });

  it('answers with the error row of a page whose body stalls or never ends, not a loading row for ever', {
    timeout: 30_000,
  }, async () => {
    // The endless body is refused at the client's 64 MiB, well within its timeout.
    for (const [fault, timeout, row] of [
      ['stalled-body', 500, 'status:error:timeout'],
      ['endless-body', 20_000, 'status:error:malformed'],
    ] as const) {
      emulator.faults.queue([{ type: fault }], { paths: ['/api/v3/list-groups'] });
      const { tree } = treeHarness({ entries: [emulatorEntry(emulator)], secrets, timeout });
      expect(rows(await tree.childrenWithin(undefined, 25_000))).toEqual([row]);
    }
  });

  it("tells the view of an awaited page's owner once the answer is out, to redraw its count", async () => {
    const { tree, settle } = treeHarness({
      entries: [
        emulatorEntry(emulator, 'Good'),
        { label: 'Wrong secret', host: emulator.url, accessKeyId: 'other-key' },
      ],
      secrets: new Map([...secrets, [`${emulator.url}|other-key`, 'wrong']]),
    });
    const changes: unknown[] = [];
    tree.onDidChange.on((node) => changes.push(node));
    const [good] = tree.children();
    const answer = await tree.childrenWithin(good, 20_000);
    expect(rows(answer).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    expect(changes).not.toContain(good);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toContain(good);
    await settle();
  });

  it("answers a group's members at once, loading: only connections' first pages are waited for", async () => {
    const { tree, settle, settled } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    const group = (await settled()).find((node) => node instanceof GroupNode);
    expect(rows(await tree.childrenWithin(group, 20_000))).toEqual(['status:loading']);
    await settle();
  });

  it('tells the view nothing of a first page that came before its first ask, and answers with it at once', async () => {
    const { tree, settle } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    const changes: unknown[] = [];
    tree.onDidChange.on((node) => changes.push(node));
    tree.loadFirstPages();
    await settle();
    // The view shows no rows yet: told, the editor would fetch and draw the rows twice.
    expect(changes).toEqual([]);
    expect(rows(await tree.childrenWithin(undefined, 20_000)).slice(0, 1)).toEqual(['group:team-00025']);
    // Once it has rows, a change is told.
    tree.refresh();
    expect(changes).toEqual([tree.connectionNodes[0]]);
  });

  it('fetches the management token ahead (prepare) and the first page goes out with it', async () => {
    const counter = countingFetch();
    const { tree, registry, settled } = treeHarness({
      entries: [{ ...emulatorEntry(emulator), auth: 'token' }],
      secrets,
      fetch: counter.fetch,
    });
    registry.prepare();
    await vi.waitFor(() => expect(counter.requests).toEqual(['get-management-token#-']));
    expect(rows(await settled()).slice(0, 2)).toEqual(['group:team-00025', 'group:team-00024']);
    expect(counter.requests).toEqual(['get-management-token#-', 'list-groups#1']);
    expect(tree.children()).toHaveLength(11);
  });

  it("shows a refused management token fetched ahead as the first rows' error, asking once", async () => {
    const counter = countingFetch();
    const { registry, settled, log } = treeHarness({
      entries: [{ label: 'Wrong key', host: emulator.url, accessKeyId: 'other-key', auth: 'token' }],
      secrets: new Map([[`${emulator.url}|other-key`, 'wrong-secret-0123']]),
      fetch: counter.fetch,
    });
    registry.prepare();
    expect(rows(await settled())).toEqual(['status:error:auth']);
    expect(counter.requests).toEqual(['get-management-token#-']);
    const failure = log.lines.find((line) => line.includes('management token failed'));
    expect(failure).toMatch(/^error \[Wrong key\] management token failed: ApiError: .*get-management-token/);
    expect(log.lines.join('\n')).not.toContain('wrong-secret-0123');
  });

  it('shows a row asking for the secret when none is stored, and retries after it is set', async () => {
    const stored = new Map<string, string>();
    const { registry, settled } = treeHarness({ entries: [emulatorEntry(emulator)], secrets: stored });
    expect(rows(await settled())).toEqual(['status:error:missingSecret']);
    for (const [key, value] of secrets) stored.set(key, value);
    registry.secretChanged(`${emulator.url}|${emulator.credentials.accessKeyId}`);
    expect(rows(await settled())).toContain('group:team-00025');
  });

  it('shows one broken row for a malformed item and renders the rest of its page', async () => {
    // The edge of the system: the reply is altered on its way in, as a faulty server would send it.
    const corrupting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.includes('/list-groups')) return response;
      const body = await response.json();
      body.data.list[2].code = 42;
      delete body.data.list[4].name;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const { settled, log } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      fetch: corrupting,
    });
    const top = await settled();
    expect(rows(top)).toEqual([
      'group:team-00025',
      'group:team-00024',
      'status:broken',
      'group:team-00022',
      'status:broken',
      ...Array(5).fill(expect.stringMatching(/^group:/)),
      'status:loadMore',
    ]);
    const broken = statusRow(top, 'broken');
    expect(broken?.status).toMatchObject({ item: { position: 2, key: expect.any(String) } });
    expect(JSON.stringify(broken?.status)).toContain('code');
    expect(
      log.lines.some((line) => line.startsWith('warn') && line.includes('2 of 10 items malformed')),
    ).toBe(true);
  });

  it('logs method, path, status and duration, and never the secret', async () => {
    const { settled, log } = treeHarness({ entries: [emulatorEntry(emulator)], secrets });
    await settled();
    const text = log.lines.join('\n');
    expect(text).toMatch(/info \[Emulator\] GET \/api\/v3\/list-groups → HTTP 200, \d+ ms/);
    expect(text).toMatch(/listGroups page 1: 10 items of \d+, \d+ ms/);
    expect(text).not.toContain(emulator.credentials.accessKeySecret);
  });

  it('loads a list again on refresh and on a new page size', async () => {
    const counter = countingFetch();
    const { tree, settled } = treeHarness({
      entries: [emulatorEntry(emulator)],
      secrets,
      fetch: counter.fetch,
    });
    await settled();
    tree.refresh();
    await settled();
    tree.setPageSize(5);
    const top = await settled();
    expect(counter.requests).toEqual(['list-groups#1', 'list-groups#1', 'list-groups#1']);
    expect(top.filter((node) => node.kind === 'group')).toHaveLength(5);
  });
});
