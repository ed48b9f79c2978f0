import { describe, expect, it } from 'vitest';
import { parseConnections } from './connection-config.ts';
import { ConnectionRegistry } from './connection-registry.ts';
import { MissingSecretError } from './error-info.ts';
import type { GroupsApi } from './groups-api.ts';
import { Redactor } from './log.ts';

function registry(secrets: Map<string, string>) {
  const made: string[] = [];
  const redactor = new Redactor();
  const instance = new ConnectionRegistry({
    secrets: { get: async (key) => secrets.get(key) },
    createApi: (connection, secret) => {
      made.push(`${connection.label}:${secret}`);
      return {} as GroupsApi;
    },
    settings: { timeout: 1000, lang: 'en-US' },
    redactor,
  });
  const changes: string[][] = [];
  instance.onDidChange.on((ids) => changes.push([...ids]));
  return { instance, made, changes, redactor };
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
});
