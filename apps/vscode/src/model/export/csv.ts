/**
 * CSV as RFC 4180 writes it (comma, CRLF, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled), made safe to open in a spreadsheet.
 *
 * @module
 */
import type { Cell } from './export-file.ts';

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets, and a
// user's name or description is chosen by whoever signed up (OWASP "CSV injection"). Tab and
// carriage return are on OWASP's list too: some spreadsheets skip them before looking.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: `undefined` and `null` are empty; a value that would run as a formula gets a leading `'`. */
export function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
