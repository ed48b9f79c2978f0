import { isValidationError } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { type FetchPage, paginate } from './paging.ts';

// Unit tests of the walk itself, on an in-memory list (the client's tests walk the emulator).
function pagedList(size: number, limit: number, tweak: { totalCount?: number; repeat?: boolean } = {}) {
  const items = Array.from({ length: size }, (_, i) => `item-${i}`);
  const requested: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage: FetchPage<string> = async (page) => {
    requested.push(page);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    const start = tweak.repeat ? 0 : (page - 1) * limit;
    return { totalCount: tweak.totalCount ?? size, list: items.slice(start, start + limit) };
  };
  return { fetchPage, requested, maxInFlight: () => maxInFlight };
}

async function collect(pages: AsyncIterable<{ list: readonly string[] }>): Promise<string[]> {
  const all: string[] = [];
  for await (const page of pages) all.push(...page.list);
  return all;
}

const options = { startPage: 1, limit: 10, ahead: 3, keyOf: (item: string) => item, endpoint: 'GET /x' };

describe('paginate', () => {
  it.each([0, 1, 10, 11, 95])('yields every item of a %i-item list once, in order', async (size) => {
    const { fetchPage } = pagedList(size, 10);
    const items = await collect(paginate(fetchPage, options));
    expect(items).toEqual(Array.from({ length: size }, (_, i) => `item-${i}`));
  });

  it('keeps at most `ahead` pages requested and not yet read', async () => {
    const list = pagedList(200, 10);
    await collect(paginate(list.fetchPage, { ...options, ahead: 4 }));
    expect(list.maxInFlight()).toBe(4);
    expect(list.requested).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('stops at the first empty page when the server overstates totalCount', async () => {
    const list = pagedList(25, 10, { totalCount: 1_000_000_000 });
    expect(await collect(paginate(list.fetchPage, options))).toHaveLength(25);
    expect(list.requested.length).toBeLessThanOrEqual(4 + options.ahead);
  });

  it('stops at totalCount when the server understates it', async () => {
    const list = pagedList(50, 10, { totalCount: 20 });
    expect(await collect(paginate(list.fetchPage, options))).toHaveLength(20);
  });

  it('fails when the server returns the same page again', async () => {
    const list = pagedList(50, 10, { repeat: true });
    const error = await collect(paginate(list.fetchPage, options)).catch((caught: unknown) => caught);
    expect(isValidationError(error) && error.message).toBe(
      'Invalid GET /x page 2: data.list: expected page 2, got page 1 again',
    );
  });

  it('stops fetching when the reader stops', async () => {
    const list = pagedList(1000, 10);
    for await (const page of paginate(list.fetchPage, options)) if (page.page === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(list.requested.length).toBeLessThanOrEqual(2 + options.ahead);
  });
});
