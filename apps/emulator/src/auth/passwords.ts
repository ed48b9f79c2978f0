import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with a low cost: the emulator stores demo passwords of fake users, and a realistic cost
// (N = 2^15 or more) would make seeding users with passwords take seconds. Never reuse these hashes.
const COST = 1024;
const KEY_LENGTH = 32;

/** A salted hash of `password`, as stored in `users.password_hash`: `scrypt$<N>$<salt>$<hash>`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N: COST });
  return `scrypt$${COST}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `password` matches a hash from {@link hashPassword}, compared in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(cost) });
  return timingSafeEqual(actual, expected);
}
