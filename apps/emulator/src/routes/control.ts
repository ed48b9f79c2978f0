import { isValidationError } from '@genauth-groups/models';
import { Hono } from 'hono';
import { type FaultConfig, FaultQueueSchema, type Faults } from '../faults.ts';
import { ApiError, invalidParam } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { readJson, validate } from '../http/params.ts';
import { ok } from '../http/reply.ts';

/** Where the control endpoints live; faults never apply under it. */
export const CONTROL_PREFIX = '/__emulator';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The emulator's own control endpoints (not part of the GenAuth API), for clients in other
 * processes or languages: replies use the same envelope as the API.
 *
 * - `GET /__emulator/faults`: the fault state (configuration, queue, injected count);
 * - `POST /__emulator/faults`: replaces the configuration (body: a `FaultConfig`);
 * - `POST /__emulator/faults/queue`: queues faults (body: `{ faults: Fault[], paths?: string[] }`);
 * - `DELETE /__emulator/faults`: removes every fault.
 *
 * Only loopback clients may use them (403 otherwise), whatever address the emulator listens on.
 */
export function controlRoutes(faults: Faults): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(`${CONTROL_PREFIX}/*`, async (c, next) => {
      if (!LOOPBACK.has(c.env.incoming.socket.remoteAddress ?? '')) throw new ApiError(403, 'forbidden');
      await next();
    })
    .get(`${CONTROL_PREFIX}/faults`, (c) => ok(c, faults.state))
    .post(`${CONTROL_PREFIX}/faults`, async (c) => {
      const config = await readJson(c);
      refuseInvalid(() => faults.set(config as FaultConfig));
      return ok(c, faults.state);
    })
    .post(`${CONTROL_PREFIX}/faults/queue`, async (c) => {
      const { faults: queued, paths } = validate(FaultQueueSchema, await readJson(c));
      faults.queue(queued, paths ? { paths } : {});
      return ok(c, faults.state);
    })
    .delete(`${CONTROL_PREFIX}/faults`, (c) => {
      faults.clear();
      return ok(c, faults.state);
    });
}

/** Runs `change`, turning a validation error into a 400 envelope naming the first invalid field. */
function refuseInvalid(change: () => void): void {
  try {
    change();
  } catch (error) {
    if (isValidationError(error)) throw invalidParam(error.issues[0]?.path || 'body');
    throw error;
  }
}
