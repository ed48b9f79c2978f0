import {
  commands,
  type Disposable,
  env,
  type LogOutputChannel,
  l10n,
  type TreeView,
  Uri,
  window,
} from 'vscode';
import type { ConnectionConfig } from '../model/connection-config.ts';
import type { ConnectionRegistry } from '../model/connection-registry.ts';
import { consoleUrl } from '../model/console-url.ts';
import type { GroupsTree } from '../model/groups-tree.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';
import { withoutTokens } from '../model/sanitize.ts';
import { promptNewConnection } from './add-connection.ts';
import type { DetailsPanels } from './details-panel.ts';
import { promptUserQuery } from './find-user-groups.ts';
import { type ConnectionStore, SECTION } from './settings.ts';

/** What the commands act on. */
export interface CommandContext {
  readonly tree: GroupsTree;
  readonly view: TreeView<TreeNode>;
  readonly registry: ConnectionRegistry;
  readonly store: ConnectionStore;
  readonly panels: DetailsPanels;
  readonly output: LogOutputChannel;
  /** Call after the filter changed: updates the view's description and menus. */
  readonly filterChanged: () => void;
}

/** The connection a node belongs to; state rows belong to their list's owner. */
function connectionOf(node: TreeNode | undefined): ConnectionConfig | undefined {
  if (!node) return undefined;
  if (node.kind === 'status') return node.parent?.connection;
  return node.connection;
}

/** The node's connection, else the only one, else the one the user picks. */
async function chooseConnection(
  registry: ConnectionRegistry,
  node: TreeNode | undefined,
): Promise<ConnectionConfig | undefined> {
  const own = connectionOf(node);
  if (own) return own;
  const all = registry.connections;
  if (all.length <= 1) return all[0];
  const picked = await window.showQuickPick(
    all.map((connection) => ({ label: connection.label, description: connection.host, connection })),
    { placeHolder: l10n.t('Choose a connection') },
  );
  return picked?.connection;
}

async function copy(text: string, what: string): Promise<void> {
  await env.clipboard.writeText(text);
  window.setStatusBarMessage(l10n.t('Copied {0}', what), 3000);
}

/** Registers every command of the Groups view. */
export function registerCommands(context: CommandContext): Disposable[] {
  const { tree, view, registry, store, panels, output } = context;
  const register = (id: string, run: (node?: TreeNode) => unknown) =>
    commands.registerCommand(`genauthGroups.${id}`, run);

  return [
    register('addConnection', async () => {
      const entry = await promptNewConnection();
      if (!entry) return;
      const connection = await store.add(entry);
      output.info(`Added connection ${connection.label} (${connection.host})`);
    }),

    register('removeConnection', async (node) => {
      const connection = await chooseConnection(registry, node);
      if (!connection) return;
      const remove = l10n.t('Remove');
      const answer = await window.showWarningMessage(
        l10n.t('Remove the connection {0} and its stored secret?', connection.label),
        { modal: true },
        remove,
      );
      if (answer !== remove) return;
      await store.remove(connection);
      output.info(`Removed connection ${connection.label}`);
    }),

    register('setSecret', async (node) => {
      const connection = await chooseConnection(registry, node);
      if (!connection) return;
      const secret = await window.showInputBox({
        title: l10n.t('Access Key Secret of {0}', connection.label),
        prompt: l10n.t('Kept in the editor’s secret storage, never in settings'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value ? undefined : l10n.t('Required')),
      });
      if (secret) await store.setSecret(connection, secret);
    }),

    register('openSettings', () => commands.executeCommand('workbench.action.openSettings', `${SECTION}.`)),

    register('refresh', (node) => tree.refresh(node)),

    register('filter', async () => {
      const keywords = await window.showInputBox({
        title: l10n.t('Filter Groups'),
        prompt: l10n.t('Keywords matched by the server against group codes and names; empty to clear'),
        value: tree.keywords ?? '',
      });
      if (keywords === undefined) return;
      tree.setFilter(keywords);
      context.filterChanged();
    }),

    register('clearFilter', () => {
      tree.setFilter(undefined);
      context.filterChanged();
    }),

    register('findUserGroups', async (node) => {
      const connection = await chooseConnection(registry, node);
      if (!connection) return;
      const query = await promptUserQuery();
      if (!query) return;
      const result = tree.findUserGroups(connection.id, query);
      if (result) await view.reveal(result, { expand: true, select: true, focus: true });
    }),

    register('dismiss', (node) => {
      if (node?.kind === 'userGroups') tree.dismiss(node);
      else if (node?.kind === 'status' && node.status.type === 'filter') {
        tree.setFilter(undefined);
        context.filterChanged();
      }
    }),

    register('loadMore', (node) => (node?.kind === 'status' ? tree.loadMore(node) : undefined)),

    register('retry', (node) => (node?.kind === 'status' ? tree.loadMore(node) : tree.refresh(node))),

    register('showLog', () => output.show(true)),

    register('showDetails', (node) => {
      if (node?.kind === 'member') panels.showMember(node);
      else if (node?.kind === 'group') return panels.showGroup(node, () => tree.apiOf(node.connection.id));
      return undefined;
    }),

    register('copyId', (node) => {
      if (node?.kind === 'group') return copy(node.group.id, l10n.t('group ID'));
      if (node?.kind === 'member') return copy(node.user.userId, l10n.t('user ID'));
      return undefined;
    }),

    register('copyCode', (node) =>
      node?.kind === 'group' ? copy(node.group.code, l10n.t('group code')) : undefined,
    ),

    register('copyJson', (node) => {
      if (node?.kind === 'group') return copy(JSON.stringify(node.group, null, 2), 'JSON');
      if (node?.kind === 'member') return copy(JSON.stringify(withoutTokens(node.user), null, 2), 'JSON');
      return undefined;
    }),

    register('openInConsole', (node) => {
      const url =
        node?.kind === 'group'
          ? consoleUrl(node.connection, { kind: 'group', code: node.group.code })
          : node?.kind === 'member'
            ? consoleUrl(node.connection, { kind: 'user', userId: node.user.userId })
            : undefined;
      return url ? env.openExternal(Uri.parse(url, true)) : undefined;
    }),
  ];
}
