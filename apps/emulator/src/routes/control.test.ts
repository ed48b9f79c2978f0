import { describe, expect, it } from 'vitest';
import { parseResponses, rawExchange } from '../testing/raw-http.ts';
import { useEmulator } from '../testing/test-client.ts';
import { CONTROL_PREFIX } from './control.ts';

const env = useEmulator({ demo: false });
const FAULTS = `${CONTROL_PREFIX}/faults`;
const DROP_EVERYTHING = JSON.stringify({ random: [{ rate: 1, fault: { type: 'drop-connection' } }] });

function controlUrl(path = FAULTS): URL {
  return new URL(path, env.emulator.url);
}

async function configured(): Promise<unknown> {
  const reply = await fetch(controlUrl());
  return ((await reply.json()) as { data: { config: unknown } }).data.config;
}

/** One request on a raw socket, with the `Host` header a browser would send for `host`. */
async function withHost(host: string, method: string, body = ''): Promise<unknown> {
  const { text } = await rawExchange(env.emulator.port, [
    `${method} ${FAULTS} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  ]);
  return JSON.parse(parseResponses(text)[0]?.body ?? 'null');
}

describe('control endpoint', () => {
  it.each([
    ['text/plain (a no-cors form post)', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['no content type', undefined],
  ])('refuses a POST with %s (415) and changes nothing', async (_, contentType) => {
    const reply = await fetch(controlUrl(), {
      method: 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      // A Blob without a type sends no content-type at all.
      body: contentType ? DROP_EVERYTHING : new Blob([DROP_EVERYTHING]),
    });
    expect(await reply.json()).toMatchObject({ statusCode: 415 });
    expect(await configured()).toEqual({});
  });

  it('accepts JSON with a charset', async () => {
    const reply = await fetch(controlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ latencyMs: 1 }),
    });
    expect(await reply.json()).toMatchObject({ statusCode: 200, data: { config: { latencyMs: 1 } } });
    await fetch(controlUrl(), { method: 'DELETE' });
  });

  it.each(['rebind.evil.example', `rebind.evil.example:${80}`, '192.168.1.10:8787'])(
    'refuses a Host that is not loopback (%s): DNS rebinding',
    async (host) => {
      expect(await withHost(host, 'GET')).toMatchObject({ statusCode: 403 });
      expect(await withHost(host, 'POST', DROP_EVERYTHING)).toMatchObject({ statusCode: 403 });
      expect(await withHost(host, 'DELETE')).toMatchObject({ statusCode: 403 });
      expect(await configured()).toEqual({});
    },
  );

  it('accepts loopback Host headers', async () => {
    for (const host of ['localhost', `127.0.0.1:${env.emulator.port}`, `localhost:${env.emulator.port}`]) {
      expect(await withHost(host, 'GET')).toMatchObject({ statusCode: 200 });
    }
  });

  it('sends no CORS headers, to preflights or to requests', async () => {
    const origin = { origin: 'https://evil.example' };
    const preflight = await fetch(controlUrl(), {
      method: 'OPTIONS',
      headers: {
        ...origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    const read = await fetch(controlUrl(), { headers: origin });
    for (const reply of [preflight, read]) {
      expect([...reply.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});
