import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { GroupsApi } from '../groups-api.ts';
import { withoutTokens } from '../sanitize.ts';
import type { Cell, ExportRow } from './export-file.ts';

/** What a node can export: a list walked through the paging iterators, as rows to write. */
export interface ExportSource {
  /** What the rows are, for messages and the log. */
  readonly what: 'members' | 'groups';
  /** The group code or connection label the rows belong to. */
  readonly of: string;
  /** A file name without extension, e.g. `developers-members`. */
  readonly fileName: string;
  /** The CSV header record. */
  readonly headers: readonly string[];
  /** The rows, page after page; stops when `signal` aborts. */
  readonly rows: (api: GroupsApi, signal: AbortSignal) => AsyncIterable<ExportRow>;
}

/** One CSV column: its header and how to read it off an item. */
interface Column<T> {
  readonly header: string;
  readonly value: (item: T) => Cell;
}

/** The CSV columns of a member: who they are and how to reach them. */
const MEMBER_COLUMNS: readonly Column<UserDto>[] = [
  { header: 'userId', value: (user) => user.userId },
  { header: 'username', value: (user) => user.username },
  { header: 'name', value: (user) => user.name },
  { header: 'nickname', value: (user) => user.nickname },
  { header: 'email', value: (user) => user.email },
  { header: 'phone', value: (user) => user.phone },
  { header: 'status', value: (user) => user.status },
  { header: 'externalId', value: (user) => user.externalId },
  { header: 'createdAt', value: (user) => user.createdAt },
];

/** The CSV columns of a group. */
const GROUP_COLUMNS: readonly Column<GroupDto>[] = [
  { header: 'id', value: (group) => group.id },
  { header: 'code', value: (group) => group.code },
  { header: 'name', value: (group) => group.name },
  { header: 'description', value: (group) => group.description },
  { header: 'type', value: (group) => group.type },
];

async function* rowsOf<T>(
  items: AsyncIterable<T>,
  columns: readonly Column<T>[],
  toJson: (item: T) => unknown,
): AsyncGenerator<ExportRow> {
  for await (const item of items)
    yield { cells: columns.map((column) => column.value(item)), json: toJson(item) };
}

/** A group's members; JSON Lines carry the whole record, identity-provider tokens masked. */
export function membersSource(code: string): ExportSource {
  return {
    what: 'members',
    of: code,
    fileName: `${safeName(code)}-members`,
    headers: MEMBER_COLUMNS.map((column) => column.header),
    rows: (api, signal) => rowsOf(api.allMembers(code, signal), MEMBER_COLUMNS, withoutTokens),
  };
}

/** A pool's groups, filtered by `keywords` when the tree is filtered. */
export function groupsSource(label: string, keywords: string | undefined): ExportSource {
  return {
    what: 'groups',
    of: label,
    fileName: `${safeName(label)}-groups`,
    headers: GROUP_COLUMNS.map((column) => column.header),
    rows: (api, signal) => rowsOf(api.allGroups(keywords, signal), GROUP_COLUMNS, (group) => group),
  };
}

/** A file name part from a code or label: letters, digits, `-`, `_` and `.` only. */
function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '') || 'export';
}
