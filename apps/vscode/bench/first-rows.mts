// First-rows benchmark: reloads the window BENCH_RELOADS times (default 5) in a real VS Code
// (code-server) in headless Chromium, with the end-to-end test's own helpers (e2e/), and times the
// first group rows after each reload: from the view asking for them to the first one on screen,
// against the target of issue 14, the page's round trip (as the extension saw it) + 150 ms, both
// measured in that reload. Two cases: a quick page (the emulator as is), and a slow one (1.5 s of
// latency on list-groups, longer than the view's answer used to wait), the path where the view
// shows a loading row first. Prints each reload's timeline and the medians; the budget
// (`bench:budget`) is a median within the target.
//
// Needs code-server and Chromium as the end-to-end test installs them (apps/vscode/e2e/install.sh,
// outside the repository); without them it says how to install them and exits 0, so that `pnpm
// bench` still runs everywhere (in CI, CI=true, it fails instead).
//
//   pnpm --filter genauth-groups-vscode bench:first-rows
//   BENCH_RELOADS=5  reloads per case
//   E2E_ROOT=/tmp/genauth-groups-e2e-4.139.1  where install.sh put code-server

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '@genauth-groups/emulator';
import { type BenchResult, formatCount, reportBench } from '@genauth-groups/testing/bench';
import { type Browser, launchBrowser, WORKBENCH_SETTINGS } from '../e2e/browser.ts';
import { makeRunDir, startCodeServer } from '../e2e/code-server.ts';
import { type FirstRowsTimeline, formatTimeline } from '../e2e/first-rows.ts';
import { reloadAndTime } from '../e2e/reload.ts';
import { WORKBENCH_TIMEOUT, Workbench } from '../e2e/workbench.ts';

const RELOADS = Number(process.env.BENCH_RELOADS ?? 5);
/** Issue 14: first rows within one request round trip + this, of the view asking for them. */
const TARGET_SLACK_MS = 150;
/** The slow case's added latency on list-groups: more than the second the view's answer used to wait. */
const SLOW_PAGE_MS = 1500;
const CONNECTION = 'Local emulator';
/** The first group of the generated pool, the newest. */
const FIRST_GROUP = 'team-10000';

const app = join(import.meta.dirname, '..');
const root = process.env.E2E_ROOT ?? '/tmp/genauth-groups-e2e-4.139.1';
const chromiumPath = '/usr/bin/chromium';

