import { l10n, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { TreeNode } from '../model/nodes/tree-node.ts';

const EXPAND = {
  none: TreeItemCollapsibleState.None,
  collapsed: TreeItemCollapsibleState.Collapsed,
  expanded: TreeItemCollapsibleState.Expanded,
} as const;

/** The `TreeItem` of a node: the node says how it shows (`row()`), this only translates it. */
export function treeItem(node: TreeNode): TreeItem {
  const row = node.row(l10n.t);
  const result = new TreeItem(row.label, EXPAND[row.expand ?? 'none']);
  result.id = node.id;
  if (row.description !== undefined) result.description = row.description;
  if (row.tooltip !== undefined) result.tooltip = row.tooltip;
  if (row.contextValue !== undefined) result.contextValue = row.contextValue;
  if (row.icon)
    result.iconPath = new ThemeIcon(row.icon.id, row.icon.color ? new ThemeColor(row.icon.color) : undefined);
  if (row.command)
    result.command = {
      command: row.command.id,
      title: row.command.title,
      ...(row.command.withNode ? { arguments: [node] } : {}),
    };
  return result;
}
