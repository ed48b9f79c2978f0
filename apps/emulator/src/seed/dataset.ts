/**
 * The shape of seed data: what `--load file.json` reads, what the demo data set and the generator
 * produce, and what {@link insertSeed} writes. The README documents the file format from here.
 *
 * @module
 */
import { resourceTypes } from '@genauth-groups/models';
import * as v from 'valibot';
import { type FieldKind, type UserProfile, userFields } from '../store/user-fields.ts';

/** A 24-hex id, like the service's. */
const objectIdSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/));
const nonEmpty = v.pipe(v.string(), v.nonEmpty());
const record = v.record(v.string(), v.unknown());

/** An identity of a user at an external identity provider (contract 7.6). */
export const IdentitySeed = v.strictObject({
  /** @default a generated id */
  identityId: v.optional(nonEmpty),
  /** Identity-source connection id: what `userIdType=identity` names. */
  extIdpId: nonEmpty,
  /** Provider, e.g. `lark`: what `userIdType=sync_relation` names. */
  provider: nonEmpty,
  /** @default 'openid' */
  type: v.optional(nonEmpty),
  userIdInIdp: nonEmpty,
  /** @default {} */
  userInfoInIdp: v.optional(record),
  /** @default [] */
  originConnIds: v.optional(v.array(v.string())),
});
/** @see {@link IdentitySeed} */
export type IdentitySeed = v.InferOutput<typeof IdentitySeed>;

/** A condition on an authorized resource (contract 7.7). */
const ConditionSeed = v.strictObject({ param: nonEmpty, operator: nonEmpty, value: v.string() });

/** A resource a group is authorized on (contract 7.7). */
export const ResourceSeed = v.strictObject({
  /** Permission namespace code. @default 'default' */
  namespace: v.optional(nonEmpty),
  resourceCode: nonEmpty,
  resourceType: v.picklist(resourceTypes),
  actions: v.array(nonEmpty),
  /** @default 'ALLOW' */
  effect: v.optional(v.picklist(['ALLOW', 'DENY'])),
  description: v.optional(v.string()),
  /** @default null */
  apiIdentifier: v.optional(v.string()),
  /** @default [] */
  condition: v.optional(v.array(ConditionSeed)),
});
/** @see {@link ResourceSeed} */
export type ResourceSeed = v.InferOutput<typeof ResourceSeed>;

/** A group. */
export const GroupSeed = v.strictObject({
  /** @default a generated id */
  id: v.optional(objectIdSchema),
  /** Unique code. */
  code: nonEmpty,
  name: nonEmpty,
  /** @default '' */
  description: v.optional(v.string()),
  /** @default 'static' */
  type: v.optional(nonEmpty),
  /** Extension fields. @default {} */
  customData: v.optional(record),
  /** @default [] */
  authorizedResources: v.optional(v.array(ResourceSeed)),
});
/** @see {@link GroupSeed} */
export type GroupSeed = v.InferOutput<typeof GroupSeed>;

/** A user: any `UserDto` field, plus a password, custom data, identities, departments and groups. */
export interface UserSeed extends UserProfile {
  /** @default a generated id */
  readonly userId?: string;
  /** Lets the user sign in with `POST /api/v3/signin`. Without it, the user cannot sign in. */
  readonly password?: string;
  /** ISO 8601 date-time. @default the time of seeding */
  readonly createdAt?: string;
  readonly customData?: Readonly<Record<string, unknown>>;
  readonly identities?: readonly IdentitySeed[];
  readonly departmentIds?: readonly string[];
  /** Codes of the groups the user is a member of. */
  readonly groups?: readonly string[];
}

const FIELD_SCHEMAS: Readonly<Record<FieldKind, v.GenericSchema>> = {
  text: v.string(),
  integer: v.pipe(v.number(), v.integer()),
  boolean: v.boolean(),
  texts: v.array(v.string()),
};

/** Schema of a {@link UserSeed}: its profile entries come from the stored field list. */
const UserSeedSchema = v.strictObject({
  ...Object.fromEntries(
    Object.entries(userFields).map(([field, kind]) => [field, v.optional(FIELD_SCHEMAS[kind])]),
  ),
  userId: v.optional(objectIdSchema),
  password: v.optional(nonEmpty),
  createdAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  customData: v.optional(record),
  identities: v.optional(v.array(IdentitySeed)),
  departmentIds: v.optional(v.array(nonEmpty)),
  groups: v.optional(v.array(nonEmpty)),
}) as v.GenericSchema<unknown, UserSeed>;

/** A data set: groups, users and the permission namespaces their resources live in. */
export interface Dataset {
  /** Permission namespaces besides `default`, which always exists. */
  readonly namespaces?: Iterable<string> | undefined;
  readonly groups?: Iterable<GroupSeed> | undefined;
  /** Users; an iterable, so that a generator can stream a large pool. */
  readonly users?: Iterable<UserSeed> | undefined;
}

/** Schema of a load file (`--load file.json`): a {@link Dataset} in JSON. */
export const DatasetFile = v.strictObject({
  namespaces: v.optional(v.array(nonEmpty)),
  groups: v.optional(v.array(GroupSeed)),
  users: v.optional(v.array(UserSeedSchema)),
});
