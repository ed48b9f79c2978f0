/**
 * fast-check arbitraries for hostile requests to the hosted login (OIDC): authorization requests,
 * login forms, token requests, userinfo calls and sign-outs. Each request is a description ("a
 * fresh code", "an expired access token", "Basic without a colon") that the suite turns into a
 * real one against a running emulator, mixed with the texts of `hostile-inputs.ts`, markup that
 * tries to break out of a page, and URIs that try to redirect elsewhere.
 *
 * @module
 */
import fc from 'fast-check';
import { hostileText } from './hostile-inputs.ts';

/** What the generators must know of the emulator under test. */
export interface OidcWorld {
  readonly appId: string;
  /** The registered callback URLs; the first is the one the suite signs in with. */
  readonly callbacks: readonly string[];
}

/** Texts that try to leave an HTML text node, an attribute or a script. */
const BREAKOUTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(1)</script>',
  '<!--',
  '"',
  "'",
  '<',
  '\u2028</script>',
  '<a href="javascript:alert(1)">x</a>',
];

/**
 * Markup ending in a marker (`mk` and 8 letters), so that finding it verbatim in a page is proof
 * of reflection, never a coincidence with the page's own markup.
 */
export const markup: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BREAKOUTS), fc.stringMatching(/^[a-z]{8}$/))
  .map(([breakout, id]) => `${breakout}mk${id}`);

/** Whether a sent value is one of {@link markup}'s: one that no page may show verbatim. */
export function isMarkup(value: string): boolean {
  return /mk[a-z]{8}$/.test(value) && /[<>"']/.test(value);
}

/** Any parameter value: hostile texts, markup, and texts around the provider's 2048 bound. */
const oidcText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: markup },
  fc.constantFrom('x'.repeat(2048), 'x'.repeat(2049), '名前😀'.repeat(50)),
);

/** An optional value: absent now and then. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { freq: 6, nil: undefined });
}

/** Redirect URIs that must never be redirected to: unregistered, scripts, relative, near misses. */
function foreignUris(world: OidcWorld): string[] {
  const [callback = 'https://app.example/callback'] = world.callbacks;
  const url = new URL(callback);
  return [
    'https://evil.example/callback',
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    url.pathname,
    `//evil.example${url.pathname}`,
    `${callback}#fragment`,
    `${callback}?next=https://evil.example/`,
    `${callback}/../../evil`,
    `${callback}\r\nlocation: https://evil.example/`,
    callback.toUpperCase(),
    `${url.protocol}//${url.host}@evil.example${url.pathname}`,
    `${callback}${'x'.repeat(3000)}`,
  ];
}

/** Escapes that do not decode, appended raw to a query or a form. */
const BAD_ESCAPES = [
  '&state=%FF',
  '&redirect_uri=%E0%A4%A',
  '&%zz=%',
  '&nonce=%00',
  '&client_id=%',
  '&prompt=%C0%AF',
];

/** A generated authorization request (`/oidc/auth`). */
export interface HostileAuthorization {
  readonly method: 'GET' | 'POST';
  /** The parameters in order; a name may come twice. */
  readonly params: readonly (readonly [string, string])[];
  /** Appended raw to the query or the form: escapes that do not decode. */
  readonly rawSuffix: string;
  /** The browser's hosted-login session: live, a made-up cookie, or none. */
  readonly session: 'live' | 'garbage' | 'none';
  /** The content type of a POST. */
  readonly contentType: string | undefined;
}

/**
 * `base` with none, or one to three, of its fields replaced by one of their alternatives: each
 * check meets hostile input alone (the others pass), and a third of the values are valid, so the
 * paths behind every check are walked too.
 */
