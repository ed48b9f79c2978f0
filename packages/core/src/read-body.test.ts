import { describe, expect, it } from 'vitest';
import { BODY_TIMED_OUT, BODY_TOO_LARGE, readBody } from './read-body.ts';

describe('readBody', () => {
  it('reads the whole body and leaves the finished stream unlocked, so cancelling it is quiet', async () => {
    const response = new Response('{"statusCode":200,"data":"é"}');
    expect(await readBody(response, 1_000, 1_000)).toBe('{"statusCode":200,"data":"é"}');
    expect(response.body?.locked).toBe(false);
    await expect(response.body?.cancel()).resolves.toBeUndefined();
  });

  it('gives up on a body that stalls', async () => {
    const stalled = new ReadableStream({ start: (controller) => controller.enqueue(new Uint8Array([123])) });
    expect(await readBody(new Response(stalled), 10, 1_000)).toBe(BODY_TIMED_OUT);
  });

  it('counts bytes, not characters: a body of exactly the most is read', async () => {
    // 'é' is two bytes in UTF-8.
    expect(await readBody(new Response('"éé"'), 1_000, 6)).toBe('"éé"');
    expect(await readBody(new Response('"éé"'), 1_000, 5)).toBe(BODY_TOO_LARGE);
  });

  it('stops a body that never ends at the most it takes, and cancels it', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    expect(await readBody(new Response(endless), 60_000, 10 * 1024)).toBe(BODY_TOO_LARGE);
    expect(cancelled).toBe(true);
    // What was read before the stop: the most it takes and one chunk, plus what the stream queued.
    expect(pulled).toBeLessThan(20);
  });
});
