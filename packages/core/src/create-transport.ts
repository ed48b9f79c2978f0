import { unknownOutcome } from './errors/unknown-outcome-error.ts';
import { encodeParams } from './params.ts';
import { createBaseTransport, type Transport, type TransportOptions } from './transport.ts';

/**
 * Creates the transport of one client: {@link createBaseTransport} with `authorize` run before
 * each attempt (ahead of the caller's hooks), the parameters of each endpoint checked and encoded
 * ({@link encodeParams}), and the lost reply of a call that is not repeatable reported as an
 * `UnknownOutcomeError` ({@link unknownOutcome}).
 *
 * @example
 * const api = createTransport({ baseUrl: normalizeHost('api.genauth.ai', 'host'), authorize });
 * const reply = await api.call(getGroup, { code: 'developer' }, { name: 'getGroup' });
 */
export function createTransport({ authorize, ...options }: TransportOptions): Transport {
  const { hooks } = options;
  return createBaseTransport({
    ...options,
    ...(authorize && {
      hooks: {
        ...hooks,
        // ky runs beforeRequest on every attempt, retries included (after their beforeRetry), so
        // each attempt is signed once, with a fresh date and nonce.
        beforeRequest: [(request) => authorize(request), ...(hooks?.beforeRequest ?? [])],
      },
    }),
    encodeParams,
    lostReply: unknownOutcome,
  });
}
