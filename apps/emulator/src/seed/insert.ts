import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { hashPassword } from '../auth/passwords.ts';
import { transaction } from '../store/database.ts';
import { objectId } from '../store/ids.ts';
import { DEFAULT_NAMESPACE } from '../store/schema.ts';
import { type FieldKind, userFieldColumns, userFieldDefaults, userRowColumns } from '../store/user-fields.ts';
import type { Dataset, GroupSeed, UserSeed } from './dataset.ts';

/** How much a seeding step wrote. */
export interface SeedCounts {
  readonly groups: number;
  readonly users: number;
  readonly memberships: number;
}

/** Seed data that cannot be stored: the message says which item and why. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

/** Where ids and timestamps come from when a seed leaves them out. */
export interface SeedSources {
  readonly clock: () => number;
  /** Random bytes for ids; the generator passes a seeded source so that ids repeat. */
  readonly random?: (size: number) => Uint8Array;
}

/**
 * Writes a data set in one transaction with prepared statements (100 000 users take about two
 * seconds): all of it, or nothing when any item is invalid or conflicts with stored data.
 *
 * @throws {SeedError} naming the item, e.g. `users[3]: UNIQUE constraint failed: users.username`.
 */
export function insertSeed(db: DatabaseSync, dataset: Dataset, sources: SeedSources): SeedCounts {
  const statements = {
    namespace: db.prepare('INSERT OR IGNORE INTO namespaces (code) VALUES (?)'),
    group: db.prepare(
      `INSERT INTO groups (id, code, name, description, type, custom_data, code_lc, name_lc, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    ),
    resource: db.prepare(
      `INSERT INTO group_resources
       (group_seq, namespace, resource_code, resource_type, description, api_identifier, actions, effect, condition)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    groupSeq: db.prepare('SELECT seq FROM groups WHERE code = ?'),
    user: db.prepare(
      `INSERT INTO users (${userRowColumns.join(', ')}) VALUES (${userRowColumns.map(() => '?').join(', ')}) RETURNING seq`,
    ),
    identity: db.prepare(
      `INSERT INTO identities
       (identity_id, user_seq, ext_idp_id, provider, type, user_id_in_idp, user_info_in_idp, origin_conn_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    department: db.prepare('INSERT OR IGNORE INTO user_departments (user_seq, department_id) VALUES (?, ?)'),
    member: db.prepare('INSERT OR IGNORE INTO group_members (group_seq, user_seq) VALUES (?, ?)'),
  };
  const newId = () => objectId(sources.clock(), sources.random);
  const now = () => new Date(sources.clock()).toISOString();
  // Seeds share few passwords (the demo users all have one): hash each once.
  const hashes = new Map<string, string>();
  const hashOf = (password: string) => {
    let hash = hashes.get(password);
    if (!hash) {
      hash = hashPassword(password);
      hashes.set(password, hash);
    }
    return hash;
  };
  const groupSeqs = new Map<string, number>();
  const groupSeqOf = (code: string): number | undefined => {
    let seq = groupSeqs.get(code);
    if (seq === undefined) {
      seq = (statements.groupSeq.get(code)?.seq as number | undefined) ?? undefined;
      if (seq !== undefined) groupSeqs.set(code, seq);
    }
    return seq;
  };

  const insertGroup = (group: GroupSeed) => {
    const timestamp = now();
    const seq = statements.group.get(
      group.id ?? newId(),
      group.code,
      group.name,
      group.description ?? '',
      group.type ?? 'static',
      JSON.stringify(group.customData ?? {}),
      group.code.toLowerCase(),
      group.name.toLowerCase(),
      timestamp,
      timestamp,
    )?.seq as number;
    groupSeqs.set(group.code, seq);
    for (const resource of group.authorizedResources ?? []) {
      const namespace = resource.namespace ?? DEFAULT_NAMESPACE;
      statements.namespace.run(namespace);
      statements.resource.run(
        seq,
        namespace,
        resource.resourceCode,
        resource.resourceType,
        resource.description ?? null,
        resource.apiIdentifier ?? null,
        JSON.stringify(resource.actions),
        resource.effect ?? 'ALLOW',
        JSON.stringify(resource.condition ?? []),
      );
    }
  };

  let memberships = 0;
  const insertUser = (user: UserSeed, at: string) => {
    const createdAt = user.createdAt ?? now();
    const fields = userFieldColumns.map(({ field, kind }) =>
      toColumn(user[field] ?? (userFieldDefaults as Record<string, unknown>)[field], kind),
    );
    const seq = statements.user.get(
      user.userId ?? newId(),
      ...fields,
      user.password ? hashOf(user.password) : null,
      JSON.stringify(user.customData ?? {}),
      createdAt,
      createdAt,
    )?.seq as number;
    for (const identity of user.identities ?? []) {
      statements.identity.run(
        identity.identityId ?? newId(),
        seq,
        identity.extIdpId,
        identity.provider,
        identity.type ?? 'openid',
        identity.userIdInIdp,
        JSON.stringify(identity.userInfoInIdp ?? {}),
        JSON.stringify(identity.originConnIds ?? []),
      );
    }
    for (const department of user.departmentIds ?? []) statements.department.run(seq, department);
    for (const [index, code] of (user.groups ?? []).entries()) {
      const groupSeq = groupSeqOf(code);
      if (groupSeq === undefined)
        throw new SeedError(`${at}.groups[${index}]: no group has the code "${code}"`);
      statements.member.run(groupSeq, seq);
      memberships++;
    }
  };

  return transaction(db, () => {
    statements.namespace.run(DEFAULT_NAMESPACE);
    for (const namespace of dataset.namespaces ?? []) statements.namespace.run(namespace);
    const groups = each(dataset.groups, 'groups', insertGroup);
    const users = each(dataset.users, 'users', insertUser);
    return { groups, users, memberships };
  });
}

/** Runs `insert` on each item, naming the item in any error; returns how many there were. */
function each<T>(
  items: Iterable<T> | undefined,
  name: string,
  insert: (item: T, at: string) => void,
): number {
  let index = 0;
  for (const item of items ?? []) {
    const at = `${name}[${index}]`;
    try {
      insert(item, at);
    } catch (error) {
      if (error instanceof SeedError) throw error;
      throw new SeedError(`${at}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    index++;
  }
  return index;
}

function toColumn(value: unknown, kind: FieldKind): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (kind === 'boolean') return value ? 1 : 0;
  if (kind === 'texts') return JSON.stringify(value);
  return value as string | number;
}
