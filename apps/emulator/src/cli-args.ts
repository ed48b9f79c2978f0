import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator.ts';
import { DEFAULT_CALLBACK_URLS, DEFAULT_CREDENTIALS, DEFAULT_PORT } from './emulator.ts';
import type { Fault, FaultConfig } from './faults.ts';
import { DEFAULT_DEMO_PASSWORD } from './seed/demo.ts';

/** A command line that cannot be run; the message says why. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The usage text of `genauth-emulator --help`. */
export const USAGE = `Usage: genauth-emulator [options]
       node --conditions=@genauth-groups/source src/cli.ts [options]

A local server that speaks the GenAuth (formerly Authing) V3 user-group API.
Community toolkit, not affiliated with GenAuth.

Server
  --port <n>                 port, 0 for any free one (default ${DEFAULT_PORT})
  --host <address>           address to listen on (default 127.0.0.1)
  --http-status              answer errors with real HTTP statuses instead of HTTP 200
  --reproduce-get-all-groups-bugs
                             get-all-groups as the service answers it: any fetchMembers value
                             fetches members, which fails when a group is empty (Authing#13)

Data
  --data <file.db>           keep data in this SQLite file (default: in memory)
  --no-demo                  do not seed the demo data set
  --demo-password <text>     password of the demo users (default ${DEFAULT_DEMO_PASSWORD})
  --groups <n>               also generate n groups
  --users <n>                also generate n users, each in one to three groups
  --seed <n>                 seed of the generated data (default 1)
  --load <file.json>         also load groups and users from a JSON file (format in the README)

Credentials
  --user-pool-id <id>        (default ${DEFAULT_CREDENTIALS.userPoolId})
  --access-key-id <id>       (default: the user pool id)
  --access-key-secret <text> (default ${DEFAULT_CREDENTIALS.accessKeySecret})
  --app-id <id>              (default ${DEFAULT_CREDENTIALS.appId})
  --app-secret <text>        (default ${DEFAULT_CREDENTIALS.appSecret})
  --callback-url <url>       a login/logout callback URL of the app's hosted login, repeatable
                             (default ${DEFAULT_CALLBACK_URLS.join(' and ')})

Faults (also at run time: POST /__emulator/faults)
  --latency <ms>             add latency to every request
  --error-rate <0-1>         fraction of HTTP 500/502/503 replies
  --envelope-error-rate <0-1>
                             fraction of HTTP 200 replies with statusCode 500/503
  --rate-limit-rate <0-1>    fraction of HTTP 429 replies with Retry-After
  --retry-after <s>          Retry-After of those replies (default 1)
  --malformed-rate <0-1>     fraction of replies whose body is not JSON
  --truncate-rate <0-1>      fraction of replies cut in half
  --drop-rate <0-1>          fraction of connections dropped without a reply
  --stall-rate <0-1>         fraction of replies that stop half-way, the connection left open
  --endless-rate <0-1>       fraction of replies whose body never ends
  --fault-seed <n>           seed of the random faults (default 1)
  --fault-paths <a,b>        only these paths (a trailing * matches a prefix)
  --token-ttl <s>            management tokens expire after s seconds (default 7200)

  -h, --help                 show this help
`;

const RATE_FLAGS = {
  'error-rate': { type: 'http-error' },
  'envelope-error-rate': { type: 'envelope-error' },
  'rate-limit-rate': { type: 'rate-limit' },
  'malformed-rate': { type: 'malformed-body' },
  'truncate-rate': { type: 'truncated-body' },
  'drop-rate': { type: 'drop-connection' },
  'stall-rate': { type: 'stalled-body' },
  'endless-rate': { type: 'endless-body' },
} as const satisfies Record<string, Fault>;

const string = { type: 'string' } as const;

/** What the command line asks for. */
export type CliCommand =
  | { readonly help: true }
  | { readonly help: false; readonly options: EmulatorOptions };

