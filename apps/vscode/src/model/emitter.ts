/** Stops a subscription. */
export interface Subscription {
  dispose(): void;
}

/**
 * A minimal event emitter for the model, which must not import `vscode` (its tests run under
 * vitest, outside the editor). The editor layer forwards these events to `vscode.EventEmitter`s.
 */
export class Emitter<T> {
  readonly #listeners = new Set<(value: T) => void>();

  /** Calls `listener` on every {@link fire} until the subscription is disposed. */
  on(listener: (value: T) => void): Subscription {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** Calls every listener with `value`, in subscription order. */
  fire(value: T): void {
    for (const listener of [...this.#listeners]) listener(value);
  }
}
