import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { transaction } from './database.ts';
import { objectId } from './ids.ts';
import {
  type GroupRow,
  type IdentityRow,
  type RecordOf,
  type ResourceRow,
  recordMaker,
  rowAs,
  type UserRow,
} from './rows.ts';
import { columnOf, userFields, userRowColumns } from './user-fields.ts';

/** How `get-user-groups` names a user (contract 6.4), minus `custom_field`, which the emulator does not support. */
export type UserLookup =
  | 'user_id'
  | 'external_id'
  | 'phone'
  | 'email'
  | 'username'
  | 'identity'
  | 'sync_relation';

/** The account field of a password sign-in; `account` is any of username, e-mail and phone. */
export type AccountKind = 'username' | 'email' | 'phone' | 'account';

/** A page of rows and how many there are in all. */
export interface Page<T> {
  readonly totalCount: number;
  readonly rows: T[];
}

/** A page of replies, as JSON, and how many there are in all. */
export interface ReplyPage {
  readonly totalCount: number;
  /** The items' JSON texts, joined by commas: the list without its brackets. */
  readonly items: string;
  /** The length of `items` in UTF-8 bytes. */
  readonly bytes: number;
}

/** The fields of a new group. */
export interface NewGroup {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly customData?: Readonly<Record<string, unknown>> | undefined;
}

/** The changes of `update-group`. */
export interface GroupChanges {
  readonly code: string;
  readonly description: string;
  readonly name?: string | undefined;
  readonly newCode?: string | undefined;
  readonly customData?: Readonly<Record<string, unknown>> | undefined;
}

/** Why a membership change was refused. */
export type MembershipRefusal = 'group-not-found' | 'user-not-found';

/** The user columns a keyword search may look in: the user id and every text field. */
const SEARCHABLE_USER_COLUMNS = [
  'user_id',
  ...Object.entries(userFields)
    .filter(([, kind]) => kind === 'text')
    .map(([field]) => columnOf(field)),
];

/**
 * The condition of a `listUsers` search: `?1` is the `LIKE` pattern of the keywords (which ignores
 * ASCII case), `?2`... a flag per column of {@link SEARCHABLE_USER_COLUMNS}.
 */
const USER_SEARCH = SEARCHABLE_USER_COLUMNS.map(
  (column, index) => `(?${index + 2} AND ${column} LIKE ?1 ESCAPE '\\')`,
).join(' OR ');

const MAX_CACHED_ANSWERS = 200;
// Cached keyword matches hold at most this many seqs in all (8 bytes each).
const MAX_CACHED_SEQS = 2_000_000;
// Page starts remembered per list; a walk of 100 000 members, 50 at a time, needs 2 000.
const MAX_PAGE_STARTS = 10_000;

// The columns of a `GroupRow` and a `UserRow`: SQLite makes a string of every column it returns,
// and neither the lower-cased copies kept for keyword search nor the reply JSON is part of a row.
const GROUP_COLUMN_NAMES = [
  'seq',
  'id',
  'code',
  'name',
  'description',
  'type',
  'metadata_source',
  'custom_data',
  'created_at',
  'updated_at',
];
const GROUP_COLUMNS = GROUP_COLUMN_NAMES.join(', ');
/** The group columns of a join in which `groups` is `g`. */
const G_COLUMNS = GROUP_COLUMN_NAMES.map((column) => `g.${column}`).join(', ');
const USER_COLUMN_NAMES = ['seq', ...userRowColumns];
const USER_COLUMNS = USER_COLUMN_NAMES.join(', ');
/** The user columns of a join in which `users` is `u`. */
const U_COLUMNS = USER_COLUMN_NAMES.map((column) => `u.${column}`).join(', ');

// A page far beyond the end is empty; bigger offsets would not fit SQLite's 64-bit integers.
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * The emulator's data: every read and write the routes need, on a `node:sqlite` database.
 * Methods are synchronous, so each runs without any other request in between; multi-statement
 * writes also run in a transaction, so a failure leaves nothing half done.
 */
