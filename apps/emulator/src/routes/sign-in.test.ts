import { signIn } from '@genauth-groups/models';
import { decode } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { passwordSignIn, TestClient, useEmulator } from '../testing/test-client.ts';

const now = Date.parse('2026-03-01T00:00:00Z');
const env = useEmulator({ clock: () => now, accessTokenTtlSeconds: 3600 });

describe('POST /api/v3/signin', () => {
  it.each([
    ['username', { username: 'alice', password: 'Passw0rd!' }],
    ['email, any case', { email: 'Alice@Example.com', password: 'Passw0rd!' }],
    ['account = username', { account: 'alice', password: 'Passw0rd!' }],
    ['account = email', { account: 'alice@example.com', password: 'Passw0rd!' }],
    ['account = phone', { account: '13800000001', password: 'Passw0rd!' }],
  ])('signs in by %s and returns LoginTokenRespDto', async (_, payload) => {
    const { body } = await env.app.post(signIn, passwordSignIn(payload));
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
      const { body } = await env.app.post(signIn, passwordSignIn(payload));
      expect(body).toMatchObject({ statusCode: 400, apiCode: 2333, message: '用户名或密码错误' });
    }
  });

  it('accepts client_secret_post and client_secret_basic, and checks the secret when one is sent', async () => {
    const { appId, appSecret } = env.emulator.credentials;
    const payload = { username: 'bob', password: 'Passw0rd!' };
    const post = await env.app.post(
      signIn,
      passwordSignIn(payload, { client_id: appId, client_secret: appSecret }),
    );
    expect(post.body.statusCode).toBe(200);
    const basic = `Basic ${Buffer.from(`${appId}:${appSecret}`).toString('base64')}`;
    expect(
      (await env.app.post(signIn, passwordSignIn(payload), { authorization: basic })).body.statusCode,
    ).toBe(200);

    const wrongPost = await env.app.post(
      signIn,
      passwordSignIn(payload, { client_id: appId, client_secret: 'nope' }),
    );
    expect(wrongPost.body).toMatchObject({ statusCode: 401, message: '应用密钥错误' });
    const wrongBasic = `Basic ${Buffer.from(`${appId}:nope`).toString('base64')}`;
    expect(
      (await env.app.post(signIn, passwordSignIn(payload), { authorization: wrongBasic })).body.statusCode,
    ).toBe(401);
  });

  it('refuses an unknown app (apiCode 2011) and a connection other than PASSWORD', async () => {
    const anonymous = new TestClient(env.emulator);
    const payload = passwordSignIn({ username: 'bob', password: 'Passw0rd!' });
    expect((await anonymous.post(signIn, payload)).body).toMatchObject({ statusCode: 404, apiCode: 2011 });
    expect((await anonymous.post(signIn, payload, { 'x-authing-app-id': 'other' })).body).toMatchObject({
      apiCode: 2011,
    });
    const passcode = { connection: 'PASSCODE', passCodePayload: { phone: '1', passCode: '1' } };
    expect((await env.app.post(signIn, passcode)).body).toMatchObject({
      statusCode: 400,
      message: '参数 connection 格式错误',
    });
  });

  it('answers in English with x-authing-lang: en-US', async () => {
    const { body } = await env.app.post(signIn, passwordSignIn({ username: 'alice', password: 'x' }), {
      'x-authing-lang': 'en-US',
    });
    expect(body).toMatchObject({ apiCode: 2333, message: 'Wrong username or password' });
  });
});
