/**
 * Where a userinfo request carries its access token (RFC 6750 2): the `Authorization: Bearer`
 * header and the `access_token` query parameter (both in GenAuth's docs, contract 16.1), or the
 * `access_token` field of a form body (RFC 6750 2.2; what a `POST` to userinfo is for).
 *
 * @module
 */

/** The token, or why there is none to check. */
export type BearerToken =
  | { readonly token: string }
  /** No token at all: the client did not authenticate. */
  | { readonly missing: true }
  /** More than one of the ways: RFC 6750 2 forbids it and 3.1 makes it an `invalid_request`. */
  | { readonly several: true };

/** What a request offers: its `Authorization` header, its query's and its form body's `access_token`. */
export interface BearerSources {
  readonly authorization: string | undefined;
  readonly query: string | undefined;
  /** Only for a form body (`application/x-www-form-urlencoded`), as RFC 6750 2.2 requires. */
  readonly form: string | undefined;
}

/** The one access token of a request; an empty value counts as absent. */
export function bearerToken(sources: BearerSources): BearerToken {
  // The scheme is case-insensitive (RFC 9110 11.1).
  const header = sources.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  const found = [header, sources.query, sources.form].filter((token): token is string => Boolean(token));
  if (found.length > 1) return { several: true };
  const [token] = found;
  return token ? { token } : { missing: true };
}
