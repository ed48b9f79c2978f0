import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { isUnknownOutcomeError, ManagementClient } from '@genauth-groups/management';
import type { UserDto } from '@genauth-groups/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupNode } from './nodes/group-node.ts';
import { MemberNode, removeMembers } from './nodes/member-node.ts';
import type { TreeNode } from './nodes/tree-node.ts';
import { emulatorEntry, treeHarness } from './test-harness.ts';
import { ReadOnlyError } from './write-errors.ts';

// The write commands' model against the emulator: each change shows in place after one request,
// and each failure leaves the tree as the server has it.
let emulator: Emulator;
let secrets: Map<string, string>;
let someoneElse: ManagementClient;
const t = (message: string, ...args: Array<string | number | boolean>) =>
  message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  secrets = new Map([
    [`${emulator.url}|${emulator.credentials.accessKeyId}`, emulator.credentials.accessKeySecret],
  ]);
  someoneElse = new ManagementClient({
    host: emulator.url,
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
  });
}, 30_000);
afterAll(() => emulator.close());

/** A `fetch` that records `METHOD path` of every request and lets a test alter replies. */
function recordingFetch(alter?: (path: string, count: number) => 'fail' | 'lose' | undefined) {
  const requests: string[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.replace('/api/v3/', '');
    requests.push(path);
    const action = alter?.(path, requests.filter((seen) => seen === path).length);
    if (action === 'fail')
      return Response.json({ statusCode: 500, message: 'Internal error', apiCode: 500 }, { status: 500 });
    const response = await fetch(request);
    // The server did it, but the reply never came back.
    if (action === 'lose') throw new TypeError('fetch failed: socket hang up');
    return response;
  };
  return { requests, fetch: fetcher };
}

