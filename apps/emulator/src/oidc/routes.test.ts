import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '../emulator.ts';
import { browserCookieOf, HostedLogin, interactionOf, pkcePair } from '../testing/hosted-login.ts';

// The hosted login as a browser and an SPA drive it, with fetch against a real emulator: the
// authorization request, the login form, the redirect back with a code, the token exchange.
const CALLBACK = 'https://app.example/callback';
let emulator: Emulator;
let now = Date.parse('2026-11-29T12:00:00Z');
/** Every code and token issued here, and every line the emulator logged: none may hold one. */
const secrets: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '),
      );
    });
  }
  emulator = await startEmulator({
    port: 0,
    clock: () => now,
    callbackUrls: [CALLBACK, 'https://app.example/signed-out'],
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 7200,
  });
});
afterAll(() => emulator.close());

function alice() {
  const user = emulator.demoUsers.find((candidate) => candidate.username === 'alice');
  if (!user) throw new Error('demo user alice missing');
  return user;
}

function authorizeUrl(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  return `${emulator.url}/oidc/auth?${query}`;
}

/** A valid authorization request's parameters, with `extra` over them (`undefined` drops one). */
function defaults(challenge: string, extra: Record<string, string | undefined> = {}) {
  return new HostedLogin(emulator, CALLBACK).params(challenge, extra);
}

/** The cookie that ties a login page to the browser that opened it: these tests play one browser. */
let browser = '';

async function get(url: string, cookie?: string): Promise<Response> {
  const cookies = [cookie, browser].filter(Boolean).join('; ');
  const response = await fetch(url, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
  browser = browserCookieOf(response) ?? browser;
  return response;
}

async function submitLogin(
  interaction: string,
  account: string,
  password: string,
  cookie = browser,
): Promise<Response> {
  return fetch(`${emulator.url}/oidc/auth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
    body: new URLSearchParams({ interaction, account, password }),
  });
}

/** Signs alice in on the hosted page; returns the code, the callback URL, the PKCE pair and the session cookie. */
async function signIn(extra: Record<string, string | undefined> = {}) {
  const pair = pkcePair();
  const page = await get(authorizeUrl(defaults(pair.challenge, extra)));
  expect(page.status).toBe(200);
  const done = await submitLogin(interactionOf(await page.text()), alice().username, alice().password);
  expect(done.status).toBe(303);
  const location = new URL(done.headers.get('location') ?? '');
  const params =
    extra.response_mode === 'fragment' ? new URLSearchParams(location.hash.slice(1)) : location.searchParams;
  const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  secrets.push(params.get('code') ?? '', pair.verifier);
  return { ...pair, location, code: params.get('code') ?? '', state: params.get('state'), cookie };
}

async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as Record<string, unknown>;
  for (const name of ['access_token', 'id_token', 'refresh_token']) {
    if (typeof body[name] === 'string') secrets.push(body[name]);
  }
  return { status: response.status, body };
}

function exchange(code: string, verifier: string, redirectUri = CALLBACK) {
  return token({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: emulator.credentials.appId,
    redirect_uri: redirectUri,
  });
}

async function groupCodes(accessToken: string, bearer = false): Promise<unknown> {
  const response = await fetch(`${emulator.url}/api/v3/get-my-group-list`, {
    headers: {
      authorization: bearer ? `Bearer ${accessToken}` : accessToken,
      'x-authing-app-id': emulator.credentials.appId,
    },
  });
  const reply = (await response.json()) as {
    statusCode: number;
    apiCode?: number;
    data?: { code: string }[];
  };
  return reply.statusCode === 200 ? reply.data?.map((group) => group.code).sort() : reply.apiCode;
}

describe('discovery and keys', () => {
  it('describes the provider at {appHost}/oidc, and serves the RS256 key its tokens verify with', async () => {
    const config = (await (
      await fetch(`${emulator.url}/oidc/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: `${emulator.url}/oidc`,
      authorization_endpoint: `${emulator.url}/oidc/auth`,
      token_endpoint: `${emulator.url}/oidc/token`,
      userinfo_endpoint: `${emulator.url}/oidc/me`,
      jwks_uri: `${emulator.url}/oidc/.well-known/jwks.json`,
      end_session_endpoint: `${emulator.url}/oidc/session/end`,
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = (await (await fetch(`${emulator.url}/oidc/.well-known/jwks.json`)).json()) as {
      keys: object[];
    };
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'emulator' }),
    ]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|"p"|"q"/);
  });
});

