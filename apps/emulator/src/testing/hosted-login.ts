/**
 * Test helpers for the hosted login (OIDC): PKCE pairs, the login form's interaction id, and a
 * browser-like client that signs a demo user in and gets codes and tokens from a running
 * emulator, with fetch. Not exported by the package.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Emulator } from '../emulator.ts';
import { oidcProvider } from '../oidc/routes.ts';
import { openDatabase } from '../store/database.ts';
import { Store } from '../store/store.ts';

/** A fresh PKCE S256 pair (RFC 7636 4.1, 4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The pending sign-in id in a login page's form. */
export function interactionOf(html: string): string {
  const match = html.match(/name="interaction" value="([^"]+)"/);
  if (!match?.[1]) throw new Error('no login form');
  return match[1];
}

/** The first `name=value` of a `set-cookie` header: what a browser sends back. */
export function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The `genauth_emulator_browser=...` cookie a response sets, which ties a login page to its browser. */
export function browserCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((cookie) => cookie.startsWith('genauth_emulator_browser='));
}

/** A code and the PKCE verifier that redeems it. */
export interface IssuedCode {
  readonly code: string;
  readonly verifier: string;
}

/**
 * Drives the hosted login of `emulator` as one browser and an SPA do, for one callback URL: it
 * keeps the browser cookie that ties its login pages to it.
 */
export class HostedLogin {
  readonly #emulator: Emulator;
  readonly #callback: string;
  readonly #budgetMs: number;
  #browser = '';

  /** @param budgetMs how long each request may take (generous: CI is loaded). */
  constructor(emulator: Emulator, callback: string, budgetMs = 10_000) {
    this.#emulator = emulator;
    this.#callback = callback;
    this.#budgetMs = budgetMs;
  }

  /** A valid authorization request's parameters, with `extra` over them (`undefined` drops one). */
  params(
    challenge: string,
    extra: Readonly<Record<string, string | undefined>> = {},
  ): Record<string, string> {
    const all: Record<string, string | undefined> = {
      client_id: this.#emulator.credentials.appId,
      redirect_uri: this.#callback,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      state: 'state-1234',
      nonce: 'nonce-5678',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
    return Object.fromEntries(
      Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
  }

  /** This browser's cookie that ties a login page to it, once a page has set it. */
  get browserCookie(): string {
    return this.#browser;
  }

  /** `GET /oidc/auth` with these parameters and the session `cookie`, redirects not followed. */
  async authorize(params: Readonly<Record<string, string>>, cookie?: string): Promise<Response> {
    const cookies = [cookie, this.#browser].filter(Boolean).join('; ');
    const response = await this.fetch(
      `/oidc/auth?${new URLSearchParams(params)}`,
      cookies ? { headers: { cookie: cookies } } : {},
    );
    this.#browser = browserCookieOf(response) ?? this.#browser;
    return response;
  }

  /** A new pending sign-in (its login page's interaction id), for the PKCE challenge given. */
  async startInteraction(challenge = pkcePair().challenge): Promise<string> {
    const page = await this.authorize(this.params(challenge));
    if (page.status !== 200) throw new Error(`no login page: ${page.status}`);
    return interactionOf(await page.text());
  }

  /** Posts the login form. */
  submitLogin(interaction: string, account: string, password: string): Promise<Response> {
    return this.fetch('/oidc/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.#browser },
      body: new URLSearchParams({ interaction, account, password }),
    });
  }

  /** Signs a user in on the hosted page: the session cookie and the code it gave. */
  async signIn(account: string, password: string): Promise<IssuedCode & { cookie: string }> {
    const pair = pkcePair();
    const done = await this.submitLogin(await this.startInteraction(pair.challenge), account, password);
    const code = new URL(done.headers.get('location') ?? 'x:').searchParams.get('code');
    if (done.status !== 303 || !code) throw new Error(`sign-in failed: ${done.status}`);
    return { code, verifier: pair.verifier, cookie: cookieOf(done) };
  }

  /** A new code from a live session, without the form (`prompt=none`). */
  async code(cookie: string): Promise<IssuedCode> {
    const pair = pkcePair();
    const silent = await this.authorize(this.params(pair.challenge, { prompt: 'none' }), cookie);
    const code = new URL(silent.headers.get('location') ?? 'x:').searchParams.get('code');
    if (!code) throw new Error('the session gave no code');
    return { code, verifier: pair.verifier };
  }

  /** Redeems a code: the token endpoint's reply. */
  async exchange({ code, verifier }: IssuedCode): Promise<Record<string, unknown>> {
    const response = await this.fetch('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: this.#emulator.credentials.appId,
        redirect_uri: this.#callback,
      }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  /** Spends a refresh token: the token endpoint's reply. */
  async refresh(refreshToken: string): Promise<Record<string, unknown>> {
    const response = await this.fetch('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: this.#emulator.credentials.appId,
      }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  /** Any request to the emulator, redirects not followed, within the budget. */
  fetch(target: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(target, this.#emulator.url), {
      redirect: 'manual',
      signal: AbortSignal.timeout(this.#budgetMs),
      ...init,
    });
  }
}

/**
 * The method and path of every route the OIDC provider serves, read from its router (not
 * restated), so that a suite that walks them all notices a new one.
 */
export function oidcRoutes(): { method: string; path: string }[] {
  const store = new Store(openDatabase(), Date.now);
  try {
    const provider = oidcProvider({
      store,
      clock: Date.now,
      appId: 'app',
      appSecret: 'secret',
      callbackUrls: ['https://app.example/callback'],
      accessTokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 60,
    });
    // Middleware (CORS) is registered for every method.
    return provider.routes.routes
      .filter((route) => route.method !== 'ALL')
      .map(({ method, path }) => ({ method, path }));
  } finally {
    store.close();
  }
}
