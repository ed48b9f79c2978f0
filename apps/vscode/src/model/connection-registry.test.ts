import { describe, expect, it } from 'vitest';
import { parseConnections } from './connection-config.ts';
import { ConnectionRegistry } from './connection-registry.ts';
import { MissingSecretError } from './error-info.ts';
import type { GroupsApi } from './groups-api.ts';
import { Redactor } from './log.ts';

function registry(secrets: Map<string, string>, authenticate: () => Promise<void> = async () => {}) {
  const made: string[] = [];
  const reads: string[] = [];
  const ready: string[] = [];
  const redactor = new Redactor();
  const instance = new ConnectionRegistry({
    secrets: {
      get: async (key) => {
        reads.push(key);
        return secrets.get(key);
      },
    },
    createApi: (connection, secret) => {
      made.push(`${connection.label}:${secret}`);
      return { authenticate } as GroupsApi;
    },
    settings: { timeout: 1000, lang: 'en-US' },
    redactor,
    onClientReady: (connection, timing) => {
      expect(timing.secretMs).toBeGreaterThanOrEqual(0);
      expect(timing.setupMs).toBeGreaterThanOrEqual(0);
      ready.push(connection.label);
    },
  });
  const changes: string[][] = [];
  instance.onDidChange.on((ids) => changes.push([...ids]));
  return { instance, made, reads, ready, changes, redactor };
}

const entry = (label: string, host = 'https://a.example') => ({ label, host, accessKeyId: 'k' });

describe('ConnectionRegistry', () => {
  it('reports added, changed and removed connections, and nothing when nothing changed', () => {
    const { instance, changes } = registry(new Map());
    instance.setConnections(parseConnections([entry('A'), entry('B', 'https://b.example')]));
    instance.setConnections(parseConnections([entry('A'), entry('B', 'https://b.example')]));
    instance.setConnections(parseConnections([entry('A renamed')]));
    expect(changes).toEqual([
      ['https://a.example|k|', 'https://b.example|k|'],
      ['https://a.example|k|', 'https://b.example|k|'],
    ]);
  });

  it('makes one client per connection, again after its secret or settings change', async () => {
    const secrets = new Map([['https://a.example|k', 's1']]);
    const { instance, made, redactor } = registry(secrets);
    instance.setConnections(parseConnections([entry('A')]));
    const id = 'https://a.example|k|';
    await Promise.all([instance.api(id), instance.api(id)]);
    expect(made).toEqual(['A:s1']);
    expect(redactor.redact('s1')).toBe('***');
    secrets.set('https://a.example|k', 's2');
    instance.secretChanged('https://a.example|k');
    await instance.api(id);
    instance.setClientSettings({ timeout: 2000, lang: 'zh-CN' });
    await instance.api(id);
    expect(made).toEqual(['A:s1', 'A:s2', 'A:s2']);
  });

  it('rejects without caching when the secret is missing', async () => {
    const secrets = new Map<string, string>();
    const { instance, made } = registry(secrets);
    instance.setConnections(parseConnections([entry('A')]));
    await expect(instance.api('https://a.example|k|')).rejects.toBeInstanceOf(MissingSecretError);
    secrets.set('https://a.example|k', 's');
    await instance.api('https://a.example|k|');
    expect(made).toEqual(['A:s']);
    await expect(instance.api('nope')).rejects.toThrow('Unknown connection');
  });

  it('prepares every client ahead of the first call, which takes it as it is', async () => {
    const secrets = new Map([
      ['https://a.example|k', 's1'],
      ['https://b.example|k', 's2'],
    ]);
    const { instance, made, reads, ready } = registry(secrets);
    instance.setConnections(parseConnections([entry('A'), entry('B', 'https://b.example')]));
    instance.prepare();
    expect(reads).toEqual(['https://a.example|k', 'https://b.example|k']);
    instance.prepare();
    const [a, b] = await Promise.all([
      instance.api('https://a.example|k|'),
      instance.api('https://b.example|k|'),
    ]);
    expect(a).not.toBe(b);
    expect(reads).toHaveLength(2);
    expect(made).toEqual(['A:s1', 'B:s2']);
    expect(ready).toEqual(['A', 'B']);
  });

  it('drops a prepared client when its connection or secret changes before the first call', async () => {
    const secrets = new Map([['https://a.example|k', 's1']]);
    const { instance, made } = registry(secrets);
    instance.setConnections(parseConnections([entry('A')]));
    instance.prepare();
    secrets.set('https://a.example|k', 's2');
    instance.secretChanged('https://a.example|k');
    await instance.api('https://a.example|k|');
    instance.prepare(); // made already: nothing new
    instance.setConnections(parseConnections([entry('A renamed')]));
    instance.prepare();
    await instance.api('https://a.example|k|');
    expect(made).toEqual(['A:s1', 'A:s2', 'A renamed:s2']);
  });

  it('tells a failed prepare to the first call only, then tries again', async () => {
    let refusals = 1;
    const { instance, made, reads, ready } = registry(new Map([['https://a.example|k', 's']]), async () => {
      if (refusals-- > 0) throw new Error('token refused');
    });
    instance.setConnections(parseConnections([entry('A')]));
    instance.prepare();
    await new Promise((resolve) => setTimeout(resolve, 10)); // it fails before anyone asks
    await expect(instance.api('https://a.example|k|')).rejects.toThrow('token refused');
    expect(reads).toHaveLength(1);
    await instance.api('https://a.example|k|');
    expect(reads).toHaveLength(2);
    expect(made).toEqual(['A:s', 'A:s']);
    expect(ready).toEqual(['A']);
  });
});
