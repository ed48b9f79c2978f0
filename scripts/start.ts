// `npm start`: the whole toolkit on the embedded default, in one command. Starts the emulator
// (demo data), serves the web demo against it, builds the VS Code extension's .vsix, and prints
// what to open. Ctrl-C, SIGTERM or closing the terminal (SIGHUP) stops everything.
//
//   npm start                                    # everything on the local emulator
//   npm start -- --app-host https://your-app.genauth.ai --app-id YOUR_APP_ID
//                                                # the web demo against a real GenAuth app
//   npm start -- --skip-vsix                     # do not build the extension
//
// Run through scripts/toolchain.mjs (Node.js 24, pnpm, installed workspace).

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    'app-host': { type: 'string' },
    'app-id': { type: 'string' },
    'emulator-port': { type: 'string', default: '8787' },
    'demo-port': { type: 'string', default: '5173' },
    'skip-vsix': { type: 'boolean', default: false },
  },
});
if (Boolean(args['app-host']) !== Boolean(args['app-id'])) {
  fail('--app-host and --app-id go together: the Authentication Address and App ID of your GenAuth app');
}

const emulatorUrl = `http://127.0.0.1:${args['emulator-port']}`;
const demoUrl = `http://127.0.0.1:${args['demo-port']}`;
const children: ChildProcess[] = [];
let stopping = false;

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

/** Starts a long-running Node.js child in its own process group, so that stopping it stops its children too. */
function launch(name: string, cwd: string, commandArgs: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, commandArgs, {
    cwd: join(root, cwd),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`npm start: ${name} stopped unexpectedly (${signal ?? `exit ${code}`})`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

/** Runs a Node.js script to completion in a workspace folder; its output is shown. */
function runNode(cwd: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, commandArgs, {
      cwd: join(root, cwd),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Runs a command to completion; its output is shown. */
function run(command: string, commandArgs: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function waitFor(name: string, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  console.error(`npm start: ${name} did not answer at ${url} within 60 s`);
  await stop(1);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = children
    .filter((child) => child.exitCode === null && child.signalCode === null && child.pid !== undefined)
    .map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          process.kill(-(child.pid as number), 'SIGTERM');
          setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null)
              process.kill(-(child.pid as number), 'SIGKILL');
          }, 3000).unref();
        }),
    );
  await Promise.all(exits);
  console.log(code === 0 ? '\nStopped: emulator and web demo.' : '');
  process.exit(code);
}

// SIGHUP is a closed terminal: the children run in their own process groups (so that stopping
// one stops its own children), so nothing else would stop them and the next start would find its
// ports taken. Output to a closed terminal fails: that must not stop the shutdown.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

// 1. The emulator, with its demo data.
// The demo's page is its own sign-in callback: registered with the emulator's app.
const callbackUrls = [`${demoUrl}/`, `http://localhost:${args['demo-port']}/`];
launch('the emulator', 'apps/emulator', [
  '--conditions=@genauth-groups/source',
  'src/cli.ts',
  '--port',
  String(args['emulator-port']),
  ...callbackUrls.flatMap((url) => ['--callback-url', url]),
]);
await waitFor('the emulator', `${emulatorUrl}/api/v3/get-my-group-list`);

// 2. The web demo, built for the emulator unless a real app was given (the host is pinned at build
// time, under a Content Security Policy that allows no other), then served as built.
// The Authentication Address as the console shows it may lack the scheme.
const givenHost = args['app-host']?.replace(/\/+$/, '');
const appHost = givenHost
  ? /^https?:\/\//.test(givenHost)
    ? givenHost
    : `https://${givenHost}`
  : emulatorUrl;
const demoEnv = {
  VITE_GENAUTH_APP_HOST: appHost,
  ...(args['app-id'] && { VITE_GENAUTH_APP_ID: args['app-id'] }),
};
const vite = 'node_modules/vite/bin/vite.js';
console.log('\nBuilding the web demo…');
if ((await runNode('apps/web-demo', [vite, 'build', '--logLevel', 'warn'], demoEnv)) !== 0 && !stopping) {
  console.error('npm start: the web demo did not build (see above)');
  await stop(1);
}
launch(
  'the web demo',
  'apps/web-demo',
  [vite, 'preview', '--port', String(args['demo-port']), '--strictPort'],
  demoEnv,
);
await waitFor('the web demo', demoUrl);

// 3. The VS Code extension, packaged.
const vsix = join(root, 'apps/vscode/dist/genauth-groups.vsix');
let vsixLine = '  VS Code extension   skipped (--skip-vsix)';
if (!args['skip-vsix'] && !stopping) {
  console.log('\nBuilding the VS Code extension (.vsix)…');
  const code = await run('pnpm', ['--filter', 'genauth-groups-vscode', 'run', 'package']);
  vsixLine =
    code === 0 && existsSync(vsix)
      ? `  VS Code extension   ${vsix}`
      : '  VS Code extension   the build failed (see above); the rest runs';
}

const codeServer = '/tmp/genauth-groups-e2e-4.139.1/cs/node_modules/.bin/code-server';
console.log(`
────────────────────────────────────────────────────────────────────────
 genauth-groups is running (a community toolkit, not affiliated with GenAuth)

  Web demo            ${demoUrl}
                      ${args['app-id'] ? `against ${appHost}: register ${demoUrl}/ as a login callback URL and a logout callback URL of the app` : 'sign in as alice (or bob, carol; frank is in no group), password Passw0rd!'}
  Emulator (the API)  ${emulatorUrl}   (credentials in its banner above)
${vsixLine}

  Browse the emulator's groups in VS Code:
    1. code --install-extension ${vsix}
    2. In VS Code: GenAuth Groups view → "Add Connection" → Local emulator
       (host ${emulatorUrl}, the access key id and secret from the banner above).
${existsSync(codeServer) ? `  code-server is installed (from the extension's end-to-end test):\n    ${codeServer} --install-extension ${vsix} && ${codeServer} --auth none --bind-addr 127.0.0.1:8080\n` : ''}
  Press Ctrl-C to stop everything.
────────────────────────────────────────────────────────────────────────`);