export class Store {
  readonly #db: DatabaseSync;
  readonly #clock: () => number;
  readonly #statements = new Map<string, StatementSync>();
  readonly #listStatements = new Map<
    string,
    { readonly statement: StatementSync; readonly recordOf: RecordOf }
  >();
  // Counts, keyword matches and where pages start, answered since the last write: a page of a
  // 9 000-member group spent a fifth of its time counting the members again, a keyword search
  // most of its time collecting the same matches again (CPU profiles, issue 14).
  // `total_changes()` moves with every row this connection inserts, updates or deletes, so an
  // answer is reused only while it cannot have changed.
  readonly #answers = new Map<string, unknown>();
  #answersAt = -1;
  #cachedSeqs = 0;
  /** Inside {@link #read}: the answers were checked against the last write. */
  #reading = false;

  constructor(db: DatabaseSync, clock: () => number) {
    this.#db = db;
    this.#clock = clock;
  }

  /** The database, for seeding. */
  get db(): DatabaseSync {
    return this.#db;
  }

  /** Groups newest first, optionally only those whose code or name contains `keywords`, ignoring case. */
  listGroups(keywords: string | undefined, page: number, limit: number): Page<GroupRow> {
    const { totalCount, condition, params } = this.#groupPage(keywords, page, limit);
    return {
      totalCount,
      rows: this.#all<GroupRow>(
        `SELECT ${GROUP_COLUMNS} FROM groups WHERE ${condition} ORDER BY seq DESC LIMIT ?`,
        ...params,
        limit,
      ),
    };
  }

  /** {@link listGroups} as the groups' reply JSON without custom data (`reply-json.ts`). */
  listGroupReplies(keywords: string | undefined, page: number, limit: number): ReplyPage {
    const { totalCount, condition, params } = this.#groupPage(keywords, page, limit);
    return {
      totalCount,
      ...this.#items(
        `SELECT reply_json FROM groups WHERE ${condition} ORDER BY seq DESC LIMIT ${sqlLimit(limit)}`,
        params,
      ),
    };
  }

  /**
   * Users newest first, optionally only those with `keywords` in one of `fields`, ignoring ASCII
   * case (SQLite's `LIKE`). Fields are `UserDto` names; `id` is the user id.
   */
  listUsers(
    keywords: string | undefined,
    fields: readonly string[],
    page: number,
    limit: number,
  ): Page<UserRow> {
    const offset = Math.min((page - 1) * limit, MAX_OFFSET);
    if (!keywords) {
      return {
        totalCount: this.#read(() => this.#count('SELECT count(*) AS n FROM users')),
        rows: this.#all<UserRow>(
          `SELECT ${USER_COLUMNS} FROM users ORDER BY seq DESC LIMIT ? OFFSET ?`,
          limit,
          offset,
        ),
      };
    }
    // One statement for every choice of fields: each searchable column is switched on by a flag.
    const searched = new Set(fields.map((field) => (field === 'id' ? 'user_id' : columnOf(field))));
    const flags = SEARCHABLE_USER_COLUMNS.map((column) => (searched.has(column) ? 1 : 0));
    const params = [`%${keywords.replace(/[\\%_]/g, '\\$&')}%`, ...flags];
    // Counting does not build rows, and the page stops at its last row: cheaper than one pass
    // that collects every match when most users match.
    return {
      totalCount: this.#read(() =>
        this.#count(`SELECT count(*) AS n FROM users WHERE ${USER_SEARCH}`, ...params),
      ),
      rows: this.#all<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE ${USER_SEARCH} ORDER BY seq DESC LIMIT ? OFFSET ?`,
        ...params,
        limit,
        offset,
      ),
    };
  }

  /** The group with this code. */
  groupByCode(code: string): GroupRow | undefined {
    return this.#get<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups WHERE code = ?`, code);
  }

  /** The seq of the group with this code: a lookup that reads no other column. */
  groupSeqByCode(code: string): number | undefined {
    return this.#get<{ readonly seq: number }>('SELECT seq FROM groups WHERE code = ?', code)?.seq;
  }

  /** Every group, newest first. */
  allGroups(): GroupRow[] {
    return this.#all<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups ORDER BY seq DESC`);
  }

  /** The groups a user is a member of, newest first. */
  groupsOfUser(userSeq: number): GroupRow[] {
    return this.#all<GroupRow>(
      `SELECT ${G_COLUMNS} FROM group_members m JOIN groups g ON g.seq = m.group_seq
       WHERE m.user_seq = ? ORDER BY g.seq DESC`,
      userSeq,
    );
  }

  /** A page of a group's members, in the order they joined. */
  members(groupSeq: number, page: number, limit: number): Page<UserRow> {
    const { totalCount, condition, params } = this.#memberPage(groupSeq, page, limit);
    return {
      totalCount,
      rows: this.#all<UserRow>(
        `SELECT ${U_COLUMNS} FROM group_members m JOIN users u ON u.seq = m.user_seq
         WHERE ${condition} ORDER BY m.seq LIMIT ?`,
        ...params,
        limit,
      ),
    };
  }

  /** {@link members} as the users' reply JSON without custom data, identities or departments (`reply-json.ts`). */
  memberReplies(groupSeq: number, page: number, limit: number): ReplyPage {
    const { totalCount, condition, params } = this.#memberPage(groupSeq, page, limit);
    return {
      totalCount,
      ...this.#items(
        `SELECT u.reply_json FROM group_members m JOIN users u ON u.seq = m.user_seq
         WHERE ${condition} ORDER BY m.seq LIMIT ${sqlLimit(limit)}`,
        params,
      ),
    };
  }

  /** Every group's members, by group, in the order they joined. */
  allMembers(): Map<number, UserRow[]> {
    const rows = this.#all<UserRow & { readonly member_of: number }>(
      `SELECT m.group_seq AS member_of, ${U_COLUMNS} FROM group_members m JOIN users u ON u.seq = m.user_seq
       ORDER BY m.group_seq, m.seq`,
    );
    return groupBy(rows, (row) => row.member_of);
  }

  /** The identities of these users, by user. */
  identitiesOf(userSeqs: readonly number[]): Map<number, IdentityRow[]> {
    const rows = this.#all<IdentityRow>(
      'SELECT * FROM identities WHERE user_seq IN (SELECT value FROM json_each(?)) ORDER BY seq',
      JSON.stringify(userSeqs),
    );
    return groupBy(rows, (row) => row.user_seq);
  }

  /** The department ids of these users, by user. */
  departmentsOf(userSeqs: readonly number[]): Map<number, string[]> {
    const rows = this.#all<{ readonly user_seq: number; readonly department_id: string }>(
      `SELECT user_seq, department_id FROM user_departments
       WHERE user_seq IN (SELECT value FROM json_each(?)) ORDER BY department_id`,
      JSON.stringify(userSeqs),
    );
    const byUser = new Map<number, string[]>();
    for (const row of rows) pushTo(byUser, row.user_seq, row.department_id);
    return byUser;
  }

  /** Whether a permission namespace exists. */
  namespaceExists(code: string): boolean {
    return this.#get('SELECT 1 AS found FROM namespaces WHERE code = ?', code) !== undefined;
  }

  /** The resources a group is authorized on in a namespace, optionally of one type. */
  resources(groupSeq: number, namespace: string, resourceType: string | undefined): ResourceRow[] {
    return this.#all<ResourceRow>(
      `SELECT * FROM group_resources WHERE group_seq = ? AND namespace = ?
       AND (?3 IS NULL OR resource_type = ?3) ORDER BY seq`,
      groupSeq,
      namespace,
      resourceType ?? null,
    );
  }

  /**
   * The user that `value` names. `identity` is `<extIdpId>:<userIdInIdp>` and `sync_relation`
   * `<provider>:<userIdInIdp>`; the emulator keeps sync relations as identities of that provider.
   */
  findUser(lookup: UserLookup, value: string): UserRow | undefined {
    switch (lookup) {
      case 'user_id':
        return this.#get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_id = ?`, value);
      case 'external_id':
        return this.#get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE external_id = ?`, value);
      case 'phone':
        return this.#get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE phone = ?`, value);
      case 'email':
        return this.#get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower(?)`, value);
      case 'username':
        return this.#get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`, value);
      case 'identity':
      case 'sync_relation': {
        const colon = value.indexOf(':');
        const column = lookup === 'identity' ? 'ext_idp_id' : 'provider';
        return this.#get<UserRow>(
          `SELECT ${U_COLUMNS} FROM identities i JOIN users u ON u.seq = i.user_seq
           WHERE i.${column} = ? AND i.user_id_in_idp = ? ORDER BY i.seq LIMIT 1`,
          value.slice(0, colon),
          value.slice(colon + 1),
        );
      }
    }
  }

  /** The user a password sign-in names. */
  findAccount(kind: AccountKind, value: string): UserRow | undefined {
    if (kind !== 'account') return this.findUser(kind, value);
    return this.findUser('username', value) ?? this.findUser('email', value) ?? this.findUser('phone', value);
  }

  /** Sets a user's password hash. */
  setPasswordHash(userSeq: number, hash: string): void {
    this.#run('UPDATE users SET password_hash = ? WHERE seq = ?', hash, userSeq);
  }

  /** Counts a sign-in in `loginsCount`, `lastLogin` and `lastLoginApp`. */
  recordLogin(userSeq: number, appId: string): void {
    this.#run(
      `UPDATE users SET logins_count = coalesce(logins_count, 0) + 1, last_login = ?, last_login_app = ?
       WHERE seq = ?`,
      new Date(this.#clock()).toISOString(),
      appId,
      userSeq,
    );
  }

  /** Creates a group; `'code-taken'` when another group has its code. */
  createGroup(group: NewGroup): GroupRow | 'code-taken' {
    if (this.groupByCode(group.code)) return 'code-taken';
    const now = this.#clock();
    const timestamp = new Date(now).toISOString();
    this.#run(
      `INSERT INTO groups (id, code, name, description, type, custom_data, code_lc, name_lc, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      objectId(now),
      group.code,
      group.name,
      group.description,
      group.type,
      JSON.stringify(group.customData ?? {}),
      group.code.toLowerCase(),
      group.name.toLowerCase(),
      timestamp,
      timestamp,
    );
    return this.groupByCode(group.code) as GroupRow;
  }

  /** Updates a group; custom fields are merged into the ones it has. */
  updateGroup(changes: GroupChanges): GroupRow | 'not-found' | 'code-taken' {
    const group = this.groupByCode(changes.code);
    if (!group) return 'not-found';
    const code = changes.newCode ?? group.code;
    if (code !== group.code && this.groupByCode(code)) return 'code-taken';
    const name = changes.name ?? group.name;
    // Inferred: the service documents no replace-or-merge rule; merging keeps fields the caller did not name.
    const customData = { ...(JSON.parse(group.custom_data) as object), ...changes.customData };
    this.#run(
      `UPDATE groups SET code = ?, name = ?, description = ?, custom_data = ?, code_lc = ?, name_lc = ?, updated_at = ?
       WHERE seq = ?`,
      code,
      name,
      changes.description,
      JSON.stringify(customData),
      code.toLowerCase(),
      name.toLowerCase(),
      new Date(this.#clock()).toISOString(),
      group.seq,
    );
    return this.groupByCode(code) as GroupRow;
  }

  /** Deletes the groups with these codes, with their memberships and resources; unknown codes are skipped. */
  deleteGroups(codes: readonly string[]): void {
    this.#run('DELETE FROM groups WHERE code IN (SELECT value FROM json_each(?))', JSON.stringify(codes));
  }

  /** Adds users to a group, all or none; users already in it stay. */
  addMembers(code: string, userIds: readonly string[]): MembershipRefusal | undefined {
    return this.#changeMembers(
      code,
      userIds,
      'INSERT OR IGNORE INTO group_members (group_seq, user_seq) VALUES (?, ?)',
    );
  }

  /** Removes users from a group, all or none; users not in it are skipped. */
  removeMembers(code: string, userIds: readonly string[]): MembershipRefusal | undefined {
    return this.#changeMembers(
      code,
      userIds,
      'DELETE FROM group_members WHERE group_seq = ? AND user_seq = ?',
    );
  }

  /** How many groups, users and memberships are stored. */
  counts(): { readonly groups: number; readonly users: number; readonly memberships: number } {
    return this.#read(() => ({
      groups: this.#count('SELECT count(*) AS n FROM groups'),
      users: this.#count('SELECT count(*) AS n FROM users'),
      memberships: this.#count('SELECT count(*) AS n FROM group_members'),
    }));
  }

  /** A value of the `meta` table, e.g. when the data was seeded. */
  meta(key: string): string | undefined {
    return this.#get<{ readonly value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value;
  }

  /** Sets a value of the `meta` table. */
  setMeta(key: string, value: string): void {
    this.#run(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
  }

  /** Closes the database. */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #groupPage(keywords: string | undefined, page: number, limit: number): PageRange {
    return this.#read(() => this.#groupRange(keywords, page, limit));
  }

  #groupRange(keywords: string | undefined, page: number, limit: number): PageRange {
    const offset = Math.min((page - 1) * limit, MAX_OFFSET);
    if (keywords) {
      // One pass finds every match, newest first: its length is the total and a slice is the page.
      const matches = this.#groupsMatching(keywords.toLowerCase());
      return {
        totalCount: matches.length,
        condition: 'seq IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(matches.slice(offset, offset + limit))],
      };
    }
    const totalCount = this.#count('SELECT count(*) AS n FROM groups');
    const start = offset < totalCount ? this.#seqAt(GROUP_LIST, offset) : undefined;
    if (start === undefined) return { totalCount, condition: 'FALSE', params: [] };
    return { totalCount, condition: 'seq <= ?', params: [start] };
  }

  /** The seqs of the groups whose lower-cased code or name contains `needle`, newest first. */
  #groupsMatching(needle: string): readonly number[] {
    // The trigram index only knows substrings of three characters or more; shorter keywords scan.
    return this.#answer(JSON.stringify(['groups matching', needle]), () =>
      [...needle].length >= 3
        ? this.#seqs(
            'SELECT rowid AS seq FROM groups_search WHERE groups_search MATCH ? ORDER BY rowid DESC',
            `"${needle.replaceAll('"', '""')}"`,
          )
        : this.#seqs(
            'SELECT seq FROM groups WHERE instr(code_lc, ?1) > 0 OR instr(name_lc, ?1) > 0 ORDER BY seq DESC',
            needle,
          ),
    );
  }

  #memberPage(groupSeq: number, page: number, limit: number): PageRange {
    return this.#read(() => this.#memberRange(groupSeq, page, limit));
  }

  #memberRange(groupSeq: number, page: number, limit: number): PageRange {
    const offset = Math.min((page - 1) * limit, MAX_OFFSET);
    const totalCount = this.#count('SELECT count(*) AS n FROM group_members WHERE group_seq = ?', groupSeq);
    const start = offset < totalCount ? this.#seqAt(memberList(groupSeq), offset) : undefined;
    if (start === undefined) return { totalCount, condition: 'FALSE', params: [] };
    return { totalCount, condition: 'm.group_seq = ? AND m.seq >= ?', params: [groupSeq, start] };
  }

  /**
   * The seq of the row at `offset` in a list, stepped to from the nearest offset a request already
   * found (remembered until the next write). A walk's page n starts from page n - 1's start, so a
   * request steps over at most a page of the index, where OFFSET stepped over every row before
   * the page: a walk of 200 pages was quadratic (issue 14).
   */
  #seqAt(list: SeqList, offset: number): number | undefined {
    const starts = this.#answer(list.key, () => new Map<number, number>());
    const known = starts.get(offset);
    if (known !== undefined) return known;
    let from = -1;
    let fromSeq = 0;
    for (const [at, seq] of starts) {
      if (at < offset && at > from) {
        from = at;
        fromSeq = seq;
      }
    }
    const seq =
      from < 0
        ? this.#get<{ readonly seq: number }>(list.first, ...list.params, offset)?.seq
        : this.#get<{ readonly seq: number }>(list.after, ...list.params, fromSeq, offset - from - 1)?.seq;
    if (seq !== undefined) {
      if (starts.size >= MAX_PAGE_STARTS) starts.clear();
      starts.set(offset, seq);
    }
    return seq;
  }

  /**
   * The reply JSON column of a page query's rows, joined by commas, and its length in UTF-8
   * bytes: SQLite joins them and hands over one string, where 50 rows cost 50 row arrays and 50
   * strings, then a join. SQLite knows the joined text's bytes; `Buffer.byteLength` scans the
   * string (about 15 µs for a 52 KiB members page, a tenth of its request), and summing each
   * row's bytes reads each row's JSON twice (3 µs). SQLite computes the two `group_concat`s once.
   */
  #items(sql: string, params: readonly (string | number)[]): Pick<ReplyPage, 'items' | 'bytes'> {
    // The aggregate takes the rows in the order of the subquery, which its LIMIT makes SQLite
    // keep (store.test.ts compares every page with an OFFSET query). `group_concat(... ORDER BY)`
    // would sort a copy of every text: twice as slow.
    const [items, bytes] = this.#row(
      `SELECT group_concat(reply_json, ','), octet_length(group_concat(reply_json, ',')) FROM (${sql})`,
      ...params,
    );
    return typeof items === 'string' ? { items, bytes: Number(bytes) } : { items: '', bytes: 0 };
  }

  /** The first column of every row of a query, as numbers. */
  #seqs(sql: string, ...params: (string | number | null)[]): number[] {
    return this.#column(sql, ...params) as number[];
  }

  #changeMembers(code: string, userIds: readonly string[], sql: string): MembershipRefusal | undefined {
    return transaction(this.#db, () => {
      const group = this.groupByCode(code);
      if (!group) return 'group-not-found';
      const ids = [...new Set(userIds)];
      const users = this.#all<{ readonly seq: number }>(
        'SELECT seq FROM users WHERE user_id IN (SELECT value FROM json_each(?))',
        JSON.stringify(ids),
      );
      if (users.length !== ids.length) return 'user-not-found';
      for (const user of users) this.#run(sql, group.seq, user.seq);
      return undefined;
    });
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #get<T>(sql: string, ...params: (string | number | null)[]): T | undefined {
    const row = this.#statement(sql).get(...params);
    return row ? rowAs<T>(row) : undefined;
  }

  #all<T>(sql: string, ...params: (string | number | null)[]): T[] {
    const list = this.#listStatement(sql);
    const rows = list.statement.all(...params) as unknown as SQLOutputValue[][];
    return rows.map(list.recordOf) as unknown as T[];
  }

  /** The columns of a query's first row, as an array (empty without a row). */
  #row(sql: string, ...params: (string | number | null)[]): SQLOutputValue[] {
    return (this.#listStatement(sql).statement.get(...params) as SQLOutputValue[] | undefined) ?? [];
  }

  /** The first column of every row of a query, without making a record of each row. */
  #column(sql: string, ...params: (string | number | null)[]): SQLOutputValue[] {
    const rows = this.#listStatement(sql).statement.all(...params) as unknown as SQLOutputValue[][];
    return rows.map((row) => row[0] as SQLOutputValue);
  }

  #listStatement(sql: string): { readonly statement: StatementSync; readonly recordOf: RecordOf } {
    let list = this.#listStatements.get(sql);
    if (!list) {
      // node:sqlite builds row objects a property at a time from C++; arrays, turned into records
      // here, take about three quarters of the time for a page of 50 groups, less for wide rows.
      const statement = this.#db.prepare(sql);
      statement.setReturnArrays(true);
      list = { statement, recordOf: recordMaker(statement.columns().map((column) => column.name)) };
      this.#listStatements.set(sql, list);
    }
    return list;
  }

  #count(sql: string, ...params: (string | number | null)[]): number {
    return this.#answer(JSON.stringify([sql, ...params]), () => {
      return this.#get<{ readonly n: number }>(sql, ...params)?.n ?? 0;
    });
  }

  /**
   * `read()`, which may use answers (`#answer`): they are forgotten first if anything was written
   * since they were given. One `total_changes()` a read, however many answers it uses (a page
   * uses two: its count and its start).
   */
  #read<T>(read: () => T): T {
    const changes = this.#get<{ readonly n: number }>('SELECT total_changes() AS n')?.n ?? 0;
    // Each new keyword or group adds an entry: the cache stays small.
    if (
      changes !== this.#answersAt ||
      this.#answers.size >= MAX_CACHED_ANSWERS ||
      this.#cachedSeqs > MAX_CACHED_SEQS
    ) {
      this.#answers.clear();
      this.#answersAt = changes;
      this.#cachedSeqs = 0;
    }
    this.#reading = true;
    try {
      return read();
    } finally {
      this.#reading = false;
    }
  }

  /** `compute()`, or what it gave for the same key if nothing was written since: only inside `#read`. */
  #answer<T>(key: string, compute: () => T): T {
    if (!this.#reading) throw new Error('Store: an answer read outside #read could be stale');
    if (this.#answers.has(key)) return this.#answers.get(key) as T;
    const answer = compute();
    this.#answers.set(key, answer);
    if (Array.isArray(answer)) this.#cachedSeqs += answer.length;
    return answer;
  }

  #run(sql: string, ...params: (string | number | null)[]): void {
    this.#statement(sql).run(...params);
  }
}

