import { describe, expect, it } from 'vitest';
import { RequestSlots } from './request-slots.ts';

// The network edge is `send`: replies the test gives back by hand.
function wire() {
  const sent: string[] = [];
  const replies = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const send: typeof fetch = (input) =>
    new Promise((resolve, reject) => {
      const url = input instanceof Request ? input.url : String(input);
      sent.push(url);
      replies.set(url, { resolve: () => resolve(new Response('{}')), reject });
    });
  return { send, sent, reply: (url: string) => replies.get(url) };
}

const url = (n: number) => `http://127.0.0.1/${n}`;

/** One attempt as the client makes it: a slot, then the request leaves. */
async function attempt(slots: RequestSlots, send: typeof fetch, request: Request) {
  await slots.hold(request);
  return slots.fetch(send)(request);
}

/** Lets settled promises' handlers run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestSlots', () => {
  it('sends at most `size` requests at once, the next as a head comes in, first come first served', async () => {
    const slots = new RequestSlots(2);
    const { send, sent, reply } = wire();
    const calls = [1, 2, 3, 4].map((n) => attempt(slots, send, new Request(url(n))).catch(() => undefined));
    await settled();
    expect(sent).toEqual([url(1), url(2)]);
    reply(url(2))?.resolve();
    await settled();
    expect(sent).toEqual([url(1), url(2), url(3)]);
    reply(url(1))?.reject(new TypeError('fetch failed'));
    await settled();
    expect(sent).toEqual([url(1), url(2), url(3), url(4)]);
    reply(url(3))?.resolve();
    reply(url(4))?.resolve();
    await Promise.all(calls);
    // Every slot is free again: two requests leave at once.
    void attempt(slots, send, new Request(url(5)));
    void attempt(slots, send, new Request(url(6)));
    await settled();
    expect(sent.slice(4)).toEqual([url(5), url(6)]);
  });

  it('never sends a request whose signal aborts while it waits, and keeps its place for the next', async () => {
    const slots = new RequestSlots(1);
    const { send, sent, reply } = wire();
    const cancel = new AbortController();
    const first = attempt(slots, send, new Request(url(1)));
    const cancelled = attempt(slots, send, new Request(url(2), { signal: cancel.signal }));
    const third = attempt(slots, send, new Request(url(3)));
    await settled();
    const reason = new Error('cancelled');
    cancel.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    reply(url(1))?.resolve();
    await first;
    await settled();
    expect(sent).toEqual([url(1), url(3)]);
    // Already aborted, with every slot taken: it does not wait.
    const aborted = new Request(url(4), { signal: AbortSignal.abort(reason) });
    await expect(attempt(slots, send, aborted)).rejects.toBe(reason);
    reply(url(3))?.resolve();
    await third;
    expect(sent).toEqual([url(1), url(3)]);
  });

  it('lets a request that holds no slot through, and gives back no slot for it', async () => {
    const slots = new RequestSlots(1);
    const { send, sent, reply } = wire();
    const held = attempt(slots, send, new Request(url(1)));
    await settled();
    const unheld = slots.fetch(send)(new Request(url(2)));
    const waiting = attempt(slots, send, new Request(url(3)));
    await settled();
    reply(url(2))?.resolve();
    await unheld;
    await settled();
    expect(sent).toEqual([url(1), url(2)]);
    reply(url(1))?.resolve();
    await held;
    await settled();
    expect(sent).toEqual([url(1), url(2), url(3)]);
    reply(url(3))?.resolve();
    await waiting;
  });
});
