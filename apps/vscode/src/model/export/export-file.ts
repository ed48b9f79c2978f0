import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { csvLine } from './csv.ts';

/** The file formats of an export: CSV for spreadsheets, JSON Lines (one record per line) for tools. */
export type ExportFormat = 'csv' | 'jsonl';

/** A CSV cell's value; `undefined` and `null` are written as empty cells. */
export type Cell = string | number | boolean | null | undefined;

/** One item of an export, as a CSV record and as a JSON Lines record. */
export interface ExportRow {
  readonly cells: readonly Cell[];
  readonly json: unknown;
}

/** How {@link writeExport} writes. */
export interface WriteExportOptions {
  /** The file to write; it appears only once complete (written beside it, then renamed). */
  readonly path: string;
  readonly format: ExportFormat;
  /** The CSV header record. */
  readonly headers: readonly string[];
  /** Called with the count written so far, after each batch. */
  readonly onProgress?: ((count: number) => void) | undefined;
  /** Stops the export: the partial file is removed and the promise rejects with the reason. */
  readonly signal?: AbortSignal | undefined;
}

// Items are written in batches of one page: few writes, and never more than a page held.
const BATCH = 50;

/**
 * Streams `rows` to a file as they arrive, never holding more than one batch of rows, and
 * waiting for the disk when it is slower than the server. On failure or cancellation nothing is
 * left behind (neither the partial file nor a file at `path`).
 * @returns how many items were written.
 */
export async function writeExport(
  rows: AsyncIterable<ExportRow>,
  options: WriteExportOptions,
): Promise<number> {
  const { path, format, headers, onProgress, signal } = options;
  const partial = `${path}.part`;
  const stream = createWriteStream(partial, { flags: 'w' });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error));
  failed.catch(() => {}); // surfaced by the next write or the final close
  const write = async (chunk: string) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  let count = 0;
  try {
    if (format === 'csv') await write(csvLine(headers));
    let batch = '';
    let inBatch = 0;
    for await (const row of rows) {
      signal?.throwIfAborted();
      batch += format === 'csv' ? csvLine(row.cells) : `${JSON.stringify(row.json)}\n`;
      inBatch += 1;
      count += 1;
      if (inBatch === BATCH) {
        await write(batch);
        batch = '';
        inBatch = 0;
        onProgress?.(count);
      }
    }
    signal?.throwIfAborted();
    await write(batch);
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
    await rename(partial, path);
    onProgress?.(count);
    return count;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
