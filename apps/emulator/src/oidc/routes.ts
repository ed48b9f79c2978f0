import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { verifyPassword } from '../auth/passwords.ts';
import { sameSecret } from '../auth/same-secret.ts';
import type { UserClaims } from '../auth/tokens.ts';
import type { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { message } from '../http/messages.ts';
import { userDto } from '../store/dto.ts';
import type { UserRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { bearerToken } from './bearer-token.ts';
import { authenticateClient } from './client-auth.ts';
import { oidcFailure } from './failures.ts';
import { type AuthorizationRequest, type Grant, Grants, handle, type ResponseMode } from './grants.ts';
import { errorPage, loginPage, pageCsp, signedOutPage, webMessagePage } from './pages.ts';
import { verifierMatches, wellFormed } from './pkce.ts';
import { profileClaims } from './profile-claims.ts';
import { SigningKey, tokenId } from './signing-key.ts';

/** What the provider needs from the emulator. */
export interface OidcOptions {
  readonly store: Store;
  readonly clock: () => number;
  /** The app (`client_id`): a public client of the hosted login (token endpoint auth `none`). */
  readonly appId: string;
  /** Checked when a client sends one (`client_secret_post` or `_basic`); never required. */
  readonly appSecret: string;
  /** The app's registered login and logout callback URLs, compared exactly. */
  readonly callbackUrls: readonly string[];
  /** Lifetime of access and id tokens, in seconds. */
  readonly accessTokenTtlSeconds: number;
  /** Lifetime of refresh tokens, in seconds. */
  readonly refreshTokenTtlSeconds: number;
}

/** The provider: its routes, and the check `get-my-group-list` runs on its access tokens. */
export interface OidcProvider {
  readonly routes: Hono<AppEnv>;
  /** The user and app of a valid, unexpired access token this provider issued. */
  verifyAccessToken(token: string): Promise<UserClaims | undefined>;
  /**
   * The reply to a request of these routes that failed outside its handler's own answers (a
   * body over the cap, one cut short): an OAuth error or an error page with the real HTTP
   * status, where the API's envelope would say 200 to clients that read the status.
   * `undefined` for a path that is not the provider's.
   */
  errorReply(c: Context<AppEnv>, error: ApiError): Response | undefined;
}

/** The hosted-login session cookie (inferred name: the service's is not documented). */
const SESSION_COOKIE = 'genauth_emulator_session';
/**
 * Ties a login page to the browser it was shown in (the emulator's own, inferred: GenAuth's
 * hosted login is not a documented API). A browser session cookie, sent to the page and its form.
 */
const BROWSER_COOKIE = 'genauth_emulator_browser';
/** The longest value accepted in any parameter: bounds what is kept per pending sign-in. */
const MAX_PARAM = 2048;
/** Hosted-login sessions last as long as the app's tokens do by default (inferred). */
const SESSION_TTL = 14 * 24 * 3600;

/** The headers `@authing/web` 5.1.21 sends to `/oidc/token` and `/oidc/me` (read in its source). */
const OIDC_CORS_HEADERS = [
  'authorization',
  'content-type',
  'x-authing-app-id',
  'x-authing-request-from',
  'x-authing-sdk-version',
  'x-authing-userpool-id',
];

type OidcContext = Context<AppEnv>;

/** What an access token of this provider says: its user, its app and its scope. */
interface AccessTokenClaims {
  readonly sub: string;
  readonly aud: string;
  readonly scope: string;
}

/**
 * The app's OpenID Connect provider at `{appHost}/oidc`, as GenAuth serves it (contract section
 * 16): discovery, JWKS, the hosted login (`/oidc/auth`, authorization code with PKCE S256),
 * `/oidc/token` (`authorization_code`, `refresh_token`), `/oidc/me` and `/oidc/session/end`.
 */
export function oidcProvider(options: OidcOptions): OidcProvider {
  const { store, appId } = options;
  const key = new SigningKey(options.clock);
  const grants = new Grants(options.clock, {
    code: 600,
    refreshToken: options.refreshTokenTtlSeconds,
    session: SESSION_TTL,
    interaction: 600,
  });
  const callbacks = new Set(options.callbackUrls);
  const callbackOrigins = [...new Set(options.callbackUrls.map((url) => new URL(url).origin))];
  const issuerOf = (c: OidcContext) => `${new URL(c.req.url).origin}/oidc`;

  async function issueTokens(c: OidcContext, grant: Grant, user: UserRow): Promise<Record<string, unknown>> {
    const iss = issuerOf(c);
    const ttl = options.accessTokenTtlSeconds;
    const accessToken = await key.sign(
      { jti: tokenId(), sub: user.user_id, iss, scope: grant.scope, aud: grant.clientId },
      ttl,
    );
    const idToken = await key.sign(
      {
        ...profileClaims(userDto(user, { customData: 'omit' }), grant.scope),
        sub: user.user_id,
        aud: grant.clientId,
        iss,
        sid: grant.sid,
        at_hash: atHash(accessToken),
        ...(grant.nonce !== undefined && { nonce: grant.nonce }),
      },
      ttl,
    );
    const offline = grant.scope.split(' ').includes('offline_access');
    return {
      access_token: accessToken,
      expires_in: ttl,
      id_token: idToken,
      ...(offline && { refresh_token: grants.issueRefreshToken(grant) }),
      scope: grant.scope,
      token_type: 'Bearer',
    };
  }

  /** Sends the authorization response (a code, or an error) back to the app the way it asked. */
  function respond(c: OidcContext, request: AuthorizationRequest, params: Record<string, string>): Response {
    const response = { ...params, ...(request.state !== undefined && { state: request.state }) };
    if (request.responseMode === 'web_message') {
      const { html, script } = webMessagePage(new URL(request.redirectUri).origin, response);
      const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
      c.header('content-security-policy', pageCsp({ callbackOrigins, framable: true, scriptHash: hash }));
      return c.html(html);
    }
    const url = new URL(request.redirectUri);
    const encoded = new URLSearchParams(response).toString();
    if (request.responseMode === 'fragment') url.hash = encoded;
    else url.search = url.search ? `${url.search}&${encoded}` : encoded;
    return c.redirect(url.toString(), 303);
  }

  function showError(c: OidcContext, error: string, description: string): Response {
    c.header('content-security-policy', pageCsp({ callbackOrigins }));
    return c.html(errorPage(error, description), 400);
  }

  function showLogin(c: OidcContext, interaction: string, error?: string): Response {
    c.header('content-security-policy', pageCsp({ callbackOrigins }));
    c.header('cache-control', 'no-store');
    return c.html(
      loginPage({ interaction, appName: `the app ${appId}`, ...(error && { error }) }),
      error ? 401 : 200,
    );
  }

  /** This browser's id, from its cookie, which is set on the first login page it is shown. */
  function browserOf(c: OidcContext): string {
    const known = getCookie(c, BROWSER_COOKIE);
    if (known) return known;
    const browser = handle();
    setCookie(c, BROWSER_COOKIE, browser, { path: '/oidc/auth', httpOnly: true, sameSite: 'Lax' });
    return browser;
  }

  /** The live session of this browser, from its cookie. */
  function sessionOf(c: OidcContext): { sid: string; user: UserRow } | undefined {
    const sid = getCookie(c, SESSION_COOKIE);
    const userId = sid ? grants.sessionUser(sid) : undefined;
    const user = userId ? store.findUser('user_id', userId) : undefined;
    return sid && user ? { sid, user } : undefined;
  }

  const routes = new Hono<AppEnv>();
  routes.use(
    '/oidc/token',
    cors({ origin: '*', allowHeaders: OIDC_CORS_HEADERS, allowMethods: ['POST'], maxAge: 600 }),
  );
  routes.use(
    '/oidc/me',
    cors({ origin: '*', allowHeaders: OIDC_CORS_HEADERS, allowMethods: ['GET', 'POST'], maxAge: 600 }),
  );
  routes.use('/oidc/.well-known/*', cors({ origin: '*', allowMethods: ['GET'] }));

  routes.get('/oidc/.well-known/openid-configuration', (c) => {
    const issuer = issuerOf(c);
    return c.json({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/me`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      end_session_endpoint: `${issuer}/session/end`,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment', 'web_message'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'phone', 'offline_access'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
      claims_parameter_supported: false,
    });
  });

  routes.get('/oidc/.well-known/jwks.json', async (c) => c.json(await key.jwks()));

  /** The authorization request (RFC 6749 4.1.1, OIDC Core 3.1.2.1), from the query or a form. */
  function authorize(c: OidcContext, params: URLSearchParams): Response {
    const param = (name: string) => paramValue(params, name);
    if (overlong(params)) {
      return showError(c, 'invalid_request', `a parameter is longer than ${MAX_PARAM} characters`);
    }
    // Until client_id and redirect_uri check out, nothing goes back to redirect_uri (RFC 6749 4.1.2.1).
    const repeated = repeatedParameter(params, AUTHORIZATION_PARAMETERS);
    if (repeated === 'client_id' || repeated === 'redirect_uri') {
      return showError(c, 'invalid_request', `${repeated} is given more than once`);
    }
    if (param('client_id') !== appId) return showError(c, 'invalid_client', 'client_id is not this app');
    const redirectUri = param('redirect_uri');
    if (!redirectUri || !callbacks.has(redirectUri)) {
      return showError(c, 'invalid_redirect_uri', "redirect_uri is not one of the app's login callback URLs");
    }
    const mode = param('response_mode') ?? 'query';
    const request: AuthorizationRequest = {
      clientId: appId,
      redirectUri,
      responseMode: (['query', 'fragment', 'web_message'].includes(mode) ? mode : 'query') as ResponseMode,
      scope: param('scope') ?? '',
      // Of two states, neither is the one to send back.
      state: params.getAll('state').length > 1 ? undefined : param('state'),
      nonce: param('nonce'),
      codeChallenge: param('code_challenge') ?? '',
    };
    const refuse = (error: string, description: string) =>
      respond(c, request, { error, error_description: description });
    if (repeated) return refuse('invalid_request', `${repeated} is given more than once`);
    if (request.responseMode !== mode) return refuse('invalid_request', 'unsupported response_mode');
    if (param('response_type') !== 'code')
      return refuse('unsupported_response_type', 'response_type must be code');
    if (!request.scope.split(' ').includes('openid'))
      return refuse('invalid_scope', 'scope must include openid');
    if (!request.state) return refuse('invalid_request', 'state is required');
    if (param('code_challenge_method') !== 'S256' || !wellFormed(request.codeChallenge)) {
      return refuse(
        'invalid_request',
        'a public client must send a code_challenge with code_challenge_method S256',
      );
    }
    // A space-separated list (OIDC Core 3.1.2.1); none stands alone.
    const prompt = new Set(param('prompt')?.split(' ').filter(Boolean));
    const session = sessionOf(c);
    if (prompt.has('none')) {
      if (prompt.size > 1)
        return refuse('invalid_request', 'prompt=none cannot be combined with another value');
      if (!session) return refuse('login_required', 'the user is not signed in');
      return respond(c, request, { code: grants.issueCode(request, session.user.user_id, session.sid) });
    }
    if (session && !prompt.has('login')) {
      return respond(c, request, { code: grants.issueCode(request, session.user.user_id, session.sid) });
    }
    return showLogin(c, grants.startInteraction(request, browserOf(c)));
  }

  routes.get('/oidc/auth', (c) => authorize(c, new URL(c.req.url).searchParams));
  routes.post('/oidc/auth', (c) => {
    const form = formOf(c);
    if (!form) return showError(c, 'invalid_request', 'a POST authorization request must be a form');
    return authorize(c, form);
  });

  routes.post('/oidc/auth/login', (c) => {
    // The page's form posts a form; anything else (a text/plain form, JSON) is not it.
    const form = formOf(c);
    if (!form) return showError(c, 'invalid_request', 'the sign-in form must be posted as a form');
    const interaction = form.get('interaction') ?? '';
    const pending = grants.interaction(interaction);
    if (!pending)
      return showError(c, 'invalid_request', 'this sign-in page expired: start again from the app');
    // Login CSRF: a page posted from elsewhere (another site's form, with an attacker's own
    // pending sign-in) comes without the browser cookie of the page it names (SameSite=Lax).
    if (!sameSecret(getCookie(c, BROWSER_COOKIE) ?? '', pending.browser)) {
      return showError(
        c,
        'invalid_request',
        'this sign-in page was opened in another browser: start again from the app',
      );
    }
    const { request } = pending;
    const account = form.get('account')?.trim() ?? '';
    const password = form.get('password') ?? '';
    const user = account && account.length <= MAX_PARAM ? store.findAccount('account', account) : undefined;
    if (
      !user?.password_hash ||
      password.length > MAX_PARAM ||
      !verifyPassword(password, user.password_hash)
    ) {
      const lang = c.req.header('accept-language')?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
      return showLogin(c, interaction, message('wrongPassword', lang));
    }
    grants.endInteraction(interaction);
    store.recordLogin(user.seq, appId);
    const sid = grants.startSession(user.user_id);
    setCookie(c, SESSION_COOKIE, sid, {
      path: '/oidc',
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: SESSION_TTL,
    });
    return respond(c, request, { code: grants.issueCode(request, user.user_id, sid) });
  });

  routes.post('/oidc/token', async (c) => {
    c.header('cache-control', 'no-store');
    const form = formOf(c);
    if (!form) {
      return tokenError(c, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    const repeated = repeatedParameter(form, TOKEN_PARAMETERS);
    if (repeated) return tokenError(c, 'invalid_request', `${repeated} is given more than once`);
    const client = authenticateClient(
      { form, authorization: c.req.header('authorization'), appIdHeader: c.req.header('x-authing-app-id') },
      options,
    );
    if (typeof client !== 'string') {
      if (client.challenge) c.header('www-authenticate', client.challenge);
      return tokenError(c, client.error, client.description, client.status);
    }

    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? '';
      const verifier = form.get('code_verifier') ?? '';
      const grant = grants.redeemCode(code, {
        clientId: client,
        redirectUri: form.get('redirect_uri') ?? undefined,
        verifies: (challenge) => verifierMatches(verifier, challenge),
      });
      if (typeof grant === 'string') return tokenError(c, 'invalid_grant', CODE_REFUSALS[grant]);
      const user = store.findUser('user_id', grant.userId);
      if (!user) return tokenError(c, 'invalid_grant', 'the user no longer exists');
      const tokens = await issueTokens(c, grant, user);
      if (typeof tokens.refresh_token === 'string') grants.linkRefreshToken(code, tokens.refresh_token);
      return c.json(tokens);
    }
    if (grantType === 'refresh_token') {
      const grant = grants.takeRefreshToken(form.get('refresh_token') ?? '');
      if (!grant)
        return tokenError(c, 'invalid_grant', 'the refresh token is invalid, expired or already used');
      if (grant.clientId !== client)
        return tokenError(c, 'invalid_grant', 'the refresh token was issued to another client');
      const user = store.findUser('user_id', grant.userId);
      if (!user) return tokenError(c, 'invalid_grant', 'the user no longer exists');
      return c.json(await issueTokens(c, grant, user));
    }
    return tokenError(c, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  });

  /**
   * The claims of a valid, unexpired access token this provider issued. Id tokens are signed
   * with the same key: only an access token has a `jti` (and a scope).
   */
  async function accessTokenClaims(token: string): Promise<AccessTokenClaims | undefined> {
    const claims = await key.verify(token, undefined);
    const { sub, aud, jti, scope } = claims ?? {};
    if (typeof sub !== 'string' || typeof aud !== 'string' || typeof jti !== 'string') return undefined;
    return { sub, aud, scope: typeof scope === 'string' ? scope : '' };
  }

  const userInfo = async (c: OidcContext) => {
    const bearer = bearerToken({
      authorization: c.req.header('authorization'),
      query: c.req.query('access_token'),
      form: formOf(c)?.get('access_token') ?? undefined,
    });
    if ('several' in bearer) {
      c.header('www-authenticate', 'Bearer error="invalid_request"');
      return c.json(
        {
          error: 'invalid_request',
          error_description:
            'send the access token one way only: the Authorization header, the query or the form body',
        },
        400,
      );
    }
    const claims = 'token' in bearer ? await accessTokenClaims(bearer.token) : undefined;
    const user = claims ? store.findUser('user_id', claims.sub) : undefined;
    if (!claims || !user || claims.aud !== appId) {
      c.header('www-authenticate', 'Bearer error="invalid_token"');
      return c.json(
        { error: 'invalid_token', error_description: 'the access token is invalid or expired' },
        401,
      );
    }
    return c.json({
      ...profileClaims(userDto(user, { customData: 'omit' }), claims.scope),
      sub: user.user_id,
    });
  };
  routes.get('/oidc/me', userInfo);
  routes.post('/oidc/me', userInfo);

  /** Sign-out (OpenID Connect RP-Initiated Logout 1.0), from the query or a form. */
  async function signOut(c: OidcContext, params: URLSearchParams): Promise<Response> {
    // The state goes back in a Location header, which clients read up to some 16 KiB. (An
    // id_token_hint is only verified, and an id token with a full profile may be long.)
    if ((params.get('state') ?? '').length > MAX_PARAM) {
      return showError(c, 'invalid_request', `state is longer than ${MAX_PARAM} characters`);
    }
    const repeated = repeatedParameter(params, LOGOUT_PARAMETERS);
    if (repeated) return showError(c, 'invalid_request', `${repeated} is given more than once`);
    const back = paramValue(params, 'post_logout_redirect_uri');
    if (back !== undefined && !callbacks.has(back)) {
      return showError(
        c,
        'invalid_request',
        "post_logout_redirect_uri is not one of the app's callback URLs",
      );
    }
    const hint = params.get('id_token_hint');
    // Expired or not (RP-Initiated Logout 1.0, 2: it may be old), but an id token of this app:
    // access tokens are signed with the same key, and only they have a jti.
    const hinted = hint ? await key.verifySignature(hint) : undefined;
    if (hint && (hinted?.aud !== appId || hinted.jti !== undefined)) {
      return showError(c, 'invalid_request', 'id_token_hint is not an id token of this app');
    }
    // HEAD is a safe method (RFC 9110 9.2.1): it gets the GET's answer, and changes nothing.
    if (c.req.method !== 'HEAD') {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) grants.endSession(session);
      if (typeof hinted?.sid === 'string') grants.endSession(hinted.sid);
      deleteCookie(c, SESSION_COOKIE, { path: '/oidc' });
    }
    if (back === undefined) {
      c.header('content-security-policy', pageCsp({ callbackOrigins }));
      return c.html(signedOutPage());
    }
    const url = new URL(back);
    const state = params.get('state');
    if (state) url.searchParams.set('state', state);
    return c.redirect(url.toString(), 303);
  }

  routes.get('/oidc/session/end', (c) => signOut(c, new URL(c.req.url).searchParams));
  routes.post('/oidc/session/end', (c) => {
    const form = formOf(c);
    if (!form) return showError(c, 'invalid_request', 'a POST sign-out request must be a form');
    return signOut(c, form);
  });

  return {
    routes,
    errorReply(c, error) {
      const reply = oidcFailure(c.req.path, error.key, error.statusCode);
      if (!reply) return undefined;
      const headers = { ...error.details.headers, ...reply.headers, 'content-type': reply.contentType };
      return c.body(reply.body, error.statusCode as ContentfulStatusCode, headers);
    },
    async verifyAccessToken(token) {
      const claims = await accessTokenClaims(token);
      return claims && { userId: claims.sub, appId: claims.aud };
    },
  };
}

const CODE_REFUSALS = {
  unknown: 'the code is invalid or expired',
  reused: 'the code was already used; the tokens it gave are revoked',
  client: 'the code was issued to another client',
  redirect_uri: 'redirect_uri is not the one of the authorization request',
  verifier: 'code_verifier does not match the code_challenge',
} as const;

/** The authorization request's parameters that are read (RFC 6749 4.1.1, RFC 7636 4.3, OIDC Core 3.1.2.1). */
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

/** The sign-out request's parameters that are read (OpenID Connect RP-Initiated Logout 1.0, 2). */
const LOGOUT_PARAMETERS = ['id_token_hint', 'post_logout_redirect_uri', 'state'];

/** The token request's parameters that are read (RFC 6749 4.1.3, 6, 2.3.1; RFC 7636 4.5). */
const TOKEN_PARAMETERS = [
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'client_id',
  'client_secret',
];

/**
 * The first of `names` that `params` holds more than once: RFC 6749 3.1 and 3.2 say a parameter
 * MUST NOT be included more than once. Unrecognized parameters are ignored (3.1), so only the
 * ones read are counted, and the name reported is always one of ours.
 */
function repeatedParameter(params: URLSearchParams, names: readonly string[]): string | undefined {
  return names.find((name) => params.getAll(name).length > 1);
}

/**
 * A parameter's value; one sent without a value is treated as omitted (RFC 6749 3.1, 3.2: MUST),
 * so that `state=` is no state to send back and `response_mode=` is the default one.
 */
function paramValue(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) || undefined;
}

/** Whether a value is longer than {@link MAX_PARAM}: what is kept per pending sign-in, or sent back, is bounded. */
function overlong(params: URLSearchParams): boolean {
  return [...params.values()].some((value) => value.length > MAX_PARAM);
}

/** The request's body as a form, or `undefined` when it is not `application/x-www-form-urlencoded`. */
function formOf(c: OidcContext): URLSearchParams | undefined {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(c.get('body') ?? '')
    : undefined;
}

function tokenError(c: OidcContext, error: string, description: string, status: 400 | 401 = 400): Response {
  return c.json({ error, error_description: description }, status);
}

/** `at_hash` (OIDC Core 3.1.3.6): the left half of the access token's SHA-256, base64url. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}
