import { DatabaseSync } from 'node:sqlite';
import { GROUP_REPLY_JSON, USER_REPLY_JSON } from './reply-json.ts';
import { SCHEMA } from './schema.ts';

/**
 * Opens the store's database: a file that survives restarts, or memory when `path` is omitted,
 * and creates the tables that are missing.
 */
export function openDatabase(path?: string): DatabaseSync {
  const db = new DatabaseSync(path ?? ':memory:');
  if (path) {
    // WAL lets a reader (e.g. the sqlite3 shell) look at the file while the emulator writes.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  addReplyColumns(db);
  return db;
}

/**
 * A data file written before the tables had their reply JSON columns gets them as virtual
 * columns (SQLite cannot add a stored one to a table): the same JSON, computed when a row is
 * read rather than when it is written.
 */
function addReplyColumns(db: DatabaseSync): void {
  for (const [table, json] of [
    ['groups', GROUP_REPLY_JSON],
    ['users', USER_REPLY_JSON],
  ] as const) {
    const found = db.prepare("SELECT 1 FROM pragma_table_xinfo(?) WHERE name = 'reply_json'").get(table);
    if (!found)
      db.exec(`ALTER TABLE ${table} ADD COLUMN reply_json TEXT GENERATED ALWAYS AS (${json}) VIRTUAL`);
  }
}

let savepoints = 0;

/**
 * Runs `work` in one transaction: all of its writes happen, or none (it rolls back when `work`
 * throws). Transactions nest (as savepoints), so that seeding can wrap several steps that each
 * use one. `node:sqlite` is synchronous, so no other request runs in between.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  const name = `sp${++savepoints}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = work();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  }
}
