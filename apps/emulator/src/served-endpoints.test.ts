import { type Endpoint, getManagementToken, signIn } from '@genauth-groups/models';
// The official SDK's own signer: a signature that is right in every way but its secret.
import { buildAuthorization, buildStringToSign } from 'authing-node-sdk/dist/utils/buildSignature.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { AppParts } from './app-parts.ts';
import { Tokens } from './auth/tokens.ts';
import { DEFAULT_CREDENTIALS } from './emulator.ts';
import { Faults } from './faults.ts';
import { baseType, type ParamsSchema } from './http/params.ts';
import { DEFAULT_DEMO_PASSWORD } from './seed/demo.ts';
import { seedStore } from './seed/seed-store.ts';
import { servedEndpoints } from './served-endpoints.ts';
import { openDatabase } from './store/database.ts';
import { Store } from './store/store.ts';

// The app is built here rather than through startEmulator so that the test holds its token
// issuer: a token that is valid in every way but names another user pool cannot be had otherwise.
const now = Date.parse('2026-03-01T00:00:00Z');
const clock = () => now;
const credentials = DEFAULT_CREDENTIALS;
const tokens = new Tokens(clock);
const store = new Store(openDatabase(), clock);
let app: ReturnType<typeof createApp>;
let userId: string;

beforeAll(() => {
  const { demoUsers } = seedStore(store, { demo: true, demoPassword: DEFAULT_DEMO_PASSWORD }, clock);
  userId = (demoUsers[0] as { userId: string }).userId;
  const parts: AppParts = {
    store,
    tokens,
    faults: new Faults(),
    clock,
    credentials,
    httpStatus: false,
    maxBodyBytes: 1024 * 1024,
    signatureWindowMs: 15 * 60 * 1000,
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 7200,
    callbackUrls: [],
    reproduceGetAllGroupsBugs: false,
  };
  app = createApp(parts);
  return () => store.close();
});

const ANONYMOUS = new Set<Endpoint>([signIn, getManagementToken]);
const management = servedEndpoints.filter(({ endpoint }) => endpoint.side === 'management');
const authentication = servedEndpoints.filter(({ endpoint }) => endpoint.side === 'authentication');
const guarded = (rows: typeof servedEndpoints) =>
  rows.filter(({ anonymous }) => !anonymous).map(({ endpoint }) => [endpoint.path, endpoint] as const);

/** Calls an endpoint with no parameters: a GET without query, a POST with `{}`. */
async function call(endpoint: Endpoint, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const post = endpoint.method === 'POST';
  const response = await app.request(endpoint.path, {
    method: endpoint.method,
    headers: post ? { 'content-type': 'application/json', ...headers } : headers,
    ...(post ? { body: '{}' } : {}),
  });
  return (await response.json()) as Record<string, unknown>;
}

let nonce = 0;
/** The headers of an HMAC-SHA1 signed call with no parameters, signed with `secret`. */
function signed(endpoint: Endpoint, secret: string): Record<string, string> {
  const headers = {
    date: new Date(now).toUTCString(),
    'x-authing-signature-method': 'HMAC-SHA1',
    'x-authing-signature-nonce': `nonce-${++nonce}`,
    'x-authing-signature-version': '1.0',
  };
  const toSign = buildStringToSign(endpoint.method, endpoint.path, headers, {});
  return { ...headers, authorization: buildAuthorization(credentials.accessKeyId, secret, toSign) };
}

const userToken = () => tokens.issueUserToken({ userId, appId: credentials.appId }, 'openid profile', 3600);

