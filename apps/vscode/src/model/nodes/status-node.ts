import type { ConnectionConfig, ConnectionProblem } from '../connection-config.ts';
import type { ErrorInfo } from '../error-info.ts';
import type { BrokenItem } from '../page-data.ts';
import type { Translate } from '../translate.ts';
import { lines, type Row } from './row.ts';
import { emptyText, errorDetail, errorTitle } from './status-text.ts';
import { type NodeContext, TreeNode } from './tree-node.ts';

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
export class StatusNode extends TreeNode {
  readonly kind = 'status';
  readonly id: string;
  /** The node whose list this row belongs to; `undefined` at the top level. */
  readonly parent: TreeNode | undefined;
  readonly status: Status;

  constructor(parent: TreeNode | undefined, status: Status, key: string) {
    super();
    this.parent = parent;
    this.status = status;
    this.id = `${parent?.id ?? 'root'}/s:${key}`;
  }

  get connection(): ConnectionConfig | undefined {
    return this.parent?.connection;
  }

  /** Loads the page this row stands for; nothing if that page is no longer next. */
  override loadMore(): Promise<void> {
    const list = this.parent?.listed();
    if (!list) return Promise.resolve();
    return list.loadNext(this.status.type === 'loadMore' ? this.status.page : undefined);
  }

  /** An error row loads its failed page again. */
  override retry(): Promise<void> {
    return this.loadMore();
  }

  override dismiss(tree: NodeContext): void {
    if (this.status.type === 'filter') tree.setFilter(undefined);
  }

  describe(): string {
    return this.status.type === 'error'
      ? `status:error:${this.status.info.kind}`
      : `status:${this.status.type}`;
  }

  row(t: Translate): Row {
    const { status } = this;
    switch (status.type) {
      case 'loading':
        return { label: t('Loading…'), icon: { id: 'loading~spin' } };
      case 'loadMore':
        return {
          label: t('Load more'),
          description: t('{0} of {1}', status.loaded, status.total),
          icon: { id: 'more' },
          command: { id: 'genauthGroups.loadMore', title: t('Load more'), withNode: true },
          contextValue: 'loadMore',
        };
      case 'empty':
        return { label: emptyText(status.list, status.filtered, t), icon: { id: 'info' } };
      case 'error':
        if (status.info.kind === 'missingSecret')
          return {
            label: errorTitle(status.info, t),
            tooltip: errorDetail(status.info, t),
            icon: { id: 'key' },
            command: { id: 'genauthGroups.setSecret', title: t('Set Secret'), withNode: true },
            contextValue: 'secret',
          };
        return {
          label: errorTitle(status.info, t),
          tooltip: errorDetail(status.info, t),
          description: t('Retry · Show log'),
          icon: { id: 'error', color: 'list.errorForeground' },
          command: { id: 'genauthGroups.retry', title: t('Retry'), withNode: true },
          contextValue: 'error retryable',
        };
      case 'broken':
        return {
          label: status.list === 'members' ? t('Unreadable member') : t('Unreadable group'),
          description: status.item.key ?? t('item {0} of its page', status.item.position + 1),
          tooltip: lines(
            t('The server sent this item in a shape this extension does not know:'),
            ...status.item.issues.map((issue) => issue.message),
          ),
          icon: { id: 'warning', color: 'list.warningForeground' },
          command: { id: 'genauthGroups.showLog', title: t('Show Log'), withNode: false },
          contextValue: 'broken error',
        };
      case 'filter':
        return {
          label: t('Filter: {0}', status.keywords),
          description: t('click to clear'),
          icon: { id: 'filter-filled' },
          command: { id: 'genauthGroups.clearFilter', title: t('Clear Filter'), withNode: false },
          contextValue: 'filter dismissable',
        };
      default:
        return {
          label: t('Connection {0} in settings cannot be used', status.problem.index + 1),
          description: status.problem.message,
          tooltip: status.problem.message,
          icon: { id: 'warning', color: 'list.warningForeground' },
          command: { id: 'genauthGroups.openSettings', title: t('Open Settings'), withNode: false },
        };
    }
  }
}
