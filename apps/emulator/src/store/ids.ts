import { randomBytes } from 'node:crypto';

/**
 * A 24-hex id shaped like the service's (a MongoDB ObjectId, e.g. `60b49eb83fd80adb96f26e68`):
 * 8 hex digits of seconds since the epoch, then 16 random ones.
 *
 * @param random Source of the 8 random bytes; seeded generators pass their own.
 */
export function objectId(nowMs: number, random: (size: number) => Uint8Array = randomBytes): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return seconds + Buffer.from(random(8)).toString('hex');
}
