import { type SigningVector, signingVectors } from '@genauth-groups/contract';
// The official SDK's own signer, as an independent oracle for requests the vectors do not cover.
import { buildAuthorization, buildStringToSign } from 'authing-node-sdk/dist/utils/buildSignature.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, useEmulator } from '../testing/test-client.ts';

const vectors = signingVectors();
const first = vectors[0] as SigningVector;
const VECTOR_TIME = Date.parse(first.request.headers.date as string);

// The vectors' dates are in November 2026: the emulator's clock is set next to them.
let now = VECTOR_TIME + 60_000;
const env = useEmulator({
  credentials: { accessKeyId: first.accessKeyId, accessKeySecret: first.accessKeySecret },
  clock: () => now,
});
let client: TestClient;
beforeAll(() => {
  client = new TestClient(env.emulator);
});

/** Sends a vector's request as captured, with changes. */
function send(
  vector: SigningVector,
  headers: Record<string, string | undefined> = {},
  target = vector.request.target,
) {
  const merged = { ...vector.request.headers, authorization: vector.expectedAuthorization, ...headers };
  const sent = Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return client.request(target, { method: vector.request.method, headers: sent });
}

/** Signs a request with the official SDK's signer. */
function sign(target: string, headers: Record<string, string>, secret = first.accessKeySecret): string {
  const url = new URL(target, 'http://emulator');
  const params = Object.fromEntries(url.searchParams);
  return buildAuthorization(
    first.accessKeyId,
    secret,
    buildStringToSign('GET', url.pathname, headers, params),
  );
}

function signedHeaders(date: string, nonce: string): Record<string, string> {
  return {
    date,
    'x-authing-lang': 'zh-CN',
    'x-authing-sdk-version': 'authing-node-sdk:4.0.1',
    'x-authing-signature-method': 'HMAC-SHA1',
    'x-authing-signature-nonce': nonce,
    'x-authing-signature-version': '1.0',
  };
}

