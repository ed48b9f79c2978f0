import { getGroup, getManagementToken, signIn } from '@genauth-groups/models';
import { decode } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, useEmulator } from '../testing/test-client.ts';

let now = Date.parse('2026-03-01T00:00:00Z');
const env = useEmulator({ clock: () => now });
let anonymous: TestClient;
beforeAll(() => {
  anonymous = new TestClient(env.emulator);
});

async function token(): Promise<{ access_token: string; expires_in: number }> {
  const { accessKeyId, accessKeySecret } = env.emulator.credentials;
  return (await anonymous.post(getManagementToken, { accessKeyId, accessKeySecret })).body.data;
}

describe('get-management-token (contract 5.2)', () => {
  it('exchanges the access key for a JWT scoped to the user pool, valid 7200 s', async () => {
    const { access_token, expires_in } = await token();
    expect(expires_in).toBe(7200);
    const { header, payload } = decode(access_token);
    expect(header.alg).toBe('HS256');
    expect(payload).toEqual({
      scoped_userpool_id: env.emulator.credentials.userPoolId,
      iat: now / 1000,
      exp: now / 1000 + 7200,
    });
  });

  it('refuses a wrong secret (401) and a body without the secret (400)', async () => {
    const { accessKeyId } = env.emulator.credentials;
    const wrong = await anonymous.post(getManagementToken, { accessKeyId, accessKeySecret: 'guess' });
    expect(wrong.body).toMatchObject({ statusCode: 401, message: 'accessKeyId 或 accessKeySecret 错误' });
    const missing = await anonymous.post(getManagementToken, { accessKeyId });
    expect(missing.body).toMatchObject({ statusCode: 400, message: '参数 accessKeySecret 格式错误' });
  });
});

describe('management token on management endpoints', () => {
  it.each([
    ['raw (Java)', (t: string) => t],
    ['Bearer (Python, Go)', (t: string) => `Bearer ${t}`],
  ])('accepts the token %s', async (_, format) => {
    const { access_token } = await token();
    const { body } = await anonymous.get(getGroup, { code: 'ops' }, { authorization: format(access_token) });
    expect(body).toMatchObject({ statusCode: 200, data: { code: 'ops' } });
  });

  it('checks x-authing-userpool-id against the token when it is sent', async () => {
    const { access_token } = await token();
    const authorization = `Bearer ${access_token}`;
    const { userPoolId } = env.emulator.credentials;
    const same = await anonymous.get(
      getGroup,
      { code: 'ops' },
      { authorization, 'x-authing-userpool-id': userPoolId },
    );
    expect(same.body.statusCode).toBe(200);
    const other = await anonymous.get(
      getGroup,
      { code: 'ops' },
      { authorization, 'x-authing-userpool-id': 'x' },
    );
    expect(other.body).toMatchObject({
      statusCode: 401,
      apiCode: 2020,
      message: '尚未登录，无权限访问此请求',
    });
  });

  it.each([
    ['no authorization', {}],
    ['a token that is not a JWT', { authorization: 'Bearer abc' }],
    ['a JWT signed by someone else', { authorization: `Bearer ${tamper()}` }],
  ])('answers 2020 to %s', async (_, headers: Record<string, string>) => {
    const { status, body } = await anonymous.get(getGroup, { code: 'ops' }, headers);
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 401, apiCode: 2020, message: '尚未登录，无权限访问此请求' });
  });

  it('answers 2020 once the token expires on the emulator clock', async () => {
    const { access_token } = await token();
    const headers = { authorization: access_token };
    now += 7199_000;
    expect((await anonymous.get(getGroup, { code: 'ops' }, headers)).body.statusCode).toBe(200);
    now += 1000;
    expect((await anonymous.get(getGroup, { code: 'ops' }, headers)).body).toMatchObject({ apiCode: 2020 });
  });

  it('issues short-lived tokens while the managementTokenTtlSeconds fault is set', async () => {
    env.emulator.faults.set({ managementTokenTtlSeconds: 5 });
    const { access_token, expires_in } = await token();
    env.emulator.faults.clear();
    expect(expires_in).toBe(5);
    now += 6000;
    expect(
      (await anonymous.get(getGroup, { code: 'ops' }, { authorization: access_token })).body,
    ).toMatchObject({
      apiCode: 2020,
    });
  });

  it('does not take an end user’s access token as a management token', async () => {
    const { appId } = env.emulator.credentials;
    const signedIn = await anonymous.post(
      signIn,
      { connection: 'PASSWORD', passwordPayload: { username: 'alice', password: 'Passw0rd!' } },
      { 'x-authing-app-id': appId },
    );
    const userToken = signedIn.body.data.access_token as string;
    expect((await anonymous.get(getGroup, { code: 'ops' }, { authorization: userToken })).body).toMatchObject(
      {
        apiCode: 2020,
      },
    );
  });
});

/** A well-formed JWT with the right claims but the wrong key. */
function tamper(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { scoped_userpool_id: '65f0a0a0a0a0a0a0a0a0a0a0', iat: 1, exp: 4_000_000_000 };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${Buffer.from('not-the-key').toString('base64url')}`;
}
