import { getUser, listUsers } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { BOB_BY_ID_TYPE, useEmulator } from '../testing/test-client.ts';

describe('get-user', () => {
  const env = useEmulator();

  it.each(BOB_BY_ID_TYPE)('finds bob by %s', async (userIdType, userId) => {
    const { body } = await env.api.get(getUser, { userId, userIdType });
    expect(body.data).toMatchObject({ userId: '65f0b3c4d5e6f7a8b9c0d1e2', username: 'bob' });
    expect(body.data).not.toHaveProperty('identities');
    expect(body.data).not.toHaveProperty('customData');
  });

  it('adds identities, department ids and custom data when asked', async () => {
    const { body } = await env.api.get(getUser, {
      userId: 'bob',
      userIdType: 'username',
      withIdentities: true,
      withDepartmentIds: true,
      withCustomData: true,
    });
    expect(body.data.identities?.map((identity) => identity.userIdInIdp)).toContain('ou_bob');
    expect(body.data.departmentIds).toEqual(expect.any(Array));
    expect(body.data.customData).toEqual(expect.any(Object));
  });

  it('answers 用户不存在 (404, apiCode 2004) for an unknown user, and refuses custom_field clearly', async () => {
    expect((await env.api.get(getUser, { userId: 'nobody', userIdType: 'username' })).body).toMatchObject({
      statusCode: 404,
      apiCode: 2004,
      message: '用户不存在',
    });
    expect((await env.api.get(getUser, { userId: 'x', userIdType: 'custom_field' })).body).toMatchObject({
      statusCode: 400,
      message: '模拟器不支持 userIdType=custom_field',
    });
  });
});

describe('list-users', () => {
  const env = useEmulator();
  const usernames = (list: readonly { username?: string | null | undefined }[]) =>
    list.map((user) => user.username);

  it('pages every user newest first, 10 by default', async () => {
    const { body } = await env.api.post(listUsers, {});
    expect(body.data.list).toHaveLength(10);
    const all = await env.api.post(listUsers, { options: { pagination: { limit: 50 } } });
    expect(all.body.data.totalCount).toBe(body.data.totalCount);
    const second = await env.api.post(listUsers, { options: { pagination: { page: 2, limit: 5 } } });
    expect(usernames(second.body.data.list)).toEqual(usernames(all.body.data.list.slice(5, 10)));
  });

  it('finds users by keywords in phone, email, name, username and nickname, ignoring case', async () => {
    const byName = await env.api.post(listUsers, { keywords: 'ALICE w' });
    expect(usernames(byName.body.data.list)).toEqual(['alice']);
    const byEmail = await env.api.post(listUsers, { keywords: 'bob@EXAMPLE' });
    expect(usernames(byEmail.body.data.list)).toEqual(['bob']);
    const byPhone = await env.api.post(listUsers, { keywords: '13800000002' });
    expect(usernames(byPhone.body.data.list)).toEqual(['bob']);
    const staff = await env.api.post(listUsers, {
      keywords: 'staff0',
      options: { pagination: { limit: 3 } },
    });
    expect(staff.body.data.totalCount).toBe(9);
    expect(staff.body.data.list).toHaveLength(3);
  });

  it('takes % and _ in keywords literally', async () => {
    expect((await env.api.post(listUsers, { keywords: '%' })).body.data.totalCount).toBe(0);
    expect((await env.api.post(listUsers, { keywords: 'alic_' })).body.data.totalCount).toBe(0);
    expect((await env.api.post(listUsers, { keywords: 'ali\\' })).body.data.totalCount).toBe(0);
  });

  it('looks only in fuzzySearchOn when given', async () => {
    const company = await env.api.post(listUsers, {
      keywords: 'example co',
      options: { fuzzySearchOn: ['company'] },
    });
    expect(usernames(company.body.data.list)).toContain('alice');
    const notByDefault = await env.api.post(listUsers, { keywords: 'example co' });
    expect(notByDefault.body.data.totalCount).toBe(0);
    const byId = await env.api.post(listUsers, { keywords: 'c0d1e2', options: { fuzzySearchOn: ['id'] } });
    expect(usernames(byId.body.data.list)).toEqual(['bob']);
  });

  it('refuses what it cannot answer, naming the parameter', async () => {
    expect((await env.api.post(listUsers, { options: { pagination: { limit: 51 } } })).body).toMatchObject({
      statusCode: 400,
      message: '参数 options.pagination.limit 格式错误',
    });
    expect((await env.api.post(listUsers, { advancedFilter: [] })).body).toMatchObject({
      statusCode: 400,
      message: '参数 advancedFilter 格式错误',
    });
    expect((await env.api.post(listUsers, { keywords: 'x'.repeat(257) })).body).toMatchObject({
      statusCode: 400,
      message: '参数 keywords 格式错误',
    });
  });
});
