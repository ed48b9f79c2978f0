import { describe, expect, it } from 'vitest';
import { capturingFetch, withReplyCapture } from './reply-capture.ts';

const reply = (body: string) => async () =>
  new Response(body, { headers: { 'content-type': 'application/json' } });

describe('withReplyCapture', () => {
  it('hands out the last raw reply of a failed call, parsed', async () => {
    const fetcher = capturingFetch(reply('{"statusCode":200,"data":{"n":1}}'));
    const result = await withReplyCapture(async () => {
      const response = await fetcher('http://x.test/a');
      await response.json(); // the client reads the body; the capture keeps its own copy
      throw new Error('invalid');
    });
    expect(result).toMatchObject({ ok: false, body: { data: { n: 1 } } });
  });

  it('keeps calls apart when they run at the same time', async () => {
    const first = capturingFetch(reply('{"which":1}'));
    const second = capturingFetch(reply('{"which":2}'));
    const fail = (fetcher: typeof fetch) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await fetcher('http://x.test/');
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('x');
    };
    const [a, b] = await Promise.all([withReplyCapture(fail(first)), withReplyCapture(fail(second))]);
    expect(a).toMatchObject({ body: { which: 1 } });
    expect(b).toMatchObject({ body: { which: 2 } });
  });

  it('returns the value of a call that succeeds, and no body when none came or it was not JSON', async () => {
    expect(await withReplyCapture(async () => 7)).toEqual({ ok: true, value: 7 });
    const html = capturingFetch(reply('<html>'));
    const result = await withReplyCapture(async () => {
      await html('http://x.test/');
      throw new Error('x');
    });
    expect(result).toMatchObject({ ok: false, body: undefined });
  });
});
