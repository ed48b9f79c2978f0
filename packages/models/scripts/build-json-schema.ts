// Writes dist/json-schema/<Name>.json for every exported schema (run by `pnpm build` after tsc).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from './json-schema.ts';

const outDir = join(import.meta.dirname, '..', 'dist', 'json-schema');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const schemas = Object.entries(jsonSchemas());
for (const [name, schema] of schemas) {
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${schemas.length} JSON Schema files to dist/json-schema`);
