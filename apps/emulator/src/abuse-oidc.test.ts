/**
 * The abuse suite, OIDC side: every route of the hosted login gets property-based hostile
 * requests (generators in `testing/hostile-oidc.ts`), and every reply must be of its kind and in
 * time: never a 5xx or an empty reply; OAuth errors as RFC 6749 5.2 and RFC 6750 3.1 shape them;
 * pages as HTML that reflects no markup; redirects only to a registered callback; no secret, and
 * no password that was sent, in a reply or a log line; and a normal sign-in still works after.
 */
import { createHash, randomBytes } from 'node:crypto';
import { signIn } from '@genauth-groups/models';
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { DemoUser } from './seed/seed-store.ts';
import { HostedLogin, type IssuedCode, interactionOf, oidcRoutes, pkcePair } from './testing/hosted-login.ts';
import {
  type BodyEncoding,
  type HostileAuthorization,
  type HostileLogin,
  type HostileLogout,
  type HostileToken,
  type HostileUserInfo,
  hostileAuthorization,
  hostileLogin,
  hostileLogout,
  hostileToken,
  hostileUserInfo,
  isMarkup,
  type OidcWorld,
} from './testing/hostile-oidc.ts';
import { passwordSignIn, TestClient, useEmulator } from './testing/test-client.ts';

/** Generated requests per route; each run of CI draws new ones (the seed is printed on failure). */
const RUNS = 60;
/** A reply slower than this is a hang, on a loaded 2-core machine too. */
const REPLY_BUDGET_MS = 10_000;
/** Each walk's budget: its runs, a few requests each, on a loaded machine. */
const WALK_BUDGET = { timeout: 120_000 };

const CALLBACK = 'https://app.example/callback';
const CALLBACKS = [CALLBACK, 'https://app.example/signed-out'];
const ACCESS_TTL = 3600;
const REFRESH_TTL = 7200;
/** The error codes of RFC 6749 5.2, the only ones a token endpoint may answer with. */
const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];
/** RFC 6749 5.2: `error_description` is %x20-21 / %x23-5B / %x5D-7E (no quote, no backslash). */
const DESCRIPTION = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const FORM = 'application/x-www-form-urlencoded';
const SESSION_COOKIE = 'genauth_emulator_session';
/**
 * The authorization request's parameters (RFC 6749 4.1.1, RFC 7636 4.3, OIDC Core 3.1.2.1).
 * Written out from the RFCs here, not imported from `oidc/routes.ts`: the walk's model of the
 * right answer must not follow the list the provider happens to check.
 */
const AUTHORIZATION_PARAMETERS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
];

let now = Date.parse('2026-11-29T12:00:00Z');
const env = useEmulator({
  clock: () => now,
  callbackUrls: CALLBACKS,
  accessTokenTtlSeconds: ACCESS_TTL,
  refreshTokenTtlSeconds: REFRESH_TTL,
});

let login: HostedLogin;
let world: OidcWorld;
/** Made, then aged past every lifetime (interaction and code 10 minutes, tokens 1 and 2 hours). */
let stale: {
  interaction: string;
  code: IssuedCode;
  accessToken: string;
  idToken: string;
  refreshToken: string;
};
/** Valid now; none of these is spent by a walk. */
let live: {
  cookie: string;
  accessToken: string;
  idToken: string;
  signinToken: string;
  reusedCode: IssuedCode;
};
/** Tokens no one issued: signed by another key for another app, and unsigned. */
let forged: { foreign: string; unsigned: string };
let logged: MockInstance<typeof console.error>;
let warned: MockInstance<typeof console.warn>;

function alice(): DemoUser {
  const user = env.emulator.demoUsers.find((candidate) => candidate.username === 'alice');
  if (!user) throw new Error('demo user alice missing');
  return user;
}

