/**
 * The emulator's bounds on what a request may store or search.
 *
 * Inferred, all of them: the service documents no length limits for these endpoints. A real service
 * has some, and without any one request could wedge the emulator (a 500 000-character group name
 * made its trigram index take gigabytes; SQLite runs on the event loop, so every other request
 * waited). The values are generous (well above any name, code or description a console shows) so
 * that a client that works here keeps working there; clients do not enforce them, as the real
 * server may accept more.
 *
 * @module
 */
import { invalidParam } from './api-error.ts';

/** Longest accepted text, in UTF-16 code units, by field name. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  code: 256,
  newCode: 256,
  name: 256,
  description: 2048,
  // Search runs on every group: the bound keeps a keyword's trigram query small.
  keywords: 256,
};

/** Longest text in a field that {@link TEXT_LIMITS} does not name (user ids, namespaces, passwords...). */
export const DEFAULT_TEXT_LIMIT = 1024;

/** Most items in a list (`userIds`, `codeList`). */
export const MAX_LIST_ITEMS = 10_000;

/** Largest custom data object, as JSON, in UTF-8 bytes. */
export const MAX_CUSTOM_DATA_BYTES = 64 * 1024;

/**
 * Checks every field of validated parameters against the bounds: texts by length, and without
 * U+0000 (which many stores, PostgreSQL text among them, cannot hold, and which SQLite's full-text
 * query syntax cannot express); lists by item count; custom data by size. Nesting is already
 * bounded by `readJson`, so the walk may recurse.
 *
 * @throws {ApiError} 400 `参数 <field> 格式错误` naming the top-level field; the value is never repeated.
 */
export function checkBounds(params: unknown): void {
  if (typeof params !== 'object' || params === null) return;
  for (const [field, value] of Object.entries(params)) {
    if (!withinBounds(field, value)) throw invalidParam(field);
  }
}

function withinBounds(name: string, value: unknown): boolean {
  if (typeof value === 'string') {
    return value.length <= (TEXT_LIMITS[name] ?? DEFAULT_TEXT_LIMIT) && !value.includes('\0');
  }
  if (Array.isArray(value)) {
    return value.length <= MAX_LIST_ITEMS && value.every((item) => withinBounds(name, item));
  }
  if (typeof value !== 'object' || value === null) return true;
  if (name === 'customData') return Buffer.byteLength(JSON.stringify(value)) <= MAX_CUSTOM_DATA_BYTES;
  return Object.entries(value).every(([field, item]) => withinBounds(field, item));
}
