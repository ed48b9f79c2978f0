// A window reload timed to the first group rows, shared by the end-to-end run (run.ts) and the
// first-rows benchmark (bench/first-rows.mts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FirstRowsTimeline, firstRowsTimeline } from './first-rows.ts';
import { WORKBENCH_TIMEOUT, type Workbench } from './workbench.ts';

/** The extension's log of each extension host session (`exthost1`, `exthost2`...), in order. */
export function extensionLogs(userDataDir: string): string[] {
  const logs = join(userDataDir, 'logs');
  const session = (path: string) => Number(/exthost(\d+)/.exec(path)?.[1] ?? 0);
  return readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('GenAuth Groups.log'))
    .sort((a, b) => session(a) - session(b) || a.localeCompare(b))
    .map((path) => readFileSync(join(logs, path), 'utf8'));
}

/** How long after the first rows on screen their log is read. */
const SETTLE_MS = 1000;

/** What to wait for after a reload. */
export interface ReloadOptions {
  /** code-server's user data directory, where the extension's logs are. */
  readonly userDataDir: string;
  /** The label of the connection whose first group rows are timed. */
  readonly connection: string;
  /** The text of its first group row. */
  readonly firstGroup: string;
  /** With several connections, the connection's row, waited for first; with one, none shows. */
  readonly connectionRow?: string | undefined;
}

/** The first rows after a reload. */
export interface ReloadTiming {
  /** Read from the reloaded extension's log and the moment the page first showed a group row. */
  readonly timeline: FirstRowsTimeline;
  /** From the workbench showing (its activity bar) to the group rows seen by the driver. */
  readonly workbenchToFirstGroupRowsMs: number;
}

/**
 * Reloads the window and times its first group rows: the moment the first one is in the page is
 * read in the page itself (each animation frame), the rest from the reloaded extension's log.
 */
export async function reloadAndTime(wb: Workbench, options: ReloadOptions): Promise<ReloadTiming> {
  const reloaded = Date.now();
  await wb.page.reload({ waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT });
  // Watched from the start, in the page: the moment the first group row is in the tree.
  const firstRowOnScreen = wb.rowShownAt(options.firstGroup);
  firstRowOnScreen.catch(() => {}); // awaited below; a failure before then is reported there
  await wb.until(wb.activityIcon, reloaded, WORKBENCH_TIMEOUT);
  const ready = Date.now();
  await wb.openView();
  if (options.connectionRow) await wb.until(wb.row(options.connectionRow), ready);
  const workbenchToFirstGroupRowsMs = await wb.until(wb.row(options.firstGroup), ready);
  const onScreenAt = await firstRowOnScreen;
  // What the extension logs just after the first rows (a change told, the view asking again)
  // comes a moment later.
  await wb.page.waitForTimeout(SETTLE_MS);
  const timeline = firstRowsTimeline(
    extensionLogs(options.userDataDir).at(-1) ?? '',
    options.connection,
    onScreenAt,
  );
  return { timeline, workbenchToFirstGroupRowsMs };
}
