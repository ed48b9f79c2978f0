import type { ConnectionProblem } from '../connection-config.ts';
import type { ErrorInfo } from '../error-info.ts';
import type { BrokenItem } from '../page-data.ts';
import type { ListOwner } from './tree-node.ts';

/** What a list holds, for messages: `groups` of a pool, `members` of a group, `userGroups` of a user. */
export type ListKind = 'groups' | 'members' | 'userGroups';

/** A row that is a state rather than data. */
export type Status =
  | { readonly type: 'loading' }
  /** More pages: `page` is the one the row loads, so a stale click does nothing. */
  | { readonly type: 'loadMore'; readonly page: number; readonly loaded: number; readonly total: number }
  | { readonly type: 'empty'; readonly list: ListKind; readonly filtered: boolean }
  /** A load failed; retrying loads the same page again. */
  | { readonly type: 'error'; readonly list: ListKind; readonly info: ErrorInfo }
  /** One item of a page did not have the documented shape. */
  | { readonly type: 'broken'; readonly list: ListKind; readonly item: BrokenItem }
  /** The server-side filter in force; clicking clears it. */
  | { readonly type: 'filter'; readonly keywords: string }
  /** A `genauthGroups.connections` entry that cannot be used. */
  | { readonly type: 'invalidSetting'; readonly problem: ConnectionProblem };

/** A state row: loading, load more, empty, error, broken item, filter, bad setting. */
export class StatusNode {
  readonly kind = 'status';
  readonly id: string;
  /** The node whose list this row belongs to; `undefined` at the top level. */
  readonly parent: ListOwner | undefined;
  readonly status: Status;

  constructor(parent: ListOwner | undefined, status: Status, key: string) {
    this.parent = parent;
    this.status = status;
    this.id = `${parent?.id ?? 'root'}/s:${key}`;
  }
}
