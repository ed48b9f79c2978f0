/** How a {@link PageWindow} requests pages. */
export interface PageWindowOptions<TPage> {
  /** The page already read (the walk's first page); the window requests the pages after it. */
  readonly after: number;
  /** The last page to request. */
  readonly lastPage: number;
  /** Most requests in flight at once. */
  readonly inFlight: number;
  /**
   * Most pages requested and not yet taken, in flight or waiting for the reader. Above `inFlight`,
   * so that one slow page does not stop the others: the rest of the window moves on past it.
   */
  readonly ahead: number;
  /** Whether a page ends the list (an empty page): the pages after it are not requested. */
  readonly isLast: (page: TPage) => boolean;
}

/**
 * A sliding window of page requests, for a reader that takes the pages in order. A request starts
 * the moment another one settles, not when the reader gets to it, so that the window stays full
 * while the reader works, and pages that come back out of order do not hold the others up.
 * A page that fails, or ends the list, stops further requests; the reader meets its failure in
 * order, when it takes that page.
 */
export class PageWindow<TPage> {
  readonly #fetch: (page: number) => Promise<TPage>;
  readonly #options: PageWindowOptions<TPage>;
  readonly #pages = new Map<number, Promise<TPage>>();
  #next: number;
  #taken: number;
  #running = 0;
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
    this.#taken = page;
    this.#fill();
    return reply;
  }

  /** Requests no more pages (those in flight are the caller's to abort). */
  stop(): void {
    this.#stopped = true;
  }

  #fill(): void {
    const { lastPage, inFlight, ahead } = this.#options;
    while (
      !this.#stopped &&
      this.#running < inFlight &&
      this.#next <= lastPage &&
      this.#next - this.#taken <= ahead
    ) {
      this.#start(this.#next);
      this.#next += 1;
    }
  }

  #start(page: number): void {
    this.#running += 1;
    const reply = this.#fetch(page);
    this.#pages.set(page, reply);
    // Also the handler of a failure the reader may never take (the walk ended first).
    reply.then(
      (value) => {
        this.#running -= 1;
        if (this.#options.isLast(value)) this.#stopped = true;
        this.#fill();
      },
      () => {
        this.#running -= 1;
        this.#stopped = true;
      },
    );
  }
}
