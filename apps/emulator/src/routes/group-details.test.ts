import { readContractJson } from '@genauth-groups/contract';
import { getGroupAuthorizedResources, getUserGroups, listGroupMembers } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../testing/test-client.ts';

const NODE_DEFAULTS = {
  page: 1,
  limit: 10,
  withCustomData: false,
  withIdentities: false,
  withDepartmentIds: false,
  flatCustomData: false,
};

describe('list-group-members', () => {
  const env = useEmulator();

  it('returns members in the order they joined, every optional field present (null when unset)', async () => {
    const { body } = await env.api.get(listGroupMembers, { code: 'developer', ...NODE_DEFAULTS });
    expect(body.data.totalCount).toBe(3);
    expect(body.data.list.map((user) => user.username)).toEqual(['alice', 'bob', 'dave']);
    const dave = body.data.list[2];
    expect(dave).toMatchObject({ username: 'dave', phone: null, externalId: null, loginsCount: null });
    // Every field of the contract's fixture of a default call, and none of the optional extras.
    const fixture = readContractJson('fixtures/list-group-members/ok-defaults.json') as {
      data: { list: Record<string, unknown>[] };
    };
    expect(Object.keys(dave ?? {})).toEqual(expect.arrayContaining(Object.keys(fixture.data.list[0] ?? {})));
    for (const extra of ['customData', 'identities', 'departmentIds']) expect(dave).not.toHaveProperty(extra);
  });

  it('adds customData, identities and departmentIds when asked', async () => {
    const { body } = await env.api.get(listGroupMembers, {
      ...NODE_DEFAULTS,
      code: 'developer',
      withCustomData: true,
      withIdentities: true,
      withDepartmentIds: true,
    });
    const [alice, , dave] = body.data.list;
    expect(alice).toMatchObject({
      customData: { employeeLevel: 'P6', costCenter: 'CC-42' },
      departmentIds: ['dept-engineering', 'dept-platform'],
      identities: [
        {
          identityId: '6601c2d3e4f5a6b7c8d9e0f1',
          extIdpId: '6601c2d3e4f5a6b7c8d9e0aa',
          provider: 'wechatwork',
          type: 'openid',
          userIdInIdp: 'wwu_alice',
          userInfoInIdp: { userid: 'wwu_alice', name: 'Alice Wang' },
          originConnIds: ['6601c2d3e4f5a6b7c8d9e0bb'],
        },
      ],
    });
    expect(alice?.identities?.[0]).not.toHaveProperty('accessToken');
    expect(dave).toMatchObject({ customData: {}, identities: [], departmentIds: [] });
  });

  it('merges custom fields into each user with flatCustomData=true', async () => {
    const { body } = await env.api.get(listGroupMembers, {
      ...NODE_DEFAULTS,
      code: 'developer',
      flatCustomData: true,
    });
    expect(body.data.list[0]).toMatchObject({ username: 'alice', employeeLevel: 'P6', costCenter: 'CC-42' });
    expect(body.data.list[0]).not.toHaveProperty('customData');
  });

  it('pages a group of more than 50 members', async () => {
    const first = await env.api.get(listGroupMembers, { ...NODE_DEFAULTS, code: 'all-staff', limit: 50 });
    const second = await env.api.get(listGroupMembers, {
      ...NODE_DEFAULTS,
      code: 'all-staff',
      limit: 50,
      page: 2,
    });
    expect(first.body.data.totalCount).toBe(61);
    expect(first.body.data.list).toHaveLength(50);
    expect(second.body.data.list).toHaveLength(11);
    const ids = [...first.body.data.list, ...second.body.data.list].map((user) => user.userId);
    expect(new Set(ids).size).toBe(61);
  });

  it('answers 分组不存在 for an unknown group and validates page and limit', async () => {
    expect((await env.api.get(listGroupMembers, { code: 'nope' })).body).toMatchObject({
      statusCode: 404,
      message: '分组不存在',
    });
    expect((await env.api.get(listGroupMembers, { code: 'developer', limit: 10000 })).body).toMatchObject({
      statusCode: 400,
      message: '参数 limit 格式错误',
    });
    expect((await env.api.get(listGroupMembers, { code: 'developer', page: -1 })).body).toMatchObject({
      statusCode: 400,
      message: '参数 page 格式错误',
    });
  });

  it('returns an empty page for an empty group', async () => {
    const { body } = await env.api.get(listGroupMembers, { code: 'contractors' });
    expect(body.data).toEqual({ totalCount: 0, list: [] });
  });
});

