import { l10n, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import { consoleUrl } from '../model/console-url.ts';
import { userDisplayName } from '../model/details.ts';
import { isLoopback } from '../model/hosts.ts';
import type { ConnectionNode } from '../model/nodes/connection-node.ts';
import type { GroupNode } from '../model/nodes/group-node.ts';
import type { MemberNode } from '../model/nodes/member-node.ts';
import type { StatusNode } from '../model/nodes/status-node.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';
import type { UserGroupsNode } from '../model/nodes/user-groups-node.ts';
import { emptyText, errorDetail, errorTitle } from './status-text.ts';

// Labels, descriptions and tooltips are plain strings: server values are shown as text and never
// interpreted as Markdown, HTML or command links.

/** The `TreeItem` of a node. Context values are space-separated words that menus match on. */
export function treeItem(node: TreeNode): TreeItem {
  switch (node.kind) {
    case 'connection':
      return connectionItem(node);
    case 'group':
      return groupItem(node);
    case 'member':
      return memberItem(node);
    case 'userGroups':
      return userGroupsItem(node);
    default:
      return statusItem(node);
  }
}

function item(
  node: TreeNode,
  label: string,
  state: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
): TreeItem {
  const result = new TreeItem(label, state);
  result.id = node.id;
  return result;
}

/** "1 group" / "12 groups": English needs the singular, so both are messages of their own. */
function groupCount(count: number): string {
  return count === 1 ? l10n.t('1 group') : l10n.t('{0} groups', count);
}

function lines(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join('\n');
}

function connectionItem(node: ConnectionNode): TreeItem {
  const { connection } = node;
  const result = item(node, connection.label, TreeItemCollapsibleState.Expanded);
  const total = node.groups.totalCount;
  const host = new URL(connection.host).host;
  result.description = total === undefined ? host : `${host} · ${groupCount(total)}`;
  result.tooltip = lines(
    connection.label,
    connection.host,
    l10n.t('Access key id: {0}', connection.accessKeyId),
    l10n.t('Authentication: {0}', connection.auth),
    connection.tenantId && l10n.t('Tenant: {0}', connection.tenantId),
  );
  result.iconPath = new ThemeIcon(isLoopback(connection.host) ? 'vm' : 'cloud');
  result.contextValue = 'connection';
  return result;
}

function groupItem(node: GroupNode): TreeItem {
  const { group } = node;
  const result = item(node, group.name || group.code, TreeItemCollapsibleState.Collapsed);
  const count = node.memberCount;
  result.description = [
    group.name && group.name !== group.code ? group.code : undefined,
    count === undefined ? undefined : count === 1 ? l10n.t('1 member') : l10n.t('{0} members', count),
  ]
    .filter(Boolean)
    .join(' · ');
  result.tooltip = lines(
    group.name,
    l10n.t('Code: {0}', group.code),
    group.description,
    l10n.t('Type: {0}', group.type),
    l10n.t('ID: {0}', group.id),
  );
  result.iconPath = new ThemeIcon('organization');
  result.contextValue = consoleUrl(node.connection, { kind: 'group', code: group.code })
    ? 'group console'
    : 'group';
  return result;
}

function memberItem(node: MemberNode): TreeItem {
  const { user } = node;
  const label = userDisplayName(user);
  const result = item(node, label);
  result.description = [user.email && user.email !== label ? user.email : undefined, user.status]
    .filter(Boolean)
    .join(' · ');
  result.tooltip = lines(
    label,
    user.username && l10n.t('Username: {0}', user.username),
    user.email && l10n.t('Email: {0}', user.email),
    user.phone && l10n.t('Phone: {0}', user.phone),
    l10n.t('Status: {0}', user.status),
    l10n.t('User ID: {0}', user.userId),
  );
  // Accounts that cannot sign in stand out.
  result.iconPath =
    user.status === 'Activated'
      ? new ThemeIcon('account')
      : new ThemeIcon('account', new ThemeColor('list.warningForeground'));
  result.contextValue = consoleUrl(node.connection, { kind: 'user', userId: user.userId })
    ? 'member console'
    : 'member';
  result.command = { command: 'genauthGroups.showDetails', title: l10n.t('Show Details'), arguments: [node] };
  return result;
}

function userGroupsItem(node: UserGroupsNode): TreeItem {
  const result = item(node, l10n.t('Groups of {0}', node.query.userId), TreeItemCollapsibleState.Expanded);
  const total = node.groups.totalCount;
  result.description =
    total === undefined ? node.query.userIdType : `${node.query.userIdType} · ${groupCount(total)}`;
  result.tooltip = l10n.t(
    'The groups of the user whose {0} is {1}',
    node.query.userIdType,
    node.query.userId,
  );
  result.iconPath = new ThemeIcon('search');
  result.contextValue = 'userGroups dismissable';
  return result;
}

function statusItem(node: StatusNode): TreeItem {
  const { status } = node;
  switch (status.type) {
    case 'loading': {
      const result = item(node, l10n.t('Loading…'));
      result.iconPath = new ThemeIcon('loading~spin');
      return result;
    }
    case 'loadMore': {
      const result = item(node, l10n.t('Load more'));
      result.description = l10n.t('{0} of {1}', status.loaded, status.total);
      result.iconPath = new ThemeIcon('more');
      result.command = { command: 'genauthGroups.loadMore', title: l10n.t('Load more'), arguments: [node] };
      result.contextValue = 'loadMore';
      return result;
    }
    case 'empty': {
      const result = item(node, emptyText(status.list, status.filtered));
      result.iconPath = new ThemeIcon('info');
      return result;
    }
    case 'error': {
      const result = item(node, errorTitle(status.info));
      result.tooltip = errorDetail(status.info);
      if (status.info.kind === 'missingSecret') {
        result.iconPath = new ThemeIcon('key');
        result.command = {
          command: 'genauthGroups.setSecret',
          title: l10n.t('Set Secret'),
          arguments: [node],
        };
        result.contextValue = 'secret';
        return result;
      }
      result.description = l10n.t('Retry · Show log');
      result.iconPath = new ThemeIcon('error', new ThemeColor('list.errorForeground'));
      result.command = { command: 'genauthGroups.retry', title: l10n.t('Retry'), arguments: [node] };
      result.contextValue = 'error retryable';
      return result;
    }
    case 'broken': {
      const label = status.list === 'members' ? l10n.t('Unreadable member') : l10n.t('Unreadable group');
      const result = item(node, label);
      result.description = status.item.key ?? l10n.t('item {0} of its page', status.item.position + 1);
      result.tooltip = lines(
        l10n.t('The server sent this item in a shape this extension does not know:'),
        ...status.item.issues.map((issue) => issue.message),
      );
      result.iconPath = new ThemeIcon('warning', new ThemeColor('list.warningForeground'));
      result.command = { command: 'genauthGroups.showLog', title: l10n.t('Show Log') };
      result.contextValue = 'broken error';
      return result;
    }
    case 'filter': {
      const result = item(node, l10n.t('Filter: {0}', status.keywords));
      result.description = l10n.t('click to clear');
      result.iconPath = new ThemeIcon('filter-filled');
      result.command = { command: 'genauthGroups.clearFilter', title: l10n.t('Clear Filter') };
      result.contextValue = 'filter dismissable';
      return result;
    }
    default: {
      const result = item(
        node,
        l10n.t('Connection {0} in settings cannot be used', status.problem.index + 1),
      );
      result.description = status.problem.message;
      result.tooltip = status.problem.message;
      result.iconPath = new ThemeIcon('warning', new ThemeColor('list.warningForeground'));
      result.command = { command: 'genauthGroups.openSettings', title: l10n.t('Open Settings') };
      return result;
    }
  }
}
