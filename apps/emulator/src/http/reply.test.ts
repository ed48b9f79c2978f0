import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import { JsonPage, ok } from './reply.ts';

const list = [
  { id: 'a', name: '研发 "x"\n', members: [] },
  { id: 'b', n: null },
];

/** The list as a {@link JsonPage}: its items' JSON joined by commas, and their UTF-8 bytes. */
function jsonPage(): JsonPage<unknown> {
  const items = list.map((item) => JSON.stringify(item)).join(',');
  return new JsonPage(2, items, Buffer.byteLength(items));
}

const app = new Hono<AppEnv>()
  .get('/page-text', (c) => ok(c, jsonPage()))
  .get('/page', (c) => ok(c, { totalCount: 2, list }))
  .get('/as-response', (c) => {
    c.set('replyAsResponse', true);
    return ok(c, jsonPage());
  })
  .get('/empty', (c) => ok(c, new JsonPage(0, '', 0)));

const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false });
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Status, headers (but the date) and body of a reply. */
async function replyOf(response: Response) {
  const headers = Object.fromEntries(response.headers);
  delete headers.date;
  return { status: response.status, headers, body: await response.text() };
}

describe('ok', () => {
  it('answers a JsonPage with the bytes of JSON.stringify for the same page', async () => {
    const [text, json] = await Promise.all([app.request('/page-text'), app.request('/page')]);
    expect(await replyOf(text)).toEqual(await replyOf(json));
    expect(await (await app.request('/empty')).json()).toEqual({
      statusCode: 200,
      message: '',
      data: { totalCount: 0, list: [] },
    });
  });

  it('writes to the socket what the Response would have carried: status, type, length, body', async () => {
    const direct = await replyOf(await fetch(`${base}/page-text`));
    expect(direct).toEqual(await replyOf(await fetch(`${base}/as-response`)));
    expect(direct).toEqual(await replyOf(await fetch(`${base}/page`)));
    expect(direct.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(direct.body)),
    });
    // An ASCII page goes out as Latin-1, a page with other characters as UTF-8: the same bytes.
    const ascii = await replyOf(await fetch(`${base}/empty`));
    expect(ascii.body).toBe(
      JSON.stringify({ statusCode: 200, message: '', data: { totalCount: 0, list: [] } }),
    );
    expect(ascii.headers['content-length']).toBe(String(ascii.body.length));
    const head = await fetch(`${base}/page`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
