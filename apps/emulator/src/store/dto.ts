import type { SQLOutputValue } from 'node:sqlite';
import type { AuthorizedResourceDto, GroupDto, IdentityDto, UserDto } from '@genauth-groups/models';
import type { GroupRow, IdentityRow, ResourceRow, UserRow } from './rows.ts';
import { type FieldKind, optionalUserFieldDefaults, userFieldColumns } from './user-fields.ts';

/**
 * Where custom data goes in a reply: left out, under `customData` (`withCustomData=true`), or
 * merged into the object itself (`flatCustomData=true`, contract 12).
 */
export type CustomDataMode = 'omit' | 'nested' | 'flat';

/** A group as the API returns it. `members` is `[]` unless members were asked for (contract 12). */
export function groupDto(
  row: GroupRow,
  customData: CustomDataMode,
  members: readonly UserDto[] = [],
): GroupDto {
  const dto: GroupDto = {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    type: row.type,
    metadataSource: JSON.parse(row.metadata_source) as string[],
    members: [...members],
  };
  return withCustomData(dto, row.custom_data, customData);
}

/** What a user reply includes besides its own columns. */
export interface UserExtras {
  readonly customData: CustomDataMode;
  /** With `withIdentities=true`. */
  readonly identities?: readonly IdentityRow[] | undefined;
  /** With `withDepartmentIds=true`. */
  readonly departmentIds?: readonly string[] | undefined;
}

/**
 * A user as the API returns it: every optional field present, its spec default or `null` when
 * unset (contract 7.4, 9).
 */
export function userDto(row: UserRow, extras: UserExtras): UserDto {
  const dto: Record<string, unknown> = {
    userId: row.user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const defaults: Readonly<Record<string, unknown>> = optionalUserFieldDefaults;
  for (const { field, column, kind } of userFieldColumns) {
    dto[field] = readField(row[column] ?? null, kind) ?? defaults[field] ?? null;
  }
  if (extras.departmentIds) dto.departmentIds = [...extras.departmentIds];
  if (extras.identities) dto.identities = extras.identities.map(identityDto);
  return withCustomData(dto as UserDto, row.custom_data, extras.customData);
}

/** An identity as management replies show it: without the provider's tokens (contract 7.6). */
function identityDto(row: IdentityRow): IdentityDto {
  return {
    identityId: row.identity_id,
    extIdpId: row.ext_idp_id,
    provider: row.provider,
    type: row.type,
    userIdInIdp: row.user_id_in_idp,
    userInfoInIdp: JSON.parse(row.user_info_in_idp) as Record<string, unknown>,
    originConnIds: JSON.parse(row.origin_conn_ids) as string[],
  };
}

/** A resource a group is authorized on. */
export function resourceDto(row: ResourceRow): AuthorizedResourceDto {
  return {
    resourceCode: row.resource_code,
    description: row.description,
    condition: JSON.parse(row.condition) as AuthorizedResourceDto['condition'],
    resourceType: row.resource_type,
    apiIdentifier: row.api_identifier,
    actions: JSON.parse(row.actions) as string[],
    effect: row.effect,
  };
}

function readField(value: SQLOutputValue, kind: FieldKind): unknown {
  if (value === null) return null;
  if (kind === 'boolean') return value === 1;
  if (kind === 'texts') return JSON.parse(String(value));
  return value;
}

function withCustomData<T extends Record<string, unknown>>(dto: T, json: string, mode: CustomDataMode): T {
  if (mode === 'omit') return dto;
  const custom = JSON.parse(json) as Record<string, unknown>;
  if (mode === 'nested') return { ...dto, customData: custom };
  // Inferred: a custom field never hides a standard one of the same name, so a reply always
  // keeps its documented shape.
  const extra = Object.fromEntries(Object.entries(custom).filter(([key]) => !(key in dto)));
  return { ...dto, ...extra };
}
