import { readContractJson } from '@genauth-groups/contract';
import { listGroupMembers } from '@genauth-groups/models';
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
    // Unset: null, except the fields the spec gives a default (contract 7.4).
    expect(dave).toMatchObject({
      username: 'dave',
      phone: null,
      externalId: null,
      loginsCount: 0,
      resetPasswordOnNextLogin: false,
    });
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