beforeAll(async () => {
  login = new HostedLogin(env.emulator, CALLBACK, REPLY_BUDGET_MS);
  world = { appId: env.emulator.credentials.appId, callbacks: CALLBACKS };
  const { username, password } = alice();

  const old = await login.signIn(username, password);
  const oldTokens = await login.exchange(old);
  stale = {
    interaction: await login.startInteraction(),
    code: await login.code(old.cookie),
    accessToken: oldTokens.access_token as string,
    idToken: oldTokens.id_token as string,
    refreshToken: oldTokens.refresh_token as string,
  };
  now += (REFRESH_TTL + 1) * 1000;

  const current = await login.signIn(username, password);
  const tokens = await login.exchange(current);
  const signin = await new TestClient(env.emulator).post(signIn, passwordSignIn({ username, password }), {
    'x-authing-app-id': world.appId,
  });
  live = {
    cookie: current.cookie,
    accessToken: tokens.access_token as string,
    idToken: tokens.id_token as string,
    signinToken: signin.body.data.access_token as string,
    reusedCode: current,
  };

  const { privateKey } = await generateKeyPair('RS256');
  const claims = { sub: alice().userId, aud: 'another-app', jti: 'j', scope: 'openid profile' };
  const iat = Math.floor(now / 1000);
  forged = {
    foreign: await new SignJWT({ ...claims, iat, exp: iat + 600 })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'emulator' })
      .sign(privateKey),
    unsigned: [
      Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'),
      Buffer.from(JSON.stringify({ ...claims, aud: world.appId, iat, exp: iat + 600 })).toString('base64url'),
      '',
    ].join('.'),
  };

  logged = vi.spyOn(console, 'error');
  warned = vi.spyOn(console, 'warn');
}, 60_000);
afterAll(() => {
  logged.mockRestore();
  warned.mockRestore();
});

/** What must never be in a reply: the app's and the access key's secrets, the demo password. */
function secrets(): string[] {
  const { accessKeySecret, appSecret } = env.emulator.credentials;
  return [accessKeySecret, appSecret, alice().password];
}

/** The checks every reply passes; returns its body. */
async function readReply(response: Response): Promise<string> {
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  if (response.status === 303) expect(response.headers.get('location')).toBeTruthy();
  else expect(text).not.toBe('');
  const location = response.headers.get('location') ?? '';
  for (const secret of secrets()) {
    expect(text).not.toContain(secret);
    expect(location).not.toContain(secret);
  }
  expect(logged).not.toHaveBeenCalled();
  expect(warned).not.toHaveBeenCalled();
  return text;
}