describe('authorization code with PKCE', () => {
  it('signs in on the hosted page, returns a code and the state, and the tokens carry the claims GenAuth puts in them', async () => {
    const { code, state, verifier, location } = await signIn();
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(state).toBe('state-1234');
    const { status, body } = await exchange(code, verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      expires_in: 3600,
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
    });
    expect(body.refresh_token).toEqual(expect.any(String));

    const jwks = createLocalJWKSet(
      (await (await fetch(`${emulator.url}/oidc/.well-known/jwks.json`)).json()) as { keys: [] },
    );
    const options = {
      issuer: `${emulator.url}/oidc`,
      audience: emulator.credentials.appId,
      currentDate: new Date(now),
    };
    const { payload: access } = await jwtVerify(body.access_token as string, jwks, options);
    expect(Object.keys(access).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub']);
    const { payload: id } = await jwtVerify(body.id_token as string, jwks, options);
    expect(id).toMatchObject({
      nonce: 'nonce-5678',
      preferred_username: 'alice',
      email: alice().email,
      sub: access.sub,
    });
    expect(id.sid).toEqual(expect.any(String));
    const atHash = createHash('sha256')
      .update(body.access_token as string)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(id.at_hash).toBe(atHash);
  });

  it('gives an access token that works on get-my-group-list exactly as a /api/v3/signin token does', async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const signin = await fetch(`${emulator.url}/api/v3/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': emulator.credentials.appId },
      body: JSON.stringify({
        connection: 'PASSWORD',
        passwordPayload: { username: 'alice', password: alice().password },
      }),
    });
    const signinToken = ((await signin.json()) as { data: { access_token: string } }).data.access_token;
    const expected = [...alice().groups].sort();
    expect(await groupCodes(body.access_token as string)).toEqual(expected);
    expect(await groupCodes(body.access_token as string, true)).toEqual(expected);
    expect(await groupCodes(signinToken)).toEqual(expected);
    // The id token is not an access token.
    expect(await groupCodes(body.id_token as string)).toBe(2020);
  });

  it('answers in the fragment when asked (the default of @authing/web)', async () => {
    const { location, code, state } = await signIn({ response_mode: 'fragment' });
    expect(location.search).toBe('');
    expect(code).not.toBe('');
    expect(state).toBe('state-1234');
  });

  it('serves the profile at /oidc/me by scope, with the token in the header or the query', async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const me = await fetch(`${emulator.url}/oidc/me`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(await me.json()).toMatchObject({
      preferred_username: 'alice',
      email: alice().email,
      sub: expect.any(String),
    });
    const query = await fetch(`${emulator.url}/oidc/me?access_token=${body.access_token}`);
    expect(query.status).toBe(200);
    const bad = await fetch(`${emulator.url}/oidc/me`, { headers: { authorization: 'Bearer forged' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: 'invalid_token',
      error_description: 'the access token is invalid or expired',
    });
  });
});

describe('bad input: each a clear error, nothing leaked', () => {
  it('takes the access token of a POST to /oidc/me from its form body (RFC 6750 2.2), and refuses one sent two ways', async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const accessToken = body.access_token as string;
    const form = await fetch(`${emulator.url}/oidc/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: accessToken }),
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ preferred_username: 'alice' });

    const twice = await fetch(`${emulator.url}/oidc/me?access_token=${accessToken}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(twice.status).toBe(400);
    expect(twice.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
    expect(await twice.json()).toEqual({
      error: 'invalid_request',
      error_description:
        'send the access token one way only: the Authorization header, the query or the form body',
    });
  });

  it('refuses an id token at /oidc/me: it is signed with the same key, but it is not an access token', async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const me = await fetch(`${emulator.url}/oidc/me`, {
      headers: { authorization: `Bearer ${body.id_token}` },
    });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({
      error: 'invalid_token',
      error_description: 'the access token is invalid or expired',
    });
  });

  it('shows a wrong password on the page, without a redirect or an echo of it', async () => {
    const page = await get(authorizeUrl(defaults(pkcePair().challenge)));
    const interaction = interactionOf(await page.text());
    const wrong = await submitLogin(interaction, 'alice', 'not-the-password-123');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('location')).toBeNull();
    const html = await wrong.text();
    expect(html).toContain('Wrong username or password');
    expect(html).not.toContain('not-the-password-123');
    // The same page can be tried again.
    expect((await submitLogin(interactionOf(html), 'alice', alice().password)).status).toBe(303);
  });

  it('refuses a login page posted from another browser (login CSRF): its pending sign-in is not theirs', async () => {
    const page = await get(authorizeUrl(defaults(pkcePair().challenge)));
    const interaction = interactionOf(await page.text());
    expect(browser).toMatch(/^genauth_emulator_browser=[\w-]{43}$/);
    const attacker = await fetch(authorizeUrl(defaults(pkcePair().challenge)), { redirect: 'manual' });
    const elsewhere = browserCookieOf(attacker) ?? '';
    expect(elsewhere).toMatch(/^genauth_emulator_browser=[\w-]{43}$/);
    expect(elsewhere).not.toBe(browser);
    const [attributes = ''] = attacker.headers.getSetCookie();
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Lax');
    for (const cookie of ['', elsewhere]) {
      const response = await submitLogin(interaction, 'alice', alice().password, cookie);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('this sign-in page was opened in another browser');
    }
    // Its own browser still signs in with it.
    expect((await submitLogin(interaction, 'alice', alice().password)).status).toBe(303);
  });

  it.each([['text/plain'], [undefined]])(
    'refuses a login form sent as %s, even with the right password',
    async (type) => {
      const interaction = interactionOf(
        await (await get(authorizeUrl(defaults(pkcePair().challenge)))).text(),
      );
      const response = await fetch(`${emulator.url}/oidc/auth/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: browser, ...(type && { 'content-type': type }) },
        body: new TextEncoder().encode(
          new URLSearchParams({ interaction, account: 'alice', password: alice().password }).toString(),
        ),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('the sign-in form must be posted as a form');
    },
  );

  it('refuses a reused code, and revokes the refresh token its first use gave', async () => {
    const { code, verifier } = await signIn();
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    const again = await exchange(code, verifier);
    expect(again).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'the code was already used; the tokens it gave are revoked',
      },
    });
    const refresh = await token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
      client_id: emulator.credentials.appId,
    });
    expect(refresh.body.error).toBe('invalid_grant');
    expect(JSON.stringify(again)).not.toContain(code);
  });

  it('refuses a wrong verifier, a wrong redirect_uri and an unknown code; a failed attempt spends the code', async () => {
    const { code, verifier } = await signIn();
    const wrong = await exchange(code, pkcePair().verifier);
    expect(wrong).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge' },
    });
    expect((await exchange(code, verifier)).body.error).toBe('invalid_grant');

    const other = await signIn();
    const redirect = await exchange(other.code, other.verifier, 'https://app.example/signed-out');
    expect(redirect.body.error_description).toBe('redirect_uri is not the one of the authorization request');
    expect((await exchange('made-up-code', verifier)).body.error_description).toBe(
      'the code is invalid or expired',
    );
  });

  it('refuses an expired code (10 minutes, as documented)', async () => {
    const { code, verifier } = await signIn();
    now += 601_000;
    expect((await exchange(code, verifier)).body.error_description).toBe('the code is invalid or expired');
  });

  it('never redirects to an unregistered redirect_uri, nor for an unknown client', async () => {
    const { challenge } = pkcePair();
    for (const extra of [{ redirect_uri: 'https://evil.example/callback' }, { client_id: 'another-app' }]) {
      const response = await get(authorizeUrl(defaults(challenge, extra)));
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toMatch(/invalid_redirect_uri|invalid_client/);
    }
  });

  it('sends other request errors back to the app with the state: no PKCE, plain PKCE, no openid, no state', async () => {
    const { challenge } = pkcePair();
    const cases: [Record<string, string | undefined>, string][] = [
      [{ code_challenge: undefined, code_challenge_method: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ scope: 'profile' }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ state: undefined }, 'invalid_request'],
    ];
    for (const [extra, error] of cases) {
      const response = await get(authorizeUrl(defaults(challenge, extra)));
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      if (extra.state !== undefined || !('state' in extra))
        expect(location.searchParams.get('state')).toBe('state-1234');
    }
  });

  it('refuses a token request that is not a form, and a wrong client secret', async () => {
    const json = await fetch(`${emulator.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
    const secret = await token({
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: emulator.credentials.appId,
      client_secret: 'wrong',
    });
    expect(secret).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'the client secret is wrong' },
    });
  });

  it.each([
    ['a malformed escape in the secret', (appId: string) => `${appId}:%FF`],
    ['a lone % in the client id', () => '%:secret'],
  ])('refuses HTTP Basic credentials with %s as a failed client authentication', async (_, pair) => {
    const credentials = pair(emulator.credentials.appId);
    const reply = await token(
      { grant_type: 'refresh_token', refresh_token: 'x' },
      { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
    );
    expect(reply).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'the Basic credentials are not form-encoded' },
    });
  });
});

describe('the authorization request, beyond the happy path', () => {
  it.each([
    ['client_id', 'another-app'],
    ['redirect_uri', 'https://evil.example/callback'],
  ])('shows a page, never a redirect, for %s given twice', async (name, second) => {
    const url = new URL(authorizeUrl(defaults(pkcePair().challenge)));
    url.searchParams.append(name, second);
    const response = await get(url.toString());
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain(`${name} is given more than once`);
  });

  it('sends other repeated parameters back as invalid_request, without a state it cannot choose', async () => {
    const url = new URL(authorizeUrl(defaults(pkcePair().challenge)));
    url.searchParams.append('scope', 'openid');
    url.searchParams.append('state', 'state-other');
    const location = new URL((await get(url.toString())).headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'invalid_request',
      error_description: 'scope is given more than once',
    });
  });

  it('reads prompt as a list: none with another value is invalid_request, login anywhere in it asks again', async () => {
    const { cookie } = await signIn();
    const mixed = await get(authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none login' })), cookie);
    expect(new URL(mixed.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const again = await get(
      authorizeUrl(defaults(pkcePair().challenge, { prompt: 'consent login' })),
      cookie,
    );
    expect(again.status).toBe(200);
    expect(interactionOf(await again.text())).toEqual(expect.any(String));
  });

  it('treats a parameter sent without a value as omitted (RFC 6749 3.1): no empty state back, the default response_mode', async () => {
    const noState = await get(authorizeUrl(defaults(pkcePair().challenge, { state: '' })));
    const location = new URL(noState.headers.get('location') ?? '');
    expect(location.searchParams.get('error_description')).toBe('state is required');
    expect(location.searchParams.has('state')).toBe(false);
    const mode = await get(authorizeUrl(defaults(pkcePair().challenge, { response_mode: '', nonce: '' })));
    expect(mode.status).toBe(200);
    expect(interactionOf(await mode.text())).toEqual(expect.any(String));
  });

  it('takes the request as a form POST too (OIDC Core 3.1.2.1: GET and POST)', async () => {
    const form = await fetch(`${emulator.url}/oidc/auth`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(defaults(pkcePair().challenge)),
    });
    expect(form.status).toBe(200);
    expect(interactionOf(await form.text())).toEqual(expect.any(String));
    const json = await fetch(`${emulator.url}/oidc/auth`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(defaults(pkcePair().challenge)),
    });
    expect(json.status).toBe(400);
    expect(json.headers.get('location')).toBeNull();
  });
});

describe('bodies over the cap', () => {
  const huge = `grant_type=${'x'.repeat(1024 * 1024 + 1)}`;
  const post = (path: string) =>
    fetch(`${emulator.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: huge,
    });

  it.each(['/oidc/token', '/oidc/me'])(
    'answer %s with 413 and an OAuth error, not the API envelope with HTTP 200',
    async (path) => {
      const response = await post(path);
      expect(response.status).toBe(413);
      expect(response.headers.get('connection')).toBe('close');
      expect(await response.json()).toEqual({
        error: 'invalid_request',
        error_description: 'the request body is larger than the emulator accepts',
      });
    },
  );

  it.each(['/oidc/auth', '/oidc/auth/login'])('answer %s with 413 and an error page', async (path) => {
    const response = await post(path);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await response.text()).toContain('the request body is larger than the emulator accepts');
  });
});

