import { ConfigurationTarget, type SecretStorage, workspace } from 'vscode';
import {
  type ConnectionConfig,
  type ParsedConnections,
  parseConnections,
} from '../model/connection-config.ts';
import { type ConnectionEntry, upsertConnection } from '../model/connection-entry.ts';

/** The settings section of this extension. */
export const SECTION = 'genauthGroups';

const SECRET_PREFIX = `${SECTION}.secret:`;

/** A new connection, as the Add Connection command collects it. */
export interface NewConnection extends ConnectionEntry {
  readonly secret: string;
}

/** The `genauthGroups.connections` setting, checked. */
export function readConnections(): ParsedConnections {
  return parseConnections(workspace.getConfiguration(SECTION).get<unknown>('connections'));
}

/** The page size and request timeout settings. */
export function readListSettings(): { readonly pageSize: number; readonly timeout: number } {
  const config = workspace.getConfiguration(SECTION);
  const pageSize = Math.min(50, Math.max(1, Math.trunc(config.get<number>('pageSize') ?? 50)));
  const timeout = Math.max(1000, Math.trunc(config.get<number>('requestTimeout') ?? 10_000));
  return { pageSize, timeout };
}

/**
 * Connection settings and secrets together: host, key id and label go to the user settings, the
 * secret to the editor's secret storage (never to settings.json, never to the log).
 */
export class ConnectionStore {
  readonly #secrets: SecretStorage;

  constructor(secrets: SecretStorage) {
    this.#secrets = secrets;
  }

  /** The stored secret of a connection's secret key, for the registry. */
  get(secretKey: string): Thenable<string | undefined> {
    return this.#secrets.get(SECRET_PREFIX + secretKey);
  }

  /** The secret key a secret storage key belongs to, or `undefined` for keys that are not ours. */
  secretKeyOf(storageKey: string): string | undefined {
    return storageKey.startsWith(SECRET_PREFIX) ? storageKey.slice(SECRET_PREFIX.length) : undefined;
  }

  /** Stores (or replaces) the secret of a connection. */
  async setSecret(connection: Pick<ConnectionConfig, 'secretKey'>, secret: string): Promise<void> {
    await this.#secrets.store(SECRET_PREFIX + connection.secretKey, secret);
  }

  /**
   * Adds a connection, its secret first so that the tree finds it when the settings change. A
   * connection of the same host and access key id that already exists, in whichever settings scope
   * holds it, is updated in place (`upsertConnection`): new secret, label and auth scheme, every
   * other setting kept. A new one goes to the user settings.
   * @returns the connection as it will be read back.
   */
  async add(entry: NewConnection): Promise<ConnectionConfig> {
    const { secret, ...setting } = entry;
    const [connection] = parseConnections([setting]).connections;
    if (!connection) throw new Error('Invalid connection');
    await this.setSecret(connection, secret);
    const config = workspace.getConfiguration(SECTION);
    const inspected = config.inspect<unknown[]>('connections');
    for (const [value, target] of scopesOf(inspected)) {
      const result = upsertConnection(value ?? [], setting);
      if (!result.updated) continue;
      await config.update('connections', result.entries, target);
      return connection;
    }
    const result = upsertConnection(inspected?.globalValue ?? [], setting);
    await config.update('connections', result.entries, ConfigurationTarget.Global);
    return connection;
  }

  /** Turns a connection's read-only switch on or off, in the settings scope that holds it. */
  async setReadOnly(connection: ConnectionConfig, readOnly: boolean): Promise<void> {
    const config = workspace.getConfiguration(SECTION);
    for (const [value, target] of scopesOf(config.inspect<unknown[]>('connections'))) {
      if (!value?.some((raw) => idOf(raw) === connection.id)) continue;
      const entries = value.map((raw) =>
        idOf(raw) === connection.id ? { ...(raw as Record<string, unknown>), readOnly } : raw,
      );
      await config.update('connections', entries, target);
    }
  }

  /** Removes a connection from every settings scope that has it, and its secret unless another connection shares it. */
  async remove(connection: ConnectionConfig): Promise<void> {
    const config = workspace.getConfiguration(SECTION);
    for (const [value, target] of scopesOf(config.inspect<unknown[]>('connections'))) {
      if (!value?.some((raw) => idOf(raw) === connection.id)) continue;
      await config.update(
        'connections',
        value.filter((raw) => idOf(raw) !== connection.id),
        target,
      );
    }
    const shared = readConnections().connections.some((other) => other.secretKey === connection.secretKey);
    if (!shared) await this.#secrets.delete(SECRET_PREFIX + connection.secretKey);
  }
}

/** The values of a setting in each scope that can hold it, most specific last. */
function scopesOf(
  inspected:
    | { globalValue?: unknown[]; workspaceValue?: unknown[]; workspaceFolderValue?: unknown[] }
    | undefined,
) {
  return [
    [inspected?.globalValue, ConfigurationTarget.Global],
    [inspected?.workspaceValue, ConfigurationTarget.Workspace],
    [inspected?.workspaceFolderValue, ConfigurationTarget.WorkspaceFolder],
  ] as const;
}

function idOf(raw: unknown): string | undefined {
  return parseConnections([raw]).connections[0]?.id;
}
