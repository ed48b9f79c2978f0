/**
 * Fault injection: what can go wrong with a reply, when it should, and the controller that decides
 * for each request. Faults are set per run (`startEmulator({ faults })`, CLI flags) and at run time
 * (`emulator.faults`, `POST /__emulator/faults`).
 *
 * @module
 */
import { parse, ValidationError } from '@genauth-groups/models';
import * as v from 'valibot';
import { type Random, seededRandom } from './random.ts';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A path filter: an exact path, or a prefix followed by `*`, e.g. `/api/v3/list-groups` or `/api/v3/*`. */
const PathPattern = v.pipe(v.string(), v.startsWith('/'));

/** One way to break a reply. */
export const FaultSchema = v.variant('type', [
  /** Delays the reply by `ms`, then answers normally. */
  v.strictObject({ type: v.literal('latency'), ms: count }),
  /** A real HTTP 5xx with an error envelope. `status` is drawn from 500, 502 and 503 when absent. */
  v.strictObject({ type: v.literal('http-error'), status: v.optional(v.picklist([500, 502, 503])) }),
  /**
   * HTTP 200 with an error envelope, the way GenAuth reports errors (contract 3.2). `statusCode` is
   * drawn from 500 and 503 when absent.
   */
  v.strictObject({ type: v.literal('envelope-error'), statusCode: v.optional(v.picklist([500, 503])) }),
  /**
   * Throttling: `statusCode: 429` with the contract's message and a `Retry-After` header, as HTTP 429
   * (`level: 'http'`, the default) or as HTTP 200 (`level: 'body'`).
   */
  v.strictObject({
    type: v.literal('rate-limit'),
    /** @default 1 */
    retryAfterSeconds: v.optional(count),
    /** @default 'http' */
    level: v.optional(v.picklist(['http', 'body'])),
  }),
  /** HTTP 200, `content-type: application/json`, and a body that is not JSON (a gateway's HTML page). */
  v.strictObject({ type: v.literal('malformed-body') }),
  /**
   * The real reply cut in half: the headers announce the full length, half the body is sent, and the
   * connection closes. The request itself is processed (a write is committed).
   */
  v.strictObject({ type: v.literal('truncated-body') }),
  /** The connection is destroyed before any byte of the reply. */
  v.strictObject({ type: v.literal('drop-connection') }),
  /**
   * The head and the first half of the body, then silence: the connection stays open until the
   * client gives up. The real reply (the request is processed), or with `status` an HTTP 5xx with
   * an error envelope.
   */
  v.strictObject({ type: v.literal('stalled-body'), status: v.optional(v.picklist([500, 502, 503])) }),
  /**
   * HTTP 200, `application/json`, and a body that never ends: the start of an envelope, then
   * whitespace for as long as the client reads, as a broken proxy or a hostile server might send.
   */
  v.strictObject({ type: v.literal('endless-body') }),
]);
/** @see {@link FaultSchema} */
export type Fault = v.InferInput<typeof FaultSchema>;

/** A fault that random draws inject, and how often. */
const RandomFault = v.strictObject({
  /** Fraction of matching requests, 0 to 1. */
  rate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  fault: FaultSchema,
});

/** Faults for a whole run, until changed. */
export const FaultConfigSchema = v.strictObject({
  /** Latency added to every matching request, in ms. @default 0 */
  latencyMs: v.optional(count),
  /**
   * Faults drawn at random: each matching request draws once and gets the first fault whose
   * cumulated rate exceeds the draw, or none. Rates add up to 1 at most.
   * @example [{ rate: 0.1, fault: { type: 'http-error' } }, { rate: 0.05, fault: { type: 'rate-limit', retryAfterSeconds: 2 } }]
   */
  random: v.optional(v.array(RandomFault)),
  /** Seed of the draws: the same seed and the same requests give the same faults. @default 1 */
  seed: v.optional(v.pipe(v.number(), v.integer())),
  /** Only requests to these paths get latency and random faults. @default every path */
  paths: v.optional(v.array(PathPattern)),
  /** Lifetime of the management tokens issued from now on, in seconds (the service's is 7200). */
  managementTokenTtlSeconds: v.optional(positive),
});
/** @see {@link FaultConfigSchema} */
export type FaultConfig = v.InferInput<typeof FaultConfigSchema>;

/** Body of `POST /__emulator/faults/queue`, and the arguments of {@link FaultController.queue}. */
export const FaultQueueSchema = v.strictObject({
  faults: v.array(FaultSchema),
  /** Only requests to these paths take faults from this batch. @default every path */
  paths: v.optional(v.array(PathPattern)),
});

/** A queued fault, waiting for the next request it matches. */
export interface QueuedFault {
  readonly fault: Fault;
  /** @see {@link FaultConfig.paths} */
  readonly paths?: readonly string[] | undefined;
}

/** What the fault controller holds (the reply of `GET /__emulator/faults`). */
export interface FaultState {
  readonly config: FaultConfig;
  /** Faults still waiting, in order. */
  readonly queue: readonly QueuedFault[];
  /** How many faults (latency excluded) were injected since the start or the last `clear()`. */
  readonly injected: number;
}

