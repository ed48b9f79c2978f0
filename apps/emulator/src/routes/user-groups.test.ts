import { getUserGroups } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { BOB_BY_ID_TYPE, useEmulator } from '../testing/test-client.ts';

describe('get-user-groups', () => {
  const env = useEmulator();

  it.each(BOB_BY_ID_TYPE)('finds bob by %s', async (userIdType, userId) => {
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