describe('heads over 16 KiB', () => {
  it.each([
    ['/oidc/token', 'POST', 'application/json'],
    ['/oidc/me', 'GET', 'application/json'],
    ['/oidc/auth', 'GET', 'text/html; charset=UTF-8'],
    ['/oidc/session/end', 'GET', 'text/html; charset=UTF-8'],
  ])(
    'answer %s with 431 in the OAuth form, not the API envelope with HTTP 200',
    async (path, method, type) => {
      const response = await fetch(`${emulator.url}${path}?state=${'s'.repeat(20_000)}`, {
        method,
        redirect: 'manual',
      });
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('connection')).toBe('close');
      const text = await response.text();
      expect(text).toContain('the request head is larger than the emulator accepts');
      if (type.startsWith('application/json')) {
        expect(JSON.parse(text)).toEqual({
          error: 'invalid_request',
          error_description: 'the request head is larger than the emulator accepts',
        });
      } else {
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
    },
  );

  it('keep the API envelope on the API side', async () => {
    const response = await fetch(`${emulator.url}/api/v3/list-groups?keywords=${'k'.repeat(20_000)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ statusCode: 413 });
  });
});

describe('client authentication at /oidc/token (RFC 6749 2.3, 5.2)', () => {
  const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
  const refresh = { grant_type: 'refresh_token', refresh_token: 'x' };

  it('challenges a client that failed HTTP Basic with WWW-Authenticate: Basic', async () => {
    const response = await fetch(`${emulator.url}/oidc/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...basic(`${emulator.credentials.appId}:wrong`),
      },
      body: new URLSearchParams(refresh),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="oidc"');
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: 'the client secret is wrong',
    });
  });

  it.each([
    [
      'the right client_secret in the body beside HTTP Basic',
      () => ({ client_secret: emulator.credentials.appSecret }),
    ],
    ['a client_id in the body that is not the one of HTTP Basic', () => ({ client_id: 'another-app' })],
  ])('refuses %s as invalid_request', async (_, extra) => {
    const { appId, appSecret } = emulator.credentials;
    const reply = await token({ ...refresh, ...extra() }, basic(`${appId}:${appSecret}`));
    expect(reply).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description:
          'authenticate the client one way only: HTTP Basic, or client_id and client_secret in the body',
      },
    });
  });

  it('treats an empty client_id as omitted (RFC 6749 3.2), so that x-authing-app-id names the client', async () => {
    const reply = await token(
      { ...refresh, client_id: '' },
      { 'x-authing-app-id': emulator.credentials.appId },
    );
    expect(reply.body.error).toBe('invalid_grant');
  });

  it('accepts the same client_id in the body beside HTTP Basic', async () => {
    const { appId, appSecret } = emulator.credentials;
    const reply = await token({ ...refresh, client_id: appId }, basic(`${appId}:${appSecret}`));
    expect(reply.body.error).toBe('invalid_grant');
  });

  it.each([
    'grant_type',
    'code',
    'client_id',
    'client_secret',
    'redirect_uri',
    'refresh_token',
    'code_verifier',
  ])(
    'refuses %s given twice (RFC 6749 3.2: a parameter MUST NOT be included more than once)',
    async (name) => {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: emulator.credentials.appId,
      });
      form.append(name, name === 'grant_type' ? 'authorization_code' : 'x');
      if (name !== 'grant_type' && name !== 'client_id') form.append(name, 'y');
      const response = await fetch(`${emulator.url}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_request',
        error_description: `${name} is given more than once`,
      });
    },
  );
});

describe('refresh tokens and sessions', () => {
  it('refreshes with offline_access, rotates the refresh token, and refuses an expired one', async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    now += 3601_000; // the access token has expired
    expect(await groupCodes(body.access_token as string)).toBe(2020);
    // What @authing/web's refreshToken() sends: no client_id, the app id in a header.
    const refreshed = await token(
      { grant_type: 'refresh_token', redirect_uri: '', refresh_token: body.refresh_token as string },
      { 'x-authing-app-id': emulator.credentials.appId },
    );
    expect(refreshed.status).toBe(200);
    expect(await groupCodes(refreshed.body.access_token as string)).toEqual([...alice().groups].sort());
    const reused = await token({
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token as string,
      client_id: emulator.credentials.appId,
    });
    expect(reused.body.error).toBe('invalid_grant');

    now += 7201_000; // past the refresh token's lifetime
    const expired = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token as string,
      client_id: emulator.credentials.appId,
    });
    expect(expired).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'the refresh token is invalid, expired or already used',
      },
    });
  });

  it('gives no refresh token without offline_access', async () => {
    const { code, verifier } = await signIn({ scope: 'openid profile' });
    expect((await exchange(code, verifier)).body.refresh_token).toBeUndefined();
  });

  it('keeps a session (no second password; prompt=none works), and session/end ends it', async () => {
    const { cookie, code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const silent = await get(authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none' })), cookie);
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toEqual(
      expect.any(String),
    );

    const unregistered = await get(
      `${emulator.url}/oidc/session/end?post_logout_redirect_uri=https://evil.example/`,
      cookie,
    );
    expect(unregistered.status).toBe(400);
    const end = await get(
      `${emulator.url}/oidc/session/end?${new URLSearchParams({
        id_token_hint: body.id_token as string,
        post_logout_redirect_uri: 'https://app.example/signed-out',
        state: 'bye',
      })}`,
      cookie,
    );
    expect(end.status).toBe(303);
    expect(end.headers.get('location')).toBe('https://app.example/signed-out?state=bye');
    const after = await get(authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none' })), cookie);
    expect(new URL(after.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
    const refresh = await token({
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token as string,
      client_id: emulator.credentials.appId,
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('takes only an id token of this app as id_token_hint, and leaves the session be when refused', async () => {
    const { cookie, code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    const end = (params: Record<string, string>) =>
      get(`${emulator.url}/oidc/session/end?${new URLSearchParams(params)}`, cookie);
    const access = await end({ id_token_hint: body.access_token as string });
    expect(access.status).toBe(400);
    expect(await access.text()).toContain('id_token_hint is not an id token of this app');
    const silent = await get(authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none' })), cookie);
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toEqual(
      expect.any(String),
    );
  });

  it('signs out by a form POST too (RP-Initiated Logout 1.0, 2: GET and POST), and never by a HEAD', async () => {
    const silentCode = async (cookie: string) => {
      const silent = await get(authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none' })), cookie);
      return new URL(silent.headers.get('location') ?? '').searchParams.get('code');
    };
    const { cookie } = await signIn();
    const head = await fetch(`${emulator.url}/oidc/session/end`, { method: 'HEAD', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(await silentCode(cookie)).toEqual(expect.any(String));

    const post = await fetch(`${emulator.url}/oidc/session/end`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ post_logout_redirect_uri: 'https://app.example/signed-out', state: 'bye' }),
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('https://app.example/signed-out?state=bye');
    expect(await silentCode(cookie)).toBeNull();
  });

  it.each(['GET', 'POST'])(
    'refuses a %s sign-out with a state over 2048 characters on a page, not with a redirect no client can read',
    async (method) => {
      const params = new URLSearchParams({
        post_logout_redirect_uri: 'https://app.example/signed-out',
        state: 's'.repeat(method === 'GET' ? 12_000 : 600_000),
      });
      const response =
        method === 'GET'
          ? await get(`${emulator.url}/oidc/session/end?${params}`)
          : await fetch(`${emulator.url}/oidc/session/end`, {
              method,
              redirect: 'manual',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: params,
            });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('state is longer than 2048 characters');
    },
  );

  it('refuses post_logout_redirect_uri given twice on a page, never a redirect', async () => {
    const query = new URLSearchParams([
      ['post_logout_redirect_uri', 'https://app.example/signed-out'],
      ['post_logout_redirect_uri', 'https://evil.example/'],
    ]);
    const response = await get(`${emulator.url}/oidc/session/end?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('post_logout_redirect_uri is given more than once');
  });

  it('answers prompt=none by web_message to the redirect URI origin only, for a hidden iframe', async () => {
    const response = await get(
      authorizeUrl(defaults(pkcePair().challenge, { prompt: 'none', response_mode: 'web_message' })),
    );
    const html = await response.text();
    expect(html).toContain('"type":"authorization_response"');
    expect(html).toContain('"error":"login_required"');
    expect(html).toContain('"https://app.example"');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/);
  });
});

describe('token headers', () => {
  it("keep base64url's - and _ out of the header, which @authing/web decodes with atob", async () => {
    const { code, verifier } = await signIn();
    const { body } = await exchange(code, verifier);
    for (const jwt of [body.access_token, body.id_token] as string[]) {
      const [header = ''] = jwt.split('.');
      expect(header).toMatch(/^[A-Za-z0-9]+$/);
      expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'emulator' });
      expect(decodeJwt(jwt).iss).toBe(`${emulator.url}/oidc`);
    }
  });
});

describe('logs', () => {
  it('hold no code, verifier or token of all the above', () => {
    expect(secrets.length).toBeGreaterThan(20);
    const text = logged.join('\n');
    for (const secret of secrets.filter(Boolean)) expect(text).not.toContain(secret);
  });
});