/** The `web_message` reply: one inline script posting a JSON message to one origin. */
const WEB_MESSAGE =
  /^<!doctype html><html><head><meta charset="utf-8"><\/head><body><script>(\(window\.opener\|\|window\.parent\)\.postMessage\((\{.*\}),("[^"\\<]*")\);)<\/script><\/body><\/html>$/s;

/**
 * An HTML page of the hosted login: its type and policy, no script but the `web_message` one
 * (allowed by its hash, to a registered origin), and no sent markup verbatim.
 */
function expectPage(response: Response, html: string, sent: readonly string[]): void {
  expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(html.startsWith('<!doctype html>')).toBe(true);
  const message = WEB_MESSAGE.exec(html);
  if (message) {
    const [, script = '', json = '', origin = ''] = message;
    expect(script).not.toContain('<');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(CALLBACKS.map((url) => new URL(url).origin)).toContain(JSON.parse(origin));
    const posted = JSON.parse(json) as { type: string; response: Record<string, unknown> };
    expect(posted.type).toBe('authorization_response');
    for (const value of Object.values(posted.response)) expect(typeof value).toBe('string');
    return;
  }
  // Anywhere else, markup must come back escaped, if at all (in the script above, a value is a
  // JSON string, whose quotes are escaped and whose < is \u003c: it cannot leave the string).
  expect(html).not.toMatch(/<script/i);
  for (const value of sent) if (isMarkup(value)) expect(html).not.toContain(value);
}

/** A redirect to exactly one of `allowed`, with only a query or a fragment added. */
function expectRedirectTo(location: string, allowed: readonly string[]): URL {
  expect(allowed.some((url) => [url, `${url}?`, `${url}#`].some((start) => location.startsWith(start)))).toBe(
    true,
  );
  const url = new URL(location);
  expect(allowed).toContain(`${url.origin}${url.pathname}`);
  return url;
}

/** The parameters of an authorization response, in the query or the fragment. */
function responseParams(url: URL): URLSearchParams {
  return url.hash ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
}

/** A text as it arrives in a URL: lone surrogates cannot be UTF-8 and become U+FFFD. */
function onTheWire(text: string | undefined): string | undefined {
  return text === undefined ? undefined : (new URLSearchParams({ text }).get('text') ?? undefined);
}

function isForm(contentType: string | undefined): boolean {
  return (contentType ?? '').toLowerCase().startsWith(FORM);
}

/** A body as generated: a form, JSON, `text/plain` form lines, or a form over the 1 MiB cap. */
function bodyOf(fields: readonly (readonly [string, string])[], encoding: BodyEncoding): string {
  switch (encoding) {
    case 'form':
      return new URLSearchParams(fields as [string, string][]).toString();
    case 'json':
      return JSON.stringify(Object.fromEntries(fields));
    case 'raw':
      return fields.map(([name, value]) => `${name}=${value}`).join('\r\n');
    case 'oversized':
      return `${new URLSearchParams(fields as [string, string][])}&pad=${'x'.repeat(1024 * 1024)}`;
  }
}

/** A normal sign-in, start to end, still works and is quick: nothing sent before wedged the provider. */
async function expectStillServing(): Promise<void> {
  const started = performance.now();
  const signedIn = await login.signIn(alice().username, alice().password);
  const tokens = await login.exchange(signedIn);
  const me = await login.fetch('/oidc/me', { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(((await me.json()) as { sub: string }).sub).toBe(alice().userId);
  expect(performance.now() - started).toBeLessThan(REPLY_BUDGET_MS);
}

describe('abuse: hostile requests to the hosted login (OIDC)', () => {
  it('walks every route the provider serves', () => {
    const walked = [
      'GET /oidc/.well-known/openid-configuration',
      'GET /oidc/.well-known/jwks.json',
      'GET /oidc/auth',
      'POST /oidc/auth',
      'POST /oidc/auth/login',
      'POST /oidc/token',
      'GET /oidc/me',
      'POST /oidc/me',
      'GET /oidc/session/end',
      'POST /oidc/session/end',
    ];
    expect(
      oidcRoutes()
        .map(({ method, path }) => `${method} ${path}`)
        .sort(),
    ).toEqual(walked.sort());
  });

  it(
    'serves discovery and keys whatever the query and headers, and never a private key part',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/oidc/.well-known/openid-configuration', '/oidc/.well-known/jwks.json'),
          fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
          fc.constantFrom(undefined, 'https://evil.example', 'null'),
          async (path, query, origin) => {
            const search = new URLSearchParams(query);
            const response = await login.fetch(`${path}${search.size ? `?${search}` : ''}`, {
              headers: origin ? { origin } : {},
            });
            const body = JSON.parse(await readReply(response)) as Record<string, unknown>;
            expect(response.status).toBe(200);
            if (path.endsWith('jwks.json')) {
              for (const key of body.keys as Record<string, unknown>[])
                for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(part);
            } else {
              expect(body.issuer).toBe(`${env.emulator.url}/oidc`);
            }
          },
        ),
        { numRuns: 10 },
      );
    },
  );

  it(
    'answers hostile authorization requests with a page or a redirect to a registered callback',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileAuthorization(world), async (request) => {
          const response = await sendAuthorization(request);
          const text = await readReply(response);
          const sent = request.params.map(([, value]) => value);
          if (response.status === 431 || response.status === 413) {
            // Only a head over Node's 16 KiB, or a body over the 1 MiB cap, is refused before
            // the provider reads it.
            const size = Buffer.byteLength(authorizationText(request));
            expect(
              response.status === 431 ? request.method === 'GET' && size > 16_000 : size > 1024 * 1024,
            ).toBe(true);
            expectPage(response, text, sent);
            return;
          }
          const expected = expectedAuthorization(request);
          if (expected === 'refused' || expected === 'login') {
            expect(response.status).toBe(expected === 'refused' ? 400 : 200);
            expectPage(response, text, sent);
            if (expected === 'login') expect(interactionOf(text)).toEqual(expect.any(String));
          } else {
            const read = new URLSearchParams(authorizationText(request));
            let answer: Record<string, unknown>;
            if (response.status === 200) {
              // web_message: the answer is a page that posts it to the app's origin.
              expectPage(response, text, sent);
              const [, , json = '{}'] = WEB_MESSAGE.exec(text) ?? [];
              answer = (JSON.parse(json) as { response: Record<string, unknown> }).response;
            } else {
              expect(response.status).toBe(303);
              const location = response.headers.get('location') ?? '';
              const url = expectRedirectTo(location, [read.get('redirect_uri') ?? '']);
              answer = Object.fromEntries(responseParams(url));
            }
            if (answer.code !== undefined) expect(request.session).toBe('live');
            else expect(answer.error).toMatch(/^[a-z_]+$/);
            // RFC 6749 4.1.2, 4.1.2.1: the state exactly as received, when one was.
            const states = read.getAll('state');
            expect(answer.state).toBe(states.length === 1 && states[0] ? states[0] : undefined);
          }
        }),
        { numRuns: RUNS },
      );
      await expectStillServing();
    },
  );

  it(
    'answers hostile login forms with a page, or the code only for the right password on a live page',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileLogin(), async (request) => {
          const { response, sent } = await sendLogin(request);
          const text = await readReply(response);
          const wrong = typeof request.password === 'object' ? request.password.wrong : undefined;
          if (wrong) {
            const marker = wrong.slice(-12);
            expect(text).not.toContain(marker);
            expect(logged.mock.calls.flat().join(' ')).not.toContain(marker);
          }
          const signsIn =
            request.interaction === 'fresh' &&
            (request.account === 'username' || request.account === 'email') &&
            request.password === 'right' &&
            request.encoding === 'form' &&
            isForm(request.contentType);
          expect(response.status === 303).toBe(signsIn);
          if (signsIn) {
            const url = expectRedirectTo(response.headers.get('location') ?? '', [CALLBACK]);
            expect(url.searchParams.get('state')).toBe('state-1234');
            expect(url.searchParams.get('code')).toEqual(expect.any(String));
          } else {
            expect([200, 400, 401, 413]).toContain(response.status);
            expectPage(response, text, sent);
          }
        }),
        { numRuns: RUNS },
      );
      await expectStillServing();
    },
  );

  it(
    'answers hostile token requests with tokens only when all is right, else an RFC 6749 5.2 error',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileToken(world), async (request) => {
          const { response, verifier, size } = await sendToken(request);
          const text = await readReply(response);
          if (verifier.length >= 43) expect(text).not.toContain(verifier);
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          const body = JSON.parse(text) as Record<string, unknown>;
          expect(response.status === 200).toBe(size <= 1024 * 1024 && tokenShouldSucceed(request));
          if (response.status === 200) {
            expect(response.headers.get('cache-control')).toBe('no-store');
            expect(body).toMatchObject({ token_type: 'Bearer', expires_in: ACCESS_TTL });
            expect(body.access_token).toEqual(expect.any(String));
            return;
          }
          expect([400, 401, 413, 431]).toContain(response.status);
          expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
          expect(TOKEN_ERRORS).toContain(body.error);
          expect(body.error_description).toMatch(DESCRIPTION);
          expect(response.status === 401).toBe(body.error === 'invalid_client');
          if (
            response.status === 401 &&
            /^Basic\s+\S/i.test(clientHeaders(request.client).authorization ?? '')
          ) {
            expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
          }
          const expected = expectedTokenError(request, size);
          if (expected && response.status !== 431) {
            expect({ status: response.status, error: body.error }).toEqual(expected);
          }
        }),
        { numRuns: RUNS },
      );
      await expectStillServing();
    },
  );

  it(
    'answers hostile userinfo calls with the profile only for an access token sent one way',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileUserInfo(), async (request) => {
          const { response, placement } = await sendUserInfo(request);
          const text = await readReply(response);
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          const body = JSON.parse(text) as Record<string, unknown>;
          const single = ['header', 'lowercase-scheme', 'query', 'form'].includes(placement);
          expect(response.status === 200).toBe(request.token === 'access' && single);
          if (response.status === 200) {
            expect(body.sub).toBe(alice().userId);
            return;
          }
          expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
          if (response.status === 431) return;
          expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
          if (response.status === 400) {
            expect(placement).toBe('header-and-query');
            expect(body.error).toBe('invalid_request');
          } else {
            expect(response.status).toBe(401);
            expect(body.error).toBe('invalid_token');
          }
        }),
        { numRuns: RUNS },
      );
      await expectStillServing();
    },
  );

  it(
    'answers hostile sign-outs with a page, or a redirect to the registered address asked for',
    WALK_BUDGET,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileLogout(world), async (request) => {
          const { response, cookie, size } = await sendLogout(request);
          const text = await readReply(response);
          // Only a head over Node's 16 KiB, or a body over the 1 MiB cap, goes unread.
          const unread = response.status === 431 || response.status === 413;
          if (unread) {
            const over = request.method === 'GET' ? size > 16_000 : size > 1024 * 1024;
            expect(response.status).toBe(request.method === 'GET' ? 431 : 413);
            expect(over).toBe(true);
          } else {
            expect(response.status).toBe(expectedLogoutStatus(request));
          }
          if (response.status === 303) {
            expect(request.back).toBeTruthy();
            const url = expectRedirectTo(response.headers.get('location') ?? '', CALLBACKS);
            expect(`${url.origin}${url.pathname}`).toBe(request.back);
            expect(url.searchParams.get('state') ?? undefined).toBe(onTheWire(request.state) || undefined);
          } else {
            expectPage(
              response,
              text,
              [request.back, request.state].filter((value) => value !== undefined),
            );
          }
          if (cookie && response.status !== 400 && !unread) {
            // Signed out: the session gives no code any more.
            const silent = await login.authorize(
              login.params(pkcePair().challenge, { prompt: 'none' }),
              cookie,
            );
            expect(new URL(silent.headers.get('location') ?? '').searchParams.get('error')).toBe(
              'login_required',
            );
          }
        }),
        { numRuns: RUNS },
      );
      await expectStillServing();
    },
  );
});