/**
 * Reads the command line into {@link EmulatorOptions}.
 *
 * @throws {CliError} for an unknown flag or a value that is not a number where one is expected.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    // pnpm forwards the `--` of `pnpm start -- --port 0` to the script.
    values = parse(argv[0] === '--' ? argv.slice(1) : argv).values;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (values.help) return { help: true };

  const faults: FaultConfig = {
    ...optional('latencyMs', integer(values, 'latency')),
    ...optional('seed', integer(values, 'fault-seed')),
    ...optional('managementTokenTtlSeconds', integer(values, 'token-ttl', 1)),
    ...optional(
      'paths',
      values['fault-paths']?.split(',').map((path) => path.trim()),
    ),
  };
  const retryAfterSeconds = integer(values, 'retry-after');
  const random = Object.entries(RATE_FLAGS).flatMap(([flag, fault]) => {
    const rate = fraction(values, flag as keyof typeof RATE_FLAGS);
    if (rate === undefined) return [];
    return [
      {
        rate,
        fault:
          fault.type === 'rate-limit'
            ? { ...fault, ...optional('retryAfterSeconds', retryAfterSeconds) }
            : fault,
      },
    ];
  });
  if (random.length > 0) Object.assign(faults, { random });

  const groups = integer(values, 'groups');
  const users = integer(values, 'users');
  const seed = integer(values, 'seed');
  if (seed !== undefined && groups === undefined && users === undefined) {
    throw new CliError('--seed needs --groups or --users');
  }
  const credentials = {
    ...optional('userPoolId', values['user-pool-id']),
    ...optional('accessKeyId', values['access-key-id']),
    ...optional('accessKeySecret', values['access-key-secret']),
    ...optional('appId', values['app-id']),
    ...optional('appSecret', values['app-secret']),
  };
  const options: EmulatorOptions = {
    port: integer(values, 'port') ?? DEFAULT_PORT,
    ...optional('host', values.host),
    ...optional('data', values.data),
    demo: values.demo ?? true,
    ...optional('demoPassword', values['demo-password']),
    ...(groups === undefined && users === undefined
      ? {}
      : { generate: { groups: groups ?? 0, users: users ?? 0, ...optional('seed', seed) } }),
    ...optional('load', values.load),
    credentials,
    ...optional('callbackUrls', values['callback-url']),
    httpStatus: values['http-status'] ?? false,
    reproduceGetAllGroupsBugs: values['reproduce-get-all-groups-bugs'] ?? false,
    faults,
  };
  return { help: false, options };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    allowNegative: true,
    options: {
      port: string,
      host: string,
      'http-status': { type: 'boolean' },
      'reproduce-get-all-groups-bugs': { type: 'boolean' },
      data: string,
      demo: { type: 'boolean' },
      'demo-password': string,
      groups: string,
      users: string,
      seed: string,
      load: string,
      'user-pool-id': string,
      'access-key-id': string,
      'access-key-secret': string,
      'app-id': string,
      'app-secret': string,
      'callback-url': { type: 'string', multiple: true },
      latency: string,
      'error-rate': string,
      'envelope-error-rate': string,
      'rate-limit-rate': string,
      'retry-after': string,
      'malformed-rate': string,
      'truncate-rate': string,
      'drop-rate': string,
      'stall-rate': string,
      'endless-rate': string,
      'fault-seed': string,
      'fault-paths': string,
      'token-ttl': string,
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];
type StringFlag = { [K in keyof Values]-?: NonNullable<Values[K]> extends string ? K : never }[keyof Values];

/** `{ [key]: value }`, or nothing when `value` is undefined (options are exact-optional). */
function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: T });
}

function integer(values: Values, flag: StringFlag, min = 0): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new CliError(`--${flag} expects an integer >= ${min}`);
  return Number(text);
}

function fraction(values: Values, flag: StringFlag): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  const rate = Number(text);
  if (text.trim() === '' || !(rate >= 0 && rate <= 1))
    throw new CliError(`--${flag} expects a number from 0 to 1`);
  return rate;
}
