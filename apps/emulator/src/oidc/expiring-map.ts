/**
 * A map whose entries expire by the emulator's clock and whose size is bounded: at `max` entries
 * the oldest goes, so that a client looping on `/oidc/auth` cannot grow the process without end.
 */
export class ExpiringMap<TValue> {
  readonly #entries = new Map<string, { value: TValue; expiresAt: number }>();
  readonly #clock: () => number;
  readonly #max: number;

  constructor(clock: () => number, max = 10_000) {
    this.#clock = clock;
    this.#max = max;
  }

  set(key: string, value: TValue, ttlSeconds: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt: this.#clock() + ttlSeconds * 1000 });
  }

  /** The value, or `undefined` when absent or expired (an expired entry is dropped). */
  get(key: string): TValue | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#clock()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops every entry whose value matches. */
  deleteWhere(matches: (value: TValue) => boolean): void {
    for (const [key, { value }] of this.#entries) if (matches(value)) this.#entries.delete(key);
  }
}
