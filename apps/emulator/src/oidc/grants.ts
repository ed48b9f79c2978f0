import { randomBytes } from 'node:crypto';
import { ExpiringMap } from './expiring-map.ts';

/** How the authorization response goes back to the client (`response_mode`). */
export type ResponseMode = 'query' | 'fragment' | 'web_message';

/** A checked authorization request, kept while the user signs in on the hosted page. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly responseMode: ResponseMode;
  readonly scope: string;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly codeChallenge: string;
}

/** A sign-in waiting for the user: the request, and the browser its login page was shown in. */
export interface PendingSignIn {
  readonly request: AuthorizationRequest;
  readonly browser: string;
}

/** What an authorization code or a refresh token stands for. */
export interface Grant {
  readonly clientId: string;
  readonly userId: string;
  readonly scope: string;
  /** The hosted-login session the grant came from (the id token's `sid`). */
  readonly sid: string;
  readonly nonce: string | undefined;
}

/** An issued authorization code: single use; a second use revokes what the first one issued. */
interface CodeEntry {
  readonly grant: Grant;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  used: boolean;
  refreshToken?: string;
}

/** Lifetimes, in seconds. */
export interface GrantLifetimes {
  /** The docs: "一个 code 仅限一次性使用，用后作废，有效期 10 分钟" (PKCE token request). */
  readonly code: number;
  readonly refreshToken: number;
  readonly session: number;
  /** How long the hosted login page waits for the user (inferred). */
  readonly interaction: number;
}

/** Why a code could not be redeemed, for the `invalid_grant` description. */
export type CodeRefusal = 'unknown' | 'reused' | 'client' | 'redirect_uri' | 'verifier';

/** A random, URL-safe, unguessable handle (codes, refresh tokens, session and interaction ids). */
export function handle(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The provider's state, in memory as a real authorization server keeps it short-lived: pending
 * sign-ins, codes, refresh tokens and hosted-login sessions, each expiring by the emulator's clock.
 */
export class Grants {
  readonly #interactions: ExpiringMap<PendingSignIn>;
  readonly #codes: ExpiringMap<CodeEntry>;
  readonly #refreshTokens: ExpiringMap<Grant>;
  readonly #sessions: ExpiringMap<string>;
  readonly #lifetimes: GrantLifetimes;

  constructor(clock: () => number, lifetimes: GrantLifetimes) {
    this.#interactions = new ExpiringMap(clock);
    this.#codes = new ExpiringMap(clock);
    this.#refreshTokens = new ExpiringMap(clock);
    this.#sessions = new ExpiringMap(clock);
    this.#lifetimes = lifetimes;
  }

  /**
   * Keeps a request while its login page is shown in `browser` (the id of its browser cookie);
   * returns the id the page posts back.
   */
  startInteraction(request: AuthorizationRequest, browser: string): string {
    const id = handle();
    this.#interactions.set(id, { request, browser }, this.#lifetimes.interaction);
    return id;
  }

  interaction(id: string): PendingSignIn | undefined {
    return this.#interactions.get(id);
  }

  endInteraction(id: string): void {
    this.#interactions.delete(id);
  }

  /** A hosted-login session for a user; its id goes in the session cookie and the id token's `sid`. */
  startSession(userId: string): string {
    const sid = handle();
    this.#sessions.set(sid, userId, this.#lifetimes.session);
    return sid;
  }

  /** The user of a live session. */
  sessionUser(sid: string): string | undefined {
    return this.#sessions.get(sid);
  }

  /** Ends a session and revokes the refresh tokens issued in it. */
  endSession(sid: string): void {
    this.#sessions.delete(sid);
    this.#refreshTokens.deleteWhere((grant) => grant.sid === sid);
  }

  issueCode(request: AuthorizationRequest, userId: string, sid: string): string {
    const code = handle();
    const grant = { clientId: request.clientId, userId, scope: request.scope, sid, nonce: request.nonce };
    this.#codes.set(
      code,
      { grant, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge, used: false },
      this.#lifetimes.code,
    );
    return code;
  }

  /**
   * Redeems a code once (RFC 6749 4.1.2, 4.1.3; RFC 7636 4.6). A code presented again is refused
   * and the refresh token its first use issued is revoked (RFC 6749 4.1.2: SHOULD).
   */
  redeemCode(
    code: string,
    check: { clientId: string; redirectUri: string | undefined; verifies: (challenge: string) => boolean },
  ): Grant | CodeRefusal {
    const entry = this.#codes.get(code);
    if (!entry) return 'unknown';
    if (entry.used) {
      if (entry.refreshToken) this.#refreshTokens.delete(entry.refreshToken);
      return 'reused';
    }
    // Any failed attempt spends the code: a guessed verifier gets one try.
    entry.used = true;
    if (entry.grant.clientId !== check.clientId) return 'client';
    if (entry.redirectUri !== check.redirectUri) return 'redirect_uri';
    if (!check.verifies(entry.codeChallenge)) return 'verifier';
    return entry.grant;
  }

  /** Remembers the refresh token a code's redemption issued, to revoke it if the code comes back. */
  linkRefreshToken(code: string, refreshToken: string): void {
    const entry = this.#codes.get(code);
    if (entry) entry.refreshToken = refreshToken;
  }

  issueRefreshToken(grant: Grant): string {
    const token = handle();
    this.#refreshTokens.set(token, grant, this.#lifetimes.refreshToken);
    return token;
  }

  /** Takes a refresh token (rotation: each is used once), or `undefined` when unknown or expired. */
  takeRefreshToken(token: string): Grant | undefined {
    const grant = this.#refreshTokens.get(token);
    this.#refreshTokens.delete(token);
    return grant;
  }
}