/** The query or form of a generated authorization request, as sent. */
function authorizationText(request: HostileAuthorization): string {
  return `${new URLSearchParams(request.params as [string, string][])}${request.rawSuffix}`;
}

/**
 * What the provider must do with an authorization request, by RFC 6749 4.1.2.1 and OIDC Core
 * 3.1.2: refuse it on a page while the client and its redirect URI are not established (or a
 * value is over the 2048 bound, or a POST is not a form); show the login page for a valid request
 * without a session to use; otherwise answer the app (a code, or an error).
 */
function expectedAuthorization(request: HostileAuthorization): 'refused' | 'login' | 'answered' {
  const params = new URLSearchParams(authorizationText(request));
  const once = (name: string) =>
    params.getAll(name).length === 1 ? (params.get(name) ?? undefined) : undefined;
  const readable = request.method === 'GET' || isForm(request.contentType);
  const bounded = [...params.values()].every((value) => value.length <= 2048);
  const redirect = once('redirect_uri');
  if (
    !readable ||
    !bounded ||
    once('client_id') !== world.appId ||
    !redirect ||
    !CALLBACKS.includes(redirect)
  ) {
    return 'refused';
  }
  const prompt = new Set(params.get('prompt')?.split(' ').filter(Boolean));
  const valid =
    AUTHORIZATION_PARAMETERS.every((name) => params.getAll(name).length <= 1) &&
    // RFC 6749 3.1: a parameter without a value is an omitted one.
    ['query', 'fragment', 'web_message', null].includes(params.get('response_mode') || null) &&
    params.get('response_type') === 'code' &&
    (params.get('scope') ?? '').split(' ').includes('openid') &&
    Boolean(params.get('state')) &&
    params.get('code_challenge_method') === 'S256' &&
    /^[A-Za-z0-9\-._~]{43,128}$/.test(params.get('code_challenge') ?? '');
  const signedIn = request.session === 'live' && !prompt.has('login');
  return valid && !prompt.has('none') && !signedIn ? 'login' : 'answered';
}

