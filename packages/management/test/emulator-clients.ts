import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ManagementClient, type ManagementClientOptions } from '../src/index.ts';

/** The emulator of one test file, and clients of it. */
export interface EmulatorClients {
  /** The emulator, started before the file's tests; its faults are cleared after each test. */
  readonly emulator: Emulator;
  /** A client of the emulator, signing with its key, with retries 5 ms apart unless `options` say otherwise. */
  client(options?: Partial<ManagementClientOptions>): ManagementClient;
}

/** Starts an emulator on loopback for the calling test file (call it at the top level). */
export function useEmulatorClients(): EmulatorClients {
  let started: Emulator | undefined;
  beforeAll(async () => {
    started = await startEmulator({ port: 0 });
  });
  afterAll(() => started?.close());
  afterEach(() => started?.faults.clear());
  const emulator = (): Emulator => {
    if (!started) throw new Error('the emulator starts in beforeAll: use it inside a test');
    return started;
  };
  return {
    get emulator() {
      return emulator();
    },
    client: (options = {}) =>
      new ManagementClient({
        accessKeyId: emulator().credentials.accessKeyId,
        accessKeySecret: emulator().credentials.accessKeySecret,
        host: emulator().url,
        retry: { limit: 2, delay: () => 5 },
        ...options,
      }),
  };
}
