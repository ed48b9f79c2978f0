// Drives the end-to-end test; e2e.sh installs the prerequisites, packages the .vsix and runs this
// with `node --conditions=@genauth-groups/source` (the emulator runs in this process).
//   E2E_ROOT            where install.sh put Node 24 and code-server
//   E2E_OUT             screenshots and logs (default apps/vscode/out/e2e)
//   UPDATE_SCREENSHOTS=1 also copy the screenshots to media/screenshots/ (the README's)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@genauth-groups/emulator';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, WORKBENCH_SETTINGS } from './browser.ts';
import { makeRunDir, startCodeServer } from './code-server.ts';
import { formatTimeline } from './first-rows.ts';
import { manageGroups } from './manage.ts';
import { extensionLogs, reloadAndTime } from './reload.ts';
import { WORKBENCH_TIMEOUT, Workbench } from './workbench.ts';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = process.env.E2E_ROOT ?? '/tmp/genauth-groups-e2e-4.139.1';
const out = process.env.E2E_OUT ?? join(app, 'out', 'e2e');
const vsix = join(app, 'dist', 'genauth-groups.vsix');
const screenshots: string[] = [];
const metrics: Record<string, number | string> = {};

/** Saves a screenshot under `out`, and into media/screenshots when asked to. */
async function shot(page: Page, name: string): Promise<void> {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  screenshots.push(path);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(app, 'media', 'screenshots'), { recursive: true });
    copyFileSync(path, join(app, 'media', 'screenshots', `${name}.png`));
  }
}

function step(name: string): void {
  console.log(`e2e: ${name}`);
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`check failed: ${message}`);
}

mkdirSync(out, { recursive: true });
const runDir = makeRunDir(root, 'run');
const started = Date.now();

// A 10 000-group pool, plus the demo data set (groups with named members, identities, custom data).
const emulator = await startEmulator({ port: 0, generate: { groups: 10_000, users: 3_000, seed: 7 } });
const { accessKeyId, accessKeySecret } = emulator.credentials;
console.log(`e2e: emulator ${emulator.url}: ${emulator.data.groups} groups, ${emulator.data.users} users`);
const server = await startCodeServer({ root }, runDir, vsix, WORKBENCH_SETTINGS);