function sendAuthorization(request: HostileAuthorization): Promise<Response> {
  const encoded = authorizationText(request);
  const cookie = { live: live.cookie, garbage: `${SESSION_COOKIE}=forged-session`, none: undefined }[
    request.session
  ];
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (request.method === 'GET') return login.fetch(`/oidc/auth?${encoded}`, { headers });
  if (request.contentType) headers['content-type'] = request.contentType;
  return login.fetch('/oidc/auth', { method: 'POST', headers, body: encoded });
}

async function sendLogin(request: HostileLogin): Promise<{ response: Response; sent: string[] }> {
  const fields: [string, string][] = [];
  const interaction = await interactionFor(request.interaction);
  if (interaction !== undefined) fields.push(['interaction', interaction]);
  const account =
    request.account === 'username'
      ? alice().username
      : request.account === 'email'
        ? alice().email
        : request.account?.text;
  if (account !== undefined) fields.push(['account', account]);
  if (request.password !== undefined) {
    fields.push(['password', request.password === 'right' ? alice().password : request.password.wrong]);
  }
  const headers: Record<string, string> = { cookie: login.browserCookie };
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.acceptLanguage) headers['accept-language'] = request.acceptLanguage;
  const response = await login.fetch('/oidc/auth/login', {
    method: 'POST',
    headers,
    body: bodyOf(fields, request.encoding),
  });
  return { response, sent: fields.map(([, value]) => value) };
}

