/**
 * The signature nonces seen recently, to refuse a replayed request (apiCode 1306). A nonce is
 * kept until its request's timestamp leaves the accepted window: after that the timestamp check
 * refuses the replay anyway.
 */
export class NonceCache {
  readonly #expiries = new Map<string, number>();
  #nextSweep = 0;

  /** Whether `nonce` was recorded and is still remembered at `now`. */
  has(nonce: string, now: number): boolean {
    this.#sweep(now);
    const expiry = this.#expiries.get(nonce);
    return expiry !== undefined && expiry > now;
  }

  /** Remembers `nonce` until `expiry` (ms since the epoch). */
  add(nonce: string, expiry: number): void {
    this.#expiries.set(nonce, expiry);
  }

  // At most once a second, so that a busy server does not walk the map on every request.
  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + 1000;
    for (const [nonce, expiry] of this.#expiries) if (expiry <= now) this.#expiries.delete(nonce);
  }
}
