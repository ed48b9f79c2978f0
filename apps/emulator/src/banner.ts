import { DEFAULT_CREDENTIALS, type Emulator } from './emulator.ts';
import { isLoopback } from './http/loopback.ts';
import { DEFAULT_DEMO_PASSWORD } from './seed/demo.ts';

/**
 * What the CLI prints on start: everything a client needs to connect. It shows the emulator's own
 * (fake, local) credentials on purpose; nothing else secret is ever printed.
 */
export function formatBanner(emulator: Emulator): string {
  const { credentials, data } = emulator;
  const rows: [string, string][] = [
    ['base URL', emulator.url],
    ['user pool id', credentials.userPoolId],
    ['access key id', credentials.accessKeyId],
    ['access key secret', credentials.accessKeySecret],
    ['app id', credentials.appId],
    ['app secret', credentials.appSecret],
    ['hosted login', `${emulator.url}/oidc (callbacks: ${emulator.callbackUrls.join(', ') || 'none'})`],
    ['data', data.path ? `${data.path}${data.reused ? ' (existing data, not seeded)' : ''}` : 'in memory'],
    [
      'store',
      `${data.groups} groups, ${data.users} users, ${data.memberships} memberships` +
        (data.reused ? '' : ` (seeded in ${Math.round(data.seedMs)} ms)`),
    ],
  ];
  const faults = describeFaults(emulator);
  if (faults) rows.push(['faults', faults]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    'GenAuth emulator (community toolkit, not affiliated with GenAuth)',
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
  if (emulator.demoUsers.length > 0) {
    lines.push('', `  demo users (password ${emulator.demoUsers[0]?.password}):`);
    for (const user of emulator.demoUsers) {
      const groups = user.groups.length > 0 ? user.groups.join(', ') : 'no group';
      lines.push(`    ${user.username.padEnd(6)} ${user.email.padEnd(18)} ${user.userId}  ${groups}`);
    }
  }
  const exposed = exposedDefaults(emulator);
  if (exposed.length > 0) {
    lines.push(
      '',
      `  WARNING: listening on ${emulator.host}, beyond loopback, with the default ${exposed.join(', ')}.`,
      '  Anyone who can reach this address can read and change the data. Set your own',
      '  (--access-key-secret, --app-secret, --demo-password) or listen on --host 127.0.0.1.',
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

/** The published default secrets in use, when other machines can connect. */
function exposedDefaults({ host, credentials, demoUsers }: Emulator): string[] {
  if (isLoopback(host)) return [];
  return [
    ...(credentials.accessKeySecret === DEFAULT_CREDENTIALS.accessKeySecret ? ['access key secret'] : []),
    ...(credentials.appSecret === DEFAULT_CREDENTIALS.appSecret ? ['app secret'] : []),
    ...(demoUsers[0]?.password === DEFAULT_DEMO_PASSWORD ? ['demo password'] : []),
  ];
}

function describeFaults({ faults }: Emulator): string {
  const { config } = faults.state;
  const parts = [
    ...(config.latencyMs ? [`latency ${config.latencyMs} ms`] : []),
    ...(config.random ?? []).map(({ rate, fault }) => `${fault.type} ${rate * 100}%`),
    ...(config.managementTokenTtlSeconds
      ? [`management tokens expire after ${config.managementTokenTtlSeconds} s`]
      : []),
  ];
  if (parts.length > 0 && config.paths) parts.push(`on ${config.paths.join(', ')}`);
  return parts.join(', ');
}
