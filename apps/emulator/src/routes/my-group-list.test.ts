import { getManagementToken, getMyGroupList, signIn } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { passwordSignIn, useEmulator } from '../testing/test-client.ts';

let now = Date.parse('2026-03-01T00:00:00Z');
const env = useEmulator({ clock: () => now, accessTokenTtlSeconds: 3600 });

describe('GET /api/v3/get-my-group-list', () => {
  async function tokenOf(username: string): Promise<string> {
    return (await env.app.post(signIn, passwordSignIn({ username, password: 'Passw0rd!' }))).body.data
      .access_token as string;
  }

  it('returns the signed-in user’s groups, with the token raw (Node) or as Bearer (Java)', async () => {
    const token = await tokenOf('carol');
    for (const authorization of [token, `Bearer ${token}`]) {
      const { body } = await env.app.get(getMyGroupList, {}, { authorization });
      expect(body.data.map((group) => group.code)).toEqual(['designer', 'all-staff']);
      expect(body.data[0]).toMatchObject({ members: [], metadataSource: [] });
    }
  });

  it('lets a browser read a successful reply (CORS header) from the running server', async () => {
    const { headers, body } = await env.app.get(
      getMyGroupList,
      {},
      { authorization: await tokenOf('carol'), origin: 'http://localhost:5173' },
    );
    expect(body.statusCode).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });

  it('returns [] for a user in no group', async () => {
    const { body } = await env.app.get(getMyGroupList, {}, { authorization: await tokenOf('frank') });
    expect(body).toMatchObject({ statusCode: 200, data: [] });
  });

  it('answers 2020 without a token, with another app’s id, with a management token, or once expired', async () => {
    const token = await tokenOf('alice');
    const { accessKeyId, accessKeySecret } = env.emulator.credentials;
    const managementToken = (await env.app.post(getManagementToken, { accessKeyId, accessKeySecret })).body;
    const refusals = [
      await env.app.get(getMyGroupList),
      await env.app.get(getMyGroupList, {}, { authorization: token, 'x-authing-app-id': 'another-app' }),
      await env.app.get(getMyGroupList, {}, { authorization: managementToken.data.access_token }),
    ];
    now += 3600_000;
    refusals.push(await env.app.get(getMyGroupList, {}, { authorization: token }));
    for (const { body } of refusals) {
      expect(body).toMatchObject({ statusCode: 401, apiCode: 2020, message: '尚未登录，无权限访问此请求' });
    }
  });
});
