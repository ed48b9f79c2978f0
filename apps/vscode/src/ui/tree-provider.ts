import { type Event, EventEmitter, type TreeDataProvider, type TreeItem } from 'vscode';
import type { FirstRowsProbe } from '../model/first-rows.ts';
import type { GroupsTree } from '../model/groups-tree.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';
import { treeItem } from './tree-item.ts';

/** Shows a {@link GroupsTree} in a tree view. */
export class GroupsTreeProvider implements TreeDataProvider<TreeNode> {
  readonly #tree: GroupsTree;
  readonly #changes = new EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData: Event<TreeNode | undefined> = this.#changes.event;
  readonly #subscription: { dispose(): void };
  readonly #probe: FirstRowsProbe | undefined;

  constructor(tree: GroupsTree, probe?: FirstRowsProbe) {
    this.#tree = tree;
    this.#probe = probe;
    // A lone connection's node is hidden: its changes are changes of the top level.
    this.#subscription = tree.onDidChange.on((node) => {
      const shown = node && tree.isHidden(node) ? undefined : node;
      this.#probe?.changed(shown);
      this.#changes.fire(shown);
    });
  }

  getTreeItem(node: TreeNode): TreeItem {
    this.#probe?.shown(node, this.#tree.visibleParent(node));
    return treeItem(node);
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    this.#probe?.asked(node);
    return this.#tree.childrenWithin(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.#tree.visibleParent(node);
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changes.dispose();
  }
}
