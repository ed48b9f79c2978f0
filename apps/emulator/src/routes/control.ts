import { isValidationError } from '@genauth-groups/models';
import { Hono } from 'hono';
import { type FaultConfig, FaultQueueSchema, type Faults } from '../faults.ts';
import { ApiError, invalidParam } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { isLoopback, isLoopbackHost } from '../http/loopback.ts';
import { readJson, validate } from '../http/params.ts';
import { ok } from '../http/reply.ts';

/** Where the control endpoints live; faults never apply under it. */
export const CONTROL_PREFIX = '/__emulator';

/**
 * The emulator's own control endpoints (not part of the GenAuth API), for clients in other
 * processes or languages: replies use the same envelope as the API.
 *
 * - `GET /__emulator/faults`: the fault state (configuration, queue, injected count);
 * - `POST /__emulator/faults`: replaces the configuration (body: a `FaultConfig`);
 * - `POST /__emulator/faults/queue`: queues faults (body: `{ faults: Fault[], paths?: string[] }`);
 * - `DELETE /__emulator/faults`: removes every fault.
 *
 * They change what every client sees, so web pages must not reach them: the socket must be
 * loopback and so must the `Host` header (a rebound DNS name still sends its own), or 403, whatever
 * address the emulator listens on; a POST body must be declared JSON (415 otherwise), which a page
 * cannot send cross-origin without a preflight; and no CORS header is ever sent, so preflights fail.
 */
export function controlRoutes(faults: Faults): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(`${CONTROL_PREFIX}/*`, async (c, next) => {
      if (!isLoopback(c.env.incoming.socket.remoteAddress ?? '') || !isLoopbackHost(c.req.header('host'))) {
        throw new ApiError(403, 'forbidden');
      }
      if (c.req.method === 'POST' && !isJson(c.req.header('content-type')))
        throw new ApiError(415, 'jsonRequired');
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

/** `application/json`, with or without parameters (`; charset=utf-8`). */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
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
