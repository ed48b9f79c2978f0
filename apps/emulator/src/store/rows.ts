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

/** Rows that `node:sqlite` returns as arrays (`setReturnArrays`), as records of `columns`. */
export function rowsFromArrays<T>(columns: readonly string[], rows: readonly SQLOutputValue[][]): T[] {
  const records = new Array<T>(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as SQLOutputValue[];
    const record: Record<string, SQLOutputValue> = {};
    for (let column = 0; column < columns.length; column += 1)
      record[columns[column] as string] = row[column] ?? null;
    records[index] = record as unknown as T;
  }
  return records;
}
