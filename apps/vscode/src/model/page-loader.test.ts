import { describe, expect, it } from 'vitest';
import { type Entry, type PageData, pageOf } from './page-data.ts';
import { type FetchPage, PagedList, RepeatedPageError } from './page-loader.ts';

/** A server of `total` numbered items that records the pages asked for; `hold` delays replies until released. */
function server(total: number) {
  const asked: number[] = [];
  const pending: Array<() => void> = [];
  let hold = false;
  const fetchPage: FetchPage<number> = async (page, limit) => {
    asked.push(page);
    if (hold) await new Promise<void>((resolve) => pending.push(resolve));
    const start = (page - 1) * limit;
    const list = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => start + i);
    return pageOf({ totalCount: total, list });
  };
  return {
    asked,
    fetchPage,
    hold: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

const values = (entries: readonly Entry<number>[]) =>
  entries.map((entry) => (entry.ok ? entry.value : 'broken'));

function list(fetchPage: FetchPage<number>, pageSize = 10) {
  return { paged: new PagedList<number>({ fetchPage, pageSize, keyOf: String, onChange: () => {} }) };
}

describe('PagedList', () => {
  it('loads page by page and stops at the reported total', async () => {
    const api = server(25);
    const { paged } = list(api.fetchPage);
    expect(paged.status).toBe('idle');
    await paged.loadNext();
    expect(values(paged.entries)).toHaveLength(10);
    expect(paged.hasMore).toBe(true);
    await paged.loadNext();
    await paged.loadNext();
    expect(paged.hasMore).toBe(false);
    await paged.loadNext();
    expect(api.asked).toEqual([1, 2, 3]);
    expect(values(paged.entries)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(paged.totalCount).toBe(25);
  });

  it('never loads the same page twice on a double click', async () => {
    const api = server(100);
    const { paged } = list(api.fetchPage);
    await paged.loadNext();
    api.hold();
    const first = paged.loadNext(paged.nextPage);
    const second = paged.loadNext(2);
    expect(second).toBe(first);
    expect(paged.status).toBe('loading');
    api.release();
    await Promise.all([first, second]);
    // A click on the row rendered for page 2, arriving after page 2 loaded, is stale: ignored.
    await paged.loadNext(2);
    expect(api.asked).toEqual([1, 2]);
    expect(paged.entries).toHaveLength(20);
  });

  it('keeps a failure, and retries the same page', async () => {
    let fail = true;
    const api = server(30);
    const { paged } = list(async (page, limit, signal) => {
      if (page === 2 && fail) throw new Error('boom');
      return api.fetchPage(page, limit, signal);
    });
    await paged.loadNext();
    await paged.loadNext();
    expect(paged.status).toBe('failed');
    expect((paged.error as Error).message).toBe('boom');
    expect(paged.entries).toHaveLength(10);
    fail = false;
    await paged.loadNext();
    expect(paged.status).toBe('ready');
    expect(api.asked).toEqual([1, 2]);
    expect(paged.entries).toHaveLength(20);
  });

  it('drops the late result of a load that a reset aborted', async () => {
    const api = server(50);
    const { paged } = list(api.fetchPage);
    api.hold();
    const stale = paged.loadNext();
    paged.reset();
    api.release();
    await stale;
    expect(paged.status).toBe('idle');
    expect(paged.entries).toEqual([]);
    await paged.loadNext();
    expect(api.asked).toEqual([1, 1]);
    expect(paged.entries).toHaveLength(10);
  });

  it('skips items already shown when the list shifted between pages', async () => {
    const pages: Record<number, number[]> = { 1: [1, 2, 3], 2: [3, 4, 5] };
    const { paged } = list(async (page) => pageOf({ totalCount: 6, list: pages[page] ?? [] }), 3);
    await paged.loadNext();
    await paged.loadNext();
    expect(values(paged.entries)).toEqual([1, 2, 3, 4, 5]);
    expect(paged.hasMore).toBe(false);
  });

  it('stops with an error when the server ignores the page number', async () => {
    const { paged } = list(async () => pageOf({ totalCount: 9, list: [1, 2, 3] }), 3);
    await paged.loadNext();
    await paged.loadNext();
    expect(paged.error).toBeInstanceOf(RepeatedPageError);
    expect(paged.entries).toHaveLength(3);
  });

  it('keeps broken entries in place and stops on an empty page', async () => {
    const page: PageData<number> = {
      totalCount: 100,
      entries: [
        { ok: true, value: 1 },
        { ok: false, position: 1, key: 'x', issues: [] },
      ],
    };
    const { paged } = list(async (n) => (n === 1 ? page : pageOf({ totalCount: 100, list: [] })), 2);
    await paged.loadNext();
    expect(values(paged.entries)).toEqual([1, 'broken']);
    await paged.loadNext();
    expect(paged.hasMore).toBe(false);
  });

  it('tells its owner about every change, and each load', async () => {
    const loads: Promise<void>[] = [];
    let changes = 0;
    const paged = new PagedList<number>({
      fetchPage: server(5).fetchPage,
      pageSize: 10,
      keyOf: String,
      onChange: () => (changes += 1),
      onLoad: (load) => loads.push(load),
    });
    await paged.loadNext();
    expect(loads).toHaveLength(1);
    expect(changes).toBe(2); // loading, then ready
  });

  it('shows inserted items at the top once, and drops removed ones, counting them', async () => {
    const api = server(5);
    const { paged } = list(api.fetchPage);
    expect(paged.insert([99])).toBe(false); // never loaded: it will load them
    await paged.loadNext();
    expect(paged.insert([99, 100, 3])).toBe(true);
    expect(values(paged.entries)).toEqual([99, 100, 0, 1, 2, 3, 4]);
    expect(paged.totalCount).toBe(7);
    expect(paged.remove(new Set(['99', '2']))).toBe(true);
    expect(values(paged.entries)).toEqual([100, 0, 1, 3, 4]);
    expect(paged.totalCount).toBe(5);
    expect(api.asked).toEqual([1]);
  });

  it('skips nothing after a removal from a list with pages still to load', async () => {
    // The server's list, which a removal changes: later pages move back by one item.
    const items = Array.from({ length: 25 }, (_, i) => i);
    const { paged } = list(async (page, limit) =>
      pageOf({ totalCount: items.length, list: items.slice((page - 1) * limit, page * limit) }),
    );
    await paged.loadNext();
    items.splice(items.indexOf(3), 1);
    expect(paged.remove(new Set(['3']))).toBe(true);
    await paged.loadNext();
    // 10 moved onto page 1; it is shown, once, and so is the rest of page 2.
    expect(values(paged.entries)).toEqual(items.slice(0, 20));
    expect(paged.status).toBe('ready');
    await paged.loadNext();
    expect(values(paged.entries)).toEqual(items);
    expect(paged.hasMore).toBe(false);
  });
});