async function interactionFor(kind: HostileLogin['interaction']): Promise<string | undefined> {
  switch (kind) {
    case 'fresh':
      return login.startInteraction();
    case 'foreign':
      return new HostedLogin(env.emulator, CALLBACK, REPLY_BUDGET_MS).startInteraction();
    case 'expired':
      return stale.interaction;
    case 'used': {
      const used = await login.startInteraction();
      await login.submitLogin(used, alice().username, alice().password);
      return used;
    }
    case 'unknown':
      return randomBytes(32).toString('base64url');
    case undefined:
      return undefined;
    default:
      return kind.text;
  }
}

/** Whether a generated token request is one the provider must grant. */
function tokenShouldSucceed(request: HostileToken): boolean {
  const wellSent =
    request.encoding === 'form' && isForm(request.contentType) && request.repeated === undefined;
  const client =
    typeof request.client === 'string' && ['form', 'header', 'form-secret', 'basic'].includes(request.client);
  const code =
    request.grantType === 'authorization_code' &&
    request.code === 'fresh' &&
    request.verifier === 'right' &&
    request.redirectUri === 'right';
  const refresh = request.grantType === 'refresh_token' && request.refreshToken === 'fresh';
  return wellSent && client && (code || refresh);
}

/**
 * The error a refused token request must get, by what is wrong with it first: its body (over
 * the cap: 413; not a form: 400), a repeated parameter, its client (RFC 6749 2.3: two methods
 * are a bad request, a failed one is `invalid_client`), its grant type, then its grant.
 * `undefined` when it must succeed, or when a body that is not a form is read as one (what
 * fails first then is anyone's guess).
 */
function expectedTokenError(
  request: HostileToken,
  size: number,
): { status: number; error: string } | undefined {
  const { client } = request;
  if (size > 1024 * 1024) return { status: 413, error: 'invalid_request' };
  if (!isForm(request.contentType)) return { status: 400, error: 'invalid_request' };
  if (request.encoding !== 'form') return undefined;
  if (request.repeated || client === 'basic-and-form-secret')
    return { status: 400, error: 'invalid_request' };
  if (typeof client === 'object' || !['form', 'header', 'form-secret', 'basic'].includes(client)) {
    return { status: 401, error: 'invalid_client' };
  }
  if (request.grantType !== 'authorization_code' && request.grantType !== 'refresh_token') {
    return { status: 400, error: 'unsupported_grant_type' };
  }
  return tokenShouldSucceed(request) ? undefined : { status: 400, error: 'invalid_grant' };
}

