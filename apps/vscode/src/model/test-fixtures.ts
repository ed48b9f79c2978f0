import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { Translate } from './translate.ts';

/** A translator that only fills placeholders, as `vscode.l10n.t` does for the default language. */
export const t: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

/** A user as a reply carries it, with the given fields changed. */
export function user(overrides: Partial<Record<keyof UserDto | (string & {}), unknown>> = {}): UserDto {
  return {
    userId: '6123456789abcdef01234567',
    createdAt: '2024-01-02T03:04:05.000Z',
    updatedAt: '2024-02-03T04:05:06.000Z',
    status: 'Activated',
    workStatus: 'Active',
    email: 'ada@example.com',
    username: 'ada',
    name: 'Ada Lovelace',
    gender: 'F',
    emailVerified: true,
    phoneVerified: false,
    userSourceType: 'adminCreated',
    ...overrides,
  } as UserDto;
}

/** A group as a reply carries it, with the given fields changed. */
export function group(overrides: Partial<Record<keyof GroupDto | (string & {}), unknown>> = {}): GroupDto {
  return {
    id: '60b49eb83fd80adb96f26e68',
    code: 'developers',
    name: 'Developers',
    description: 'People who write code',
    type: 'static',
    ...overrides,
  } as GroupDto;
}