function mutated<T extends object>(
  base: fc.Arbitrary<T>,
  alternatives: { readonly [K in keyof T]?: fc.Arbitrary<T[K]> },
): fc.Arbitrary<T> {
  const names = Object.keys(alternatives) as (keyof T & string)[];
  const chosen = fc.oneof(
    { weight: 1, arbitrary: fc.constant<(keyof T & string)[]>([]) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(base, chosen).chain(([value, fields]) =>
    fc.tuple(...fields.map((name) => alternatives[name] as fc.Arbitrary<unknown>)).map((replacements) => ({
      ...value,
      ...Object.fromEntries(fields.map((name, index) => [name, replacements[index]])),
    })),
  );
}

/** The parameters of an authorization request: `undefined` leaves one out. */
type AuthorizationFields = Record<string, string | undefined>;

/** Authorization requests: valid ones with hostile values, repeats and bad escapes swapped in. */
export function hostileAuthorization(world: OidcWorld): fc.Arbitrary<HostileAuthorization> {
  const challenge = fc.stringMatching(/^[A-Za-z0-9_~.-]{43,128}$/);
  const absentOr = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(undefined), arbitrary);
  const valid: fc.Arbitrary<AuthorizationFields> = fc.record({
    client_id: fc.constant(world.appId),
    redirect_uri: fc.constantFrom(...world.callbacks),
    response_type: fc.constant('code'),
    response_mode: fc.constantFrom(undefined, 'query', 'fragment', 'web_message'),
    scope: fc.constantFrom('openid', 'openid profile email phone offline_access'),
    state: fc.oneof(markup, fc.constant('state-1234')),
    nonce: fc.option(markup, { nil: undefined }),
    code_challenge: challenge,
    code_challenge_method: fc.constant('S256'),
    prompt: fc.constantFrom(undefined, undefined, 'login', 'consent'),
  });
  const fields = mutated(valid, {
    client_id: absentOr(fc.oneof(fc.constant('another-app'), oidcText)),
    redirect_uri: absentOr(fc.oneof(fc.constantFrom(...foreignUris(world)), oidcText)),
    response_type: absentOr(
      fc.oneof(fc.constantFrom('token', 'id_token', 'code id_token', 'CODE', ''), oidcText),
    ),
    response_mode: fc.oneof(fc.constant('form_post'), oidcText),
    scope: absentOr(fc.oneof(fc.constantFrom('profile', 'OPENID', 'openid\tprofile'), oidcText)),
    state: absentOr(oidcText),
    nonce: oidcText,
    code_challenge: absentOr(fc.oneof(fc.constantFrom('short', 'x'.repeat(129)), oidcText)),
    code_challenge_method: absentOr(fc.oneof(fc.constantFrom('plain', 's256', 'S512'), oidcText)),
    prompt: fc.oneof(fc.constantFrom('none', 'none login', 'select_account'), oidcText),
  });
  const repeat = fc.option(
    fc.tuple(
      fc.constantFrom('client_id', 'redirect_uri', 'state', 'scope', 'prompt', 'code_challenge'),
      fc.oneof(fc.constantFrom(...foreignUris(world)), oidcText),
    ),
    { freq: 8, nil: undefined },
  );
  const unknown = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    fc.dictionary(fc.string({ maxLength: 10 }), oidcText, { maxKeys: 2 }),
  );
  return fc.record({
    method: fc.constantFrom<'GET' | 'POST'>('GET', 'GET', 'GET', 'POST'),
    params: fc.tuple(fields, repeat, unknown).map(([known, repeated, extra]) => {
      const params = [...Object.entries(extra), ...Object.entries(known)].filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      );
      if (repeated) params.push(repeated);
      return params;
    }),
    rawSuffix: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, fc.constantFrom(...BAD_ESCAPES)),
    session: fc.constantFrom<HostileAuthorization['session']>('live', 'none', 'none', 'garbage'),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') },
      fc.constantFrom(
        'application/x-www-form-urlencoded; charset=UTF-8',
        'application/json',
        'text/plain',
        undefined,
      ),
    ),
  });
}

/** How a body is written: as a form, as JSON, raw text, or over the emulator's 1 MiB cap. */
export type BodyEncoding = 'form' | 'json' | 'raw' | 'oversized';

const bodyEncoding = fc.oneof(
  { weight: 8, arbitrary: fc.constant<BodyEncoding>('form') },
  fc.constantFrom<BodyEncoding>('json', 'raw', 'oversized'),
);

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/x-www-form-urlencoded') },
  fc.constantFrom(
    'application/x-www-form-urlencoded;charset=utf-8',
    'APPLICATION/X-WWW-FORM-URLENCODED',
    'application/json',
    'text/plain',
    'multipart/form-data; boundary=x',
    undefined,
  ),
);

/** A generated login form (`POST /oidc/auth/login`). */
export interface HostileLogin {
  /**
   * A pending sign-in's id: live, live but opened in another browser (login CSRF), expired,
   * already used, made up, or any text.
   */
  readonly interaction:
    | 'fresh'
    | 'foreign'
    | 'expired'
    | 'used'
    | 'unknown'
    | { readonly text: string }
    | undefined;
  /** The demo user's username or email, or any text. */
  readonly account: 'username' | 'email' | { readonly text: string } | undefined;
  /**
   * The right password, or a wrong one. A wrong one always holds a marker (`pw` and 10 letters)
   * that no reply or log line may show.
   */
  readonly password: 'right' | { readonly wrong: string } | undefined;
  readonly encoding: BodyEncoding;
  readonly contentType: string | undefined;
  readonly acceptLanguage: string | undefined;
}