describe('HMAC-SHA1 signatures (contract 5.3)', () => {
  it.each(vectors.map((vector) => [vector.description, vector] as const))(
    'accepts the captured vector: %s',
    async (_, vector) => {
      const { body } = await send(vector);
      expect(body).not.toMatchObject({ statusCode: 401 });
      expect((body as { apiCode?: number }).apiCode).not.toBe(2020);
    },
  );

  it('answers in the language the signed request asked for (x-authing-lang: en-US)', async () => {
    // The first test consumed this vector: sent again, it is a replay.
    const vector = vectors.find((v) => v.request.headers['x-authing-lang'] === 'en-US') as SigningVector;
    const { body } = await send(vector);
    expect(body).toMatchObject({
      statusCode: 401,
      apiCode: 1306,
      message: 'This signature has already been used',
    });
  });

  it('refuses a replayed nonce with 1306', async () => {
    const { body } = await send(first);
    expect(body).toMatchObject({
      statusCode: 401,
      apiCode: 1306,
      message: 'AK/SK 签名已经被消费过，此次请求不被允许',
    });
  });

  it('refuses a signature without a nonce with 1300, even the first time (it could be replayed)', async () => {
    const target = '/api/v3/get-group?code=developer';
    const { 'x-authing-signature-nonce': _, ...headers } = signedHeaders(
      new Date(now).toUTCString(),
      'unused',
    );
    const reply = () =>
      client.request(target, { headers: { ...headers, authorization: sign(target, headers) } });
    for (const attempt of [await reply(), await reply()]) {
      expect(attempt.body).toMatchObject({
        statusCode: 401,
        apiCode: 1300,
        message: '使用 AK/SK 签名时缺少 x-authing-signature-nonce 请求头',
      });
    }
  });

  it('refuses a changed query with 1300', async () => {
    const headers = { 'x-authing-signature-nonce': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01' };
    const { body } = await send(first, headers, '/api/v3/list-groups?page=1&limit=11&flatCustomData=false');
    expect(body).toMatchObject({ statusCode: 401, apiCode: 1300, message: 'AK/SK 签名不合法' });
  });

  it('refuses an unknown access key and a wrong secret with 1300', async () => {
    const unknown = await send(first, {
      authorization: first.expectedAuthorization.replace(first.accessKeyId, 'OTHER'),
    });
    expect(unknown.body).toMatchObject({ apiCode: 1300 });
    const target = '/api/v3/get-group?code=developer';
    const headers = signedHeaders(new Date(now).toUTCString(), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa02');
    const wrong = await client.request(target, {
      headers: { ...headers, authorization: sign(target, headers, 'not-it') },
    });
    expect(wrong.body).toMatchObject({ apiCode: 1300 });
  });

  it.each([
    ['x-authing-signature-method', 'HMAC-SHA256', 1301],
    ['x-authing-signature-version', '2.0', 1302],
    ['date', 'yesterday', 1303],
    ['date', undefined, 1304],
  ])('refuses %s: %j with %i', async (name, value, apiCode) => {
    const { body } = await send(first, { [name]: value, 'x-authing-signature-nonce': `nonce-${apiCode}` });
    expect(body).toMatchObject({ statusCode: 401, apiCode });
  });

  it('refuses an impossible RFC 1123 date with 1303, even correctly signed', async () => {
    const target = '/api/v3/get-group?code=developer';
    const headers = signedHeaders('Mon, 99 Jan 2026 99:99:99 GMT', 'impossible-date');
    const reply = () =>
      client.request(target, { headers: { ...headers, authorization: sign(target, headers) } });
    for (const attempt of [await reply(), await reply()]) {
      expect(attempt.body).toMatchObject({ statusCode: 401, apiCode: 1303 });
    }
  });

  it('refuses a timestamp outside the 15-minute window with 1305, either way', async () => {
    const target = '/api/v3/get-group?code=developer';
    const signedAt = (nonce: string) => {
      const headers = signedHeaders(new Date(VECTOR_TIME).toUTCString(), nonce);
      return { ...headers, authorization: sign(target, headers) };
    };
    now = VECTOR_TIME + 16 * 60_000;
    expect((await client.request(target, { headers: signedAt('window-late') })).body).toMatchObject({
      statusCode: 401,
      apiCode: 1305,
      message: 'AK/SK 签名时间戳和服务器时间戳相差较大，此次请求不被允许',
    });
    now = VECTOR_TIME - 16 * 60_000;
    expect((await client.request(target, { headers: signedAt('window-early') })).body).toMatchObject({
      apiCode: 1305,
    });
    now = VECTOR_TIME + 14 * 60_000;
    expect((await client.request(target, { headers: signedAt('window-in') })).body).toMatchObject({
      statusCode: 200,
    });
  });

  it('accepts an epoch-milliseconds date, and x-authing-date without date', async () => {
    const target = '/api/v3/get-group?code=developer';
    const epoch = signedHeaders(String(now), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa03');
    const withDate = await client.request(target, {
      headers: { ...epoch, authorization: sign(target, epoch) },
    });
    expect(withDate.body).toMatchObject({ statusCode: 200, data: { code: 'developer' } });

    const { date: _, ...rest } = signedHeaders('', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa04');
    const xDate = { ...rest, 'x-authing-date': String(now) };
    const withXDate = await client.request(target, {
      headers: { ...xDate, authorization: sign(target, xDate) },
    });
    expect(withXDate.body).toMatchObject({ statusCode: 200 });
  });

  it('verifies decoded query values: spaces as +, UTF-8 and an escaped &', async () => {
    const target = '/api/v3/list-groups?keywords=dev+ops:%C3%A9%26x&page=1&limit=10';
    const headers = signedHeaders(new Date(now).toUTCString(), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa05');
    const { body } = await client.request(target, {
      headers: { ...headers, authorization: sign(target, headers) },
    });
    expect(body).toMatchObject({ statusCode: 200, data: { totalCount: 0 } });
  });
});