describe('get-user-groups', () => {
  const env = useEmulator();

  it.each([
    ['user_id', '65f0b3c4d5e6f7a8b9c0d1e2'],
    ['external_id', 'EMP-1002'],
    ['phone', '13800000002'],
    ['email', 'BOB@example.com'],
    ['username', 'bob'],
    ['identity', '6601c2d3e4f5a6b7c8d9e0ac:ou_bob'],
    ['sync_relation', 'lark:ou_bob'],
  ])('finds bob by %s', async (userIdType, userId) => {
    const { body } = await env.api.get(getUserGroups, { userId, userIdType });
    expect(body.data.totalCount).toBe(3);
    expect(body.data.list.map((group) => group.code)).toEqual(['ops', 'developer', 'all-staff']);
  });

  it('defaults userIdType to user_id', async () => {
    const { body } = await env.api.get(getUserGroups, { userId: '65f0b3c4d5e6f7a8b9c0d1e3' });
    expect(body.data.list.map((group) => group.code)).toEqual(['designer', 'all-staff']);
  });

  it('returns an empty list for a user in no group', async () => {
    const { body } = await env.api.get(getUserGroups, { userId: 'frank', userIdType: 'username' });
    expect(body.data).toEqual({ totalCount: 0, list: [] });
  });

  it('answers 用户不存在 (404, apiCode 2004) for an unknown user', async () => {
    const { body } = await env.api.get(getUserGroups, { userId: 'nobody', userIdType: 'username' });
    expect(body).toMatchObject({ statusCode: 404, apiCode: 2004, message: '用户不存在' });
  });

  it('refuses custom_field clearly, a bad userIdType, and an identity without its colon', async () => {
    expect(
      (await env.api.get(getUserGroups, { userId: 'x', userIdType: 'custom_field' })).body,
    ).toMatchObject({
      statusCode: 400,
      message: '模拟器不支持 userIdType=custom_field',
    });
    expect((await env.api.get(getUserGroups, { userId: 'x', userIdType: 'uid' })).body).toMatchObject({
      statusCode: 400,
      message: '参数 userIdType 格式错误',
    });
    expect(
      (await env.api.get(getUserGroups, { userId: 'ou_bob', userIdType: 'sync_relation' })).body,
    ).toMatchObject({
      statusCode: 400,
      message: '参数 userId 格式错误',
    });
  });
});

describe('get-group-authorized-resources', () => {
  const env = useEmulator();

  it('returns the resources of the default namespace', async () => {
    const { body } = await env.api.get(getGroupAuthorizedResources, { code: 'developer' });
    expect(body.data).toEqual([
      {
        resourceCode: 'ecs:1',
        description: 'Server',
        condition: [{ param: 'AppId', operator: 'StringEquals', value: '65f0a1b2c3d4e5f6a7b8c9d0' }],
        resourceType: 'API',
        apiIdentifier: '/api/v1/example',
        actions: ['ecs:Start', 'ecs:Stop'],
        effect: 'ALLOW',
      },
      {
        resourceCode: 'dashboard',
        description: 'Dashboard menu',
        condition: [],
        resourceType: 'MENU',
        apiIdentifier: null,
        actions: ['dashboard:view'],
        effect: 'ALLOW',
      },
    ]);
  });

  it('filters by resourceType and by namespace', async () => {
    const menus = await env.api.get(getGroupAuthorizedResources, { code: 'developer', resourceType: 'MENU' });
    expect(menus.body.data.map((resource) => resource.resourceCode)).toEqual(['dashboard']);
    const billing = await env.api.get(getGroupAuthorizedResources, {
      code: 'developer',
      namespace: 'billing',
    });
    expect(billing.body.data).toMatchObject([
      { resourceCode: 'invoices', effect: 'DENY', resourceType: 'DATA' },
    ]);
    const none = await env.api.get(getGroupAuthorizedResources, { code: 'ops' });
    expect(none.body.data).toEqual([]);
  });

  it('answers 分组不存在, 权限组不存在 and 参数 resourceType 格式错误', async () => {
    expect((await env.api.get(getGroupAuthorizedResources, { code: 'nope' })).body).toMatchObject({
      statusCode: 404,
      message: '分组不存在',
    });
    expect(
      (await env.api.get(getGroupAuthorizedResources, { code: 'developer', namespace: 'nope' })).body,
    ).toMatchObject({ statusCode: 404, message: '权限组不存在' });
    expect(
      (await env.api.get(getGroupAuthorizedResources, { code: 'developer', resourceType: 'FILE' })).body,
    ).toMatchObject({ statusCode: 400, message: '参数 resourceType 格式错误' });
  });
});
