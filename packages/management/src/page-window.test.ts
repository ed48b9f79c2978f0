import { describe, expect, it } from 'vitest';
import { PageWindow } from './page-window.ts';

/** Pages whose replies the test settles by hand. */
function pendingPages() {
  const started: number[] = [];
  const settle = new Map<number, { resolve: (list: string[]) => void; reject: (error: Error) => void }>();
  const fetch = (page: number) =>
    new Promise<string[]>((resolve, reject) => {
      started.push(page);
      settle.set(page, { resolve, reject });
    });
  return { fetch, started, settle: (page: number) => settle.get(page) };
}

/** Lets the window's handlers of settled pages run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

const options = {
  after: 1,
  lastPage: 100,
  ahead: 3,
  isLast: (list: string[]) => list.length === 0,
};

describe('PageWindow', () => {
  it('starts `ahead` pages at once, and no more while none is taken, settled or not', async () => {
    const pages = pendingPages();
    new PageWindow(pages.fetch, options);
    expect(pages.started).toEqual([2, 3, 4]);
    pages.settle(3)?.resolve(['c']);
    pages.settle(4)?.resolve(['d']);
    await settled();
    // Page 2 is still out, and 3 and 4 wait for the reader.
    expect(pages.started).toEqual([2, 3, 4]);
  });

  it('hands the pages out in order as the reader takes them, and moves on, past a slow one', async () => {
    const pages = pendingPages();
    const pageWindow = new PageWindow(pages.fetch, options);
    const second = pageWindow.take(2);
    pages.settle(3)?.resolve(['c']);
    await settled();
    // The reader waits for page 2: it still counts as ahead.
    expect(pages.started).toEqual([2, 3, 4]);
    pages.settle(2)?.resolve(['b']);
    expect(await second).toEqual(['b']);
    expect(pages.started).toEqual([2, 3, 4, 5]);
    expect(await pageWindow.take(3)).toEqual(['c']);
    expect(pages.started).toEqual([2, 3, 4, 5, 6]);
  });

  it('requests nothing past the last page', async () => {
    const pages = pendingPages();
    const pageWindow = new PageWindow(pages.fetch, { ...options, lastPage: 3 });
    expect(pages.started).toEqual([2, 3]);
    pageWindow.take(2);
    pageWindow.take(3);
    expect(pageWindow.take(4)).toBeUndefined();
    expect(pages.started).toEqual([2, 3]);
  });

  it.each([
    ['fails', (page: { reject: (error: Error) => void }) => page.reject(new Error('lost'))],
    ['ends the list', (page: { resolve: (list: string[]) => void }) => page.resolve([])],
  ])('requests no more pages after one that %s', async (_, settle) => {
    const pages = pendingPages();
    const pageWindow = new PageWindow(pages.fetch, options);
    const page = pages.settle(2);
    if (page) settle(page);
    await settled();
    pages.settle(3)?.resolve(['c']);
    await settled();
    expect(pages.started).toEqual([2, 3, 4]);
    await pageWindow.take(2)?.catch(() => undefined);
    expect(pageWindow.take(5)).toBeUndefined();
  });

  it('requests no more pages once stopped', async () => {
    const pages = pendingPages();
    const pageWindow = new PageWindow(pages.fetch, options);
    pageWindow.stop();
    pages.settle(2)?.resolve(['b']);
    expect(await pageWindow.take(2)).toEqual(['b']);
    await settled();
    expect(pages.started).toEqual([2, 3, 4]);
  });
});
