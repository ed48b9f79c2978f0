import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` (scripts/start.ts) as a terminal runs it: the emulator and this demo come up, and
// every way the terminal ends it (Ctrl-C, kill, the terminal closed) leaves no server behind.
const root = new URL('../../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `npm start` prints that everything runs; rejects if it exits first or takes 60 s. */
function runningBanner(child: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not come up in 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes('genauth-groups is running')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early:\n${output}`));
    });
  });
}

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start', () => {
  it.each(['SIGHUP', 'SIGTERM'] as const)(
    'stops the emulator and the demo on %s',
    { timeout: 90_000 },
    async (signal) => {
      const [emulatorPort, demoPort] = [await freePort(), await freePort()];
      // As `npm start` runs it: through the toolchain wrapper, which gets the signal.
      const child = spawn(
        process.execPath,
        [
          'scripts/toolchain.mjs',
          '--no-install',
          'node',
          'scripts/start.ts',
          '--skip-vsix',
          '--emulator-port',
          String(emulatorPort),
          '--demo-port',
          String(demoPort),
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      started.push(child);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await runningBanner(child);
      const emulatorUrl = `http://127.0.0.1:${emulatorPort}/`;
      const demoUrl = `http://127.0.0.1:${demoPort}/`;
      expect(await answers(emulatorUrl)).toBe(true);
      expect(await answers(demoUrl)).toBe(true);

      child.kill(signal);
      await exited;
      expect(await answers(emulatorUrl)).toBe(false);
      expect(await answers(demoUrl)).toBe(false);
    },
  );
});