/**
 * Changes faults while the emulator runs (`emulator.faults`).
 *
 * @example
 * // The next two list-groups calls fail with HTTP 503, then the service recovers.
 * emulator.faults.queue([{ type: 'http-error', status: 503 }, { type: 'http-error', status: 503 }], {
 *   paths: ['/api/v3/list-groups'],
 * });
 */
export interface FaultController {
  /**
   * Replaces the run's fault configuration (the queue stays).
   * @throws {ValidationError} (from `@genauth-groups/models`) when `config` is invalid.
   */
  set(config: FaultConfig): void;
  /** Fails the next requests that match `options.paths`, one fault each, in order. */
  queue(faults: readonly Fault[], options?: { readonly paths?: readonly string[] }): void;
  /** Removes every fault: configuration and queue. */
  clear(): void;
  /** The current configuration, queue and count of injected faults. */
  readonly state: FaultState;
}

/** A fault with its random choices made. */
export type ResolvedFault =
  | { readonly type: 'http-error'; readonly status: 500 | 502 | 503 }
  | { readonly type: 'envelope-error'; readonly statusCode: 500 | 503 }
  | { readonly type: 'rate-limit'; readonly retryAfterSeconds: number; readonly level: 'http' | 'body' }
  | { readonly type: 'malformed-body' }
  | { readonly type: 'truncated-body' }
  | { readonly type: 'drop-connection' }
  | { readonly type: 'stalled-body'; readonly status?: 500 | 502 | 503 | undefined }
  | { readonly type: 'endless-body' };

/** What happens to one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: ResolvedFault | undefined;
}

/** The emulator's fault controller: the public {@link FaultController} plus what the server asks it. */
export class Faults implements FaultController {
  #config: v.InferOutput<typeof FaultConfigSchema> = {};
  #random: Random = seededRandom(1);
  #queue: QueuedFault[] = [];
  #injected = 0;

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  set(config: FaultConfig): void {
    const parsed = parse(FaultConfigSchema, config, 'fault configuration');
    if ((parsed.random ?? []).reduce((sum, entry) => sum + entry.rate, 0) > 1) {
      const issue = {
        path: 'random',
        expected: 'rates that add up to 1 at most',
        message: 'random: the rates add up to more than 1',
      };
      throw new ValidationError('fault configuration', [issue]);
    }
    this.#config = parsed;
    this.#random = seededRandom(this.#config.seed ?? 1);
  }

  queue(faults: readonly Fault[], options: { readonly paths?: readonly string[] } = {}): void {
    const batch = parse(FaultQueueSchema, { faults, ...options }, 'fault queue');
    for (const fault of batch.faults) this.#queue.push({ fault, paths: batch.paths });
  }

  clear(): void {
    this.#config = {};
    this.#random = seededRandom(1);
    this.#queue = [];
    this.#injected = 0;
  }

  get state(): FaultState {
    return { config: this.#config, queue: [...this.#queue], injected: this.#injected };
  }

  /** The lifetime of a management token issued now. */
  managementTokenTtlSeconds(fallback: number): number {
    return this.#config.managementTokenTtlSeconds ?? fallback;
  }

  /** Decides what happens to a request to `path`: a queued fault first, else the random ones. */
  decide(path: string): FaultDecision {
    const configured = matches(this.#config.paths, path);
    let latencyMs = configured ? (this.#config.latencyMs ?? 0) : 0;
    let fault: Fault | undefined;
    const queued = this.#queue.findIndex((entry) => matches(entry.paths, path));
    if (queued >= 0) {
      fault = this.#queue.splice(queued, 1)[0]?.fault;
    } else if (configured && this.#config.random?.length) {
      let draw = this.#random.next();
      for (const entry of this.#config.random) {
        if (draw < entry.rate) {
          fault = entry.fault;
          break;
        }
        draw -= entry.rate;
      }
    }
    if (fault?.type === 'latency') {
      latencyMs += fault.ms;
      fault = undefined;
    }
    if (fault) this.#injected++;
    return { latencyMs, fault: fault && this.#resolve(fault) };
  }

  #resolve(fault: Exclude<Fault, { type: 'latency' }>): ResolvedFault {
    switch (fault.type) {
      case 'http-error':
        return { type: fault.type, status: fault.status ?? this.#random.pick([500, 502, 503] as const) };
      case 'envelope-error':
        return { type: fault.type, statusCode: fault.statusCode ?? this.#random.pick([500, 503] as const) };
      case 'rate-limit':
        return {
          type: fault.type,
          retryAfterSeconds: fault.retryAfterSeconds ?? 1,
          level: fault.level ?? 'http',
        };
      case 'stalled-body':
        return { type: fault.type, status: fault.status };
      default:
        return { type: fault.type };
    }
  }
}

function matches(patterns: readonly string[] | undefined, path: string): boolean {
  if (!patterns) return true;
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern,
  );
}
