import type { Log } from './log.ts';
import type { TreeNode } from './nodes/tree-node.ts';

/**
 * Follows the way to the first group rows after activation, for the log (the end-to-end test
 * reads it to print each part): when the view first asked for rows, and when the first group row
 * went back to it. The parts in between (secret read, client setup, the page request) are logged
 * where they happen. Each of the two lines is logged once per activation.
 */
export class FirstRowsProbe {
  readonly #log: Log;
  readonly #now: () => number;
  readonly #activated: number;
  #asked: number | undefined;
  #shown = false;

  /**
   * @param activated when activation started, on the clock `now`.
   * @param now a monotonic clock in milliseconds.
   */
  constructor(log: Log, activated: number, now: () => number = () => performance.now()) {
    this.#log = log;
    this.#now = now;
    this.#activated = activated;
  }

  /** The view asks for children: the first time, logs how long after activation. */
  asked(): void {
    if (this.#asked !== undefined) return;
    this.#asked = this.#now();
    this.#log.info(`View asked for rows ${Math.round(this.#asked - this.#activated)} ms after activation`);
  }

  /** A row goes to the view: the first group row logs how long after activation and after the view asked. */
  shown(node: TreeNode): void {
    if (this.#shown || node.kind !== 'group') return;
    this.#shown = true;
    const now = this.#now();
    const sinceAsked =
      this.#asked === undefined ? '' : `, ${Math.round(now - this.#asked)} ms after the view asked`;
    this.#log.info(`First rows ${Math.round(now - this.#activated)} ms after activation${sinceAsked}`);
  }
}
