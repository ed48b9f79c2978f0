import type { AuthorizedResourceDto, GroupDto, UserDto } from '@genauth-groups/models';
import { withoutTokens } from './sanitize.ts';
import type { Translate } from './translate.ts';

/** A labelled value, as plain text. */
export interface DetailsField {
  readonly label: string;
  readonly value: string;
}

/** A part of a details page: fields, or a table, or a note when there is nothing to show. */
export interface DetailsSection {
  readonly title: string;
  readonly fields?: readonly DetailsField[];
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /** Shown instead of fields or table, e.g. "None" or an error. */
  readonly note?: string;
}

/** Everything a details page shows. All strings are plain text, to be escaped by the renderer. */
export interface Details {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly DetailsSection[];
  /** The whole object as formatted JSON, tokens masked. */
  readonly json: string;
}

// Which UserDto fields go in which section, in display order. Fields not listed anywhere (the DTO
// is loose: servers add fields) end up under "Other fields", so nothing the server sent is hidden.
const USER_PROFILE = [
  'name',
  'nickname',
  'username',
  'preferredUsername',
  'givenName',
  'middleName',
  'familyName',
  'email',
  'emailVerified',
  'phoneCountryCode',
  'phone',
  'phoneVerified',
  'gender',
  'birthdate',
  'photo',
  'website',
  'profile',
  'locale',
  'zoneinfo',
  'company',
  'formatted',
  'address',
  'streetAddress',
  'city',
  'province',
  'region',
  'country',
  'postalCode',
] as const;
const USER_ACCOUNT = [
  'userId',
  'externalId',
  'status',
  'workStatus',
  'statusChangedAt',
  'createdAt',
  'updatedAt',
  'signedUp',
  'lastLogin',
  'lastIp',
  'loginsCount',
  'lastLoginApp',
  'browser',
  'device',
  'userSourceType',
  'userSourceId',
  'registerSource',
  'passwordLastSetAt',
  'passwordSecurityLevel',
  'resetPasswordOnNextLogin',
  'lastMfaTime',
  'identityNumber',
  'tenantId',
  'tenantIds',
] as const;
const USER_ORGANIZATION = ['mainDepartmentId', 'departmentIds', 'postIdList'] as const;
const USER_SHOWN_ELSEWHERE = ['identities', 'customData'] as const;
const GROUP_FIELDS = ['name', 'code', 'description', 'type', 'id', 'metadataSource'] as const;
const GROUP_SHOWN_ELSEWHERE = ['customData', 'members'] as const;

/**
 * A value as text: strings as sent, lists of plain values comma-separated, other values as JSON;
 * `undefined` for absent and `null`.
 */
export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return value.join(', ');
  }
  return JSON.stringify(value, null, 2);
}

function fields(record: Readonly<Record<string, unknown>>, keys: readonly string[]): DetailsField[] {
  return keys.flatMap((key) => {
    const value = textOf(record[key]);
    return value === undefined || value === '' ? [] : [{ label: key, value }];
  });
}

function otherFields(record: Readonly<Record<string, unknown>>, known: readonly string[]): DetailsField[] {
  return fields(
    record,
    Object.keys(record).filter((key) => !known.includes(key)),
  );
}

function fieldSection(title: string, list: readonly DetailsField[], none: string): DetailsSection {
  return list.length > 0 ? { title, fields: list } : { title, note: none };
}

/** The name a user goes by in the tree: name, nickname, username, email, phone, or the id. */
export function userDisplayName(user: UserDto): string {
  return (
    user.name ||
    user.nickname ||
    user.username ||
    user.preferredUsername ||
    user.email ||
    user.phone ||
    user.userId
  );
}

/** The details page of a member. */
export function userDetails(user: UserDto, t: Translate): Details {
  const clean = withoutTokens(user);
  const record: Readonly<Record<string, unknown>> = clean;
  const none = t('None');
  const identities = clean.identities ?? [];
  // Any JSON value, as the official SDKs type it; an object in practice, else shown whole.
  const custom = isRecord(clean.customData)
    ? clean.customData
    : clean.customData == null
      ? {}
      : { customData: clean.customData };
  const customData = fields(custom, Object.keys(custom));
  return {
    title: userDisplayName(user),
    subtitle: [user.email, user.status].filter(Boolean).join(' · '),
    sections: [
      fieldSection(t('Profile'), fields(record, USER_PROFILE), none),
      fieldSection(t('Account and status'), fields(record, USER_ACCOUNT), none),
      identities.length > 0
        ? {
            title: t('Identities'),
            table: {
              columns: ['provider', 'type', 'userIdInIdp', 'extIdpId', 'identityId', 'originConnIds'],
              rows: identities.map((identity) => [
                identity.provider,
                identity.type ?? '',
                identity.userIdInIdp,
                identity.extIdpId,
                identity.identityId,
                (identity.originConnIds ?? []).join(', '),
              ]),
            },
          }
        : { title: t('Identities'), note: none },
      fieldSection(t('Departments'), fields(record, USER_ORGANIZATION), none),
      fieldSection(t('Custom data'), customData, none),
      fieldSection(
        t('Other fields'),
        otherFields(record, [
          ...USER_PROFILE,
          ...USER_ACCOUNT,
          ...USER_ORGANIZATION,
          ...USER_SHOWN_ELSEWHERE,
        ]),
        none,
      ),
    ],
    json: JSON.stringify(clean, null, 2),
  };
}

/** The authorized resources of a group, or why they could not be loaded. */
export type ResourcesResult =
  | { readonly ok: true; readonly resources: readonly AuthorizedResourceDto[] }
  | { readonly ok: false; readonly message: string };

/** The details page of a group. */
export function groupDetails(group: GroupDto, resources: ResourcesResult, t: Translate): Details {
  const record: Readonly<Record<string, unknown>> = group;
  const none = t('None');
  const customData = isRecord(record.customData) ? record.customData : {};
  let resourcesSection: DetailsSection;
  if (!resources.ok) resourcesSection = { title: t('Authorized resources'), note: resources.message };
  else if (resources.resources.length === 0)
    resourcesSection = { title: t('Authorized resources'), note: none };
  else {
    resourcesSection = {
      title: t('Authorized resources'),
      table: {
        columns: ['resourceCode', 'resourceType', 'actions', 'effect', 'description'],
        rows: resources.resources.map((resource) => [
          resource.resourceCode,
          resource.resourceType ?? '',
          resource.actions.join(', '),
          resource.effect,
          resource.description ?? '',
        ]),
      },
    };
  }
  return {
    title: group.name || group.code,
    subtitle: group.code,
    sections: [
      fieldSection(t('Group'), fields(record, GROUP_FIELDS), none),
      fieldSection(t('Custom data'), fields(customData, Object.keys(customData)), none),
      fieldSection(t('Other fields'), otherFields(record, [...GROUP_FIELDS, ...GROUP_SHOWN_ELSEWHERE]), none),
      resourcesSection,
    ],
    json: JSON.stringify(group, null, 2),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
