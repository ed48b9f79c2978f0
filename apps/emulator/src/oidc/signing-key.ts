import { randomUUID } from 'node:crypto';
import {
  compactVerify,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The key id in every token header and in the JWKS. Fixed and short on purpose: `@authing/web`
 * 5.1.21 decodes the JWT header with a plain `atob`, which throws on the `-` and `_` of base64url,
 * so the header's base64url must use neither (checked in signing-key.test.ts).
 */
export const KEY_ID = 'emulator';

/**
 * The app's token signing key: RS256, as GenAuth signs OIDC tokens by default (the docs' token
 * examples carry `"alg":"RS256"` and a `kid`; verifiers are told `algorithms: ['RS256']` and the
 * JWKS at `/oidc/.well-known/jwks.json`). Made on first use, so that emulators that never serve
 * OIDC do not pay for an RSA key, and never stored: tokens do not outlive the process.
 */
export class SigningKey {
  readonly #clock: () => number;
  #pair: ReturnType<typeof generateKeyPair> | undefined;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  #keys() {
    this.#pair ??= generateKeyPair('RS256', { extractable: true });
    return this.#pair;
  }

  /** The public key set served at `/oidc/.well-known/jwks.json`. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK((await this.#keys()).publicKey);
    return { keys: [{ ...jwk, kid: KEY_ID, alg: 'RS256', use: 'sig' }] };
  }

  /** A signed JWT with these claims, `iat` and `exp` from the emulator's clock, and a fresh `jti` when asked. */
  async sign(claims: JWTPayload, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(this.#clock() / 1000);
    return new SignJWT({ ...claims, iat, exp: iat + ttlSeconds })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })
      .sign((await this.#keys()).privateKey);
  }

  /** The claims of a token this key signed, unexpired by the emulator's clock; `undefined` for anything else. */
  async verify(token: string, issuer: string | undefined): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, (await this.#keys()).publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(this.#clock()),
        ...(issuer && { issuer }),
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  /** The claims of a token this key signed, expired or not (an `id_token_hint` may be old). */
  async verifySignature(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await compactVerify(token, (await this.#keys()).publicKey, {
        algorithms: ['RS256'],
      });
      const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
      return typeof claims === 'object' && claims !== null ? (claims as JWTPayload) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A token id (`jti`), as the docs' access token carries one. */
export function tokenId(): string {
  return randomUUID().replaceAll('-', '');
}
