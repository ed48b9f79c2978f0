import {
  addGroupMembers,
  createGroup,
  deleteGroupsBatch,
  getAllGroups,
  getGroup,
  getUserGroups,
  listGroupMembers,
  listGroups,
  removeGroupMembers,
  updateGroup,
} from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../testing/test-client.ts';

const ALICE = '65f0b3c4d5e6f7a8b9c0d1e1';
const FRANK = '65f0b3c4d5e6f7a8b9c0d1e6';

describe('create-group and update-group', () => {
  const env = useEmulator();

  it('creates a group and returns it; the same code again is a 409 conflict', async () => {
    const created = await env.api.post(createGroup, {
      code: 'qa',
      name: 'Quality',
      description: 'Testers',
      type: 'static',
      customData: { floor: 3 },
    });
    expect(created.body.data).toMatchObject({
      code: 'qa',
      name: 'Quality',
      description: 'Testers',
      members: [],
    });
    expect(created.body.data.id).toMatch(/^[0-9a-f]{24}$/);
    const again = await env.api.post(createGroup, {
      code: 'qa',
      name: 'Other',
      description: '',
      type: 'static',
    });
    expect(again.body).toMatchObject({ statusCode: 409, message: '分组 code 已存在' });
    const read = await env.api.get(getGroup, { code: 'qa', withCustomData: true });
    expect(read.body.data).toMatchObject({ name: 'Quality', customData: { floor: 3 } });
  });

  it('updates name, description and custom data, and renames the code', async () => {
    await env.api.post(createGroup, {
      code: 'tmp',
      name: 'Temp',
      description: '',
      type: 'static',
      customData: { a: 1 },
    });
    const updated = await env.api.post(updateGroup, {
      code: 'tmp',
      newCode: 'temporary',
      name: 'Temporary',
      description: 'Renamed',
      customData: { b: 2 },
    });
    expect(updated.body.data).toMatchObject({ code: 'temporary', name: 'Temporary', description: 'Renamed' });
    expect((await env.api.get(getGroup, { code: 'tmp' })).body.statusCode).toBe(404);
    const read = await env.api.get(getGroup, { code: 'temporary', withCustomData: true });
    expect(read.body.data.customData).toEqual({ a: 1, b: 2 });
    const search = await env.api.get(listGroups, { keywords: 'tempor' });
    expect(search.body.data.list.map((group) => group.code)).toEqual(['temporary']);
    expect((await env.api.get(listGroups, { keywords: 'Temp ' })).body.data.totalCount).toBe(0);
  });

  it('refuses to update an unknown group (404) or to take another group’s code (409)', async () => {
    const unknown = await env.api.post(updateGroup, { code: 'nope', description: '' });
    expect(unknown.body).toMatchObject({ statusCode: 404, message: '分组不存在' });
    const taken = await env.api.post(updateGroup, { code: 'ops', newCode: 'developer', description: '' });
    expect(taken.body).toMatchObject({ statusCode: 409 });
    expect((await env.api.get(getGroup, { code: 'ops' })).body.data.description).toBe('On-call rotation');
  });

  it.each([
    ['a missing field', { code: 'x', name: 'X', type: 'static' }, '参数 description 格式错误'],
    ['a wrong type', { code: 'x', name: 'X', description: 1, type: 'static' }, '参数 description 格式错误'],
    ['an empty code', { code: '', name: 'X', description: '', type: 'static' }, '参数 code 格式错误'],
    [
      'an unknown field',
      { code: 'x', name: 'X', description: '', type: 'static', extra: 1 },
      '参数 extra 格式错误',
    ],
    ['a body that is a JSON string', '"just text"', '参数 body 格式错误'],
  ])('refuses %s with a 400 envelope', async (_, body, message) => {
    const { status, body: reply } = await env.api.post(createGroup, body);
    expect(status).toBe(200);
    expect(reply).toMatchObject({ statusCode: 400, message });
  });
});

