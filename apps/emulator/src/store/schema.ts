import { GROUP_REPLY_JSON, USER_REPLY_JSON } from './reply-json.ts';
import { columnOf, type FieldKind, requiredUserFields, userFields } from './user-fields.ts';

const SQL_TYPES: Readonly<Record<FieldKind, string>> = {
  text: 'TEXT',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  // A JSON array of strings.
  texts: 'TEXT',
};

const userColumns = Object.entries(userFields)
  .map(([field, kind]) => {
    const required = field in requiredUserFields ? ' NOT NULL' : '';
    return `  ${columnOf(field)} ${SQL_TYPES[kind]}${required},`;
  })
  .join('\n');

/**
 * The tables of the store, created idempotently (every statement is `IF NOT EXISTS`).
 *
 * Each table has an integer `seq` row id: joins and paging use it, and its order is creation
 * order, which is what "newest first" means for groups (contract 6.1).
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS groups (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  metadata_source TEXT NOT NULL DEFAULT '[]',
  custom_data TEXT NOT NULL DEFAULT '{}',
  -- Lower-cased in JavaScript (full Unicode, unlike SQLite's lower()) for keyword search.
  code_lc TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The reply's JSON without custom data (reply-json.ts), written with the row.
  reply_json TEXT GENERATED ALWAYS AS (${GROUP_REPLY_JSON}) STORED
);

-- Keyword search is a substring match on code or name (contract 6.1): a trigram index answers it
-- without scanning every group, for keywords of three characters or more.
CREATE VIRTUAL TABLE IF NOT EXISTS groups_search USING fts5(
  code_lc, name_lc, content='groups', content_rowid='seq', tokenize='trigram case_sensitive 1'
);
CREATE TRIGGER IF NOT EXISTS groups_search_insert AFTER INSERT ON groups BEGIN
  INSERT INTO groups_search(rowid, code_lc, name_lc) VALUES (new.seq, new.code_lc, new.name_lc);
END;
CREATE TRIGGER IF NOT EXISTS groups_search_delete AFTER DELETE ON groups BEGIN
  INSERT INTO groups_search(groups_search, rowid, code_lc, name_lc) VALUES ('delete', old.seq, old.code_lc, old.name_lc);
END;
CREATE TRIGGER IF NOT EXISTS groups_search_update AFTER UPDATE OF code_lc, name_lc ON groups BEGIN
  INSERT INTO groups_search(groups_search, rowid, code_lc, name_lc) VALUES ('delete', old.seq, old.code_lc, old.name_lc);
  INSERT INTO groups_search(rowid, code_lc, name_lc) VALUES (new.seq, new.code_lc, new.name_lc);
END;

CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL UNIQUE,
${userColumns}
  password_hash TEXT,
  custom_data TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The reply's JSON without custom data, identities or departments (reply-json.ts), written with the row.
  reply_json TEXT GENERATED ALWAYS AS (${USER_REPLY_JSON}) STORED
);
-- The lookups of get-user-groups and sign-in. E-mail addresses are case-insensitive (contract 7.4).
CREATE UNIQUE INDEX IF NOT EXISTS users_username ON users(username);
CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users(lower(email));
CREATE UNIQUE INDEX IF NOT EXISTS users_phone ON users(phone);
CREATE UNIQUE INDEX IF NOT EXISTS users_external_id ON users(external_id);

CREATE TABLE IF NOT EXISTS identities (
  seq INTEGER PRIMARY KEY,
  identity_id TEXT NOT NULL UNIQUE,
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  ext_idp_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  type TEXT NOT NULL,
  user_id_in_idp TEXT NOT NULL,
  user_info_in_idp TEXT NOT NULL DEFAULT '{}',
  origin_conn_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS identities_user ON identities(user_seq);
CREATE INDEX IF NOT EXISTS identities_idp ON identities(ext_idp_id, user_id_in_idp);
CREATE INDEX IF NOT EXISTS identities_provider ON identities(provider, user_id_in_idp);

CREATE TABLE IF NOT EXISTS user_departments (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  department_id TEXT NOT NULL,
  PRIMARY KEY (user_seq, department_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS group_members (
  seq INTEGER PRIMARY KEY,
  group_seq INTEGER NOT NULL REFERENCES groups(seq) ON DELETE CASCADE,
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  UNIQUE (group_seq, user_seq)
);
-- Members page in the order they joined; a user's groups are found from the user. The page index
-- holds user_seq, so that a page reads its 50 users without reading 50 membership rows first
-- (a members page's query 30 -> 21 µs, 103 -> 74 µs over pages of 200 groups; issue 14). It
-- replaces group_members_by_group, (group_seq, seq), which a data file of an earlier version has.
DROP INDEX IF EXISTS group_members_by_group;
CREATE INDEX IF NOT EXISTS group_members_page ON group_members(group_seq, seq, user_seq);
CREATE INDEX IF NOT EXISTS group_members_by_user ON group_members(user_seq, group_seq);

CREATE TABLE IF NOT EXISTS namespaces (
  code TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS group_resources (
  seq INTEGER PRIMARY KEY,
  group_seq INTEGER NOT NULL REFERENCES groups(seq) ON DELETE CASCADE,
  namespace TEXT NOT NULL REFERENCES namespaces(code),
  resource_code TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  description TEXT,
  api_identifier TEXT,
  actions TEXT NOT NULL DEFAULT '[]',
  effect TEXT NOT NULL DEFAULT 'ALLOW',
  condition TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS group_resources_by_group ON group_resources(group_seq, namespace, resource_type);
`;

/** The permission namespace used when a request names none (contract 6.6). */
export const DEFAULT_NAMESPACE = 'default';
