import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs } from './cli-args.ts';
import type { EmulatorOptions } from './emulator.ts';

function optionsOf(argv: readonly string[]): EmulatorOptions {
  const command = parseCliArgs(argv);
  if (command.help) throw new Error('expected options, got --help');
  return command.options;
}

describe('parseCliArgs', () => {
  it('gives the documented defaults with no flags', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      options: {
        port: 8787,
        demo: true,
        credentials: {},
        httpStatus: false,
        reproduceGetAllGroupsBugs: false,
        faults: {},
      },
    });
  });

  it('reads every server, data and credential flag', () => {
    const options = optionsOf([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--data',
      'pool.db',
      '--no-demo',
      '--demo-password',
      'pw',
      '--groups',
      '10000',
      '--users',
      '100000',
      '--seed',
      '7',
      '--load',
      'extra.json',
      '--user-pool-id',
      'pool',
      '--access-key-id',
      'ak',
      '--access-key-secret',
      'sk',
      '--app-id',
      'app',
      '--app-secret',
      'secret',
      '--http-status',
      '--reproduce-get-all-groups-bugs',
    ]);
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      data: 'pool.db',
      demo: false,
      demoPassword: 'pw',
      generate: { groups: 10000, users: 100000, seed: 7 },
      load: 'extra.json',
      credentials: {
        userPoolId: 'pool',
        accessKeyId: 'ak',
        accessKeySecret: 'sk',
        appId: 'app',
        appSecret: 'secret',
      },
      httpStatus: true,
      reproduceGetAllGroupsBugs: true,
      faults: {},
    });
  });

  it('turns the fault flags into a fault configuration', () => {
    const options = optionsOf([
      '--latency',
      '100',
      '--error-rate',
      '0.1',
      '--rate-limit-rate',
      '0.05',
      '--retry-after',
      '3',
      '--drop-rate',
      '0.01',
      '--stall-rate',
      '0.02',
      '--endless-rate',
      '0.03',
      '--fault-seed',
      '9',
      '--fault-paths',
      '/api/v3/list-groups, /api/v3/get-*',
      '--token-ttl',
      '30',
    ]);
    expect(options.faults).toEqual({
      latencyMs: 100,
      seed: 9,
      managementTokenTtlSeconds: 30,
      paths: ['/api/v3/list-groups', '/api/v3/get-*'],
      random: [
        { rate: 0.1, fault: { type: 'http-error' } },
        { rate: 0.05, fault: { type: 'rate-limit', retryAfterSeconds: 3 } },
        { rate: 0.01, fault: { type: 'drop-connection' } },
        { rate: 0.02, fault: { type: 'stalled-body' } },
        { rate: 0.03, fault: { type: 'endless-body' } },
      ],
    });
  });

  it('reads the hosted login callback URLs, repeated', () => {
    expect(
      optionsOf(['--callback-url', 'http://127.0.0.1:5174/', '--callback-url=https://app.example/cb'])
        .callbackUrls,
    ).toEqual(['http://127.0.0.1:5174/', 'https://app.example/cb']);
  });

  it('skips the `--` that pnpm forwards', () => {
    expect(optionsOf(['--', '--port', '0']).port).toBe(0);
  });

  it('asks for help with -h or --help', () => {
    expect(parseCliArgs(['-h'])).toEqual({ help: true });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'eighty'], /--port expects an integer >= 0/],
    [['--error-rate', '2'], /--error-rate expects a number from 0 to 1/],
    [['--token-ttl', '0'], /--token-ttl expects an integer >= 1/],
    [['--seed', '3'], /--seed needs --groups or --users/],
    [['--colour'], /Unknown option '--colour'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
