import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { recordingFetch, type WireRecorder } from '@genauth-groups/testing/wire';
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

/** An emulator whose clock the test moves, and a management-token client of it that records what it sends. */
export interface TimeTravel {
  readonly emulator: Emulator;
  readonly wire: WireRecorder;
  /** A client with `auth: 'token'` sending through {@link wire}. */
  readonly api: ManagementClient;
  /** Moves the server's clock by `ms`; the client's stays. */
  travel(ms: number): void;
  /** Moves the server's clock past the expiry of every token it has issued. */
  passTokenExpiry(): void;
  /** Another token-scheme client of this emulator, with `options`. */
  client(options?: Partial<ManagementClientOptions>): ManagementClient;
}

/** Runs `test` against a time-travel emulator of its own, closed afterwards. */
export async function withTimeTravel(test: (travel: TimeTravel) => Promise<void>): Promise<void> {
  let now = Date.now();
  const emulator = await startEmulator({ port: 0, clock: () => now });
  const wire = recordingFetch();
  const client = (options: Partial<ManagementClientOptions> = {}) =>
    new ManagementClient({
      accessKeyId: emulator.credentials.accessKeyId,
      accessKeySecret: emulator.credentials.accessKeySecret,
      host: emulator.url,
      auth: 'token',
      fetch: wire.fetch,
      ...options,
    });
  try {
    await test({
      emulator,
      wire,
      api: client(),
      travel: (ms) => {
        now += ms;
      },
      passTokenExpiry: () => {
        now += 3 * 3600 * 1000; // management tokens live 7 200 s (contract 5.2)
      },
      client,
    });
  } finally {
    await emulator.close();
  }
}
