#!/usr/bin/env node
// Runs the test suites of the published packages on Node.js 22, the oldest line their `engines`
// (>=22.12) promise; the rest of the workspace is developed and tested on Node.js 24. The pinned
// Node.js 22 is installed into tools/node22 from the npm registry when missing.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPinnedTools } from './pinned-tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tools', 'node22');
const node = join(dir, 'node_modules', '.bin', 'node');
const pinned = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.node;
const PACKAGES = ['models', 'core', 'sdk', 'management'];

const installed = spawnSync(node, ['--version'], { encoding: 'utf8' });
if (installed.stdout?.trim() !== `v${pinned}`) installPinnedTools(dir);

for (const name of PACKAGES) {
  const cwd = join(root, 'packages', name);
  console.log(`\n[node ${pinned}] @genauth-groups/${name}`);
  const run = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run'], { cwd, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
