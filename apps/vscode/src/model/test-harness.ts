import type { Emulator } from '@genauth-groups/emulator';
import { createClient } from './client.ts';
import { parseConnections } from './connection-config.ts';
import { ConnectionRegistry } from './connection-registry.ts';
import { groupsApi } from './groups-api.ts';
import { GroupsTree } from './groups-tree.ts';
import { type Log, Redactor, redactingLog } from './log.ts';
import type { TreeNode } from './nodes/tree-node.ts';

/** A connection entry of the settings, pointing at an emulator. */
export function emulatorEntry(emulator: Emulator, label = 'Emulator'): Record<string, string> {
  return { label, host: emulator.url, accessKeyId: emulator.credentials.accessKeyId };
}

/** Everything the tree logs, redacted, in order. */
export class MemoryLog implements Log {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/** What {@link treeHarness} takes. */
export interface HarnessOptions {
  /** `genauthGroups.connections` entries. */
  readonly entries: readonly object[];
  /** Secrets by secret key (`host|accessKeyId`). */
  readonly secrets: ReadonlyMap<string, string>;
  readonly pageSize?: number;
  /** The `fetch` under the client, to count or alter exchanges. */
  readonly fetch?: typeof fetch;
  /** The client's per-attempt timeout, in ms. @default 5000 */
  readonly timeout?: number;
}

/**
 * A {@link GroupsTree} wired as the extension wires it (registry, real clients, redacting log),
 * minus the editor, plus helpers to wait for loads and read rows.
 */
export function treeHarness(options: HarnessOptions) {
  const memory = new MemoryLog();
  const redactor = new Redactor();
  const log = redactingLog(memory, redactor);
  const registry = new ConnectionRegistry({
    secrets: { get: async (key) => options.secrets.get(key) },
    createApi: (connection, secret, settings) =>
      groupsApi(createClient(connection, secret, settings, log), log, connection),
    settings: { timeout: options.timeout ?? 5000, lang: 'en-US', fetch: options.fetch },
    redactor,
  });
  registry.setConnections(parseConnections(options.entries));
  const tree = new GroupsTree({ registry, pageSize: options.pageSize ?? 10 });
  const loads: Promise<void>[] = [];
  tree.onDidLoad.on((load) => loads.push(load));

  /** Waits until no load is running (loads may start more loads). */
  async function settle(): Promise<void> {
    while (loads.length > 0) await Promise.all(loads.splice(0));
  }

  /** The children of `node` once every load they start has finished. */
  async function settled(node?: TreeNode): Promise<TreeNode[]> {
    tree.children(node);
    await settle();
    return tree.children(node);
  }

  return { tree, registry, log: memory, settle, settled };
}
