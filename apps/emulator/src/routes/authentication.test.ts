import { getManagementToken, getMyGroupList, signIn } from '@genauth-groups/models';
import { decode } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, useEmulator } from '../testing/test-client.ts';

let now = Date.parse('2026-03-01T00:00:00Z');
const env = useEmulator({ clock: () => now, accessTokenTtlSeconds: 3600 });
let app: TestClient;
beforeAll(() => {
  app = new TestClient(env.emulator, { 'x-authing-app-id': env.emulator.credentials.appId });
});

function password(payload: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { connection: 'PASSWORD', passwordPayload: payload, ...extra };
}

describe('POST /api/v3/signin', () => {
  it.each([
    ['username', { username: 'alice', password: 'Passw0rd!' }],
    ['email, any case', { email: 'Alice@Example.com', password: 'Passw0rd!' }],
    ['account = username', { account: 'alice', password: 'Passw0rd!' }],
    ['account = email', { account: 'alice@example.com', password: 'Passw0rd!' }],
    ['account = phone', { account: '13800000001', password: 'Passw0rd!' }],
  ])('signs in by %s and returns LoginTokenRespDto', async (_, payload) => {
    const { body } = await app.post(signIn, password(payload));
    expect(body.data).toMatchObject({ token_type: 'Bearer', expire_in: 3600, scope: 'openid profile' });
    const claims = decode(body.data.access_token as string).payload;
    expect(claims).toMatchObject({ sub: '65f0b3c4d5e6f7a8b9c0d1e1', aud: env.emulator.credentials.appId });
    expect(claims.exp).toBe(now / 1000 + 3600);
    expect(decode(body.data.id_token as string).payload).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
    });
  });

  it('refuses a wrong password or an unknown account with 用户名或密码错误 (apiCode 2333)', async () => {
    for (const payload of [
      { username: 'alice', password: 'wrong' },
      { username: 'nobody', password: 'Passw0rd!' },
    ]) {
      const { body } = await app.post(signIn, password(payload));
      expect(body).toMatchObject({ statusCode: 400, apiCode: 2333, message: '用户名或密码错误' });
    }
  });

  it('accepts client_secret_post and client_secret_basic, and checks the secret when one is sent', async () => {
    const { appId, appSecret } = env.emulator.credentials;
    const payload = { username: 'bob', password: 'Passw0rd!' };
    const post = await app.post(signIn, password(payload, { client_id: appId, client_secret: appSecret }));
    expect(post.body.statusCode).toBe(200);
    const basic = `Basic ${Buffer.from(`${appId}:${appSecret}`).toString('base64')}`;
    expect((await app.post(signIn, password(payload), { authorization: basic })).body.statusCode).toBe(200);

    const wrongPost = await app.post(signIn, password(payload, { client_id: appId, client_secret: 'nope' }));
    expect(wrongPost.body).toMatchObject({ statusCode: 401, message: '应用密钥错误' });
    const wrongBasic = `Basic ${Buffer.from(`${appId}:nope`).toString('base64')}`;
    expect((await app.post(signIn, password(payload), { authorization: wrongBasic })).body.statusCode).toBe(
      401,
    );
  });

  it('refuses an unknown app (apiCode 2011) and a connection other than PASSWORD', async () => {
    const anonymous = new TestClient(env.emulator);
    const payload = password({ username: 'bob', password: 'Passw0rd!' });
    expect((await anonymous.post(signIn, payload)).body).toMatchObject({ statusCode: 404, apiCode: 2011 });
    expect((await anonymous.post(signIn, payload, { 'x-authing-app-id': 'other' })).body).toMatchObject({
      apiCode: 2011,
    });
    const passcode = { connection: 'PASSCODE', passCodePayload: { phone: '1', passCode: '1' } };
    expect((await app.post(signIn, passcode)).body).toMatchObject({
      statusCode: 400,
      message: '参数 connection 格式错误',
    });
  });

  it('answers in English with x-authing-lang: en-US', async () => {
    const { body } = await app.post(signIn, password({ username: 'alice', password: 'x' }), {
      'x-authing-lang': 'en-US',
    });
    expect(body).toMatchObject({ apiCode: 2333, message: 'Wrong username or password' });
  });
});

describe('GET /api/v3/get-my-group-list', () => {
  async function tokenOf(username: string): Promise<string> {
    return (await app.post(signIn, password({ username, password: 'Passw0rd!' }))).body.data
      .access_token as string;
  }

  it('returns the signed-in user’s groups, with the token raw (Node) or as Bearer (Java)', async () => {
    const token = await tokenOf('carol');
    for (const authorization of [token, `Bearer ${token}`]) {
      const { body } = await app.get(getMyGroupList, {}, { authorization });
      expect(body.data.map((group) => group.code)).toEqual(['designer', 'all-staff']);
      expect(body.data[0]).toMatchObject({ members: [], metadataSource: [] });
    }
  });

  it('returns [] for a user in no group', async () => {
    const { body } = await app.get(getMyGroupList, {}, { authorization: await tokenOf('frank') });
    expect(body).toMatchObject({ statusCode: 200, data: [] });
  });

  it('answers 2020 without a token, with another app’s id, with a management token, or once expired', async () => {
    const token = await tokenOf('alice');
    const { accessKeyId, accessKeySecret } = env.emulator.credentials;
    const managementToken = (await app.post(getManagementToken, { accessKeyId, accessKeySecret })).body;
    const refusals = [
      await app.get(getMyGroupList),
      await app.get(getMyGroupList, {}, { authorization: token, 'x-authing-app-id': 'another-app' }),
      await app.get(getMyGroupList, {}, { authorization: managementToken.data.access_token }),
    ];
    now += 3600_000;
    refusals.push(await app.get(getMyGroupList, {}, { authorization: token }));
    for (const { body } of refusals) {
      expect(body).toMatchObject({ statusCode: 401, apiCode: 2020, message: '尚未登录，无权限访问此请求' });
    }
  });
});

describe('CORS on the authentication routes', () => {
  it('answers a browser preflight for the headers the browser SDK sends, from any origin', async () => {
    const response = await fetch(new URL('/api/v3/get-my-group-list', env.emulator.url), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers':
          'authorization,x-authing-app-id,x-authing-lang,x-authing-sdk-version',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers')?.split(',') ?? [];
    for (const header of [
      'authorization',
      'content-type',
      'x-authing-app-id',
      'x-authing-userpool-id',
      'x-authing-request-from',
      'x-authing-sdk-version',
      'x-authing-lang',
    ]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('adds the CORS header to replies, errors included, but not to management routes', async () => {
    const origin = { origin: 'http://localhost:5173' };
    const failed = await app.post(signIn, password({ username: 'alice', password: 'x' }), origin);
    expect(failed.headers.get('access-control-allow-origin')).toBe('*');
    const management = await fetch(new URL('/api/v3/list-groups', env.emulator.url), { headers: origin });
    expect(management.headers.get('access-control-allow-origin')).toBeNull();
  });
});
