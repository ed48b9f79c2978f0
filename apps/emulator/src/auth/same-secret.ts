import { timingSafeEqual } from 'node:crypto';

/** Whether two secrets (or signatures) are equal, compared in constant time for equal lengths. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
