import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. The same bounds hold for a challenge. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether `value` has the form of a code verifier or challenge (RFC 7636 4.1, 4.2). */
export function wellFormed(value: string): boolean {
  return VERIFIER.test(value);
}

/** Whether `verifier` hashes to `challenge` by S256 (RFC 7636 4.6), compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!wellFormed(verifier)) return false;
  const actual = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