function clientHeaders(client: HostileToken['client']): Record<string, string> {
  const { appId, appSecret } = env.emulator.credentials;
  const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;
  if (typeof client === 'object') return { authorization: `Basic ${client.basic}`.trim() };
  switch (client) {
    case 'header':
      return { 'x-authing-app-id': appId };
    case 'basic':
    case 'basic-and-form-secret':
      return { authorization: basic(`${appId}:${appSecret}`) };
    case 'basic-wrong-secret':
      return { authorization: basic(`${appId}:wrong`) };
    default:
      return {};
  }
}

function clientFields(client: HostileToken['client']): [string, string][] {
  const { appId, appSecret } = env.emulator.credentials;
  switch (client) {
    case 'form':
      return [['client_id', appId]];
    case 'form-secret':
      return [
        ['client_id', appId],
        ['client_secret', appSecret],
      ];
    case 'form-wrong-secret':
      return [
        ['client_id', appId],
        ['client_secret', 'wrong-secret'],
      ];
    case 'form-other-client':
      return [['client_id', 'another-app']];
    case 'basic-and-form-secret':
      return [['client_secret', appSecret]];
    default:
      return [];
  }
}

async function sendToken(
  request: HostileToken,
): Promise<{ response: Response; verifier: string; size: number }> {
  const fields: [string, string][] = [];
  if (request.grantType !== undefined) fields.push(['grant_type', request.grantType]);
  const code = await codeFor(request.code, request.grantType === 'authorization_code');
  if (code) fields.push(['code', code.code]);
  const verifier =
    request.verifier === 'right'
      ? (code?.verifier ?? pkcePair().verifier)
      : request.verifier === 'wrong'
        ? pkcePair().verifier
        : request.verifier?.text;
  if (verifier !== undefined) fields.push(['code_verifier', verifier]);
  const redirectUri =
    request.redirectUri === 'right'
      ? CALLBACK
      : request.redirectUri === 'other'
        ? CALLBACKS[1]
        : request.redirectUri?.text;
  if (redirectUri !== undefined) fields.push(['redirect_uri', redirectUri]);
  const refreshToken = await refreshTokenFor(request.refreshToken, request.grantType === 'refresh_token');
  if (refreshToken !== undefined) fields.push(['refresh_token', refreshToken]);
  fields.push(...clientFields(request.client));
  const { repeated } = request;
  if (repeated) {
    const present = fields.filter(([name]) => name === repeated).length;
    for (let count = present; count < 2; count++) fields.push([repeated, 'repeated']);
  }
  const headers: Record<string, string> = { ...clientHeaders(request.client) };
  if (request.contentType) headers['content-type'] = request.contentType;
  const body = bodyOf(fields, request.encoding);
  const response = await login.fetch('/oidc/token', { method: 'POST', headers, body });
  return { response, verifier: verifier ?? '', size: Buffer.byteLength(body) };
}

/** A code in the state asked for; a fresh one is made only for a request that can redeem it. */
async function codeFor(kind: HostileToken['code'], redeemable: boolean): Promise<IssuedCode | undefined> {
  switch (kind) {
    case 'fresh':
      return redeemable
        ? login.code(live.cookie)
        : { code: randomBytes(32).toString('base64url'), verifier: '' };
    case 'reused':
      return live.reusedCode;
    case 'expired':
      return stale.code;
    case 'forged':
      return { code: randomBytes(32).toString('base64url'), verifier: pkcePair().verifier };
    case undefined:
      return undefined;
    default:
      return { code: kind.text, verifier: pkcePair().verifier };
  }
}

