import type { Log } from './log.ts';

/**
 * Wraps `fetch` to log each HTTP exchange: method, path, status or error class, and duration.
 * Never the query (it can hold a user's email), the headers (the signature or token) or a body
 * (the token request carries the secret).
 */
export function loggingFetch(base: typeof fetch, log: Log, label: string): typeof fetch {
  return async (input, init) => {
    // ky passes a Request; anything else is a URL with the method in `init`.
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const what = `[${label}] ${method} ${new URL(url).pathname}`;
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await base(input, init);
      log.info(`${what} → HTTP ${response.status}, ${elapsed()}`);
      return response;
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      log.warn(`${what} → ${name}, ${elapsed()}`);
      throw error;
    }
  };
}
