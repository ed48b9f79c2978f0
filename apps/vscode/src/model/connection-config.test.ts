import { describe, expect, it } from 'vitest';
import { parseConnections } from './connection-config.ts';

describe('parseConnections', () => {
  it('reads entries with defaults and normalised hosts', () => {
    const { connections, problems } = parseConnections([
      { host: 'api.genauth.ai', accessKeyId: 'pool1' },
      { label: ' Staging ', host: 'localhost:8787/', accessKeyId: 'k2', auth: 'token', tenantId: 't1' },
    ]);
    expect(problems).toEqual([]);
    expect(connections).toEqual([
      {
        id: 'https://api.genauth.ai|pool1|',
        secretKey: 'https://api.genauth.ai|pool1',
        label: 'GenAuth cloud',
        host: 'https://api.genauth.ai',
        accessKeyId: 'pool1',
        auth: 'signature',
        tenantId: undefined,
        userPoolId: undefined,
        lang: undefined,
        readOnly: true,
      },
      expect.objectContaining({
        label: 'Staging',
        host: 'http://localhost:8787',
        auth: 'token',
        tenantId: 't1',
        readOnly: false,
      }),
    ]);
  });

  it('reports each bad entry without its values and keeps the good ones', () => {
    const { connections, problems } = parseConnections([
      { host: 'https://a.example', accessKeyId: '' },
      { host: 'ftp://secret-host', accessKeyId: 'k' },
      { host: 'https://b.example', accessKeyId: 'k' },
      { host: 'https://b.example/', accessKeyId: 'k' },
      'nonsense',
    ]);
    expect(connections.map((c) => c.host)).toEqual(['https://b.example']);
    expect(problems.map((p) => p.index)).toEqual([0, 1, 3, 4]);
    expect(problems[0]?.message).toContain('accessKeyId');
    expect(JSON.stringify(problems)).not.toContain('secret-host');
  });

  it('treats a missing or malformed setting as no connections', () => {
    expect(parseConnections(undefined)).toEqual({ connections: [], problems: [] });
    expect(parseConnections({})).toEqual({ connections: [], problems: [] });
  });

  it('makes connections read-only unless they are on loopback or say otherwise', () => {
    const { connections } = parseConnections([
      { host: 'https://api.genauth.ai', accessKeyId: 'a' },
      { host: 'http://127.0.0.1:8787', accessKeyId: 'b' },
      { host: 'https://api.genauth.ai', accessKeyId: 'c', readOnly: false },
      { host: 'http://localhost:8787', accessKeyId: 'd', readOnly: true },
    ]);
    expect(connections.map((connection) => connection.readOnly)).toEqual([true, false, false, true]);
  });
});
