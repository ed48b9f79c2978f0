import { describe, expect, it } from 'vitest';
import { startEmulatorProcess } from './emulator-process.ts';

// A real child process: its start (Node, TypeScript, seeding) gets a budget of its own.
describe('startEmulatorProcess', () => {
  it('serves the options it was given from another process, and stops on close', {
    timeout: 30_000,
  }, async () => {
    const emulator = await startEmulatorProcess({
      port: 0,
      demo: false,
      load: { groups: [{ code: 'solo', name: 'Solo' }], users: [] },
      faults: { latencyMs: 50, paths: ['/api/v3/get-management-token'] },
    });
    try {
      const { accessKeyId, accessKeySecret } = emulator.credentials;
      const started = performance.now();
      const reply = await fetch(`${emulator.url}/api/v3/get-management-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accessKeyId, accessKeySecret }),
      });
      expect(await reply.json()).toMatchObject({ statusCode: 200 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    } finally {
      await emulator.close();
    }
    await expect(fetch(`${emulator.url}/api/v3/list-groups`)).rejects.toThrow();
  });
});
