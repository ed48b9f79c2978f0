import { describe, expect, it } from 'vitest';
import { BODY_TIMED_OUT, readBody } from './read-body.ts';

describe('readBody', () => {
  it('reads the whole body and leaves the finished stream unlocked, so cancelling it is quiet', async () => {
    const response = new Response('{"statusCode":200,"data":"é"}');
    expect(await readBody(response, 1_000)).toBe('{"statusCode":200,"data":"é"}');
    expect(response.body?.locked).toBe(false);
    await expect(response.body?.cancel()).resolves.toBeUndefined();
  });

  it('gives up on a body that stalls', async () => {
    const stalled = new ReadableStream({ start: (controller) => controller.enqueue(new Uint8Array([123])) });
    expect(await readBody(new Response(stalled), 10)).toBe(BODY_TIMED_OUT);
  });
});
