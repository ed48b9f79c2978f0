/**
 * GenAuth Groups: browse the user groups and members of GenAuth (formerly Authing) user pools in
 * a tree view. Community toolkit, not affiliated with GenAuth.
 *
 * @module
 */
import { commands, type ExtensionContext, env, l10n, window, workspace } from 'vscode';
import { createClient, serverLang } from './model/client.ts';
import { ConnectionRegistry } from './model/connection-registry.ts';
import { FirstRowsProbe } from './model/first-rows.ts';
import { groupsApi } from './model/groups-api.ts';
import { GroupsTree } from './model/groups-tree.ts';
import { Redactor, redactingLog } from './model/log.ts';
import { registerCommands } from './ui/commands.ts';
import { DetailsPanels } from './ui/details-panel.ts';
import { ConnectionStore, readConnections, readListSettings, SECTION } from './ui/settings.ts';
import { GroupsTreeProvider } from './ui/tree-provider.ts';
import { registerWriteCommands } from './ui/write-commands.ts';

const VIEW_ID = 'genauthGroups.groups';

/** Set by the bundle's first line (scripts/build.ts); absent when this file runs unbundled. */
declare const __bundleEvaluationStarted: number | undefined;
/** This module is the bundle's last: evaluating it ends the bundle's evaluation. */
const bundleEvaluated = performance.now();

/** Wires the model to the editor: settings, secrets, log, tree view, commands. */
export function activate(context: ExtensionContext): void {
  const started = performance.now();
  const activated = { at: started, wallClock: Date.now() };
  const output = window.createOutputChannel('GenAuth Groups', { log: true });
  const redactor = new Redactor();
  const probe = new FirstRowsProbe(redactingLog(output, redactor), activated);
  const { log } = probe;
  const store = new ConnectionStore(context.secrets);
  const listSettings = readListSettings();
  const clientSettings = () => ({ timeout: readListSettings().timeout, lang: serverLang(env.language) });

  const registry = new ConnectionRegistry({
    secrets: store,
    createApi: (connection, secret, settings) =>
      groupsApi(createClient(connection, secret, settings, log), log, connection),
    settings: clientSettings(),
    redactor,
    onClientReady: (connection, { secretMs, setupMs }) =>
      log.info(
        `[${connection.label}] client ready: secret read ${Math.round(secretMs)} ms, setup ${Math.round(setupMs)} ms`,
      ),
  });
  registry.setConnections(readConnections());
  // Secret reads wait on the editor, slow while it starts: they begin before the view asks.
  registry.prepare();
  const tree = new GroupsTree({ registry, pageSize: listSettings.pageSize });
  const provider = new GroupsTreeProvider(tree, probe);
  const view = window.createTreeView(VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const panels = new DetailsPanels((id) => registry.api(id));
  // The view showing is what activates us, mostly: its first pages start now rather than when it
  // asks for them, which can be seconds later while the editor starts.
  const viewShown = view.visible;
  if (viewShown) tree.loadFirstPages();

  /** Context keys for menus and the welcome view, and the view's description. */
  const showState = () => {
    void commands.executeCommand(
      'setContext',
      'genauthGroups.hasConnections',
      registry.connections.length > 0,
    );
    void commands.executeCommand('setContext', 'genauthGroups.filterActive', tree.keywords !== undefined);
    // Write commands show in the command palette only when some connection allows changes.
    void commands.executeCommand(
      'setContext',
      'genauthGroups.anyWritable',
      registry.connections.some((connection) => !connection.readOnly),
    );
    void commands.executeCommand(
      'setContext',
      'genauthGroups.anyReadOnly',
      registry.connections.some((connection) => connection.readOnly),
    );
    const [only] = tree.connectionNodes;
    view.description = [
      tree.flat ? only?.connection.label : undefined,
      tree.keywords === undefined ? undefined : l10n.t('filter: {0}', tree.keywords),
    ]
      .filter(Boolean)
      .join(' · ');
  };

  // Every page load shows progress on the view.
  const loads = tree.onDidLoad.on((load) => {
    void window.withProgress({ location: { viewId: VIEW_ID } }, () => load);
  });
  const registryChanges = registry.onDidChange.on(showState);

  context.subscriptions.push(
    output,
    view,
    provider,
    panels,
    loads,
    registryChanges,
    view.onDidChangeVisibility(({ visible }) => {
      if (visible) tree.loadFirstPages();
    }),
    ...registerWriteCommands({ tree, view, registry, store }),
    ...registerCommands({ tree, view, registry, store, panels, output, log, filterChanged: showState }),
    context.secrets.onDidChange((event) => {
      const secretKey = store.secretKeyOf(event.key);
      if (secretKey) registry.secretChanged(secretKey);
    }),
    // Switching or editing connections clears what was loaded through them (the registry and the
    // tree drop the changed connections' clients and caches).
    workspaceChanges(() => {
      registry.setConnections(readConnections());
    }, 'connections'),
    workspaceChanges(() => tree.setPageSize(readListSettings().pageSize), 'pageSize'),
    workspaceChanges(() => registry.setClientSettings(clientSettings()), 'requestTimeout'),
  );
  showState();
  void commands.executeCommand('setContext', 'genauthGroups.ready', true);
  // Evaluating the bundle comes before activation, on the way to the first rows as well.
  const evaluated =
    typeof __bundleEvaluationStarted === 'number'
      ? ` (the bundle evaluated in ${Math.round(bundleEvaluated - __bundleEvaluationStarted)} ms, ${Math.round(started - bundleEvaluated)} ms before)`
      : '';
  log.info(
    `Activated in ${Math.round(performance.now() - started)} ms${evaluated}: ${registry.connections.length} connection(s), page size ${listSettings.pageSize}, view ${viewShown ? 'shown' : 'hidden'}`,
  );
}

function workspaceChanges(run: () => void, setting: string) {
  return workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SECTION}.${setting}`)) run();
  });
}