/** A wrong password with its marker, among hostile texts: NUL, huge, unicode, markup. */
const wrongPassword = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('', '\0', 'é😀', '\r\n', 'x'.repeat(3000)),
      hostileText.filter((text) => text.length < 5000),
    ),
    fc.stringMatching(/^[a-z]{10}$/),
  )
  .map(([text, id]) => ({ wrong: `${text}pw${id}` }));

/** Login forms: mostly a live page with the right or a wrong password. */
export function hostileLogin(): fc.Arbitrary<HostileLogin> {
  return fc.record({
    interaction: fc.oneof(
      { weight: 5, arbitrary: fc.constant('fresh' as const) },
      { weight: 2, arbitrary: fc.constant('foreign' as const) },
      fc.constantFrom('expired' as const, 'used' as const, 'unknown' as const, undefined),
      oidcText.map((text) => ({ text })),
    ),
    account: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('username' as const, 'email' as const) },
      fc.constant(undefined),
      oidcText.map((text) => ({ text })),
    ),
    password: fc.oneof(
      { weight: 3, arbitrary: fc.constant('right' as const) },
      { weight: 3, arbitrary: wrongPassword },
      fc.constant(undefined),
    ),
    encoding: bodyEncoding,
    contentType,
    acceptLanguage: fc.constantFrom(undefined, 'zh-CN', 'en-US', '*', 'zh'),
  });
}

/** How a token request's client authenticates. */
export type TokenClient =
  | 'none'
  /** `client_id` in the body. */
  | 'form'
  /** `x-authing-app-id`, as `@authing/web` refreshes. */
  | 'header'
  /** `client_id` and the right `client_secret` in the body. */
  | 'form-secret'
  | 'form-wrong-secret'
  | 'form-other-client'
  /** HTTP Basic with the right secret. */
  | 'basic'
  | 'basic-wrong-secret'
  /** HTTP Basic, and the right `client_secret` in the body too. */
  | 'basic-and-form-secret'
  /** A malformed `Authorization: Basic ...` value. */
  | { readonly basic: string };

/** Malformed Basic credentials: no colon, bad base64, bad escapes, empty parts, no value. */
function malformedBasic(world: OidcWorld): fc.Arbitrary<TokenClient> {
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return fc
    .oneof(
      fc.constantFrom(
        base64(world.appId),
        base64(`${world.appId}:%FF`),
        base64('%:x'),
        base64(':'),
        base64(`:${world.appId}`),
        base64(`${world.appId}:`),
        '!!!not-base64!!!',
        '====',
        '',
        base64('\0:\0'),
      ),
      fc.stringMatching(/^[\x21-\x7e]{0,60}$/),
      hostileText.map((text) => base64(text)),
    )
    .map((basic) => ({ basic }));
}

/** A generated token request (`POST /oidc/token`). */
export interface HostileToken {
  readonly grantType: string | undefined;
  readonly code: 'fresh' | 'reused' | 'expired' | 'forged' | { readonly text: string } | undefined;
  /** The verifier of the code's challenge, another well-formed one, or any text. */
  readonly verifier: 'right' | 'wrong' | { readonly text: string } | undefined;
  /** The redirect URI of the code's request, another registered one, or any text. */
  readonly redirectUri: 'right' | 'other' | { readonly text: string } | undefined;
  readonly refreshToken: 'fresh' | 'used' | 'expired' | 'forged' | { readonly text: string } | undefined;
  readonly client: TokenClient;
  /** A parameter sent twice. */
  readonly repeated: string | undefined;
  readonly encoding: BodyEncoding;
  readonly contentType: string | undefined;
}

