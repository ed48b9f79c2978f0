import { randomUUID } from 'node:crypto';
import { getManagementToken, getMyGroupList, signIn } from '@genauth-groups/models';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { managementAuth } from './auth/management-auth.ts';
import { NonceCache } from './auth/nonce-cache.ts';
import type { Tokens } from './auth/tokens.ts';
import { userAuth } from './auth/user-auth.ts';
import type { Faults } from './faults.ts';
import { ApiError } from './http/api-error.ts';
import type { AppEnv } from './http/context.ts';
import { injectFaults } from './http/inject-faults.ts';
import { langOf } from './http/messages.ts';
import { errorEnvelope, errorReply } from './http/reply.ts';
import { requestBody } from './http/request-body.ts';
import { authenticationRoutes } from './routes/authentication.ts';
import { CONTROL_PREFIX, controlRoutes } from './routes/control.ts';
import { groupDetailRoutes } from './routes/group-details.ts';
import { groupWriteRoutes } from './routes/group-writes.ts';
import { groupRoutes } from './routes/groups.ts';
import { managementTokenRoutes } from './routes/management-token.ts';
import { endpoints } from './served-endpoints.ts';
import type { Store } from './store/store.ts';

/** The credentials of the emulated user pool and app. */
export interface EmulatorCredentials {
  /** User pool id: the `scoped_userpool_id` of management tokens. */
  readonly userPoolId: string;
  /** Access key id for signatures and `get-management-token`; the pool-wide key is the pool id. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The app that end users sign in to (`x-authing-app-id`). */
  readonly appId: string;
  readonly appSecret: string;
}

/** Everything the app is built from. */
export interface AppParts {
  readonly store: Store;
  readonly tokens: Tokens;
  readonly faults: Faults;
  readonly clock: () => number;
  readonly credentials: EmulatorCredentials;
  readonly httpStatus: boolean;
  readonly maxBodyBytes: number;
  readonly signatureWindowMs: number;
  readonly accessTokenTtlSeconds: number;
  readonly reproduceEmptyGroupBug: boolean;
}

/** The headers a browser SDK sends to the authentication side (contract 4.1, Q6). */
const CORS_HEADERS = [
  'authorization',
  'content-type',
  'x-authing-app-id',
  'x-authing-userpool-id',
  'x-authing-request-from',
  'x-authing-sdk-version',
  'x-authing-lang',
];

/**
 * The emulator's HTTP app: request id and language, the body (read once, size-capped), the
 * control endpoints, CORS on the authentication routes, faults, authentication, then the routes.
 * Every failure becomes an error envelope.
 */
export function createApp(parts: AppParts): Hono<AppEnv> {
  const { store, tokens, faults, credentials } = parts;
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('lang', langOf(c.req.header('x-authing-lang')));
    await next();
  });
  // Before everything that reads a body, the control endpoints included.
  app.use(requestBody(parts.maxBodyBytes));
  app.route('/', controlRoutes(faults));

  // A local dev server: any origin, no credentials mode (the SDKs send tokens in headers).
  const allowBrowsers = cors({
    origin: '*',
    allowHeaders: CORS_HEADERS,
    allowMethods: ['GET', 'POST'],
    maxAge: 600,
  });
  app.use(signIn.path, allowBrowsers);
  app.use(getMyGroupList.path, allowBrowsers);

  app.use(injectFaults(faults, CONTROL_PREFIX));

  const management = managementAuth({
    userPoolId: credentials.userPoolId,
    key: credentials,
    tokens,
    nonces: new NonceCache(),
    clock: parts.clock,
    signatureWindowMs: parts.signatureWindowMs,
  });
  for (const endpoint of endpoints) {
    if (endpoint.side === 'management' && endpoint !== getManagementToken) app.use(endpoint.path, management);
  }
  app.use(getMyGroupList.path, userAuth(tokens, store));

  app.route(
    '/',
    authenticationRoutes({
      store,
      tokens,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      accessTokenTtlSeconds: parts.accessTokenTtlSeconds,
    }),
  );
  app.route('/', managementTokenRoutes({ ...credentials, tokens, faults }));
  app.route('/', groupRoutes(parts));
  app.route('/', groupDetailRoutes(store));
  app.route('/', groupWriteRoutes(store));

  // Inferred: the service's answer to an unknown path is undocumented; a real 404 keeps typos visible.
  app.notFound((c) => c.json(errorEnvelope(c, new ApiError(404, 'endpointNotFound')), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorReply(c, error, parts.httpStatus);
    console.error(`[genauth-emulator] ${c.req.method} ${c.req.path} failed:`, error);
    return errorReply(c, new ApiError(500, 'unknownError'), parts.httpStatus);
  });
  return app;
}
