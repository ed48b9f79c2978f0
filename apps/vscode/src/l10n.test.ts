import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every user-facing string goes through `l10n.t` (or a `t` handed to the model), and the Chinese
// bundles translate each one of them, no more and no less.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, path), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The first argument of every `l10n.t(...)` or `t(...)` call with a string literal. */
function messages(): Set<string> {
  const found = new Set<string>();
  const call = /\b(?:l10n\.)?t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g;
  for (const file of sources(join(root, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call))
      found.add(match[2]?.replace(/\\(.)/g, '$1') ?? '');
  }
  return found;
}

describe('localisation', () => {
  it('translates every message of the code into Chinese, and nothing else', () => {
    const keys = Object.keys(readJson('l10n/bundle.l10n.zh-cn.json'));
    expect(keys.sort()).toEqual([...messages()].sort());
  });

  it('gives every %placeholder% of package.json a string in each language', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const placeholders = new Set([...manifest.matchAll(/"%([\w.]+)%"/g)].map((match) => match[1]));
    expect(Object.keys(readJson('package.nls.json')).sort()).toEqual([...placeholders].sort());
    expect(Object.keys(readJson('package.nls.zh-cn.json')).sort()).toEqual([...placeholders].sort());
  });
});
