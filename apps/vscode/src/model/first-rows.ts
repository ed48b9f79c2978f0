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
 * the first group row went to it, with how long after the view asked for that row's siblings
 * (the top level for a lone connection; a connection's rows, one round trip with the editor after
 * the top level, when there are several) and how many times the view was told of a change before.
 * For {@link SETTLE_MS} after, it also logs each change the view is told of and the view asking
 * again for the first rows' list: each makes the editor fetch and draw rows it already has.
 */
export class FirstRowsProbe {
  /** How long after the first rows changes and asks are still logged. */
  static readonly SETTLE_MS = 5000;
  /** The log to write to: stamped as above until the first rows, then as given. */
  readonly log: Log;
  readonly #now: () => number;
  readonly #activated: ActivationTime;
  #asked: number | undefined;
  /** When the view first asked for the children of each node (`undefined`: the top level). */
  readonly #asks = new Map<TreeNode | undefined, number>();
  /** Changes the view was told of before the first rows. */
  #changes = 0;
  /** How many times the view asked for the children of each node before the first rows. */
  readonly #askCounts = new Map<TreeNode | undefined, number>();
  /** When the first rows went to the view, and as the children of which node. */
  #first: { readonly at: number; readonly parent: TreeNode | undefined } | undefined;
  #askedAgain = false;

  /** @param now the monotonic clock of `activated.at`, in milliseconds. */
  constructor(target: Log, activated: ActivationTime, now: () => number = () => performance.now()) {
    this.#activated = activated;
    this.#now = now;
    const stamp = (message: string) =>
      this.#first ? message : `[+${Math.round(this.#now() - activated.at)} ms] ${message}`;
    this.log = {
      debug: (message) => target.debug(stamp(message)),
      info: (message) => target.info(stamp(message)),
      warn: (message) => target.warn(stamp(message)),
      error: (message) => target.error(stamp(message)),
    };
  }

  /** The view asks for the children of `parent` (`undefined`: the top level); the very first ask is logged. */
  asked(parent: TreeNode | undefined): void {
    const first = this.#first;
    if (first) {
      const after = this.#settling();
      if (after === undefined || this.#askedAgain || parent !== first.parent) return;
      this.#askedAgain = true;
      this.log.info(`View asked for the first rows' list again, ${after} ms after the first rows`);
      return;
    }
    this.#askCounts.set(parent, (this.#askCounts.get(parent) ?? 0) + 1);
    if (this.#asks.has(parent)) return;
    const now = this.#now();
    this.#asks.set(parent, now);
    if (this.#asked !== undefined) return;
    this.#asked = now;
    this.log.info('View asked for rows');
  }

  /**
   * A row goes to the view, as a child of `parent` as shown (`undefined`: the top level). The
   * first group row is logged, with how long after the view asked for it (for the children of its
   * parent) and after it first asked for anything.
   */
  shown(node: TreeNode, parent: TreeNode | undefined): void {
    if (this.#first || node.kind !== 'group') return;
    const now = this.#now();
    const since = (at: number | undefined, what: string) =>
      at === undefined ? [] : [`${Math.round(now - at)} ms after the view asked ${what}`];
    const parts = [
      ...since(this.#asks.get(parent), 'for them'),
      ...since(this.#asked, 'for rows'),
      `${this.#changes} change(s) told to the view before`,
      `asked for them ${this.#askCounts.get(parent) ?? 0} time(s)`,
    ];
    const started = new Date(this.#activated.wallClock).toISOString();
    this.log.info(
      `First rows${parts.map((part) => `, ${part}`).join('')} (activation started at ${started})`,
    );
    this.#first = { at: now, parent };
    this.#asks.clear();
    this.#askCounts.clear();
  }

  /** The view is told that the children of `node` (`undefined`: the top level) changed. */
  changed(node: TreeNode | undefined): void {
    if (!this.#first) {
      this.#changes += 1;
      return;
    }
    const after = this.#settling();
    if (after === undefined) return;
    this.log.info(
      `Told the view of a change (${node?.kind ?? 'top level'}), ${after} ms after the first rows`,
    );
  }

  /** Milliseconds since the first rows, while within {@link SETTLE_MS}. */
  #settling(): number | undefined {
    if (!this.#first) return undefined;
    const after = Math.round(this.#now() - this.#first.at);
    return after <= FirstRowsProbe.SETTLE_MS ? after : undefined;
  }
}
