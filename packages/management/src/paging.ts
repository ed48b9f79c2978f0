import { ValidationError } from '@genauth-groups/models';
import { PageWindow } from './page-window.ts';

/** One page of a paged list. */
export interface Page<TItem> {
  /** Page number, from 1. */
  readonly page: number;
  /** The total the server reported on the first page. */
  readonly totalCount: number;
  readonly list: readonly TItem[];
}

/** Fetches one page. */
export type FetchPage<TItem> = (
  page: number,
  signal: AbortSignal,
) => Promise<{ readonly totalCount: number; readonly list: readonly TItem[] }>;

/** How {@link paginate} walks the pages. */
export interface PaginateOptions<TItem> {
  /** The first page to fetch. */
  readonly startPage: number;
  /** The page size asked for. */
  readonly limit: number;
  /**
   * Most pages requested and not yet read, so that one slow page does not stop the others. How
   * many of them are on the wire at once is the client's concurrency.
   */
  readonly ahead: number;
  /** A key that identifies an item, to detect a server that returns the same page again. */
  readonly keyOf: (item: TItem) => string;
  /** For error messages, e.g. `GET /api/v3/list-groups`. */
  readonly endpoint: string;
  /** Stops the walk; pages in flight are abandoned. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Walks a paged list in order, requesting up to `ahead` pages ahead of the reader (a {@link PageWindow}). It
 * stops at the last page the first page's `totalCount` implies, or at the first empty page,
 * whichever comes first, so a server that misreports `totalCount` cannot make it loop forever; and
 * it fails if the server returns the same page twice (a server ignoring `page` would otherwise
 * repeat itself until then).
 */
export async function* paginate<TItem>(
  fetchPage: FetchPage<TItem>,
  options: PaginateOptions<TItem>,
): AsyncGenerator<Page<TItem>> {
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  let rest: PageWindow<Awaited<ReturnType<FetchPage<TItem>>>> | undefined;
  try {
    const first = await fetchPage(options.startPage, controller.signal);
    const totalCount = first.totalCount;
    if (first.list.length === 0) {
      yield { page: options.startPage, totalCount, list: first.list };
      return;
    }
    const lastPage = Math.ceil(totalCount / options.limit);
    // The rest of the walk starts before the first page goes to the reader, who may take a while.
    rest = new PageWindow((page) => fetchPage(page, controller.signal), {
      after: options.startPage,
      lastPage,
      ahead: Math.max(1, options.ahead),
      isLast: (reply) => reply.list.length === 0,
    });
    yield { page: options.startPage, totalCount, list: first.list };

    let previousKeys = first.list.map(options.keyOf).join('\n');
    for (let page = options.startPage + 1; page <= lastPage; page += 1) {
      const current = rest.take(page);
      if (!current) return;
      const { list } = await current;
      if (list.length === 0) return;
      const keys = list.map(options.keyOf).join('\n');
      if (keys === previousKeys) {
        throw new ValidationError(`${options.endpoint} page ${page}`, [
          {
            path: 'data.list',
            expected: `page ${page}`,
            message: `data.list: expected page ${page}, got page ${page - 1} again`,
          },
        ]);
      }
      previousKeys = keys;
      yield { page, totalCount, list };
    }
  } finally {
    rest?.stop();
    options.signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
