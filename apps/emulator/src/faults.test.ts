import { networkInterfaces } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { getGroup, isValidationError, listGroups } from '@genauth-groups/models';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from './emulator.ts';
import type { FaultState } from './faults.ts';
import { checkReply, useEmulator } from './testing/test-client.ts';

const env = useEmulator();
afterEach(() => env.emulator.faults.clear());

describe('queued faults', () => {
  it('fails the next matching requests in order, then recovers', async () => {
    env.emulator.faults.queue(
      [
        { type: 'http-error', status: 503 },
        { type: 'rate-limit', retryAfterSeconds: 2 },
        { type: 'rate-limit', level: 'body' },
        { type: 'envelope-error', statusCode: 500 },
      ],
      { paths: ['/api/v3/list-groups'] },
    );
    // Another path is not affected.
    expect((await env.api.get(getGroup, { code: 'ops' })).body.statusCode).toBe(200);

    const httpError = await env.api.get(listGroups);
    expect(httpError.status).toBe(503);
    expect(httpError.body).toMatchObject({ statusCode: 503, message: '服务暂不可用，请稍后重试' });

    const throttled = await env.api.get(listGroups);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.body).toMatchObject({
      statusCode: 429,
      message: '您的请求已超过最大数量限制，请稍后重试',
    });

    const throttledInBody = await env.api.get(listGroups);
    expect(throttledInBody.status).toBe(200);
    expect(throttledInBody.headers.get('retry-after')).toBe('1');
    expect(throttledInBody.body).toMatchObject({ statusCode: 429 });

    const envelope = await env.api.get(listGroups);
    expect(envelope.status).toBe(200);
    expect(envelope.body).toMatchObject({ statusCode: 500, message: 'unknown error' });

    expect((await env.api.get(listGroups)).body.statusCode).toBe(200);
    expect(env.emulator.faults.state).toMatchObject({ queue: [], injected: 4 });
  });

  it('sends a body that is not JSON', async () => {
    env.emulator.faults.queue([{ type: 'malformed-body' }]);
    const response = await env.api.raw('/api/v3/list-groups');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('cuts a reply in half after processing the request (a write is committed)', async () => {
    env.emulator.faults.queue([{ type: 'truncated-body' }], { paths: ['/api/v3/create-group'] });
    const response = await env.api.raw('/api/v3/create-group', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'cut', name: 'Cut', description: '', type: 'static' }),
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await env.api.get(getGroup, { code: 'cut' })).body.statusCode).toBe(200);
  });

  it.each([
    ['the real reply, after processing the request', 'create-group', undefined, 200],
    ['an HTTP 503 error envelope', 'list-groups', 503, 503],
  ] as const)(
    'stalls half-way through %s, the connection left open',
    async (_, endpoint, status, expected) => {
      env.emulator.faults.queue([{ type: 'stalled-body', status }], { paths: [`/api/v3/${endpoint}`] });
      const response = await env.api.raw(`/api/v3/${endpoint}`, {
        method: endpoint === 'create-group' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        ...(endpoint === 'create-group' && {
          body: JSON.stringify({ code: 'stalled', name: 'Stalled', description: '', type: 'static' }),
        }),
      });
      expect(response.status).toBe(expected);
      const length = Number(response.headers.get('content-length'));
      const reader = response.body?.getReader();
      let received = 0;
      while (received < Math.floor(length / 2)) received += (await reader?.read())?.value?.byteLength ?? 0;
      expect(received).toBe(Math.floor(length / 2));
      // Nothing more comes: the next read is still pending when a generous wait is over.
      const next = reader?.read();
      const silent = await Promise.race([next?.then(() => false), delay(300).then(() => true)]);
      expect(silent).toBe(true);
      await reader?.cancel();
      if (status === undefined)
        expect((await env.api.get(getGroup, { code: 'stalled' })).body.statusCode).toBe(200);
    },
  );

  it('sends a body that never ends, as fast as the client reads', async () => {
    env.emulator.faults.queue([{ type: 'endless-body' }]);
    const response = await env.api.raw('/api/v3/list-groups');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const reader = response.body?.getReader();
    let received = 0;
    while (received < 8 * 1024 * 1024) received += (await reader?.read())?.value?.byteLength ?? 0;
    await reader?.cancel();
    // The emulator goes on serving once the client hangs up.
    expect((await env.api.get(listGroups)).body.statusCode).toBe(200);
  });

  it('drops the connection without a reply', async () => {
    env.emulator.faults.queue([{ type: 'drop-connection' }]);
    await expect(env.api.raw('/api/v3/list-groups')).rejects.toThrow();
    expect((await env.api.get(listGroups)).body.statusCode).toBe(200);
  });

  it('delays a request with a queued latency fault', async () => {
    env.emulator.faults.queue([{ type: 'latency', ms: 150 }]);
    const started = performance.now();
    expect((await env.api.get(listGroups)).body.statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('configured faults', () => {
  async function pattern(): Promise<number[]> {
    const codes: number[] = [];
    for (let index = 0; index < 20; index++) codes.push((await env.api.get(listGroups)).body.statusCode);
    return codes;
  }

  it('draws random faults reproducibly from the seed', async () => {
    const config = {
      seed: 42,
      random: [{ rate: 0.5, fault: { type: 'envelope-error' as const, statusCode: 503 as const } }],
    };
    env.emulator.faults.set(config);
    const firstRun = await pattern();
    env.emulator.faults.set(config);
    expect(await pattern()).toEqual(firstRun);
    const failures = firstRun.filter((code) => code === 503).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
  });

  it('applies latency and random faults only to the paths of the filter', async () => {
    env.emulator.faults.set({
      latencyMs: 200,
      paths: ['/api/v3/get-*'],
      random: [{ rate: 1, fault: { type: 'http-error' } }],
    });
    const started = performance.now();
    expect((await env.api.get(listGroups)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(150);
    const failed = await env.api.get(getGroup, { code: 'ops' });
    expect([500, 502, 503]).toContain(failed.status);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('never applies faults to the control endpoint or to CORS preflights', async () => {
    env.emulator.faults.set({ random: [{ rate: 1, fault: { type: 'drop-connection' } }] });
    expect((await env.api.request('/__emulator/faults')).status).toBe(200);
    const preflight = await fetch(new URL('/api/v3/signin', env.emulator.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });

  it('refuses an invalid configuration in process with a ValidationError', () => {
    const attempt = () =>
      env.emulator.faults.set({
        random: [
          { rate: 0.7, fault: { type: 'http-error' } },
          { rate: 0.7, fault: { type: 'drop-connection' } },
        ],
      });
    expect(attempt).toThrow(/rates add up to more than 1/);
    try {
      attempt();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });
});

describe('HTTP control endpoint', () => {
  it('sets, queues, reads and clears faults', async () => {
    const set = await env.api.request('/__emulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5, managementTokenTtlSeconds: 60 }),
    });
    expect(set.body).toMatchObject({
      statusCode: 200,
      data: { config: { latencyMs: 5, managementTokenTtlSeconds: 60 } },
    });
    const queued = await env.api.request('/__emulator/faults/queue', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ type: 'http-error', status: 502 }], paths: ['/api/v3/get-group'] }),
    });
    expect((queued.body as { data: FaultState }).data.queue).toEqual([
      { fault: { type: 'http-error', status: 502 }, paths: ['/api/v3/get-group'] },
    ]);
    expect((await env.api.get(getGroup, { code: 'ops' })).status).toBe(502);

    const cleared = await env.api.request('/__emulator/faults', { method: 'DELETE' });
    expect(cleared.body).toMatchObject({ data: { config: {}, queue: [], injected: 0 } });
  });

  it('refuses an invalid body with a 400 envelope', async () => {
    const reply = await env.api.request('/__emulator/faults/queue', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ type: 'explode' }] }),
    });
    expect(reply.body).toMatchObject({ statusCode: 400 });
    checkReply('/__emulator/faults/queue', reply.body);
  });
});

const external = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

describe.skipIf(!external)('control endpoint from another machine', () => {
  it('is refused with 403 when the emulator listens beyond loopback', async () => {
    const emulator = await startEmulator({ port: 0, host: '0.0.0.0', demo: false });
    try {
      const response = await fetch(`http://${external}:${emulator.port}/__emulator/faults`);
      expect(await response.json()).toMatchObject({ statusCode: 403 });
    } finally {
      await emulator.close();
    }
  });
});
