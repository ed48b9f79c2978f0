import type { Entry, PageData } from './page-data.ts';

/** Fetches one page; `limit` is the page size the list was made with. */
export type FetchPage<T> = (page: number, limit: number, signal: AbortSignal) => Promise<PageData<T>>;

/** How a {@link PagedList} loads and reports. */
export interface PagedListOptions<T> {
  readonly fetchPage: FetchPage<T>;
  /** Items per page, 1 to 50. */
  readonly pageSize: number;
  /** Identifies an item, so that one seen on an earlier page (the list shifted) is not shown twice. */
  readonly keyOf: (item: T) => string;
  /** Called whenever what the list shows changes: loading started, a page arrived, a load failed. */
  readonly onChange: () => void;
  /** Called with each load, e.g. to show progress while it runs. */
  readonly onLoad?: ((load: Promise<void>) => void) | undefined;
}

/** Where a list stands. */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The server answered a later page with items that were all on earlier pages: it ignores `page`. */
export class RepeatedPageError extends Error {
  override readonly name = 'RepeatedPageError';
  readonly page: number;

  constructor(page: number) {
    super(`The server returned page ${page - 1} again for page ${page}.`);
    this.page = page;
  }
}

/**
 * A server-paged list that loads one page at a time, on demand ("Load more"), and keeps what it
 * loaded. It never requests the same page twice:
 * - one load at a time: a call while a load runs gets that load's promise (a double click);
 * - a caller can say which page it means ({@link PagedList.loadNext}'s `page`), so a click on a
 *   "Load more" row rendered before the last load is ignored instead of loading a further page;
 * - a page that arrived is never fetched again, and a failed page is fetched again only on retry;
 * - {@link PagedList.reset} aborts the load in flight and drops its late result.
 * It stops at the end: when a page is empty or the reported total is reached.
 */
export class PagedList<T> {
  readonly #options: PagedListOptions<T>;
  #entries: Entry<T>[] = [];
  #keys = new Set<string>();
  #nextPage = 1;
  #totalCount: number | undefined;
  #done = false;
  #status: ListStatus = 'idle';
  #error: unknown;
  #loading: Promise<void> | undefined;
  /** Items were inserted or removed in place since the last load: later pages moved. */
  #shifted = false;
  #controller = new AbortController();

  constructor(options: PagedListOptions<T>) {
    this.#options = options;
  }

  /** The entries loaded so far, in server order, without repeats. */
  get entries(): readonly Entry<T>[] {
    return this.#entries;
  }

  get status(): ListStatus {
    return this.#status;
  }

  /** Why the last load failed, while {@link status} is `'failed'`. */
  get error(): unknown {
    return this.#error;
  }

  /** The total the server reported with the latest page; `undefined` before the first. */
  get totalCount(): number | undefined {
    return this.#totalCount;
  }

  /** The page the next load asks for, from 1. */
  get nextPage(): number {
    return this.#nextPage;
  }

  /** Whether the server has pages not loaded yet. */
  get hasMore(): boolean {
    return !this.#done;
  }

