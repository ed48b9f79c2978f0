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
  /** Making the client once the secret was known, its management token included (token scheme). */
  readonly setupMs: number;
}

/** A client being made, or made. */
interface Making {
  readonly made: Promise<GroupsApi>;
  /** Someone asked for it through {@link ConnectionRegistry.api}, not only {@link ConnectionRegistry.prepare}. */
  claimed: boolean;
  failed: boolean;
}

/**
 * The configured connections and, per connection, its API client, made from the secret storage
 * on first use or ahead of it ({@link ConnectionRegistry.prepare}). A client is dropped (so the
 * next call makes a fresh one) when its connection's settings change, its secret changes, or the
 * client settings change.
 */
export class ConnectionRegistry {
  /** Fires with the ids of connections that were added, removed or changed. */
  readonly onDidChange = new Emitter<ReadonlySet<string>>();
  readonly #options: ConnectionRegistryOptions;
  #settings: ClientSettings;
  #connections: readonly ConnectionConfig[] = [];
  #problems: readonly ConnectionProblem[] = [];
  readonly #apis = new Map<string, Making>();

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
   * Starts making the client of every connection now: its secret read, the client, and with the
   * token scheme its management token, so that the first call finds it made or on its way (the
   * editor is slow to answer a secret read while it starts). The first {@link api} call takes
   * what this started, a failure included (then the next call tries again); a change of the
   * connection, its secret or the client settings drops it as usual.
   */
  prepare(): void {
    for (const { id } of this.#connections) if (!this.#apis.has(id)) this.#start(id);
  }

  /**
   * The API of a connection, once its client is ready (with the token scheme: holding a token).
   * @throws {MissingSecretError} when no secret is stored for it (nothing is cached then).
   */
  api(id: string): Promise<GroupsApi> {
    const making = this.#apis.get(id) ?? this.#start(id);
    if (!making) return Promise.reject(new Error(`Unknown connection ${id}`));
    making.claimed = true;
    // A failed prepare() is told to its first caller only: the next call tries again.
    if (making.failed) this.#apis.delete(id);
    return making.made;
  }

  #start(id: string): Making | undefined {
    const connection = this.get(id);
    if (!connection) return undefined;
    const making: Making = { made: this.#make(connection), claimed: false, failed: false };
    this.#apis.set(id, making);
    making.made.catch(() => {
      making.failed = true;
      if (making.claimed && this.#apis.get(id) === making) this.#apis.delete(id);
    });
    return making;
  }

  async #make(connection: ConnectionConfig): Promise<GroupsApi> {
    const started = performance.now();
    const secret = await this.#options.secrets.get(connection.secretKey);
    if (!secret) throw new MissingSecretError(connection.label);
    this.#options.redactor.add(secret);
    const read = performance.now();
    const api = this.#options.createApi(connection, secret, this.#settings);
    await api.authenticate();
    this.#options.onClientReady?.(connection, {
      secretMs: read - started,
      setupMs: performance.now() - read,
    });
    return api;
  }
}
