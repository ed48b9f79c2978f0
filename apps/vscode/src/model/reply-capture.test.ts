import { ValidationError } from '@genauth-groups/core';
import { describe, expect, it } from 'vitest';
import { capturingFetch, withReplyCapture } from './reply-capture.ts';

const reply = (body: BodyInit) => async () =>
  new Response(body, { headers: { 'content-type': 'application/json' } });

const invalid = () => new ValidationError('GET /api/v3/list-groups reply', []);

describe('withReplyCapture', () => {
  it('hands out the last raw reply of a call that failed validation, parsed', async () => {
    const fetcher = capturingFetch(reply('{"statusCode":200,"data":{"n":1}}'));
    const result = await withReplyCapture(async () => {
      const response = await fetcher('http://x.test/a');
      await response.json(); // the client reads the body; the capture keeps its own copy
      throw invalid();
    });
    expect(result).toMatchObject({ ok: false, body: { data: { n: 1 } } });
  });

  it('keeps calls apart when they run at the same time', async () => {
    const first = capturingFetch(reply('{"which":1}'));
    const second = capturingFetch(reply('{"which":2}'));
    const fail = (fetcher: typeof fetch) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await (await fetcher('http://x.test/')).text();
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw invalid();
    };
    const [a, b] = await Promise.all([withReplyCapture(fail(first)), withReplyCapture(fail(second))]);
    expect(a).toMatchObject({ body: { which: 1 } });
    expect(b).toMatchObject({ body: { which: 2 } });
  });

  it('returns the value of a call that succeeds, and no body when none came or it was not JSON', async () => {
    expect(await withReplyCapture(async () => 7)).toEqual({ ok: true, value: 7 });
    const html = capturingFetch(reply('<html>'));
    const result = await withReplyCapture(async () => {
      await (await html('http://x.test/')).text();
      throw invalid();
    });
    expect(result).toMatchObject({ ok: false, body: undefined });
  });

  it('lets the reply of any other failure go unread: a body that stalled, and its connection', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"statusCode":')),
      cancel: () => {
        cancelled = true;
      },
    });
    const fetcher = capturingFetch(reply(stalled));
    const timedOut = Object.assign(new Error('no reply within 200 ms'), { name: 'TimeoutError' });
    const result = await withReplyCapture(async () => {
      const response = await fetcher('http://x.test/');
      // What the client does when the body's time is up. Not awaited: one copy's cancel settles
      // once the other copy is cancelled too.
      void response.body?.cancel();
      throw timedOut;
    });
    expect(result).toEqual({ ok: false, error: timedOut, body: undefined });
    // Both copies cancelled: the stream underneath is, which frees the connection.
    expect(cancelled).toBe(true);
  });

  it('reads no more of a copy than the client would take, when the reply was refused for its size', {
    timeout: 30_000,
  }, async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const fetcher = capturingFetch(reply(endless));
    const result = await withReplyCapture(async () => {
      const response = await fetcher('http://x.test/');
      void response.body?.cancel();
      throw invalid();
    });
    expect(result).toMatchObject({ ok: false, body: undefined });
    // 64 MiB in chunks of 64 KiB, and not much more.
    expect(pulled).toBeLessThan(1_100);
  });
});
