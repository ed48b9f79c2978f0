import { homedir } from 'node:os';
import { l10n, ProgressLocation, type QuickPickItem, Uri, window, workspace } from 'vscode';
import { errorInfo } from '../model/error-info.ts';
import type { ExportFormat } from '../model/export/export-file.ts';
import { runExport } from '../model/export/run-export.ts';
import type { GroupsTree } from '../model/groups-tree.ts';
import type { Log } from '../model/log.ts';
import { errorMessage } from '../model/nodes/status-text.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';

interface FormatItem extends QuickPickItem {
  readonly format: ExportFormat;
  readonly extension: string;
}

async function pickFormat(): Promise<FormatItem | undefined> {
  const items: FormatItem[] = [
    {
      label: 'CSV',
      detail: l10n.t('For spreadsheets; one row per item, formulas defused'),
      format: 'csv',
      extension: 'csv',
    },
    {
      label: 'JSON Lines',
      detail: l10n.t('For tools; one JSON record per line, every field'),
      format: 'jsonl',
      extension: 'jsonl',
    },
  ];
  return window.showQuickPick(items, { title: l10n.t('Export Format'), ignoreFocusOut: true });
}

/**
 * Exports what a node stands for (a group's members, a pool's groups) to a file the user picks:
 * streamed page by page under a cancellable notification that counts the rows, then opened.
 */
export async function exportNode(node: TreeNode, tree: GroupsTree, log: Log): Promise<void> {
  const source = node.exportSource();
  const connection = node.connection;
  if (!source || !connection) return;
  const format = await pickFormat();
  if (!format) return;
  const folder = workspace.workspaceFolders?.[0]?.uri ?? Uri.file(homedir());
  const target = await window.showSaveDialog({
    title:
      source.what === 'members'
        ? l10n.t('Export the Members of {0}', source.of)
        : l10n.t('Export the Groups of {0}', source.of),
    defaultUri: Uri.joinPath(folder, `${source.fileName}.${format.extension}`),
    filters: { [format.label]: [format.extension] },
  });
  if (!target) return;
  if (target.scheme !== 'file') {
    void window.showErrorMessage(l10n.t('Exports are written to files on disk; choose a local file.'));
    return;
  }
  const controller = new AbortController();
  let count: number;
  try {
    count = await window.withProgress(
      {
        location: ProgressLocation.Notification,
        title:
          source.what === 'members'
            ? l10n.t('Exporting the members of {0}', source.of)
            : l10n.t('Exporting the groups of {0}', source.of),
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        const api = await tree.apiOf(connection.id);
        return runExport(source, api, {
          path: target.fsPath,
          format: format.format,
          signal: controller.signal,
          onProgress: (written) => progress.report({ message: l10n.t('{0} rows', written) }),
          log,
          label: connection.label,
        });
      },
    );
  } catch (error) {
    if (controller.signal.aborted) {
      window.setStatusBarMessage(l10n.t('Export cancelled'), 5000);
      return;
    }
    void window.showErrorMessage(l10n.t('Export failed. {0}', errorMessage(errorInfo(error), l10n.t)));
    return;
  }
  window.setStatusBarMessage(l10n.t('Exported {0} rows', count), 5000);
  await window.showTextDocument(target, { preview: false });
}
