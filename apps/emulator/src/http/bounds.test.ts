import { addGroupMembers, createGroup, getUserGroups, listGroups, updateGroup } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../testing/test-client.ts';
import { DEFAULT_TEXT_LIMIT, MAX_CUSTOM_DATA_BYTES, MAX_LIST_ITEMS, TEXT_LIMITS } from './bounds.ts';

const env = useEmulator();

function limitOf(field: string): number {
  return TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
}

function newGroup(code: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { code, name: `Group ${code}`, description: '', type: 'static', ...fields };
}

describe('bounds on stored and searched values', () => {
  it.each(['name', 'description'])('stores a %s at its limit and refuses one past it', async (field) => {
    const atLimit = await env.api.post(
      createGroup,
      newGroup(`at-${field}`, { [field]: 'x'.repeat(limitOf(field)) }),
    );
    expect(atLimit.body).toMatchObject({ statusCode: 200 });
    const past = await env.api.post(
      createGroup,
      newGroup(`past-${field}`, { [field]: 'x'.repeat(limitOf(field) + 1) }),
    );
    expect(past.body).toMatchObject({ statusCode: 400, message: `参数 ${field} 格式错误` });
  });

  it('refuses the 10 000- and 500 000-character names that wedged it', async () => {
    for (const length of [10_000, 500_000]) {
      const { body } = await env.api.post(
        createGroup,
        newGroup(`huge-${length}`, { name: 'n'.repeat(length) }),
      );
      expect(body).toMatchObject({ statusCode: 400, message: '参数 name 格式错误' });
    }
  });

  it('refuses a code or a new code past the limit', async () => {
    const code = 'c'.repeat(limitOf('code') + 1);
    expect((await env.api.post(createGroup, newGroup(code))).body).toMatchObject({
      message: '参数 code 格式错误',
    });
    const renamed = await env.api.post(updateGroup, { code: 'ops', description: '', newCode: code });
    expect(renamed.body).toMatchObject({ statusCode: 400, message: '参数 newCode 格式错误' });
  });

  it('searches with keywords at the limit and refuses longer ones, such as the 15 000 characters that hung it', async () => {
    const atLimit = await env.api.get(listGroups, { keywords: 'd'.repeat(limitOf('keywords')) });
    expect(atLimit.body).toMatchObject({ statusCode: 200, data: { totalCount: 0 } });
    for (const length of [limitOf('keywords') + 1, 15_000]) {
      const { body } = await env.api.get(listGroups, { keywords: 'd'.repeat(length) });
      expect(body).toMatchObject({ statusCode: 400, message: '参数 keywords 格式错误' });
    }
  });

  it('refuses a NUL character in keywords, codes and user ids', async () => {
    for (const keywords of ['dev\0ops', '\0']) {
      const { body } = await env.api.get(listGroups, { keywords });
      expect(body).toMatchObject({ statusCode: 400, message: '参数 keywords 格式错误' });
    }
    expect((await env.api.post(createGroup, newGroup('nul\0code'))).body).toMatchObject({
      message: '参数 code 格式错误',
    });
    const user = await env.api.get(getUserGroups, { userId: 'alice\0', userIdType: 'username' });
    expect(user.body).toMatchObject({ statusCode: 400, message: '参数 userId 格式错误' });
  });

  it('refuses custom data over its size', async () => {
    const big = { blob: 'b'.repeat(MAX_CUSTOM_DATA_BYTES) };
    const { body } = await env.api.post(createGroup, newGroup('big-custom', { customData: big }));
    expect(body).toMatchObject({ statusCode: 400, message: '参数 customData 格式错误' });
    const fits = { blob: 'b'.repeat(MAX_CUSTOM_DATA_BYTES - 100) };
    expect(
      (await env.api.post(createGroup, newGroup('fits-custom', { customData: fits }))).body,
    ).toMatchObject({
      statusCode: 200,
    });
  });

  it('refuses a list of more user ids than the limit', async () => {
    const userIds = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, index) => `u${index}`);
    const { body } = await env.api.post(addGroupMembers, { code: 'ops', userIds });
    expect(body).toMatchObject({ statusCode: 400, message: '参数 userIds 格式错误' });
  });
});