let context: BrowserContext | undefined;
let page: Page | undefined;
let failed = false;
try {
  ({ context, page } = await launchBrowser(runDir));
  const wb = new Workbench(page);

  step('open the workbench');
  let t = Date.now();
  await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT });
  metrics.workbenchReadyMs = await wb.until(wb.activityIcon, t, WORKBENCH_TIMEOUT);

  step('open the view: no connection yet, so the welcome view offers to add one');
  t = Date.now();
  await wb.activityIcon.click();
  const addButton = wb.view.getByRole('button', { name: 'Add Connection' });
  metrics.clickToWelcomeMs = await wb.until(addButton, t);
  await shot(page, '01-welcome');

  step('add a connection to the emulator through the input boxes (the secret in a password box)');
  await addButton.click();
  const host = emulator.url.replace('http://', '');
  await wb.addConnection({
    host,
    pick: emulator.url,
    accessKeyId,
    scheme: 'Signature',
    secret: accessKeySecret,
    label: 'Local emulator',
  });
  t = Date.now();
  metrics.addConnectionToFirstRowsMs = await wb.until(wb.row('team-10000'), t);
  await wb.widenSideBar(520);
  await wb.untilLastRow(/Load more.*50 of 10007/s, t);
  const settings = readFileSync(join(server.userDataDir, 'User', 'settings.json'), 'utf8');
  check(settings.includes(emulator.url), 'the connection is in the user settings');
  check(!settings.includes(accessKeySecret), 'the secret is not in settings.json');

  step('double-click "Load more": the next page loads once');
  await wb.row('Load more').dblclick();
  await wb.untilLastRow(/Load more.*100 of 10007/s, Date.now());
  await page.waitForTimeout(500); // a second load, if any, would be under way by now
  await shot(page, '02-groups');

  await manageGroups({ wb, page, workspace: server.workspace, step, check, shot });

  step('filter the groups on the server, expand a group, load more members');
  await wb.command('GenAuth Groups: Filter Groups…');
  await wb.answer('Filter Groups', 'staff');
  await wb.until(wb.row('All staff'), Date.now());
  await wb.until(wb.row('Filter: staff'), Date.now());
  await wb.row('All staff').click();
  await wb.until(wb.row('Alice Wang'), Date.now());

  step("open a member's details");
  await wb.row('Alice Wang').click();
  t = Date.now();
  await wb.until(wb.webview.getByRole('heading', { name: 'Alice Wang' }), t);
  await wb.until(wb.webview.getByText('alice@example.com').first(), t);
  await wb.until(wb.webview.getByRole('heading', { name: 'Identities' }), t);
  await shot(page, '03-member-details');

  step('load more members');
  await wb.untilLastRow(/Load more.*50 of 61/s, Date.now());
  await shot(page, '04-members');
  await wb.row('Load more').click();
  await wb.untilLastRow(/^(?!Load more|Loading)/, Date.now());

  step("find a user's groups");
  await wb.command("GenAuth Groups: Find a User's Groups…");
  await wb.answer('(1/2)', 'username', 'username');
  await wb.answer('(2/2)', 'bob');
  await wb.until(wb.row('Groups of bob'), Date.now());
  await wb.until(wb.row('Developers'), Date.now());

  step("open a group's details with its inline action (getGroup and its authorized resources)");
  const developers = wb.row('Developers').first();
  await developers.hover();
  await developers.locator('.action-label[aria-label="Show Details"]').click();
  t = Date.now();
  await wb.until(wb.webview.getByRole('heading', { name: 'Developers' }), t);
  await wb.until(wb.webview.getByRole('heading', { name: 'Authorized resources' }), t);
  await shot(page, '05-group-details');

  step('add a second connection whose key is wrong: it shows an error row, the first keeps working');
  await wb.command('GenAuth Groups: Add Connection…');
  await wb.addConnection({
    host,
    pick: emulator.url,
    accessKeyId: 'not-a-real-key',
    scheme: 'Management token',
    secret: 'not-the-secret',
    label: 'Staging (wrong key)',
  });
  await wb.until(wb.row('The server refused the credentials'), Date.now());
  await wb.until(wb.row('Groups of bob'), Date.now());
  await page.mouse.move(900, 700); // no hover tooltip in the picture
  await shot(page, '06-connections');

  /**
   * Reloads the window and times the first group rows from the reloaded extension's log; prints
   * the steps and puts the figures in `metrics` under `prefix`.
   */
  /** Reloads the window, prints the way to the first group rows and puts its figures in `metrics`. */
  const reload = async (prefix: string, connectionRow: string | undefined) => {
    const { timeline, workbenchToFirstGroupRowsMs } = await reloadAndTime(wb, {
      userDataDir: server.userDataDir,
      connection: 'Local emulator',
      firstGroup: 'team-10000',
      connectionRow,
    });
    metrics[`${prefix}WorkbenchToFirstGroupRowsMs`] = workbenchToFirstGroupRowsMs;
    console.log(
      `e2e: ${prefix}: first rows, relative to the view asking for the group rows:\n${formatTimeline(timeline)}`,
    );
    metrics[`${prefix}FirstRowsAfterAskMs`] = timeline.askToScreenMs;
    metrics[`${prefix}FirstRowsTargetMs`] = timeline.roundTripMs + 150;
    metrics[`${prefix}FirstRowsAfterFirstAskMs`] = timeline.firstAskToScreenMs;
    // Generous: a correctness bound (the rows come at all, without a wait of their own), not a timing test.
    check(timeline.askToScreenMs < 20_000, 'the first rows come within 20 s of the view asking');
  };

  step('reload the window: activation and first rows from a cold extension host, two connections');
  await reload('reload', 'Local emulator');

  step('drop the failing connection from the settings and reload: a lone connection, rows at the top');
  const settingsFile = join(server.userDataDir, 'User', 'settings.json');
  const userSettings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  const entries = userSettings['genauthGroups.connections'] as { label?: string }[];
  userSettings['genauthGroups.connections'] = entries.filter((entry) => entry.label === 'Local emulator');
  writeFileSync(settingsFile, JSON.stringify(userSettings, null, 2));
  await reload('reloadAlone', undefined);

  step('read the extension log');
  const logs = extensionLogs(server.userDataDir);
  const log = logs.join('\n');
  const activations = [...log.matchAll(/Activated in (\d+) ms/g)].map((match) => Number(match[1]));
  check(logs.length >= 3 && activations.length >= 3, 'the extension logged the three activations');
  metrics.activationMs = activations.join(', ');
  check([...log.matchAll(/\[Local emulator\] listGroups page 2:/g)].length === 1, 'page 2 was loaded once');
  check(!log.includes(accessKeySecret), 'the secret is not in the log');
  check(/GET \/api\/v3\/list-groups → HTTP 200, \d+ ms/.test(log), 'requests are logged');
  check(
    [...log.matchAll(/\[Staging \(wrong key\)\] POST \/api\/v3\/get-management-token/g)].length === 2,
    'the failing connection asked for a token once per session: when added, and at activation after the reload',
  );
} catch (error) {
  failed = true;
  console.error('e2e: FAILED', error);
  if (page) await page.screenshot({ path: join(out, 'FAILED.png') }).catch(() => {});
  console.error(`e2e: logs in ${runDir}, failure screenshot ${join(out, 'FAILED.png')}`);
} finally {
  await context?.close().catch(() => {});
  await server.stop();
  await emulator.close();
}
metrics.totalDriverMs = Date.now() - started;
console.log(`e2e: metrics ${JSON.stringify(metrics, null, 2)}`);
console.log(`e2e: screenshots\n  ${screenshots.join('\n  ')}`);
process.exit(failed ? 1 : 0);
