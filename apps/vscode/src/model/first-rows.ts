import type { Log } from './log.ts';
import type { TreeNode } from './nodes/tree-node.ts';

/** When activation started, on two clocks. */
export interface ActivationTime {
  /** On the monotonic clock the probe is given (`performance.now()` in the editor). */
  readonly at: number;
  /** Wall-clock time (`Date.now()`), for whoever lines the log up with another process's clock. */
  readonly wallClock: number;
}

/**
 * Follows the way to the first group rows after activation, for the log (the end-to-end test
 * reads it to print each part). Until the first group row goes to the view, every line of
 * {@link FirstRowsProbe.log} starts with its time since activation (`[+2866 ms] ...`): the editor
 * stamps the lines of a channel that is still opening with the time it opened, seconds late on a
 * busy machine. The probe adds two lines of its own: when the view first asked for rows, and when
 * the first group row went to it.
 */
export class FirstRowsProbe {
  /** The log to write to: stamped as above until the first rows, then as given. */
  readonly log: Log;
  readonly #now: () => number;
  readonly #activated: ActivationTime;
  #asked: number | undefined;
  #shown = false;

  /** @param now the monotonic clock of `activated.at`, in milliseconds. */
  constructor(target: Log, activated: ActivationTime, now: () => number = () => performance.now()) {
    this.#activated = activated;
    this.#now = now;
    const stamp = (message: string) =>
      this.#shown ? message : `[+${Math.round(this.#now() - activated.at)} ms] ${message}`;
    this.log = {
      debug: (message) => target.debug(stamp(message)),
      info: (message) => target.info(stamp(message)),
      warn: (message) => target.warn(stamp(message)),
      error: (message) => target.error(stamp(message)),
    };
  }

  /** The view asks for children: the first time is logged. */
  asked(): void {
    if (this.#asked !== undefined) return;
    this.#asked = this.#now();
    this.log.info('View asked for rows');
  }

  /** A row goes to the view: the first group row is logged, with how long after the view asked. */
  shown(node: TreeNode): void {
    if (this.#shown || node.kind !== 'group') return;
    const sinceAsked =
      this.#asked === undefined ? '' : `, ${Math.round(this.#now() - this.#asked)} ms after the view asked`;
    const started = new Date(this.#activated.wallClock).toISOString();
    this.log.info(`First rows${sinceAsked} (activation started at ${started})`);
    this.#shown = true;
  }
}
