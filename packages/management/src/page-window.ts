/** How a {@link PageWindow} requests pages. */
export interface PageWindowOptions<TPage> {
  /** The page already read (the walk's first page); the window requests the pages after it. */
  readonly after: number;
  /** The last page to request. */
  readonly lastPage: number;
  /**
   * Most pages requested and not yet taken, waiting to be sent, in flight or waiting for the
   * reader. The caller bounds how many are on the wire at once (the client's request slots);
   * more pages than that are requested, so that one slow page does not stop the others.
   */
  readonly ahead: number;
  /** Whether a page ends the list (an empty page): the pages after it are not requested. */
  readonly isLast: (page: TPage) => boolean;
}

/**
 * A sliding window of page requests, for a reader that takes the pages in order. A page is
 * requested as soon as it is within `ahead` pages of the last one taken, not when the reader gets
 * to it, so that the window stays full while the reader works, and pages that come back out of
 * order do not hold the others up. A page that fails, or ends the list, stops further requests;
 * the reader meets its failure in order, when it takes that page.
 */
export class PageWindow<TPage> {
  readonly #fetch: (page: number) => Promise<TPage>;
  readonly #options: PageWindowOptions<TPage>;
  readonly #pages = new Map<number, Promise<TPage>>();
  #next: number;
  #taken: number;
  #stopped = false;

  constructor(fetch: (page: number) => Promise<TPage>, options: PageWindowOptions<TPage>) {
    this.#fetch = fetch;
    this.#options = options;
    this.#next = options.after + 1;
    this.#taken = options.after;
    this.#fill();
  }

  /**
   * The reply of `page`, the page after the last one taken; `undefined` when it was never
   * requested (past the end, or after a page that failed or ended the list).
   */
  take(page: number): Promise<TPage> | undefined {
    const reply = this.#pages.get(page);
    this.#pages.delete(page);
    // The page the reader waits for counts as ahead until it is in; the window moves on then,
    // before the reader gets it.
    const moveOn = () => {
      this.#taken = page;
      this.#fill();
    };
    reply?.then(moveOn, moveOn);
    return reply;
  }

  /** Requests no more pages (those in flight are the caller's to abort). */
  stop(): void {
    this.#stopped = true;
  }

  #fill(): void {
    const { lastPage, ahead } = this.#options;
    while (!this.#stopped && this.#next <= lastPage && this.#next - this.#taken <= ahead) {
      this.#start(this.#next);
      this.#next += 1;
    }
  }

  #start(page: number): void {
    const reply = this.#fetch(page);
    this.#pages.set(page, reply);
    // Also the handler of a failure the reader may never take (the walk ended first).
    reply.then(
      (value) => {
        if (this.#options.isLast(value)) this.#stopped = true;
      },
      () => {
        this.#stopped = true;
      },
    );
  }
}
