#!/usr/bin/env node
// Runs a command with the project's toolchain: Node.js >= 24 and pnpm 12 on PATH, and the
// workspace's dependencies installed from the lockfile.
//
// The README's commands (`npm start`, `npm test`) go through here, so that a fresh machine with
// only Node.js >= 20 and npm needs nothing else. What the machine already has is used when it is
// new enough; otherwise the versions pinned in tools/toolchain/package-lock.json are installed
// into tools/toolchain/node_modules (npm registry only, nothing global is changed).
//
// Usage: node scripts/toolchain.mjs [--no-install] <command> [args...]
//
// Written for Node.js 20 without a build step: plain JavaScript, node: built-ins only.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPinnedTools } from './pinned-tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolchainDir = join(root, 'tools', 'toolchain');
const toolchainBin = join(toolchainDir, 'node_modules', '.bin');
const pinned = JSON.parse(readFileSync(join(toolchainDir, 'package.json'), 'utf8')).dependencies;

const MIN_NODE_MAJOR = 24;
const MIN_PNPM_MAJOR = 12;

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function major(version) {
  return Number.parseInt(String(version).replace(/^v/, ''), 10);
}

/** The version a command prints for `--version`, or undefined when it is not there. */
function versionOf(command, env) {
  const result = spawnSync(command, ['--version'], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function checkPackageManagerField() {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const expected = `pnpm@${pinned.pnpm}`;
  if (rootManifest.packageManager !== expected) {
    throw new Error(
      `package.json "packageManager" is ${rootManifest.packageManager}, but tools/toolchain pins ${expected}: keep them equal.`,
    );
  }
}

function installPinnedToolchain() {
  const wanted = [`node ${pinned.node}`, `pnpm ${pinned.pnpm}`];
  const node = versionOf(join(toolchainBin, 'node'));
  const pnpm = versionOf(join(toolchainBin, 'pnpm'));
  if (node === `v${pinned.node}` && pnpm === pinned.pnpm) return;
  log(`installing ${wanted.join(' and ')} into tools/toolchain (npm registry)`);
  installPinnedTools(toolchainDir);
}

/** PATH entries to put first, so that `node` and `pnpm` resolve to suitable versions. */
function toolchainPath() {
  const nodeOk = major(process.versions.node) >= MIN_NODE_MAJOR;
  const systemPnpm = versionOf('pnpm');
  const pnpmOk = systemPnpm !== undefined && major(systemPnpm) >= MIN_PNPM_MAJOR;
  if (nodeOk && pnpmOk) {
    log(`using node ${process.version} and pnpm ${systemPnpm} from this machine`);
    return [dirname(process.execPath)];
  }
  installPinnedToolchain();
  if (nodeOk) {
    log(`using node ${process.version} from this machine, pnpm ${pinned.pnpm} from tools/toolchain`);
    // This node stays first; the pinned pnpm comes from the toolchain folder after it.
    return [dirname(process.execPath), toolchainBin];
  }
  log(`using node ${pinned.node} and pnpm ${pinned.pnpm} from tools/toolchain`);
  return [toolchainBin];
}

function run(command, args, env) {
  return new Promise((resolveExit) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    // SIGHUP too: a closed terminal must reach the command (npm start stops its servers on it).
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    child.on('error', (error) => {
      log(`could not start ${command}: ${error.message}`);
      resolveExit(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      resolveExit(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const install = argv[0] !== '--no-install';
  const [command, ...args] = install ? argv : argv.slice(1);
  if (!command) {
    log('usage: node scripts/toolchain.mjs [--no-install] <command> [args...]');
    return 2;
  }
  checkPackageManagerField();
  const path = [...toolchainPath(), join(root, 'node_modules', '.bin'), process.env.PATH ?? ''];
  const env = { ...process.env, PATH: path.join(delimiter) };
  if (install) {
    const installed = await run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], env);
    if (installed !== 0) return installed;
  }
  return run(command, args, env);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