describe('group members and deletion', () => {
  const env = useEmulator();

  it('adds and removes members; adding twice keeps one membership', async () => {
    await env.api.post(createGroup, { code: 'club', name: 'Club', description: '', type: 'static' });
    const added = await env.api.post(addGroupMembers, { code: 'club', userIds: [ALICE, FRANK, FRANK] });
    expect(added.body.data).toEqual({ success: true });
    await env.api.post(addGroupMembers, { code: 'club', userIds: [FRANK] });
    const members = await env.api.get(listGroupMembers, { code: 'club' });
    expect(members.body.data.list.map((user) => user.username)).toEqual(['alice', 'frank']);
    expect((await env.api.get(getUserGroups, { userId: FRANK })).body.data.list.map((g) => g.code)).toEqual([
      'club',
    ]);

    await env.api.post(removeGroupMembers, { code: 'club', userIds: [ALICE] });
    const after = await env.api.get(listGroupMembers, { code: 'club' });
    expect(after.body.data.list.map((user) => user.username)).toEqual(['frank']);
  });

  // Counts are reused between writes (store.ts): each read below follows a write, after the same
  // count was read once before it.
  it('gives totalCounts that follow every write between two reads', async () => {
    const membersOf = async (code: string) =>
      (await env.api.get(listGroupMembers, { code })).body.data.totalCount;
    const groupCount = async () => (await env.api.get(listGroups, {})).body.data.totalCount;
    const groups = await groupCount();
    await env.api.post(createGroup, { code: 'counted', name: 'Counted', description: '', type: 'static' });
    expect(await groupCount()).toBe(groups + 1);
    expect(await membersOf('counted')).toBe(0);
    await env.api.post(addGroupMembers, { code: 'counted', userIds: [ALICE, FRANK] });
    expect(await membersOf('counted')).toBe(2);
    await env.api.post(removeGroupMembers, { code: 'counted', userIds: [FRANK] });
    expect(await membersOf('counted')).toBe(1);
    await env.api.post(deleteGroupsBatch, { codeList: ['counted'] });
    expect(await groupCount()).toBe(groups);
  });

  it('gives keyword searches that follow every write between two reads', async () => {
    const search = async (keywords: string) =>
      (await env.api.get(listGroups, { keywords })).body.data.list.map((group) => group.code);
    for (const keywords of ['zebra', 'zq']) expect(await search(keywords)).toEqual([]);
    await env.api.post(createGroup, { code: 'zebra-zq', name: 'Zebra', description: '', type: 'static' });
    for (const keywords of ['zebra', 'zq']) expect(await search(keywords)).toEqual(['zebra-zq']);
    const renamed = await env.api.post(updateGroup, {
      code: 'zebra-zq',
      newCode: 'okapi',
      name: 'Okapi',
      description: '',
    });
    expect(renamed.body.statusCode).toBe(200);
    for (const keywords of ['zebra', 'zq']) expect(await search(keywords)).toEqual([]);
  });

  it('adds nobody when one user is unknown (404, all or nothing)', async () => {
    await env.api.post(createGroup, { code: 'strict', name: 'Strict', description: '', type: 'static' });
    const reply = await env.api.post(addGroupMembers, {
      code: 'strict',
      userIds: [ALICE, '000000000000000000000000'],
    });
    expect(reply.body).toMatchObject({ statusCode: 404, apiCode: 2004, message: '用户不存在' });
    expect((await env.api.get(listGroupMembers, { code: 'strict' })).body.data.totalCount).toBe(0);
    const noGroup = await env.api.post(addGroupMembers, { code: 'nope', userIds: [ALICE] });
    expect(noGroup.body).toMatchObject({ statusCode: 404, message: '分组不存在' });
  });

  it('deletes groups with their memberships and resources; unknown codes are skipped', async () => {
    const reply = await env.api.post(deleteGroupsBatch, { codeList: ['developer', 'never-was'] });
    expect(reply.body.data).toEqual({ success: true });
    expect((await env.api.get(getGroup, { code: 'developer' })).body.statusCode).toBe(404);
    const alice = await env.api.get(getUserGroups, { userId: ALICE });
    expect(alice.body.data.list.map((group) => group.code)).not.toContain('developer');
    expect((await env.api.get(listGroups, { keywords: 'developer' })).body.data.totalCount).toBe(0);
  });
});

describe('concurrent writes', () => {
  const env = useEmulator({ generate: { groups: 0, users: 200, seed: 3 } });

  // Hundreds of requests: a budget for a loaded 2-core machine, not vitest's 5 s default.
  it('keeps the data consistent under many concurrent creates and member changes', {
    timeout: 30_000,
  }, async () => {
    const users = await Promise.all(
      [1, 2, 3, 4].map((page) => env.api.get(listGroupMembers, { code: 'all-staff', page, limit: 50 })),
    );
    const staffIds = users.flatMap(({ body }) => body.data.list.map((user) => user.userId));
    // 40 groups, each created twice at once: exactly one creation of each code succeeds.
    const creations = await Promise.all(
      Array.from({ length: 80 }, (_, index) =>
        env.api.post(createGroup, {
          code: `race-${index % 40}`,
          name: `Race ${index % 40}`,
          description: '',
          type: 'static',
        }),
      ),
    );
    const statuses = creations.map(({ body }) => body.statusCode);
    expect(statuses.filter((code) => code === 200)).toHaveLength(40);
    expect(statuses.filter((code) => code === 409)).toHaveLength(40);

    // 200 concurrent additions of overlapping users, some with an unknown user (refused whole).
    const additions = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        env.api.post(addGroupMembers, {
          code: `race-${index % 40}`,
          userIds:
            index % 10 === 9
              ? [staffIds[index % 61], 'ffffffffffffffffffffffff']
              : [staffIds[index % 61], staffIds[(index * 7) % 61]],
        }),
      ),
    );
    expect(additions.filter(({ body }) => body.statusCode === 404)).toHaveLength(20);

    const expected = new Map<string, Set<string>>();
    additions.forEach(({ body }, index) => {
      if (body.statusCode !== 200) return;
      const members = expected.get(`race-${index % 40}`) ?? new Set();
      members.add(staffIds[index % 61] as string).add(staffIds[(index * 7) % 61] as string);
      expected.set(`race-${index % 40}`, members);
    });
    const all = await env.api.get(getAllGroups, { fetchMembers: true });
    for (const group of all.body.data.filter((g) => g.code.startsWith('race-'))) {
      expect(new Set(group.members?.map((user) => user.userId))).toEqual(
        expected.get(group.code) ?? new Set(),
      );
    }
    const listed = await env.api.get(listGroups, { keywords: 'race-', limit: 50 });
    expect(listed.body.data.totalCount).toBe(40);
  });
});