/**
 * Where a page's rows are: the first rows, in the list's order, that meet `condition` with
 * `params`; and how many rows the whole list has.
 */
interface PageRange {
  readonly totalCount: number;
  readonly condition: string;
  readonly params: readonly (string | number)[];
}

/**
 * A list that pages step through, by seq: `first` finds the seq at an offset from the start,
 * `after` from a known seq; both take `params`, then the seq (`after` only) and the offset.
 */
interface SeqList {
  readonly key: string;
  readonly first: string;
  readonly after: string;
  readonly params: readonly number[];
}

/** Groups, newest first. */
const GROUP_LIST: SeqList = {
  key: 'group page starts',
  first: 'SELECT seq FROM groups ORDER BY seq DESC LIMIT 1 OFFSET ?',
  after: 'SELECT seq FROM groups WHERE seq < ? ORDER BY seq DESC LIMIT 1 OFFSET ?',
  params: [],
};

/** A group's memberships, in the order they joined. */
function memberList(groupSeq: number): SeqList {
  return {
    key: `member page starts ${groupSeq}`,
    first: 'SELECT seq FROM group_members WHERE group_seq = ? ORDER BY seq LIMIT 1 OFFSET ?',
    after: 'SELECT seq FROM group_members WHERE group_seq = ? AND seq > ? ORDER BY seq LIMIT 1 OFFSET ?',
    params: [groupSeq],
  };
}

/**
 * A page's `LIMIT` as SQL text, for {@link Store}'s page-joining queries: bound as a parameter in
 * their subquery, SQLite compiles the statement again on every run (15 µs against 9 µs for a
 * page of 50 groups, in-process). Pages hold at most 50 items, so each query has at most 50
 * statements.
 */
function sqlLimit(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`not a page limit: ${limit}`);
  return String(limit);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) pushTo(groups, key(row), row);
  return groups;
}

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
