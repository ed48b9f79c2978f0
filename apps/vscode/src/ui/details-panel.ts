import { randomBytes } from 'node:crypto';
import { type Disposable, env, l10n, ProgressLocation, ViewColumn, type WebviewPanel, window } from 'vscode';
import {
  type Details,
  groupDetails,
  type ResourcesResult,
  userDetails,
  userDisplayName,
} from '../model/details.ts';
import { detailsHtml } from '../model/details-html.ts';
import type { GroupsApi } from '../model/groups-api.ts';
import type { GroupNode } from '../model/nodes/group-node.ts';
import type { MemberNode } from '../model/nodes/member-node.ts';
import type { DetailsViewer } from '../model/nodes/tree-node.ts';

/**
 * Details pages of members and groups, one webview panel per item (shown again, not duplicated,
 * when asked twice). The pages run no script; see `details-html.ts` for their CSP.
 */
export class DetailsPanels implements Disposable, DetailsViewer {
  readonly #panels = new Map<string, WebviewPanel>();
  readonly #api: (connectionId: string) => Promise<GroupsApi>;

  /** `api` gives the API of a connection, to load a group's latest details. */
  constructor(api: (connectionId: string) => Promise<GroupsApi>) {
    this.#api = api;
  }

  /** Shows a member: everything is already in the list reply (custom data, identities, departments). */
  showMember(node: MemberNode): void {
    this.#show(node.id, l10n.t('Member: {0}', userDisplayName(node.user)), userDetails(node.user, l10n.t));
  }

  /** Shows a group at once from the list, then with `getGroup` and its authorized resources. */
  async showGroup(node: GroupNode): Promise<void> {
    const api = () => this.#api(node.connection.id);
    const title = l10n.t('Group: {0}', node.group.name || node.group.code);
    const loading: ResourcesResult = { ok: false, message: l10n.t('Loading…') };
    this.#show(node.id, title, groupDetails(node.group, loading, l10n.t));
    await window.withProgress(
      { location: ProgressLocation.Window, title: l10n.t('Loading group details') },
      async () => {
        const code = node.group.code;
        const [group, resources] = await Promise.allSettled([
          api().then((client) => client.group(code)),
          api().then((client) => client.groupResources(code)),
        ]);
        const resourcesResult: ResourcesResult =
          resources.status === 'fulfilled'
            ? { ok: true, resources: resources.value }
            : { ok: false, message: messageOf(resources.reason) };
        const details = groupDetails(
          group.status === 'fulfilled' ? group.value : node.group,
          resourcesResult,
          l10n.t,
        );
        const shown =
          group.status === 'fulfilled'
            ? details
            : {
                ...details,
                sections: [
                  { title: l10n.t('Could not load the latest details'), note: messageOf(group.reason) },
                  ...details.sections,
                ],
              };
        // The panel may have been closed meanwhile.
        if (this.#panels.has(node.id)) this.#show(node.id, title, shown);
      },
    );
  }

  dispose(): void {
    for (const panel of this.#panels.values()) panel.dispose();
  }

  #show(id: string, title: string, details: Details): void {
    let panel = this.#panels.get(id);
    if (!panel) {
      panel = window.createWebviewPanel('genauthGroups.details', title, ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.#panels.set(id, panel);
      panel.onDidDispose(() => this.#panels.delete(id));
    } else {
      panel.reveal();
    }
    panel.title = title;
    panel.webview.html = detailsHtml(details, {
      nonce: randomBytes(18).toString('base64'),
      lang: env.language,
      jsonLabel: l10n.t('JSON (tokens masked)'),
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
