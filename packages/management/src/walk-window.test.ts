import { setTimeout as delay } from 'node:timers/promises';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { inFlightFetch } from '@genauth-groups/testing/wire';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManagementClient, type ManagementClientOptions } from './index.ts';

// The walk's window of requests against the emulator: 300 groups in 30 pages of 10, the client's
// default concurrency (6). The network edge (fetch) is where replies are held back or spoilt.
const GROUPS = 300;
const LIMIT = 10;
const PAGES = GROUPS / LIMIT;

let emulator: Emulator;
let expected: string[];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, demo: false, generate: { groups: GROUPS, users: 10, seed: 5 } });
  expected = [];
  for (let page = 1; page <= GROUPS / 50; page += 1) {
    const { data } = await client().listGroups({ page, limit: 50 });
    expected.push(...data.list.map((group) => group.code));
  }
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

function client(options: Partial<ManagementClientOptions> = {}): ManagementClient {
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  return new ManagementClient({ accessKeyId, accessKeySecret, host: emulator.url, ...options });
}

function pageOf(input: Parameters<typeof fetch>[0]): number {
  return Number(new URL(input instanceof Request ? input.url : input).searchParams.get('page'));
}

describe('the walk', () => {
  it('keeps requesting pages past one that is slow to come back, and yields them in order', {
    timeout: 30_000,
  }, async () => {
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    let releasePage2 = () => {};
    const page2Held = new Promise<void>((resolve) => {
      releasePage2 = resolve;
    });
    const holdingPage2: typeof fetch = async (input, init) => {
      const page = pageOf(input);
      events.push(`request ${page}`);
      // 13 is as far as the window goes while page 2 is out: twice the concurrency past page 1.
      if (page === 13) releasePage2();
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        const reply = await fetch(input, init);
        // Held until page 13 is requested; the generous bound only ends the wait of a walk that
        // never gets there (the test then fails on the order of events).
        if (page === 2) await Promise.race([page2Held, delay(10_000)]);
        events.push(`reply ${page}`);
        return reply;
      } finally {
        inFlight -= 1;
      }
    };

    const codes: string[] = [];
    for await (const group of client({ fetch: holdingPage2 }).listAllGroups({ limit: LIMIT })) {
      codes.push(group.code);
    }

    expect(codes).toEqual(expected);
    const page2 = events.indexOf('reply 2');
    expect(events.indexOf('request 13')).toBeLessThan(page2);
    expect(events.slice(0, page2)).not.toContain('request 14');
    expect(most).toBe(6);
    expect(events.filter((event) => event.startsWith('request'))).toHaveLength(PAGES);
  });

  it('starts the pages after the first before the reader takes the first one, up to 12 ahead', {
    timeout: 30_000,
  }, async () => {
    const requested: number[] = [];
    const recording: typeof fetch = (input, init) => {
      requested.push(pageOf(input));
      return fetch(input, init);
    };
    const pages = client({ fetch: recording }).listGroupsPages({ limit: LIMIT });
    const first = await pages.next();
    expect(first.value?.page).toBe(1);
    // The reader does not ask for page 2: the next requests leave all the same, until twice the
    // concurrency of pages wait for the reader.
    const upTo13 = Array.from({ length: 13 }, (_, i) => i + 1);
    await vi.waitFor(() => expect(requested).toEqual(upTo13), { timeout: 10_000 });
    await delay(100);
    expect(requested).toEqual(upTo13);
    await pages.return(undefined);
  });

  it('aborts the pages in flight when the walk is cancelled, and sends no more', {
    timeout: 30_000,
  }, async () => {
    const cancel = new AbortController();
    let sent = 0;
    let sentAfterCancel = 0;
    const aborted: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent += 1;
      if (cancel.signal.aborted) sentAfterCancel += 1;
      const page = pageOf(input);
      try {
        return await fetch(input, init);
      } catch (error) {
        aborted.push(page);
        throw error;
      }
    };
    // Pages 2 to 7 are on their way, slowed down by the server, when the reader cancels.
    emulator.faults.set({ latencyMs: 3_000 });
    const walk = client({ fetch: recording }).listAllGroups({ limit: LIMIT, signal: cancel.signal });
    let seen = 0;
    const reason = new Error('the reader gave up');
    const error = await (async () => {
      for await (const _ of walk) {
        seen += 1;
        if (seen === LIMIT) {
          await vi.waitFor(() => expect(sent).toBe(7), { timeout: 2_000 });
          cancel.abort(reason);
        }
      }
    })().catch((caught: unknown) => caught);

    expect(error).toBe(reason);
    expect(seen).toBe(LIMIT);
    expect(aborted.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(sentAfterCancel).toBe(0);
  });

  it("sends the next request as soon as a reply's head is in, before its body is read", {
    timeout: 30_000,
  }, async () => {
    const events: string[] = [];
    let requestedPage3 = () => {};
    const page3Requested = new Promise<void>((resolve) => {
      requestedPage3 = resolve;
    });
    // One slot: page 3 can only leave once page 2 gives its slot back. Page 2's body is held until
    // page 3 is requested, so a slot held until the body is read would never come back.
    const holdingBody2: typeof fetch = async (input, init) => {
      const page = pageOf(input);
      events.push(`request ${page}`);
      if (page === 3) requestedPage3();
      const reply = await fetch(input, init);
      if (page !== 2) return reply;
      const text = await reply.text();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          // The generous bound only ends the wait of a walk that never gets there (the test then
          // fails on the order of events).
          await Promise.race([page3Requested, delay(10_000)]);
          events.push('body 2');
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
      return new Response(body, { status: reply.status, headers: reply.headers });
    };

    const codes: string[] = [];
    for await (const group of client({ fetch: holdingBody2, concurrency: 1 }).listAllGroups({
      limit: LIMIT,
    })) {
      codes.push(group.code);
    }

    expect(codes).toEqual(expected);
    expect(events.indexOf('request 3')).toBeLessThan(events.indexOf('body 2'));
  });

  it('keeps retried requests within the concurrency, each retry waiting for a slot', {
    timeout: 30_000,
  }, async () => {
    const counting = inFlightFetch();
    // A third of the pages come back as a body-level 503 or cut off mid-body, after their head:
    // retried after 1 ms, while the other pages' requests hold the slots.
    emulator.faults.set({
      latencyMs: 20,
      seed: 7,
      random: [
        { rate: 0.2, fault: { type: 'envelope-error', statusCode: 503 } },
        { rate: 0.15, fault: { type: 'truncated-body' } },
      ],
    });
    const codes: string[] = [];
    const walking = client({ fetch: counting.fetch, concurrency: 3, retry: { limit: 10, delay: () => 1 } });
    for await (const group of walking.listAllGroups({ limit: LIMIT })) codes.push(group.code);

    expect(codes).toEqual(expected);
    // The faults did happen: more requests than pages.
    expect(counting.sent()).toBeGreaterThan(PAGES);
    expect(counting.most()).toBe(3);
  });

  it("starts a request's timeout when it leaves, not while it waits for a slot", {
    timeout: 30_000,
  }, async () => {
    // One slot, six calls at once, 250 ms a reply: the last waits about 1.25 s for its slot, more
    // than the 1 s each attempt is given, which leaves each reply 750 ms of slack on a busy machine.
    emulator.faults.set({ latencyMs: 250 });
    const waiting = client({ concurrency: 1, timeout: 1_000, retry: 0 });
    const pages = [1, 2, 3, 4, 5, 6];
    const replies = await Promise.all(pages.map((page) => waiting.listGroups({ page, limit: LIMIT })));
    expect(replies.flatMap((reply) => reply.data.list.map((group) => group.code))).toEqual(
      expected.slice(0, pages.length * LIMIT),
    );
  });

  it('yields the pages before one that fails, then its error, and stops requesting', async () => {
    const requested: number[] = [];
    const spoilingPage5: typeof fetch = (input, init) => {
      const page = pageOf(input);
      requested.push(page);
      const request = new Request(input, init);
      // A signature the server refuses: an ApiError, which is not retried.
      if (page === 5) request.headers.set('authorization', 'authing nobody:bm90IGEgc2lnbmF0dXJl');
      return fetch(request);
    };
    const codes: string[] = [];
    const error = await (async () => {
      for await (const group of client({ fetch: spoilingPage5 }).listAllGroups({ limit: LIMIT })) {
        codes.push(group.code);
      }
    })().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'ApiError', apiCode: 1300 });
    expect(codes).toEqual(expected.slice(0, 4 * LIMIT));
    // No page past the window of the failed one: 5, plus twice the concurrency.
    expect(Math.max(...requested)).toBeLessThanOrEqual(5 + 12);
    expect(requested.filter((page) => page === 5)).toHaveLength(1);
  });
});
