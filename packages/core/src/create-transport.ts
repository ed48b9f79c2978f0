import { unknownOutcome } from './errors/unknown-outcome-error.ts';
import { encodeParams } from './params.ts';
import { createBaseTransport, type Transport, type TransportOptions } from './transport.ts';

/**
 * Creates the transport of one client: {@link createBaseTransport} with the parameters of each
 * endpoint checked and encoded ({@link encodeParams}), and the lost reply of a call that is not
 * repeatable reported as an `UnknownOutcomeError` ({@link unknownOutcome}).
 *
 * @example
 * const api = createTransport({ baseUrl: normalizeHost('api.genauth.ai', 'host'), authorize });
 * const reply = await api.call(getGroup, { code: 'developer' }, { name: 'getGroup' });
 */
export function createTransport(options: TransportOptions): Transport {
  return createBaseTransport({ ...options, encodeParams, lostReply: unknownOutcome });
}
