import type { ClientSettings } from './client.ts';
import type { ConnectionConfig, ConnectionProblem, ParsedConnections } from './connection-config.ts';
import { Emitter } from './emitter.ts';
import { MissingSecretError } from './error-info.ts';
import type { GroupsApi } from './groups-api.ts';
import type { Redactor } from './log.ts';

/** Reads access key secrets; the editor's `SecretStorage` fits. */
export interface SecretReader {
  get(key: string): PromiseLike<string | undefined>;
}

/** Makes the API of one connection once its secret is known. */
export type ApiFactory = (
  connection: ConnectionConfig,
  secret: string,
  settings: ClientSettings,
) => GroupsApi;

/** What a {@link ConnectionRegistry} needs. */
export interface ConnectionRegistryOptions {
  readonly secrets: SecretReader;
  readonly createApi: ApiFactory;
  readonly settings: ClientSettings;
  /** Learns every secret read, so that the log can mask it. */
  readonly redactor: Redactor;
  /** Hears how long each client took to make, e.g. to log it. */
  readonly onClientReady?: ((connection: ConnectionConfig, timing: ClientTiming) => void) | undefined;
}

/** How long a connection's client took to make, in milliseconds. */
export interface ClientTiming {
  /** Reading the secret from the secret storage. */
  readonly secretMs: number;
  /** Making the client once the secret was known. */
  readonly setupMs: number;
}

/**
 * The configured connections and, per connection, its API client, made on first use from the
 * secret storage. A client is dropped (so the next call makes a fresh one) when its connection's
 * settings change, its secret changes, or the client settings change.
 */
export class ConnectionRegistry {
  /** Fires with the ids of connections that were added, removed or changed. */
  readonly onDidChange = new Emitter<ReadonlySet<string>>();
  readonly #options: ConnectionRegistryOptions;
  #settings: ClientSettings;
  #connections: readonly ConnectionConfig[] = [];
  #problems: readonly ConnectionProblem[] = [];
  readonly #apis = new Map<string, Promise<GroupsApi>>();

  constructor(options: ConnectionRegistryOptions) {
    this.#options = options;
    this.#settings = options.settings;
  }

  get connections(): readonly ConnectionConfig[] {
    return this.#connections;
  }

  /** Settings entries that could not be used. */
  get problems(): readonly ConnectionProblem[] {
    return this.#problems;
  }

  /** The connection with this id, if it is still configured. */
  get(id: string): ConnectionConfig | undefined {
    return this.#connections.find((connection) => connection.id === id);
  }

  /** Takes the connections from freshly read settings; fires for those that differ. */
  setConnections(parsed: ParsedConnections): void {
    const before = new Map(
      this.#connections.map((connection) => [connection.id, JSON.stringify(connection)]),
    );
    const after = new Map(
      parsed.connections.map((connection) => [connection.id, JSON.stringify(connection)]),
    );
    const changed = new Set<string>();
    for (const [id, json] of before) if (after.get(id) !== json) changed.add(id);
    for (const id of after.keys()) if (!before.has(id)) changed.add(id);
    this.#connections = parsed.connections;
    const problemsChanged = JSON.stringify(parsed.problems) !== JSON.stringify(this.#problems);
    this.#problems = parsed.problems;
    for (const id of changed) this.#apis.delete(id);
    if (changed.size > 0 || problemsChanged) this.onDidChange.fire(changed);
  }

  /** Takes new client settings (timeout, language): every client is made again. */
  setClientSettings(settings: ClientSettings): void {
    this.#settings = settings;
    this.#apis.clear();
    this.onDidChange.fire(new Set(this.#connections.map((connection) => connection.id)));
  }

  /** Call when the secret stored under `secretKey` changed: its connections get new clients. */
  secretChanged(secretKey: string): void {
    const changed = new Set(
      this.#connections
        .filter((connection) => connection.secretKey === secretKey)
        .map((connection) => connection.id),
    );
    for (const id of changed) this.#apis.delete(id);
    if (changed.size > 0) this.onDidChange.fire(changed);
  }

  /**
   * The API of a connection.
   * @throws {MissingSecretError} when no secret is stored for it (nothing is cached then).
   */
  api(id: string): Promise<GroupsApi> {
    const cached = this.#apis.get(id);
    if (cached) return cached;
    const connection = this.get(id);
    if (!connection) return Promise.reject(new Error(`Unknown connection ${id}`));
    const made = this.#make(connection);
    this.#apis.set(id, made);
    made.catch(() => {
      if (this.#apis.get(id) === made) this.#apis.delete(id);
    });
    return made;
  }

  async #make(connection: ConnectionConfig): Promise<GroupsApi> {
    const started = performance.now();
    const secret = await this.#options.secrets.get(connection.secretKey);
    if (!secret) throw new MissingSecretError(connection.label);
    this.#options.redactor.add(secret);
    const read = performance.now();
    const api = this.#options.createApi(connection, secret, this.#settings);
    this.#options.onClientReady?.(connection, {
      secretMs: read - started,
      setupMs: performance.now() - read,
    });
    return api;
  }
}