/** A refresh token in the state asked for; a fresh one is made only for a request that can spend it. */
async function refreshTokenFor(
  kind: HostileToken['refreshToken'],
  spendable: boolean,
): Promise<string | undefined> {
  switch (kind) {
    case 'fresh':
    case 'used': {
      if (!spendable) return randomBytes(32).toString('base64url');
      const { refresh_token: token } = await login.exchange(await login.code(live.cookie));
      if (kind === 'used') await login.refresh(token as string);
      return token as string;
    }
    case 'expired':
      return stale.refreshToken;
    case 'forged':
      return randomBytes(32).toString('base64url');
    case undefined:
      return undefined;
    default:
      return kind.text;
  }
}

/** Whether fetch can send this as a header value (no controls, Latin-1 only). */
function headerSafe(value: string): boolean {
  return /^[\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;
}

async function sendUserInfo(request: HostileUserInfo): Promise<{ response: Response; placement: string }> {
  const token = tokenFor(request.token);
  let placement: string = request.placement;
  // A token fetch cannot put in a header goes in the query; one that is empty goes nowhere.
  if (['header', 'lowercase-scheme', 'header-and-query', 'basic'].includes(placement) && !headerSafe(token)) {
    placement = 'query';
  }
  if (placement === 'form' && request.method === 'GET') placement = 'none';
  if (token === '' && placement !== 'scheme-only') placement = 'none';
  const headers: Record<string, string> = {};
  let query = '';
  let body: string | undefined;
  if (placement === 'header' || placement === 'header-and-query') headers.authorization = `Bearer ${token}`;
  if (placement === 'lowercase-scheme') headers.authorization = `bearer ${token}`;
  if (placement === 'scheme-only') headers.authorization = 'Bearer';
  if (placement === 'basic') headers.authorization = `Basic ${token}`;
  if (placement === 'query' || placement === 'header-and-query')
    query = `?${new URLSearchParams({ access_token: token })}`;
  if (placement === 'form') {
    headers['content-type'] = FORM;
    body = new URLSearchParams({ access_token: token }).toString();
  }
  const response = await login.fetch(`/oidc/me${query}`, {
    method: request.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { response, placement };
}

function tokenFor(kind: HostileUserInfo['token']): string {
  switch (kind) {
    case 'access':
      return live.accessToken;
    case 'id':
      return live.idToken;
    case 'expired':
      return stale.accessToken;
    case 'refresh':
      return stale.refreshToken;
    case 'signin':
      return live.signinToken;
    case 'foreign':
      return forged.foreign;
    case 'unsigned':
      return forged.unsigned;
    case undefined:
      return '';
    default:
      return kind.text;
  }
}

/** 400 for a hint that is not an id token of the app or an unregistered return address, else 303 or the page. */
function expectedLogoutStatus({ hint, back, state }: HostileLogout): number {
  if ((onTheWire(state) ?? '').length > 2048) return 400;
  const hintOk =
    hint === undefined || hint === 'id' || hint === 'expired-id' || (typeof hint === 'object' && !hint.text);
  if (!hintOk || (back && !CALLBACKS.includes(back))) return 400;
  return back ? 303 : 200;
}

async function sendLogout(
  request: HostileLogout,
): Promise<{ response: Response; cookie: string | undefined; size: number }> {
  // A sign-out ends the session it names: each run that needs one signs in anew.
  const fresh =
    request.session === 'live' || request.hint === 'id'
      ? await login.signIn(alice().username, alice().password)
      : undefined;
  const hint =
    request.hint === 'id'
      ? ((await login.exchange(fresh as IssuedCode)).id_token as string)
      : request.hint === 'expired-id'
        ? stale.idToken
        : request.hint === 'access'
          ? live.accessToken
          : request.hint?.text;
  const params = new URLSearchParams();
  if (hint !== undefined) params.set('id_token_hint', hint);
  if (request.back !== undefined) params.set('post_logout_redirect_uri', request.back);
  if (request.state !== undefined) params.set('state', request.state);
  const cookie = request.session === 'live' ? fresh?.cookie : undefined;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const response =
    request.method === 'GET'
      ? await login.fetch(`/oidc/session/end?${params}`, { headers })
      : await login.fetch('/oidc/session/end', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: params,
        });
  return { response, cookie, size: Buffer.byteLength(params.toString()) };
}
