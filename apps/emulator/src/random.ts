/** A seeded source of random numbers: the same seed gives the same sequence, on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `size` random bytes. */
  bytes(size: number): Uint8Array;
}

/**
 * A small, fast PRNG (mulberry32): good enough for test data and fault draws, not for secrets.
 *
 * @example
 * const random = seededRandom(42);
 * random.int(10); // the same number on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    bytes: (size: number) => Uint8Array.from({ length: size }, () => int(256)),
  };
}
