#!/usr/bin/env node
// Checks the package in the current directory as npm users will get it: packs it with pnpm (which
// resolves `catalog:` and `workspace:` versions), then runs publint and @arethetypeswrong/cli on
// the tarball. Run by each published package's `check-package` script, after its build.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'genauth-groups-pack-'));
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
try {
  run('pnpm', ['pack', '--pack-destination', outDir]);
  const [tarball] = readdirSync(outDir).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  const path = join(outDir, tarball);
  run('publint', ['run', path, '--strict']);
  // ESM only: CommonJS callers use require(esm), which Node.js >= 22.12 (our engines) supports.
  run('attw', [path, '--profile', 'esm-only']);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
