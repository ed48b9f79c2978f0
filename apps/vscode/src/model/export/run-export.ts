import { basename } from 'node:path';
import { errorLogLine } from '../error-info.ts';
import type { GroupsApi } from '../groups-api.ts';
import type { Log } from '../log.ts';
import { type ExportFormat, writeExport } from './export-file.ts';
import type { ExportSource } from './export-source.ts';

/** Where and how {@link runExport} writes. */
export interface RunExportOptions {
  readonly path: string;
  readonly format: ExportFormat;
  readonly signal: AbortSignal;
  readonly onProgress?: ((count: number) => void) | undefined;
  readonly log: Log;
  /** Names the connection in the log. */
  readonly label: string;
}

/**
 * Exports a node's list to a file, streamed through the paging iterators, and logs the outcome
 * (what, how many, how long, the file's name; never a value of the rows).
 * @returns how many rows were written.
 */
export async function runExport(
  source: ExportSource,
  api: GroupsApi,
  options: RunExportOptions,
): Promise<number> {
  const { path, format, signal, log, label } = options;
  const started = performance.now();
  const what = `export ${source.what} of ${source.of} as ${format} to ${basename(path)}`;
  try {
    const count = await writeExport(source.rows(api, signal), {
      path,
      format,
      headers: source.headers,
      onProgress: options.onProgress,
      signal,
    });
    log.info(`[${label}] ${what}: ${count} rows, ${Math.round(performance.now() - started)} ms`);
    return count;
  } catch (error) {
    if (signal.aborted) log.info(`[${label}] ${what}: cancelled, partial file removed`);
    else log.error(`[${label}] ${what} failed: ${errorLogLine(error)}`);
    throw error;
  }
}
