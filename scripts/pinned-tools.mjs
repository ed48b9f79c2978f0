// Installs a folder of pinned tools (tools/toolchain, tools/node22): the exact versions in its
// package.json and package-lock.json, from the npm registry, into its own node_modules.
// Plain JavaScript for Node.js 20, like scripts/toolchain.mjs which uses it.

import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';

/**
 * Runs `npm install --no-save` in `dir`. Not `npm ci`: npm ci insists on lock entries for pnpm's
 * optional per-platform binaries that the registry may not serve, while install reads the
 * lockfile (exact versions and integrity) and skips optional packages it cannot get.
 *
 * @throws {Error} when npm fails.
 */
export function installPinnedTools(dir) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`npm install in ${relative(process.cwd(), dir) || dir} failed`);
}
