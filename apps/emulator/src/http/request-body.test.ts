import { createGroup, listGroups } from '@genauth-groups/models';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { parseResponses, rawExchange } from '../testing/raw-http.ts';
import { signedHeaders } from '../testing/sign.ts';
import { useEmulator } from '../testing/test-client.ts';

// Room for deeply nested bodies; the over-the-cap cases send several times as much.
const MAX_BODY = 512 * 1024;
const env = useEmulator({ maxBodyBytes: MAX_BODY });

// A client error is the client's business: the emulator must not log a stack trace for it.
let logged: MockInstance<typeof console.error>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(logged).not.toHaveBeenCalled();
  logged.mockRestore();
});

function newGroup(code: string): Record<string, unknown> {
  return { code, name: `Group ${code}`, description: '', type: 'static' };
}

/** A body that fetch streams with `transfer-encoding: chunked`, in two chunks. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 5));
      controller.enqueue(bytes.subarray(5));
      controller.close();
    },
  });
}

describe('request bodies', () => {
  it('accepts a streamed (chunked) body, signed or with a token', async () => {
    const signedBody = newGroup('streamed-signed');
    const signed = await env.api.request(createGroup.path, {
      method: 'POST',
      headers: signedHeaders(env.emulator, 'POST', createGroup.path, { params: signedBody }),
      body: streamed(JSON.stringify(signedBody)),
      duplex: 'half',
    } as RequestInit);
    expect(signed.body).toMatchObject({ statusCode: 200, data: { code: 'streamed-signed' } });

    const withToken = await env.api.request(createGroup.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamed(JSON.stringify(newGroup('streamed-token'))),
      duplex: 'half',
    } as RequestInit);
    expect(withToken.body).toMatchObject({ statusCode: 200, data: { code: 'streamed-token' } });
  });

  it('accepts a hand-framed chunked body on a raw socket', async () => {
    const body = JSON.stringify(newGroup('hand-chunked'));
    const headers = signedHeaders(env.emulator, 'POST', createGroup.path, { params: JSON.parse(body) });
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const { text } = await rawExchange(env.emulator.port, [
      `POST ${createGroup.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}transfer-encoding: chunked\r\nconnection: close\r\n\r\n`,
      chunk(body.slice(0, 10)),
      chunk(body.slice(10)),
      '0\r\n\r\n',
    ]);
    const [reply] = parseResponses(text);
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ statusCode: 200, data: { code: 'hand-chunked' } });
  });

  it.each(['DELETE', 'PATCH', 'PUT'])(
    'answers a body-less %s to a management route with an envelope',
    async (method) => {
      const authenticated = await env.api.request(listGroups.path, { method });
      expect(authenticated).toMatchObject({ status: 404, body: { statusCode: 404, message: '接口不存在' } });
      const anonymous = await fetch(new URL(listGroups.path, env.emulator.url), { method });
      expect(await anonymous.json()).toMatchObject({ statusCode: 401, apiCode: 2020 });
    },
  );

  it('refuses a browser preflight to a management route cleanly, without CORS', async () => {
    const preflight = await fetch(new URL(createGroup.path, env.emulator.url), {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await preflight.json()).toMatchObject({ statusCode: 401, apiCode: 2020 });
  });

  it('answers a declared length over the cap with 413 and closes the connection', async () => {
    const { text, closedByServer } = await rawExchange(env.emulator.port, [
      `POST ${createGroup.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `content-length: ${MAX_BODY * 4}\r\n\r\n`,
      'x'.repeat(MAX_BODY * 2),
    ]);
    const [reply, ...others] = parseResponses(text);
    expect(reply?.headers.connection).toBe('close');
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ statusCode: 413, message: '请求过大' });
    expect(others).toEqual([]);
    expect(closedByServer).toBe(true);
  });

  it('answers a chunked body over the cap with 413 and closes the connection', async () => {
    const chunk = `${(1024).toString(16)}\r\n${'x'.repeat(1024)}\r\n`;
    const { text, closedByServer } = await rawExchange(env.emulator.port, [
      `POST ${createGroup.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ntransfer-encoding: chunked\r\n\r\n`,
      ...Array.from({ length: 600 }, () => chunk),
    ]);
    const [reply] = parseResponses(text);
    expect(reply?.headers.connection).toBe('close');
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ statusCode: 413 });
    expect(closedByServer).toBe(true);
  });

  it('keeps the connection alive for the next request after a body under the cap', async () => {
    const { text } = await rawExchange(env.emulator.port, [
      `POST ${createGroup.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 2\r\n\r\n{}`,
      `GET ${listGroups.path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n`,
    ]);
    expect(parseResponses(text).map((reply) => JSON.parse(reply.body).statusCode)).toEqual([401, 401]);
  });

  it('refuses deeply nested custom data with 400 naming the field', async () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"code":"deep","name":"Deep","description":"","type":"static","customData":{"a":${nested}}}`;
    const { body: reply } = await env.api.post(createGroup, body);
    expect(reply).toMatchObject({ statusCode: 400, message: '参数 customData 格式错误' });
  });

  it('refuses a deeply nested signed body as a bad signature, not a 500', async () => {
    const depth = 60_000;
    const params = { ...newGroup('deep-signed'), customData: { a: 1 } };
    const headers = signedHeaders(env.emulator, 'POST', createGroup.path, { params });
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const sent = JSON.stringify(params).replace('{"a":1}', nested);
    const reply = await fetch(new URL(createGroup.path, env.emulator.url), {
      method: 'POST',
      headers,
      body: sent,
    });
    expect(await reply.json()).toMatchObject({ statusCode: 401, apiCode: 1300 });
  });

  it('accepts custom data nested up to the limit', async () => {
    const customData = JSON.parse(`${'{"a":'.repeat(31)}1${'}'.repeat(31)}`);
    const { body } = await env.api.post(createGroup, { ...newGroup('deep-enough'), customData });
    expect(body).toMatchObject({ statusCode: 200 });
  });
});
