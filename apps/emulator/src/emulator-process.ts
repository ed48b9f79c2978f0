import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { EmulatorCredentials } from './app-parts.ts';
import type { EmulatorOptions } from './emulator.ts';

/** What an emulator in another process can be given: every option but the clock (a function). */
export type EmulatorProcessOptions = Omit<EmulatorOptions, 'clock'>;

/** An emulator running in a child process. */
export interface EmulatorProcess {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly credentials: EmulatorCredentials;
  /** How long seeding its store took, in milliseconds. */
  readonly seedMs: number;
  /** Stops the process and waits for it to exit. */
  close(): Promise<void>;
}

/** The line the child prints once it listens: everything of {@link EmulatorProcess} but `close`. */
export type EmulatorProcessReady = Omit<EmulatorProcess, 'close'>;

/**
 * Starts an emulator in a child process, so that serving does not share the caller's event loop:
 * what benchmarks need, where a client and a server in one process would measure each other.
 * The options go to the child as JSON on its stdin; it answers with one JSON line on stdout.
 *
 * @example
 * const emulator = await startEmulatorProcess({ port: 0, faults: { latencyMs: 20 } });
 * // ... walk emulator.url with emulator.credentials ...
 * await emulator.close();
 */
export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
  const main = new URL('./emulator-process-main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--conditions=@genauth-groups/source', main], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(options));
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error(`the emulator process exited (code ${child.exitCode}) before it listened`);
  const ready = JSON.parse(String(first.value)) as EmulatorProcessReady;
  return {
    ...ready,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
