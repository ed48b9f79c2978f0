/**
 * The delay a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP-date
 * (RFC 9110 section 10.2.3). `undefined` when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date names its day and month (`Sun, 22 Nov 2026 13:00:05 GMT`); without letters,
  // Date.parse would read `-1` as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