  /**
   * Loads the next page, unless one is loading already (then returns that load), the end was
   * reached, or `page` is given and is not the next page (a stale "Load more"). Never rejects:
   * a failure is kept in {@link error} and the same page is asked for on the next call.
   */
  loadNext(page?: number): Promise<void> {
    if (this.#loading) return this.#loading;
    if (this.#done || (page !== undefined && page !== this.#nextPage)) return Promise.resolve();
    // The lock is taken before anyone hears of the load, so a listener that calls back in waits too.
    this.#status = 'loading';
    this.#error = undefined;
    const load = this.#load(this.#nextPage, this.#controller.signal);
    this.#loading = load;
    this.#options.onLoad?.(load);
    this.#options.onChange();
    return load;
  }

  /** Forgets every page and aborts the load in flight; the next {@link loadNext} starts over at page 1. */
  reset(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#entries = [];
    this.#keys = new Set();
    this.#nextPage = 1;
    this.#totalCount = undefined;
    this.#done = false;
    this.#status = 'idle';
    this.#error = undefined;
    this.#loading = undefined;
    this.#shifted = false;
    this.#options.onChange();
  }

  /**
   * Shows items the caller just added on the server, at the top, without asking the server again.
   * Items already shown are skipped. A list never loaded stays so (it will load them); a list
   * loading is reset, since the page on its way may or may not hold them.
   * @returns whether the list was updated in place.
   */
  insert(items: readonly T[]): boolean {
    if (this.#status === 'idle') return false;
    if (this.#status === 'loading') {
      this.reset();
      return false;
    }
    const fresh = items.filter((item) => !this.#keys.has(this.#options.keyOf(item)));
    for (const item of fresh) this.#keys.add(this.#options.keyOf(item));
    // The inserted items push later pages forward: the next page may repeat loaded items.
    if (fresh.length > 0) this.#shifted = true;
    this.#entries = [...fresh.map((value) => ({ ok: true as const, value })), ...this.#entries];
    if (this.#totalCount !== undefined) this.#totalCount += fresh.length;
    this.#options.onChange();
    return true;
  }

  /**
   * Drops items the caller just removed on the server. Pages are asked for by number, so the
   * removal shifted the pages not loaded yet back by as many items: the next load asks for the
   * last loaded page again too, to pick up the items that moved onto it. A list loading is reset
   * instead, since the page on its way may or may not hold them.
   * @returns whether the list was updated in place.
   */
  remove(keys: ReadonlySet<string>): boolean {
    if (this.#status === 'idle') return false;
    if (this.#status === 'loading') {
      this.reset();
      return false;
    }
    const kept = this.#entries.filter((entry) => !entry.ok || !keys.has(this.#options.keyOf(entry.value)));
    const removed = this.#entries.length - kept.length;
    for (const key of keys) this.#keys.delete(key);
    this.#entries = kept;
    if (this.#totalCount !== undefined) this.#totalCount -= removed;
    if (removed > 0) this.#shifted = true;
    this.#options.onChange();
    return true;
  }

  /**
   * Puts a new value in place of the item with `key` (an item the caller just changed on the
   * server), where the list shows it.
   * @returns each entry replaced, with the entry that replaced it.
   */
  replace(key: string, value: T): Array<readonly [Entry<T>, Entry<T>]> {
    const replaced: Array<readonly [Entry<T>, Entry<T>]> = [];
    this.#entries = this.#entries.map((entry) => {
      if (!entry.ok || this.#options.keyOf(entry.value) !== key) return entry;
      const next = { ok: true as const, value };
      replaced.push([entry, next]);
      return next;
    });
    if (replaced.length > 0) this.#options.onChange();
    return replaced;
  }

  /** Aborts the load in flight, for good. */
  dispose(): void {
    this.#controller.abort();
  }

  async #load(page: number, signal: AbortSignal): Promise<void> {
    let data: PageData<T>;
    const shifted = this.#shifted && page > 1;
    try {
      data = await this.#options.fetchPage(page, this.#options.pageSize, signal);
      if (shifted) {
        // Items that moved from this page onto the last loaded one, after a removal.
        const before = await this.#options.fetchPage(page - 1, this.#options.pageSize, signal);
        data = { totalCount: data.totalCount, entries: [...before.entries, ...data.entries] };
      }
    } catch (error) {
      if (signal.aborted) return; // reset() already moved on
      this.#fail(error);
      return;
    }
    if (signal.aborted) return;
    this.#loading = undefined;
    const fresh = data.entries.filter(
      (entry) => !entry.ok || !this.#keys.has(this.#options.keyOf(entry.value)),
    );
    this.#shifted = false;
    if (page > 1 && !shifted && data.entries.length > 0 && fresh.length === 0) {
      this.#fail(new RepeatedPageError(page));
      return;
    }
    for (const entry of fresh) if (entry.ok) this.#keys.add(this.#options.keyOf(entry.value));
    this.#entries = [...this.#entries, ...fresh];
    this.#totalCount = data.totalCount;
    this.#nextPage = page + 1;
    this.#done =
      data.entries.length === 0 ||
      page * this.#options.pageSize >= data.totalCount ||
      // After an insertion the total grew while the loaded pages did not: stop when all are shown.
      this.#entries.length >= data.totalCount;
    this.#status = 'ready';
    this.#options.onChange();
  }

  #fail(error: unknown): void {
    this.#loading = undefined;
    this.#status = 'failed';
    this.#error = error;
    this.#options.onChange();
  }
}
