// Bundles the extension into one CommonJS file, dist/extension.js: the workspace packages it uses
// are bundled from their TypeScript sources, `vscode` is provided by the editor.
// Usage: node scripts/build.ts
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'extension.js');
const started = performance.now();

await build({
  entryPoints: [join(root, 'src', 'extension.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.100's extension host runs Node 20.
  target: 'node20',
  external: ['vscode'],
  conditions: ['@genauth-groups/source'],
  minify: true,
  // When the editor started evaluating the bundle, for the activation log line (extension.ts).
  // The bundle's own "use strict" comes after the banner: the banner says it first.
  banner: { js: '"use strict";var __bundleEvaluationStarted=performance.now();' },
  legalComments: 'eof',
  logLevel: 'warning',
});

const kib = (statSync(outfile).size / 1024).toFixed(1);
console.log(`dist/extension.js: ${kib} KiB in ${Math.round(performance.now() - started)} ms`);
