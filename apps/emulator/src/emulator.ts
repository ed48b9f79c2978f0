import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import type { EmulatorCredentials } from './app-parts.ts';
import { Tokens } from './auth/tokens.ts';
import { type FaultConfig, type FaultController, Faults } from './faults.ts';
import { answerClientError } from './http/client-error.ts';
import { trackInFlight } from './http/in-flight.ts';
import type { Dataset } from './seed/dataset.ts';
import { DEFAULT_DEMO_PASSWORD } from './seed/demo.ts';
import type { GenerateOptions } from './seed/generate.ts';
import { type DemoUser, seedStore } from './seed/seed-store.ts';
import { openDatabase } from './store/database.ts';
import { Store } from './store/store.ts';

/** The credentials the emulator uses unless told otherwise. Fake, fixed values, so that docs can show them. */
export const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  userPoolId: '65f0a0a0a0a0a0a0a0a0a0a0',
  accessKeyId: '65f0a0a0a0a0a0a0a0a0a0a0',
  accessKeySecret: '0123456789abcdef0123456789abcdef',
  appId: '65f0a1b2c3d4e5f6a7b8c9d0',
  appSecret: 'fedcba9876543210fedcba9876543210',
};

/** The web demo's address under `npm start`, registered as the app's callback unless told otherwise. */
export const DEFAULT_CALLBACK_URLS: readonly string[] = ['http://127.0.0.1:5173/', 'http://localhost:5173/'];

/** The port of the CLI and of {@link startEmulator} unless told otherwise. */
export const DEFAULT_PORT = 8787;

/** Options of {@link startEmulator}. Every one has a deterministic default. */
export interface EmulatorOptions {
  /** Port to listen on; `0` picks a free one (read it from `emulator.url`). @default 8787 */
  readonly port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /**
   * SQLite file that keeps the data across restarts; created when missing. A file that already
   * holds data is used as it is (no seeding). @default in memory
   */
  readonly data?: string;
  /** Seed the demo data set (groups, users with identities, custom data, resources). @default true */
  readonly demo?: boolean;
  /** Password of every demo user. @default 'Passw0rd!' */
  readonly demoPassword?: string;
  /**
   * Also seed a deterministic pool of generated groups and users.
   * @example { groups: 100, users: 1000, seed: 7 }
   */
  readonly generate?: GenerateOptions;
  /** Also seed a load file (path; format in the README) or a data set given in code. */
  readonly load?: string | Dataset;
  /**
   * The pool's and app's credentials. Omitted ones take {@link DEFAULT_CREDENTIALS}, except
   * `accessKeyId`, which defaults to the user pool id (the pool-wide key, contract 5.2).
   */
  readonly credentials?: Partial<EmulatorCredentials>;
  /**
   * Answer errors with their real HTTP status (400, 401, 404...) instead of HTTP 200, the service's
   * way (contract 3.2), to test how a client copes with both. @default false
   */
  readonly httpStatus?: boolean;
  /** Faults from the start; change them later with `emulator.faults`. @default none */
  readonly faults?: FaultConfig;
  /**
   * The emulator's clock, in ms since the epoch: token expiry, signature timestamps and
   * timestamps of new data follow it. Tests move it instead of waiting.
   * @default Date.now
   * @example let now = Date.parse('2026-11-22T13:20:45Z'); startEmulator({ clock: () => now });
   */
  readonly clock?: () => number;
  /** How far a signature's timestamp may be from the clock, either way, in ms. @default 900000 (15 minutes) */
  readonly signatureWindowMs?: number;
  /** Lifetime of end users' access tokens, in seconds. @default 1209600 (14 days) */
  readonly accessTokenTtlSeconds?: number;
  /** Lifetime of refresh tokens from the hosted login (scope `offline_access`), in seconds. @default 2592000 (30 days) */
  readonly refreshTokenTtlSeconds?: number;
  /**
   * The app's login and logout callback URLs: where the hosted login may send the user back
   * (`redirect_uri`, `post_logout_redirect_uri`), compared exactly, as the console's list is.
   * @default the web demo under `npm start`: ['http://127.0.0.1:5173/', 'http://localhost:5173/']
   */
  readonly callbackUrls?: readonly string[];
  /** Largest request body accepted; bigger ones get a 413 envelope. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /**
   * Answer `get-all-groups` as the service does (contract 6.3): any `fetchMembers` present asks for
   * members, `False` included (observed, authing-py-sdk#21; for lowercase `false`, inferred), and
   * members fail with a 500 "unknown error" when any group is empty (observed, Authing/Authing#13).
   * Off, `fetchMembers` is a plain boolean and empty groups are fine. @default false
   */
  readonly reproduceGetAllGroupsBugs?: boolean;
}

