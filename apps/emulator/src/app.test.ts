import { addGroupMembers, createGroup, getGroup, getUserGroups, listGroups } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './testing/test-client.ts';

describe('bad input', () => {
  const env = useEmulator({ maxBodyBytes: 64 * 1024 });

  it('answers a malformed JSON body with a 400 envelope', async () => {
    const { status, body } = await env.api.post(createGroup, '{"code": "x",');
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 400, message: '请求体不是合法的 JSON' });
  });

  it('answers 1 MB of keywords with a 413 envelope', async () => {
    const { status, body } = await env.api.get(listGroups, { keywords: 'k'.repeat(1024 * 1024) });
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 413, message: '请求过大' });
    expect(body).toHaveProperty('requestId');
  });

  it('answers a body over the cap with a 413 envelope, before authentication', async () => {
    const huge = JSON.stringify({
      code: 'big',
      name: 'x'.repeat(100 * 1024),
      description: '',
      type: 'static',
    });
    const { body } = await env.api.post(createGroup, huge);
    expect(body).toMatchObject({ statusCode: 413 });
    const anonymous = await fetch(new URL(createGroup.path, env.emulator.url), {
      method: 'POST',
      body: huge,
    });
    expect(await anonymous.json()).toMatchObject({ statusCode: 413 });
  });

  it.each([
    ['userIds as a string', { code: 'ops', userIds: 'abc' }, '参数 userIds 格式错误'],
    ['a number as code', { code: 7, userIds: [] }, '参数 code 格式错误'],
    ['null', null, '参数 body 格式错误'],
  ])('answers %s with a 400 envelope', async (_, input, message) => {
    const { body } = await env.api.post(addGroupMembers, JSON.stringify(input));
    expect(body).toMatchObject({ statusCode: 400, message });
  });

  it('answers an unknown endpoint or method with HTTP 404 and an envelope', async () => {
    const unknown = await env.api.request('/api/v3/list-everything');
    expect(unknown).toMatchObject({ status: 404, body: { statusCode: 404, message: '接口不存在' } });
    const wrongMethod = await env.api.request(createGroup.path);
    expect(wrongMethod.status).toBe(404);
  });

  it('localises messages with x-authing-lang: en-US', async () => {
    const english = env.api.with({ 'x-authing-lang': 'en-US' });
    expect((await english.get(listGroups, { limit: 51 })).body.message).toBe('Invalid parameter: limit');
    expect((await english.get(getUserGroups, { userId: 'x', userIdType: 'username' })).body.message).toBe(
      'User not found',
    );
    expect((await english.get(getGroup, { code: 'x' }, { 'x-authing-lang': 'zh-CN' })).body.message).toBe(
      '分组不存在',
    );
  });

  it('keeps serving and keeps its data after a storm of bad and good requests', async () => {
    const before = (await env.api.get(listGroups)).body.data.totalCount;
    const storm = await Promise.all(
      Array.from({ length: 150 }, (_, index) => {
        switch (index % 5) {
          case 0:
            return env.api.post(createGroup, '{nope');
          case 1:
            return env.api.post(addGroupMembers, { code: 'ops', userIds: [42] });
          case 2:
            return env.api.get(listGroups, { page: 'x' });
          case 3:
            return env.api.post(createGroup, {
              code: `storm-${index}`,
              name: 'Storm',
              description: '',
              type: 'static',
            });
          default:
            return env.api.get(listGroups, { keywords: 'storm', limit: 50 });
        }
      }),
    );
    expect(storm.filter((reply) => reply.body.statusCode === 400)).toHaveLength(90);
    expect((await env.api.get(listGroups)).body.data.totalCount).toBe(before + 30);
  });
});

describe('httpStatus: true', () => {
  const env = useEmulator({ httpStatus: true });

  it('answers errors with their real HTTP status, and successes with 200', async () => {
    expect((await env.api.get(getGroup, { code: 'ops' })).status).toBe(200);
    expect(await env.api.get(getGroup, { code: 'nope' })).toMatchObject({
      status: 404,
      body: { statusCode: 404 },
    });
    expect(await env.api.get(listGroups, { limit: 0 })).toMatchObject({
      status: 400,
      body: { statusCode: 400 },
    });
    const anonymous = await fetch(new URL(listGroups.path, env.emulator.url));
    expect(anonymous.status).toBe(401);
    const tooLong = await fetch(
      new URL(`${listGroups.path}?keywords=${'k'.repeat(100_000)}`, env.emulator.url),
    );
    expect(tooLong.status).toBe(413);
  });
});
