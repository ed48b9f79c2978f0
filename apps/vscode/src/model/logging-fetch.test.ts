import { describe, expect, it } from 'vitest';
import { loggingFetch } from './logging-fetch.ts';
import { MemoryLog } from './test-harness.ts';

describe('loggingFetch', () => {
  it('logs method, path, status and duration, never the query or headers', async () => {
    const log = new MemoryLog();
    const fetcher = loggingFetch(async () => new Response('{}', { status: 201 }), log, 'Conn');
    await fetcher(
      new Request('http://h.test/api/v3/get-user-groups?userId=ada%40example.com', {
        headers: { authorization: 'authing AK:SIG' },
      }),
    );
    await fetcher('http://h.test/api/v3/get-management-token', {
      method: 'POST',
      body: '{"accessKeySecret":"s"}',
    });
    expect(log.lines).toEqual([
      expect.stringMatching(/^info \[Conn\] GET \/api\/v3\/get-user-groups → HTTP 201, \d+ ms$/),
      expect.stringMatching(/^info \[Conn\] POST \/api\/v3\/get-management-token → HTTP 201, \d+ ms$/),
    ]);
  });

  it('logs the error class of a failed exchange and rethrows', async () => {
    const log = new MemoryLog();
    const fetcher = loggingFetch(
      async () => {
        throw new TypeError('fetch failed');
      },
      log,
      'Conn',
    );
    await expect(fetcher('http://h.test/api/v3/list-groups')).rejects.toThrow('fetch failed');
    expect(log.lines[0]).toMatch(/^warn \[Conn\] GET \/api\/v3\/list-groups → TypeError, \d+ ms$/);
  });
});
