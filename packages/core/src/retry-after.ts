/**
 * The delay a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP-date
 * (RFC 9110 section 10.2.3). `undefined` when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim() ?? '';
  // An HTTP-date names its day and month (`Sun, 22 Nov 2026 13:00:05 GMT`); without letters,
  // Date.parse would read `-1` as a year.
  const ms = /^\d+$/.test(value)
    ? Number(value) * 1000
    : /[a-z]/i.test(value)
      ? Date.parse(value) - now
      : NaN;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