function harness(options: { fetch?: typeof fetch; readOnly?: boolean } = {}) {
  const entry = { ...emulatorEntry(emulator), ...(options.readOnly ? { readOnly: true } : {}) };
  return treeHarness({
    entries: [entry],
    secrets,
    pageSize: 50,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

const groupOf = (rows: readonly TreeNode[], code: string) =>
  rows.find((node): node is GroupNode => node instanceof GroupNode && node.group.code === code);
const membersOf = (rows: readonly TreeNode[]) =>
  rows.filter((node): node is MemberNode => node instanceof MemberNode).map((node) => node.user.username);

let serial = 0;
/** A fresh group with `members` (usernames of the demo data set), made by someone else. */
async function freshGroup(members: readonly string[] = []): Promise<string> {
  serial += 1;
  const code = `w${serial}-${Date.now().toString(36)}`;
  await someoneElse.createGroup({ code, name: `Group ${code}`, description: '', type: 'static' });
  const userIds = members.map((username) => demoUserId(username));
  if (userIds.length > 0) await someoneElse.addGroupMembers({ code, userIds });
  return code;
}

function demoUserId(username: string): string {
  const found = emulator.demoUsers.find((demo) => demo.username === username);
  if (!found) throw new Error(`no demo user ${username}`);
  return found.userId;
}

/** A demo user's record, as the members list gives it. */
async function user(username: string): Promise<UserDto> {
  const code = await freshGroup([username]);
  const [found] = (await someoneElse.listGroupMembers({ code })).data.list;
  if (!found) throw new Error(`no user ${username}`);
  return found;
}

// Each case makes several requests to the emulator: a loaded 2-core machine needs more than 5 s.
describe('writes, against the emulator', { timeout: 30_000 }, () => {
  it('creates a group and shows it at the top, in one request', async () => {
    const recorder = recordingFetch();
    const { tree, settled, log } = harness({ fetch: recorder.fetch });
    await settled();
    const [connection] = tree.connectionNodes;
    if (!connection) throw new Error('no connection');
    recorder.requests.length = 0;
    const code = `new-${Date.now().toString(36)}`;
    const created = await connection.createGroup({ code, name: 'Brand new', description: 'made here' });
    expect(recorder.requests).toEqual(['create-group']);
    const top = tree.children();
    expect(top[0]?.describe()).toBe(`group:${code}`);
    expect(connection.groupNode(created.id)?.group.name).toBe('Brand new');
    const line = log.lines.find((entry) => entry.includes('createGroup'));
    expect(line).toMatch(
      new RegExp(
        `^info \\[Emulator\\] write by ${emulator.credentials.accessKeyId} at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: createGroup code=${code}: done`,
      ),
    );
    expect(log.lines.join('\n')).not.toContain(emulator.credentials.accessKeySecret);
  });

  it('edits a group in place, code included, and keeps its loaded members', async () => {
    const code = await freshGroup(['alice']);
    const recorder = recordingFetch();
    const { tree, settled } = harness({ fetch: recorder.fetch });
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    expect(membersOf(await settled(group))).toEqual(['alice']);
    recorder.requests.length = 0;
    await group.update({ name: 'Renamed', description: 'new words', newCode: `${code}-x` });
    expect(recorder.requests).toEqual(['update-group']);
    expect(group.group).toMatchObject({ code: `${code}-x`, name: 'Renamed', description: 'new words' });
    expect(group.row(t).label).toBe('Renamed');
    expect(membersOf(tree.children(group))).toEqual(['alice']);
    const server = await someoneElse.getGroup({ code: `${code}-x` });
    expect(server.data.name).toBe('Renamed');
  });

  it('shows an edit on every row of the group, e.g. also under a user search', async () => {
    const code = await freshGroup(['alice']);
    const { tree, settled } = harness();
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    const [connection] = tree.connectionNodes;
    if (!group || !connection) throw new Error('group not shown');
    const search = tree.findUserGroups(connection.connection.id, { userId: 'alice', userIdType: 'username' });
    if (!search) throw new Error('no search');
    expect(groupOf(await settled(search), code)).toBeDefined();
    await group.update({ name: 'Everywhere', description: '' });
    expect(groupOf(tree.children(search), code)?.row(t).label).toBe('Everywhere');
    expect(groupOf(tree.children(), code)).toBe(group);
  });

  it('deletes a group, after counting its members, and drops its row in place', async () => {
    const code = await freshGroup(['alice', 'bob']);
    const recorder = recordingFetch();
    const { tree, settled } = harness({ fetch: recorder.fetch });
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    expect(await group.countMembers()).toBe(2);
    recorder.requests.length = 0;
    await group.delete();
    expect(recorder.requests).toEqual(['delete-groups-batch']);
    expect(groupOf(tree.children(), code)).toBeUndefined();
    await expect(someoneElse.getGroup({ code })).rejects.toThrow();
  });

  it('adds members at the top of the loaded list, once, in one request', async () => {
    const code = await freshGroup(['alice']);
    const recorder = recordingFetch();
    const { tree, settled } = harness({ fetch: recorder.fetch });
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    await settled(group);
    const [bob, alice] = [await user('bob'), await user('alice')];
    recorder.requests.length = 0;
    // alice is a member already: the server keeps one membership, and the tree one row.
    await group.addMembers([bob, alice]);
    expect(recorder.requests).toEqual(['add-group-members']);
    expect(membersOf(tree.children(group))).toEqual(['bob', 'alice']);
    expect(group.memberCount).toBe(2);
    const server = await someoneElse.listGroupMembers({ code });
    expect(server.data.totalCount).toBe(2);
  });

  it('finds users as Add Members searches, marking members: by asking per user, or from the loaded list when complete', async () => {
    const code = await freshGroup(['alice']);
    const recorder = recordingFetch();
    const { tree, settled } = harness({ fetch: recorder.fetch });
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    recorder.requests.length = 0;
    const alice = (await group.candidates('alice', 20)).find((found) => found.user.username === 'alice');
    expect(alice?.member).toBe(true);
    const bob = (await group.candidates('bob', 20)).find((found) => found.user.username === 'bob');
    expect(bob?.member).toBe(false);
    expect(recorder.requests.filter((path) => path === 'list-users')).toHaveLength(2);
    expect(recorder.requests).toContain('get-user-groups');
    await settled(group);
    recorder.requests.length = 0;
    const again = await group.candidates('bob', 20);
    expect(again.find((found) => found.user.username === 'bob')?.member).toBe(false);
    expect(recorder.requests).toEqual(['list-users']);
  });

  it('removes a multi-selection across groups; when the second group fails, the first stays removed and the second shows the server', async () => {
    const first = await freshGroup(['alice', 'bob']);
    const second = await freshGroup(['alice', 'bob']);
    const recorder = recordingFetch((path, count) =>
      path === 'remove-group-members' && count === 2 ? 'fail' : undefined,
    );
    const { tree, settled } = harness({ fetch: recorder.fetch });
    const rows = [] as MemberNode[];
    for (const code of [first, second]) {
      tree.setFilter(code);
      const group = groupOf(await settled(), code);
      if (!group) throw new Error('group not shown');
      rows.push(...(await settled(group)).filter((node): node is MemberNode => node instanceof MemberNode));
    }
    expect(rows).toHaveLength(4);
    const outcome = await removeMembers(rows);
    expect(outcome).toMatchObject({ removed: 2, total: 4, failed: { notRemoved: 2 } });
    expect(outcome.failed?.group.group.code).toBe(second);
    const [firstGroup, secondGroup] = [rows[0]?.parent, rows[2]?.parent];
    if (!firstGroup || !secondGroup) throw new Error('no groups');
    expect(tree.children(firstGroup).map((node) => node.describe())).toEqual(['status:empty']);
    // The failed group loads its members again: both are still there, as on the server.
    expect(membersOf(await settled(secondGroup)).sort()).toEqual(['alice', 'bob']);
    expect((await someoneElse.listGroupMembers({ code: second })).data.totalCount).toBe(2);
  });

  it('shows the server after a concurrent change: a group someone else deleted cannot be edited and leaves the tree', async () => {
    const code = await freshGroup();
    const { tree, settled } = harness();
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    await someoneElse.deleteGroupsBatch({ codeList: [code] });
    await expect(group.update({ name: 'Too late', description: '' })).rejects.toThrow();
    expect(groupOf(await settled(), code)).toBeUndefined();
  });

  it('reports a write whose reply was lost as of unknown outcome, sent once, and reloads to show what happened', async () => {
    const recorder = recordingFetch((path) => (path === 'create-group' ? 'lose' : undefined));
    const { tree, settled, log } = harness({ fetch: recorder.fetch });
    await settled();
    const [connection] = tree.connectionNodes;
    if (!connection) throw new Error('no connection');
    const code = `lost-${Date.now().toString(36)}`;
    const error = await connection.createGroup({ code, name: 'Lost reply', description: '' }).catch((e) => e);
    expect(isUnknownOutcomeError(error)).toBe(true);
    expect(recorder.requests.filter((path) => path === 'create-group')).toHaveLength(1);
    expect((await settled()).some((node) => node.describe() === `group:${code}`)).toBe(true);
    expect(
      log.lines.some((line) => line.startsWith('error') && line.includes(`createGroup code=${code}: failed`)),
    ).toBe(true);
  });

  it('refuses every write on a read-only connection, before any request, and offers none in menus', async () => {
    const code = await freshGroup(['alice']);
    const recorder = recordingFetch();
    const { tree, settled } = harness({ fetch: recorder.fetch, readOnly: true });
    tree.setFilter(code);
    const group = groupOf(await settled(), code);
    if (!group) throw new Error('group not shown');
    const [member] = (await settled(group)).filter((node): node is MemberNode => node instanceof MemberNode);
    const [connection] = tree.connectionNodes;
    if (!connection || !member) throw new Error('rows missing');
    recorder.requests.length = 0;
    await expect(connection.createGroup({ code: 'nope', name: 'Nope', description: '' })).rejects.toThrow(
      ReadOnlyError,
    );
    await expect(group.update({ name: 'x', description: '' })).rejects.toThrow(ReadOnlyError);
    await expect(group.delete()).rejects.toThrow(ReadOnlyError);
    await expect(group.addMembers([member.user])).rejects.toThrow(ReadOnlyError);
    expect((await removeMembers([member])).failed?.error).toBeInstanceOf(ReadOnlyError);
    expect(recorder.requests).toEqual([]);
    for (const node of [connection, group, member])
      expect(node.row(t).contextValue).not.toMatch(/\bwritable\b/);
    expect(connection.row(t).contextValue).toMatch(/\breadOnly\b/);
  });
});
