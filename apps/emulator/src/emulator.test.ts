import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGroup, getGroup, getManagementToken, listGroups, signIn } from '@genauth-groups/models';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CREDENTIALS, startEmulator } from './emulator.ts';
import { TestClient } from './testing/test-client.ts';

const directory = mkdtempSync(join(tmpdir(), 'genauth-emulator-data-'));

describe('startEmulator', () => {
  it('listens on a free port with the default credentials and the demo users', async () => {
    await using emulator = await startEmulator({ port: 0 });
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.credentials).toEqual(DEFAULT_CREDENTIALS);
    expect(emulator.demoUsers.map((user) => user.username)).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
    ]);
    expect(emulator.demoUsers[0]).toEqual({
      userId: '65f0b3c4d5e6f7a8b9c0d1e1',
      username: 'alice',
      email: 'alice@example.com',
      password: 'Passw0rd!',
      groups: ['rd-center', 'developer', 'all-staff'],
    });
    expect(emulator.data).toMatchObject({
      path: undefined,
      reused: false,
      groups: 7,
      users: 62,
      memberships: 70,
    });
  });

  it('takes the user pool id as the access key id unless one is given', async () => {
    await using emulator = await startEmulator({
      port: 0,
      demo: false,
      credentials: { userPoolId: 'pool-1' },
    });
    expect(emulator.credentials).toMatchObject({ userPoolId: 'pool-1', accessKeyId: 'pool-1' });
    expect(emulator.demoUsers).toEqual([]);
    const api = new TestClient(emulator);
    const reply = await api.post(getManagementToken, {
      accessKeyId: 'pool-1',
      accessKeySecret: DEFAULT_CREDENTIALS.accessKeySecret,
    });
    expect(reply.body.statusCode).toBe(200);
  });

  it('closes twice without error, and frees its port', async () => {
    const emulator = await startEmulator({ port: 0, demo: false });
    await emulator.close();
    await emulator.close();
    await expect(fetch(emulator.url)).rejects.toThrow();
  });

  it('waits for requests in flight before closing the database', { timeout: 30_000 }, async () => {
    const emulator = await startEmulator({ port: 0 });
    const api = await TestClient.withManagementToken(emulator);
    // A queued fault leaves the queue when the server takes the request: then it is in flight,
    // however long a loaded machine took to get there (a fixed sleep was a guess).
    emulator.faults.queue([{ type: 'latency', ms: 1000 }], { paths: [listGroups.path] });
    const errors = vi.spyOn(console, 'error');
    const pending = api.get(listGroups).catch((error: unknown) => error);
    await vi.waitFor(() => expect(emulator.faults.state.queue).toEqual([]), { timeout: 20_000, interval: 5 });
    const closing = performance.now();
    await emulator.close();
    expect(performance.now() - closing).toBeGreaterThan(500); // the delayed request finished first
    expect(await pending).toBeInstanceOf(Error); // its connection was closed under it
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('rejects when the port is taken', async () => {
    await using first = await startEmulator({ port: 0, demo: false });
    await expect(startEmulator({ port: first.port, demo: false })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('data file', () => {
  it('keeps data across restarts and gives the demo users the configured password', async () => {
    const data = join(directory, 'keep.db');
    {
      await using emulator = await startEmulator({ port: 0, data });
      const api = await TestClient.withManagementToken(emulator);
      await api.post(createGroup, { code: 'kept', name: 'Kept', description: 'survives', type: 'static' });
    }
    await using emulator = await startEmulator({ port: 0, data, demoPassword: 'changed-1' });
    expect(emulator.data).toMatchObject({ path: data, reused: true, groups: 8 });
    const api = await TestClient.withManagementToken(emulator);
    expect((await api.get(getGroup, { code: 'kept' })).body.data.description).toBe('survives');
    const app = new TestClient(emulator, { 'x-authing-app-id': emulator.credentials.appId });
    const signedIn = await app.post(signIn, {
      connection: 'PASSWORD',
      passwordPayload: { username: 'bob', password: 'changed-1' },
    });
    expect(signedIn.body.statusCode).toBe(200);
    expect(emulator.demoUsers[1]).toMatchObject({ username: 'bob', password: 'changed-1' });
  });

  it('stores nothing when seeding fails, so the next start seeds afresh', async () => {
    const data = join(directory, 'atomic.db');
    await expect(
      startEmulator({ port: 0, data, load: { users: [{ username: 'x', groups: ['nope'] }] } }),
    ).rejects.toThrow(/no group has the code "nope"/);
    await using emulator = await startEmulator({ port: 0, data });
    expect(emulator.data).toMatchObject({ reused: false, groups: 7 });
  });
});