describe('the endpoint table', () => {
  it('serves only the endpoints that hand out credentials without them', () => {
    const anonymous = servedEndpoints.filter((row) => row.anonymous).map((row) => row.endpoint);
    expect(new Set(anonymous)).toEqual(ANONYMOUS);
  });

  it('declares each endpoint once', () => {
    const paths = servedEndpoints.map(({ endpoint }) => endpoint.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe.each(guarded(management))('management endpoint %s', (_, endpoint) => {
  it('accepts a management token and a signature with the right secret', async () => {
    const token = await tokens.issueManagementToken(credentials.userPoolId, 60);
    // Not refused: a 200, or a 4xx naming a missing parameter.
    expect((await call(endpoint, { authorization: `Bearer ${token}` })).statusCode).not.toBe(401);
    expect((await call(endpoint, signed(endpoint, credentials.accessKeySecret))).statusCode).not.toBe(401);
  });

  it.each([
    ['anonymously', async () => ({})],
    ['with a signature made with a wrong secret', async () => signed(endpoint, 'not-the-secret')],
    [
      'with a management token of another user pool',
      async () => ({ authorization: `Bearer ${await tokens.issueManagementToken('another-pool', 60)}` }),
    ],
    [
      'with an end user’s access token',
      async () => ({ authorization: `Bearer ${await userToken()}`, 'x-authing-app-id': credentials.appId }),
    ],
  ])('refuses a call %s', async (_, headers) => {
    expect(await call(endpoint, await headers())).toMatchObject({ statusCode: 401 });
  });
});

describe.each(guarded(authentication))('authentication endpoint %s', (_, endpoint) => {
  const app = { 'x-authing-app-id': credentials.appId };

  it('accepts the signed-in user’s token', async () => {
    expect(await call(endpoint, { ...app, authorization: await userToken() })).toMatchObject({
      statusCode: 200,
    });
  });

  it.each([
    ['anonymously', async () => app],
    [
      'with a management token',
      async () => ({ ...app, authorization: await tokens.issueManagementToken(credentials.userPoolId, 60) }),
    ],
    [
      'with a token of another app',
      async () => ({ 'x-authing-app-id': 'another-app', authorization: await userToken() }),
    ],
  ])('refuses a call %s', async (_, headers) => {
    expect(await call(endpoint, await headers())).toMatchObject({ statusCode: 401, apiCode: 2020 });
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';
  const preflight = (endpoint: Endpoint) =>
    app.request(endpoint.path, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': endpoint.method,
        'access-control-request-headers':
          'authorization,x-authing-app-id,x-authing-lang,x-authing-sdk-version',
      },
    });

  it.each(authentication.map(({ endpoint }) => [endpoint.path, endpoint] as const))(
    'answers a browser preflight on %s for the headers the browser SDK sends, from any origin',
    async (_, endpoint) => {
      const response = await preflight(endpoint);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const allowed = response.headers.get('access-control-allow-headers')?.split(',') ?? [];
      expect(allowed).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'x-authing-app-id',
          'x-authing-userpool-id',
          'x-authing-request-from',
          'x-authing-sdk-version',
          'x-authing-lang',
        ]),
      );
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      // Errors carry the header too, so that a browser can read them.
      const failed = await app.request(endpoint.path, { method: endpoint.method, headers: { origin } });
      expect(failed.headers.get('access-control-allow-origin')).toBe('*');
    },
  );

  it.each(management.map(({ endpoint }) => [endpoint.path, endpoint] as const))(
    'leaves %s to servers: no CORS header',
    async (_, endpoint) => {
      expect((await preflight(endpoint)).headers.get('access-control-allow-origin')).toBeNull();
      const reply = await app.request(endpoint.path, { method: endpoint.method, headers: { origin } });
      expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    },
  );
});

describe('booleans as the official SDKs spell them (lowercase: Node, Java, Go; capitalised: Python)', () => {
  // Parameters that each endpoint needs besides the boolean under test.
  const required: Readonly<Record<string, Record<string, string>>> = {
    '/api/v3/get-group': { code: 'developer' },
    '/api/v3/list-group-members': { code: 'developer' },
    '/api/v3/get-group-authorized-resources': { code: 'developer' },
    '/api/v3/get-user-groups': { userId: 'alice', userIdType: 'username' },
    '/api/v3/get-user': { userId: 'alice', userIdType: 'username' },
  };
  const booleans = servedEndpoints
    .filter(({ endpoint }) => endpoint.method === 'GET' && endpoint.params !== undefined)
    .flatMap(({ endpoint }) =>
      Object.entries((endpoint.params as ParamsSchema).entries)
        .filter(([, schema]) => baseType(schema) === 'boolean')
        .map(([name]) => [endpoint.path, name] as const),
    );

  it('finds the boolean parameters of the served endpoints', () => {
    expect(booleans.map(([path, name]) => `${path}?${name}`)).toContain(
      '/api/v3/get-all-groups?fetchMembers',
    );
    expect(booleans.length).toBeGreaterThanOrEqual(10);
  });

  it.each(booleans)('%s takes %s=True and False as true and false', async (path, name) => {
    const authorization = `Bearer ${await tokens.issueManagementToken(credentials.userPoolId, 60)}`;
    const get = async (value: string) => {
      const query = new URLSearchParams({ ...required[path], [name]: value });
      const response = await app.request(`${path}?${query}`, { headers: { authorization } });
      return (await response.json()) as Record<string, unknown>;
    };
    for (const [python, lowercase] of [
      ['True', 'true'],
      ['False', 'false'],
    ] as const) {
      const [sent, expected] = [await get(python), await get(lowercase)];
      expect(sent).toMatchObject({ statusCode: 200 });
      expect(sent.data).toEqual(expected.data);
    }
  });
});
