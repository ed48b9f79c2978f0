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
import { type ConnectionConfig, parseConnections } from '../model/connection-config.ts';
import type { ConnectionRegistry } from '../model/connection-registry.ts';
import type { GroupsTree } from '../model/groups-tree.ts';
import type { Log } from '../model/log.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';
import { promptNewConnection } from './add-connection.ts';
import type { DetailsPanels } from './details-panel.ts';
import { exportNode } from './export.ts';
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
  /** The output channel behind the redactor that masks every secret read. */
  readonly log: Log;
  /** Call after the filter changed: updates the view's description and menus. */
  readonly filterChanged: () => void;
}

/** The node's connection, else the only one, else the one the user picks. */
async function chooseConnection(
  registry: ConnectionRegistry,
  node: TreeNode | undefined,
): Promise<ConnectionConfig | undefined> {
  const own = node?.connection;
  if (own) return own;
  const all = registry.connections;
  if (all.length <= 1) return all[0];
  const picked = await window.showQuickPick(
    all.map((connection) => ({ label: connection.label, description: connection.host, connection })),
    { placeHolder: l10n.t('Choose a connection') },
  );
  return picked?.connection;
}

async function copy(clip: { readonly text: string; readonly what: string } | undefined): Promise<void> {
  if (!clip) return;
  const { text, what } = clip;
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
      const entry = await promptNewConnection((host, accessKeyId) => {
        const key = parseConnections([{ host, accessKeyId }]).connections[0]?.secretKey;
        return registry.connections.find((known) => known.secretKey === key);
      });
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

    // The view's title bar: VS Code passes the focused row to view/title commands, which must
    // not narrow "reload everything" down to that row.
    register('refreshAll', () => tree.refresh()),

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
      node?.dismiss(tree);
      context.filterChanged();
    }),

    register('loadMore', (node) => node?.loadMore()),

    register('retry', (node) => (node ? node.retry() : tree.refresh())),

    register('showLog', () => output.show(true)),

    register('showDetails', (node) => node?.showDetails(panels)),

    register('copyId', (node) => copy(node?.clip('id', l10n.t))),

    register('copyCode', (node) => copy(node?.clip('code', l10n.t))),

    register('copyJson', (node) => copy(node?.clip('json', l10n.t))),

    // From a group: its members; from a connection or the command palette: the pool's groups.
    register('export', async (node) => {
      const connection = await chooseConnection(registry, node);
      if (!connection) return;
      const target = node ?? tree.connectionNodes.find((owner) => owner.connection.id === connection.id);
      if (target) await exportNode(target, tree, context.log);
    }),

    register('openInConsole', (node) => {
      const url = node?.consoleLink();
      return url ? env.openExternal(Uri.parse(url, true)) : undefined;
    }),
  ];
}
