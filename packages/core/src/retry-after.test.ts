import { expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

it('reads delta-seconds and HTTP-dates, and ignores the rest', () => {
  const now = Date.parse('Sun, 22 Nov 2026 13:00:00 GMT');
  expect(retryAfterMs('3', now)).toBe(3000);
  expect(retryAfterMs(' 0 ', now)).toBe(0);
  expect(retryAfterMs('Sun, 22 Nov 2026 13:00:05 GMT', now)).toBe(5000);
  expect(retryAfterMs('Sun, 22 Nov 2026 12:59:00 GMT', now)).toBe(0);
  expect(retryAfterMs(null, now)).toBeUndefined();
  expect(retryAfterMs('soon', now)).toBeUndefined();
  expect(retryAfterMs('-1', now)).toBeUndefined();
});
