/**
 * The scalar fields of a `UserDto` (contract 7.4) and how each is stored: one list that the table
 * definition, the row mapping and the load-file schema all read.
 *
 * @module
 */

/** How a field is stored: SQLite has no boolean or array type. */
export type FieldKind = 'text' | 'integer' | 'boolean' | 'texts';

/** Fields every user has; the emulator fills them with the defaults below when a seed omits them. */
export const requiredUserFields = {
  status: 'text',
  workStatus: 'text',
  gender: 'text',
  userSourceType: 'text',
  emailVerified: 'boolean',
  phoneVerified: 'boolean',
} as const satisfies Record<string, FieldKind>;

/** Optional fields: `null` in replies when unset, as the live service sends them (contract 9). */
export const optionalUserFields = {
  externalId: 'text',
  email: 'text',
  phone: 'text',
  phoneCountryCode: 'text',
  username: 'text',
  name: 'text',
  nickname: 'text',
  photo: 'text',
  loginsCount: 'integer',
  lastLogin: 'text',
  lastIp: 'text',
  passwordLastSetAt: 'text',
  birthdate: 'text',
  country: 'text',
  province: 'text',
  city: 'text',
  address: 'text',
  streetAddress: 'text',
  postalCode: 'text',
  company: 'text',
  browser: 'text',
  device: 'text',
  givenName: 'text',
  familyName: 'text',
  middleName: 'text',
  profile: 'text',
  preferredUsername: 'text',
  website: 'text',
  zoneinfo: 'text',
  locale: 'text',
  formatted: 'text',
  region: 'text',
  userSourceId: 'text',
  lastLoginApp: 'text',
  mainDepartmentId: 'text',
  lastMfaTime: 'text',
  passwordSecurityLevel: 'integer',
  resetPasswordOnNextLogin: 'boolean',
  registerSource: 'texts',
  identityNumber: 'text',
  postIdList: 'texts',
  statusChangedAt: 'text',
  tenantId: 'text',
} as const satisfies Record<string, FieldKind>;

/** Every stored scalar field of a user. */
export const userFields = { ...requiredUserFields, ...optionalUserFields };

/** The name of a stored user field. */
export type UserField = keyof typeof userFields;

/** The TypeScript type of a field of kind `K`. */
export type FieldValue<K extends FieldKind> = K extends 'text'
  ? string
  : K extends 'integer'
    ? number
    : K extends 'boolean'
      ? boolean
      : readonly string[];

/** A user's scalar fields, each optional. */
export type UserProfile = { [F in UserField]?: FieldValue<(typeof userFields)[F]> };

/** What a user that a seed leaves unset gets (the service's own defaults, contract 7.4/7.5). */
export const userFieldDefaults = {
  status: 'Activated',
  workStatus: 'Active',
  gender: 'U',
  userSourceType: 'adminCreated',
  emailVerified: false,
  phoneVerified: false,
} as const satisfies { [F in keyof typeof requiredUserFields]: FieldValue<(typeof requiredUserFields)[F]> };

/**
 * Optional fields the spec gives a default (OAS `UserDto`: `loginsCount` 0, `resetPasswordOnNextLogin`
 * false; contract 7.4): a user that never set them shows the default, not `null`.
 */
export const optionalUserFieldDefaults: {
  readonly [F in keyof typeof optionalUserFields]?: FieldValue<(typeof optionalUserFields)[F]>;
} = {
  loginsCount: 0,
  resetPasswordOnNextLogin: false,
};

/** The column of a field: `externalId` → `external_id`. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Each stored field with its column, computed once for the row mappings. */
export const userFieldColumns: readonly {
  readonly field: UserField;
  readonly column: string;
  readonly kind: FieldKind;
}[] = Object.entries(userFields).map(([field, kind]) => ({
  field: field as UserField,
  column: columnOf(field),
  kind,
}));

/** The columns a user row is written with, in order: the store reads them back after its `seq`. */
export const userRowColumns: readonly string[] = [
  'user_id',
  ...userFieldColumns.map(({ column }) => column),
  'password_hash',
  'custom_data',
  'created_at',
  'updated_at',
];
