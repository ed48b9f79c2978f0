import { capturedRequests, readContractText, signingVectors } from '@genauth-groups/contract';
import { describe, expect, it } from 'vitest';
import { bodyFields, hmacSha1Base64, randomNonce, signer, stringToSign } from './signature.ts';

// Every request authing-node-sdk 4.0.1 signed in the capture must come out byte for byte the same.
describe.each(signingVectors())('$description', (vector) => {
  const url = new URL(vector.request.target, 'http://127.0.0.1');

  it('builds the same string to sign from the decoded query', () => {
    const parts = {
      method: vector.request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(vector.request.headers),
    };
    expect(stringToSign(parts)).toBe(vector.stringToSign);
  });

  it('computes the same signature and authorization header', async () => {
    expect(hmacSha1Base64(vector.accessKeySecret, vector.stringToSign)).toBe(vector.expectedSignature);
    const request = new Request(`https://authing-api.example.com/base${vector.request.target}`, {
      headers: Object.fromEntries(
        Object.entries(vector.request.headers).filter(
          ([name]) => !name.startsWith('x-authing-signature-') && name !== 'date',
        ),
      ),
    });
    await signer({
      accessKeyId: vector.accessKeyId,
      accessKeySecret: vector.accessKeySecret,
      basePath: '/base',
      now: () => new Date(vector.request.headers.date ?? ''),
      nonce: () => vector.request.headers['x-authing-signature-nonce'] ?? '',
    })(request);
    expect(request.headers.get('authorization')).toBe(vector.expectedAuthorization);
  });
});

// The writes (and user reads) authing-node-sdk 4.0.1 sent in a loopback capture: signed again with
// the captured date and nonce, each must carry the captured authorization, byte for byte.
describe.each(
  capturedRequests('fixtures/requests/authing-node-sdk-4.0.1-writes.http').map((request) => ({
    ...request,
    name: `${request.method} ${request.target}`,
  })),
)('captured $name', ({ method, target, headers, body }) => {
  it('gets the same authorization from the signer', async () => {
    const header = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
    const signed = headers.filter(
      ([name]) => name.startsWith('x-authing-') && !name.startsWith('x-authing-signature-'),
    );
    const request = new Request(`http://127.0.0.1${target}`, {
      method,
      headers: [
        ...signed.map(([name, value]): [string, string] => [name, value]),
        ['content-type', 'application/json'],
      ],
      ...(method !== 'GET' && { body }),
    });
    const [accessKeyId = '', accessKeySecret = ''] =
      /\((\w+) \/ ([\w-]+)\)/
        .exec(readContractText('fixtures/requests/authing-node-sdk-4.0.1-writes.http'))
        ?.slice(1) ?? [];
    await signer({
      accessKeyId,
      accessKeySecret,
      basePath: '',
      now: () => new Date(header('date')),
      nonce: () => header('x-authing-signature-nonce'),
    })(request);
    expect(request.headers.get('authorization')).toBe(header('authorization'));
    expect(await request.text()).toBe(body);
  });
});

describe('bodyFields', () => {
  it('signs objects and arrays as JSON, other values as strings, in body order', () => {
    expect(bodyFields('{"b":[1,"x"],"a":{"k":null},"c":true,"d":2,"e":null,"f":"é &"}')).toEqual([
      ['b', '[1,"x"]'],
      ['a', '{"k":null}'],
      ['c', 'true'],
      ['d', '2'],
      ['e', 'null'],
      ['f', 'é &'],
    ]);
    expect(bodyFields('')).toEqual([]);
  });
});

describe('signer', () => {
  it('signs each attempt with a fresh nonce and date', async () => {
    const sign = signer({ accessKeyId: 'AK', accessKeySecret: 'SK', basePath: '' });
    const first = new Request('http://127.0.0.1/api/v3/get-group?code=developer');
    const second = new Request('http://127.0.0.1/api/v3/get-group?code=developer');
    await sign(first);
    await sign(second);
    expect(first.headers.get('x-authing-signature-nonce')).not.toBe(
      second.headers.get('x-authing-signature-nonce'),
    );
    expect(first.headers.get('authorization')).not.toBe(second.headers.get('authorization'));
    expect(first.headers.get('authorization')).toMatch(/^authing AK:[A-Za-z0-9+/]{27}=$/);
    expect(first.headers.get('date')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('never puts the secret on the request', async () => {
    const request = new Request('http://127.0.0.1/api/v3/list-groups?page=1');
    await signer({ accessKeyId: 'AK', accessKeySecret: 'very-secret-value', basePath: '' })(request);
    expect(JSON.stringify([...request.headers]) + request.url).not.toContain('very-secret-value');
  });

  it('makes 32-hex nonces, never the same twice (past the 256 of one draw of random bytes)', () => {
    const nonces = Array.from({ length: 1_000 }, randomNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