async function main(): Promise<void> {
  packageVsix();
  const runDir = makeRunDir(root, 'bench');
  const emulator = await startEmulator({ port: 0, generate: { groups: 10_000, users: 1_000, seed: 7 } });
  let browser: Browser | undefined;
  let stopCodeServer = async () => {};
  let failed = true;
  try {
    const server = await startCodeServer(
      { root },
      runDir,
      join(app, 'dist', 'genauth-groups.vsix'),
      WORKBENCH_SETTINGS,
    );
    stopCodeServer = server.stop;
    browser = await launchBrowser(runDir);
    const wb = new Workbench(browser.page);
    await browser.page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT });
    await wb.until(wb.activityIcon, Date.now(), WORKBENCH_TIMEOUT);
    await wb.activityIcon.click();
    await wb.view.getByRole('button', { name: 'Add Connection' }).click();
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    await wb.addConnection({
      host: emulator.url.replace('http://', ''),
      pick: emulator.url,
      accessKeyId,
      scheme: 'Signature',
      secret: accessKeySecret,
      label: CONNECTION,
    });
    await wb.until(wb.row(FIRST_GROUP), Date.now());

    const reloads = async (name: string) => {
      const timelines: FirstRowsTimeline[] = [];
      for (let index = 1; index <= RELOADS; index += 1) {
        const { timeline } = await reloadAndTime(wb, {
          userDataDir: server.userDataDir,
          connection: CONNECTION,
          firstGroup: FIRST_GROUP,
        });
        console.log(`${name}, reload ${index}/${RELOADS}, relative to the view asking for the group rows:`);
        console.log(formatTimeline(timeline));
        console.log(`  ${summary(timeline)}\n`);
        timelines.push(timeline);
      }
      return timelines;
    };
    const quick = await reloads('quick page');
    emulator.faults.set({ latencyMs: SLOW_PAGE_MS, paths: ['/api/v3/list-groups'] });
    const slow = await reloads(`slow page (+${SLOW_PAGE_MS} ms)`);
    emulator.faults.clear();
    reportBench([result('quick first page', quick), result(`first page slowed by ${SLOW_PAGE_MS} ms`, slow)]);
    failed = false;
  } finally {
    await browser?.context.close().catch(() => {});
    await stopCodeServer();
    await emulator.close();
    if (failed) console.error(`vscode first-rows bench: failed; code-server's logs are in ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  }
}

/** Builds and packs the .vsix that code-server installs, as the end-to-end test does. */
function packageVsix(): void {
  const run = spawnSync('pnpm', ['run', '--silent', 'package'], { cwd: app, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`packaging the extension failed (exit ${run.status})`);
  }
}

const at = (timeline: FirstRowsTimeline, step: string) =>
  timeline.steps.find((candidate) => candidate.step === step)?.at ?? Number.NaN;

/** Our part (the view asking to rows handed to it) and the editor's (handed to on screen). */
function summary(timeline: FirstRowsTimeline): string {
  const handed = at(timeline, 'rows to the view');
  const target = timeline.roundTripMs + TARGET_SLACK_MS;
  return [
    `ask → on screen ${timeline.askToScreenMs} ms (target ${target} ms: ${timeline.askToScreenMs <= target ? 'met' : 'missed'})`,
    `ask → rows to the view ${handed} ms`,
    `rows to the view → on screen ${timeline.askToScreenMs - handed} ms`,
    `changes told to the view: ${timeline.changesBefore} before, ${timeline.changesAfter} after`,
    `asked ${timeline.asks} time(s) before`,
    timeline.askedAgain ? 'the view asked again after' : 'no second ask',
  ].join(', ');
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function result(name: string, timelines: readonly FirstRowsTimeline[]): BenchResult {
  const onScreen = median(timelines.map((timeline) => timeline.askToScreenMs));
  const target = median(timelines.map((timeline) => timeline.roundTripMs + TARGET_SLACK_MS));
  const editor = median(
    timelines.map((timeline) => timeline.askToScreenMs - at(timeline, 'rows to the view')),
  );
  const again = timelines.filter((timeline) => timeline.askedAgain || timeline.asks > 1).length;
  const met = timelines.filter(
    (timeline) => timeline.askToScreenMs <= timeline.roundTripMs + TARGET_SLACK_MS,
  ).length;
  return {
    benchmark: `vscode: first group rows after a window reload, ${name} (median of ${timelines.length})`,
    result: `${formatCount(onScreen)} ms from the view asking to the first row on screen (the editor drawing: ${formatCount(editor)} ms); target met in ${met} of ${timelines.length}; the view asked twice for the first rows' list in ${again}`,
    reference: `the page's round trip + ${TARGET_SLACK_MS} ms: ${formatCount(target)} ms`,
    ratio: { value: onScreen / target, unit: '× the target' },
    budget: { max: 1 },
  };
}

const missing = [
  ...(existsSync(join(root, 'cs', '.done')) ? [] : [`code-server in ${root}`]),
  ...(existsSync(chromiumPath) ? [] : [chromiumPath]),
];
if (missing.length > 0) {
  console.log(
    `vscode first-rows bench: SKIPPED: ${missing.join(' and ')} missing. Install what is missing once with ` +
      '`bash apps/vscode/e2e/install.sh` (as root, with apt-get, for Chromium), or run the end-to-end test, which ' +
      'installs them: `pnpm --filter genauth-groups-vscode e2e`.',
  );
  if (process.env.CI === 'true') process.exitCode = 1;
} else {
  await main();
}