/** What the store held once the emulator started. */
export interface EmulatorData {
  /** The database file, or `undefined` in memory. */
  readonly path: string | undefined;
  /** The file already held data, so nothing was seeded. */
  readonly reused: boolean;
  readonly groups: number;
  readonly users: number;
  readonly memberships: number;
  /** Time spent seeding at start, in ms. */
  readonly seedMs: number;
}

/** A running emulator. `await using emulator = await startEmulator()` closes it at the end of the scope. */
export interface Emulator extends AsyncDisposable {
  /** Base URL, e.g. `http://127.0.0.1:8787`: the `host` of a management client, the `appHost` of an authentication client. */
  readonly url: string;
  /** The address it listens on, e.g. `127.0.0.1` or `0.0.0.0`. */
  readonly host: string;
  readonly port: number;
  readonly credentials: EmulatorCredentials;
  /** The app's registered login and logout callback URLs (hosted login). */
  readonly callbackUrls: readonly string[];
  /** The named demo users (alice, bob, carol, dave, erin, frank) as they were at start; empty without the demo data set. */
  readonly demoUsers: readonly DemoUser[];
  /** Changes faults at run time. */
  readonly faults: FaultController;
  readonly data: EmulatorData;
  /** Stops the server (open connections included) and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts an emulator of the GenAuth V3 user-group API on loopback.
 *
 * @example
 * import { startEmulator } from '@genauth-groups/emulator';
 * import { ManagementClient } from 'authing-node-sdk';
 *
 * await using emulator = await startEmulator({ port: 0 });
 * const { accessKeyId, accessKeySecret } = emulator.credentials;
 * const client = new ManagementClient({ accessKeyId, accessKeySecret, host: emulator.url });
 * const { data } = await client.listGroups({ limit: 50 });
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? Date.now;
  const userPoolId = options.credentials?.userPoolId ?? DEFAULT_CREDENTIALS.userPoolId;
  const credentials: EmulatorCredentials = {
    ...DEFAULT_CREDENTIALS,
    accessKeyId: userPoolId,
    ...options.credentials,
  };
  const faults = new Faults(options.faults);
  const httpStatus = options.httpStatus ?? false;
  const store = new Store(openDatabase(options.data), clock);
  try {
    const demoPassword = options.demoPassword ?? DEFAULT_DEMO_PASSWORD;
    const seeded = seedStore(
      store,
      { demo: options.demo ?? true, demoPassword, generate: options.generate, load: options.load },
      clock,
    );
    const callbackUrls = options.callbackUrls ?? DEFAULT_CALLBACK_URLS;
    const app = createApp({
      store,
      tokens: new Tokens(clock),
      faults,
      clock,
      credentials,
      httpStatus,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      signatureWindowMs: options.signatureWindowMs ?? 15 * 60 * 1000,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 14 * 24 * 3600,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
      callbackUrls,
      reproduceGetAllGroupsBugs: options.reproduceGetAllGroupsBugs ?? false,
    });
    // No global override of Request and Response: the emulator runs inside other programs' tests,
    // and the faults that write to the socket themselves need the standard Response.
    const requests = trackInFlight(app.fetch);
    const server = createAdaptorServer({ fetch: requests.handle, overrideGlobalObjects: false }) as Server;
    // A client may half-close its side once its request is sent (`nc -N`, fuzzers, some proxies).
    // By default Node then ends the connection at once, and a reply that needs an async step (a
    // token's signature check) is lost; with this, the reply goes out and then the connection
    // ends. The property is Node's own (node:_http_server), not in its typings.
    (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
      answerClientError(error, socket, httpStatus),
    );
    const host = options.host ?? '127.0.0.1';
    await listen(server, options.port ?? DEFAULT_PORT, host);
    const port = (server.address() as AddressInfo).port;

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await requests.drained();
        store.close();
      })();
      return closing;
    };
    return {
      url: `http://${urlHost(host)}:${port}`,
      host,
      port,
      credentials,
      callbackUrls,
      demoUsers: seeded.demoUsers,
      faults,
      data: { path: options.data, reused: seeded.reused, seedMs: seeded.ms, ...store.counts() },
      close,
      [Symbol.asyncDispose]: close,
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The host part of the base URL: brackets for IPv6, loopback for "any address". */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
