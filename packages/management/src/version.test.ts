import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from './management-client.ts';

it('sends the version this package is published as', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(VERSION).toBe(manifest.version);
});
