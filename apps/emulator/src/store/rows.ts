import type { SQLOutputValue } from 'node:sqlite';

// The rows the store reads, as SQLite returns them (JSON columns still text).

/** A row of `groups`. */
export interface GroupRow {
  readonly seq: number;
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly metadata_source: string;
  readonly custom_data: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A row of `users`: the fixed columns, plus one per field of `userFields`. */
export interface UserRow {
  readonly seq: number;
  readonly user_id: string;
  readonly password_hash: string | null;
  readonly custom_data: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly [column: string]: SQLOutputValue;
}

/** A row of `identities`. */
export interface IdentityRow {
  readonly user_seq: number;
  readonly identity_id: string;
  readonly ext_idp_id: string;
  readonly provider: string;
  readonly type: string;
  readonly user_id_in_idp: string;
  readonly user_info_in_idp: string;
  readonly origin_conn_ids: string;
}

/** A row of `group_resources`. */
export interface ResourceRow {
  readonly resource_code: string;
  readonly resource_type: string;
  readonly description: string | null;
  readonly api_identifier: string | null;
  readonly actions: string;
  readonly effect: string;
  readonly condition: string;
}

/** Types a row that `node:sqlite` returns as a plain record. */
export function rowAs<T>(row: Record<string, SQLOutputValue>): T {
  return row as unknown as T;
}

/** Turns one row that `node:sqlite` returns as an array (`setReturnArrays`) into its record. */
export type RecordOf = (row: readonly SQLOutputValue[]) => Record<string, SQLOutputValue>;

/**
 * The {@link RecordOf} of a statement's `columns`, built once per statement: an object literal
 * with the columns as keys gives every record the same shape at once, about ten times faster
 * than setting the keys one by one (a page of 50 users has 50-odd columns each). The keys are
 * the statement's own column names, quoted by `JSON.stringify`.
 */
export function recordMaker(columns: readonly string[]): RecordOf {
  const entries = columns.map((column, index) => `${JSON.stringify(column)}: row[${index}]`);
  return new Function('row', `return { ${entries.join(', ')} };`) as RecordOf;
}
