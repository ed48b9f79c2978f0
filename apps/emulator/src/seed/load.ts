import { readFileSync } from 'node:fs';
import { parse } from '@genauth-groups/models';
import { type Dataset, DatasetFile } from './dataset.ts';
import { SeedError } from './insert.ts';

/**
 * Reads and validates a load file (`--load file.json`, format in the README).
 *
 * @throws {SeedError} when the file cannot be read or is not JSON.
 * @throws {ValidationError} (from `@genauth-groups/models`) listing where the file does not have the
 *   expected shape, e.g. `Invalid load file data.json: users[3].email: expected string`.
 */
export function readDatasetFile(path: string): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`Cannot read load file ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The parser's message may quote the file's text, which can hold passwords: keep what comes
    // before the first quote.
    const reason = ((error as Error).message.split('"')[0] ?? '')
      .replace(/[\s,.]+$/, '')
      .replace(' in JSON', '');
    throw new SeedError(`Load file ${path} is not valid JSON: ${reason}`);
  }
  return parse(DatasetFile, json, `load file ${path}`);
}