/** Token requests: valid ones with grant types, codes, tokens and client credentials swapped in. */
export function hostileToken(world: OidcWorld): fc.Arbitrary<HostileToken> {
  const text = oidcText.map((value) => ({ text: value }));
  const valid: fc.Arbitrary<HostileToken> = fc.record({
    grantType: fc.constantFrom('authorization_code', 'refresh_token'),
    code: fc.constant('fresh' as const),
    verifier: fc.constant('right' as const),
    redirectUri: fc.constant('right' as const),
    refreshToken: fc.constant('fresh' as const),
    client: fc.constantFrom<TokenClient>('form', 'header', 'form-secret', 'basic'),
    repeated: fc.constant(undefined),
    encoding: fc.constant<BodyEncoding>('form'),
    contentType: fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded;charset=utf-8',
      'APPLICATION/X-WWW-FORM-URLENCODED',
    ),
  });
  return mutated(valid, {
    grantType: fc.oneof(
      fc.constantFrom(
        'password',
        'client_credentials',
        'implicit',
        'urn:ietf:params:oauth:grant-type:device_code',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
        'AUTHORIZATION_CODE',
        '',
        undefined,
      ),
      oidcText,
    ),
    code: fc.oneof(
      fc.constantFrom('reused' as const, 'expired' as const, 'forged' as const, undefined),
      text,
    ),
    verifier: fc.oneof(fc.constantFrom('wrong' as const, undefined), text),
    redirectUri: fc.oneof(fc.constantFrom('other' as const, undefined), text),
    refreshToken: fc.oneof(
      fc.constantFrom('used' as const, 'expired' as const, 'forged' as const, undefined),
      text,
    ),
    client: fc.oneof(
      fc.constantFrom<TokenClient>(
        'none',
        'form-wrong-secret',
        'form-other-client',
        'basic-wrong-secret',
        'basic-and-form-secret',
      ),
      malformedBasic(world),
    ),
    repeated: fc.constantFrom(
      'grant_type',
      'code',
      'code_verifier',
      'redirect_uri',
      'refresh_token',
      'client_id',
    ),
    encoding: fc.constantFrom<BodyEncoding>('json', 'raw', 'oversized'),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      undefined,
    ),
  });
}

/** Which token a userinfo call sends. */
export type UserInfoToken =
  | 'access'
  | 'id'
  | 'expired'
  | 'refresh'
  /** A `/api/v3/signin` token: the same user's, from another issuer. */
  | 'signin'
  /** Signed by another key, for another app, with the emulator's key id. */
  | 'foreign'
  /** An unsigned JWT (`alg: none`) with the right claims. */
  | 'unsigned'
  | { readonly text: string }
  | undefined;

/** Where a userinfo call puts its token. */
export type TokenPlacement =
  | 'header'
  | 'lowercase-scheme'
  | 'query'
  | 'form'
  | 'header-and-query'
  | 'scheme-only'
  | 'basic';

/** A generated userinfo call (`/oidc/me`). */
export interface HostileUserInfo {
  readonly method: 'GET' | 'POST';
  readonly token: UserInfoToken;
  readonly placement: TokenPlacement;
}

/** Userinfo calls: each kind of token, in each place. */
export function hostileUserInfo(): fc.Arbitrary<HostileUserInfo> {
  return fc.record({
    method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
    token: fc.oneof(
      { weight: 4, arbitrary: fc.constant<UserInfoToken>('access') },
      {
        weight: 4,
        arbitrary: fc.constantFrom<UserInfoToken>(
          'id',
          'expired',
          'refresh',
          'signin',
          'foreign',
          'unsigned',
          undefined,
        ),
      },
      { weight: 2, arbitrary: oidcText.map((text) => ({ text })) },
      fc.constantFrom('a.b.c', 'eyJhbGciOiJub25lIn0.e30.', '...', 'Bearer').map((text) => ({ text })),
    ),
    placement: fc.constantFrom<TokenPlacement>(
      'header',
      'header',
      'lowercase-scheme',
      'query',
      'form',
      'header-and-query',
      'scheme-only',
      'basic',
    ),
  });
}

/** A generated sign-out (`/oidc/session/end`). */
export interface HostileLogout {
  /** A query, or a form `POST`. */
  readonly method: 'GET' | 'POST';
  readonly hint: 'id' | 'expired-id' | 'access' | { readonly text: string } | undefined;
  readonly back: string | undefined;
  readonly state: string | undefined;
  readonly session: 'live' | 'none';
}

/** Sign-outs: hints of each kind, return addresses registered or not, states with markup. */
export function hostileLogout(world: OidcWorld): fc.Arbitrary<HostileLogout> {
  return fc.record({
    method: fc.constantFrom<HostileLogout['method']>('GET', 'POST'),
    hint: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('id' as const, 'expired-id' as const, undefined) },
      fc.constant('access' as const),
      oidcText.map((text) => ({ text })),
    ),
    back: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...world.callbacks) },
      fc.constant(undefined),
      fc.constantFrom(...foreignUris(world)),
      oidcText,
    ),
    state: sometimes(fc.oneof(markup, oidcText)),
    session: fc.constantFrom<HostileLogout['session']>('live', 'none'),
  });
}
