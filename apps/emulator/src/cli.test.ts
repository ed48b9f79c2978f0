import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI as users do (`node --conditions=@genauth-groups/source src/cli.ts`). */
function run(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=@genauth-groups/source', CLI, ...args], { stdio: 'pipe' });
}

/** Output until `pattern` shows up in stdout. */
async function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    if (pattern.test(output)) return output;
  }
  throw new Error(`the CLI exited before printing ${pattern}: ${output}`);
}

// Each test starts Node.js (about 3 s on a loaded 2-core machine): a budget, not vitest's 5 s default.
describe('genauth-emulator CLI', { timeout: 30_000 }, () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints what a client needs, serves, and exits 0 on %s',
    async (signal) => {
      const child = run(['--port', '0', '--demo-password', 'cli-pass', '--latency', '1']);
      const banner = await waitFor(child, /Press Ctrl\+C to stop/);
      const url = /base URL\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
      expect(banner).toContain('access key secret  0123456789abcdef0123456789abcdef');
      expect(banner).toContain('app id             65f0a1b2c3d4e5f6a7b8c9d0');
      expect(banner).toMatch(/demo users \(password cli-pass\)/);
      expect(banner).toMatch(/frank\s+frank@example\.com\s+65f0b3c4d5e6f7a8b9c0d1e6\s+no group/);
      expect(banner).toContain('faults             latency 1 ms');
      const reply = await fetch(`${url}/api/v3/list-groups`);
      expect(await reply.json()).toMatchObject({ statusCode: 401, apiCode: 2020 });

      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    },
  );

  it('prints the usage with --help', async () => {
    const child = run(['--help']);
    const output = await waitFor(child, /-h, --help/);
    expect(output).toContain('--access-key-secret');
    expect((await once(child, 'exit'))[0]).toBe(0);
  });

  it('exits 2 with a message on a bad flag, and 1 when it cannot start', async () => {
    const bad = run(['--port', 'x']);
    let stderr = '';
    bad.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    expect((await once(bad, 'exit'))[0]).toBe(2);
    expect(stderr).toContain('--port expects an integer');

    const missing = run(['--port', '0', '--load', '/nonexistent/file.json']);
    let error = '';
    missing.stderr.on('data', (chunk) => {
      error += String(chunk);
    });
    expect((await once(missing, 'exit'))[0]).toBe(1);
    expect(error).toMatch(/Cannot read load file \/nonexistent\/file\.json/);
  });
});
