/**
 * A group's and a user's reply JSON as SQL expressions, for generated columns: SQLite writes
 * the JSON of each row when the row is written, so that a page of 50 groups or 50 users is 50
 * strings read and joined instead of 50 objects built and stringified on every request (a
 * members page took 0.64 ms so, 0.08 ms from the column; issue 14).
 *
 * They produce the bytes that `JSON.stringify` of `groupDto` / `userDto` (`dto.ts`) gives
 * without custom data, identities or departments, key for key and in the same order, from the
 * same field table; `reply-json.test.ts` holds them to it on every row of the demo and
 * generated data. Replies asking for more are built by `dto.ts`.
 *
 * @module
 */
import { optionalUserFieldDefaults, userFieldColumns } from './user-fields.ts';

/** `json_object()` of name and SQL expression pairs, in order. */
function jsonObject(entries: readonly (readonly [string, string])[]): string {
  return `json_object(${entries.map(([name, sql]) => `'${name}', ${sql}`).join(', ')})`;
}

/** What `groupDto(row, 'omit')` gives, as JSON text. */
export const GROUP_REPLY_JSON = jsonObject([
  ['id', 'id'],
  ['code', 'code'],
  ['name', 'name'],
  ['description', 'description'],
  ['type', 'type'],
  ['metadataSource', 'json(metadata_source)'],
  ['members', 'json_array()'],
]);

const defaults: Readonly<Record<string, unknown>> = optionalUserFieldDefaults;

/** A literal JSON value as SQL: `NULL` becomes JSON `null` in `json_object`. */
function jsonLiteral(value: unknown): string {
  return value === undefined ? 'NULL' : `json('${JSON.stringify(value)}')`;
}

/** What `userDto(row, { customData: 'omit' })` gives, as JSON text. */
export const USER_REPLY_JSON = jsonObject([
  ['userId', 'user_id'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
  ...userFieldColumns.map(({ field, column, kind }): [string, string] => {
    const fallback = jsonLiteral(defaults[field]);
    switch (kind) {
      case 'boolean':
        return [
          field,
          `CASE WHEN ${column} IS NULL THEN ${fallback} WHEN ${column} = 1 THEN json('true') ELSE json('false') END`,
        ];
      case 'texts':
        return [field, `coalesce(json(${column}), ${fallback})`];
      default:
        return [field, `coalesce(${column}, ${fallback})`];
    }
  }),
]);
