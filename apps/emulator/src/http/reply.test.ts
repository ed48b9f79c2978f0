import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import { JsonPage, ok } from './reply.ts';

describe('ok', () => {
  it('answers a JsonPage with the bytes and headers of c.json for the same page', async () => {
    const list = [
      { id: 'a', name: '研发 "x"\n', members: [] },
      { id: 'b', n: null },
    ];
    const app = new Hono<AppEnv>()
      .get('/text', (c) =>
        ok(
          c,
          new JsonPage(
            2,
            list.map((item) => JSON.stringify(item)),
          ),
        ),
      )
      .get('/json', (c) => ok(c, { totalCount: 2, list }))
      .get('/empty', (c) => ok(c, new JsonPage(0, [])));
    const [text, json] = await Promise.all([app.request('/text'), app.request('/json')]);
    expect(text.status).toBe(200);
    expect(Object.fromEntries(text.headers)).toEqual(Object.fromEntries(json.headers));
    expect(await text.text()).toBe(await json.text());
    expect(await (await app.request('/empty')).json()).toEqual({
      statusCode: 200,
      message: '',
      data: { totalCount: 0, list: [] },
    });
  });
});
