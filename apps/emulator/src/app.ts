import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppParts } from './app-parts.ts';
import { managementAuth } from './auth/management-auth.ts';
import { NonceCache } from './auth/nonce-cache.ts';
import { userAuth } from './auth/user-auth.ts';
import { ApiError } from './http/api-error.ts';
import type { AppEnv } from './http/context.ts';
import { injectFaults } from './http/inject-faults.ts';
import { errorEnvelope, errorReply } from './http/reply.ts';
import { requestBody } from './http/request-body.ts';
import { oidcProvider } from './oidc/routes.ts';
import { CONTROL_PREFIX, controlRoutes } from './routes/control.ts';
import { servedEndpoints } from './served-endpoints.ts';

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
 * The emulator's HTTP app: the body (read once, size-capped), the control endpoints, CORS on the authentication side, faults, then every row of the endpoint
 * table behind the auth of its side. Every failure becomes an error envelope.
 */
export function createApp(parts: AppParts): Hono<AppEnv> {
  const { store, tokens, faults, credentials } = parts;
  const app = new Hono<AppEnv>();

  // Before everything that reads a body, the control endpoints included.
  app.use(requestBody(parts.maxBodyBytes));
  app.route('/', controlRoutes(faults));

  // A local dev server: any origin, no credentials mode (the SDKs send tokens in headers).
  const corsHeaders = cors({
    origin: '*',
    allowHeaders: CORS_HEADERS,
    allowMethods: ['GET', 'POST'],
    maxAge: 600,
  });
  // CORS adds its headers to the reply's Response.
  const allowBrowsers: MiddlewareHandler<AppEnv> = (c, next) => {
    c.set('replyAsResponse', true);
    return corsHeaders(c, next);
  };
  for (const { endpoint } of servedEndpoints) {
    if (endpoint.side === 'authentication') app.use(endpoint.path, allowBrowsers);
  }

  app.use(injectFaults(faults, CONTROL_PREFIX));

  // The hosted login (OIDC), beside the V3 endpoints: its access tokens work on them as
  // `/api/v3/signin` tokens do.
  const oidc = oidcProvider({
    store,
    clock: parts.clock,
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    callbackUrls: parts.callbackUrls,
    accessTokenTtlSeconds: parts.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: parts.refreshTokenTtlSeconds,
  });
  app.route('/', oidc.routes);

  const auth = {
    management: managementAuth({
      userPoolId: credentials.userPoolId,
      key: credentials,
      tokens,
      nonces: new NonceCache(),
      clock: parts.clock,
      signatureWindowMs: parts.signatureWindowMs,
    }),
    authentication: userAuth(tokens, store, oidc.verifyAccessToken),
  };
  for (const served of servedEndpoints) {
    const { endpoint } = served;
    // On the path, whatever the method: a call without credentials learns nothing, not even
    // which methods exist.
    if (!served.anonymous) app.use(endpoint.path, auth[endpoint.side]);
    app.on(endpoint.method, endpoint.path, served.handler(parts));
  }

  // Inferred: the service's answer to an unknown path is undocumented; a real 404 keeps typos visible.
  app.notFound((c) => c.json(errorEnvelope(c, new ApiError(404, 'endpointNotFound')), 404));
  app.onError((error, c) => {
    if (!(error instanceof ApiError))
      console.error(`[genauth-emulator] ${c.req.method} ${c.req.path} failed:`, error);
    const failure = error instanceof ApiError ? error : new ApiError(500, 'unknownError');
    // The hosted login speaks OAuth, whose clients read the HTTP status, not the envelope.
    return oidc.errorReply(c, failure) ?? errorReply(c, failure, parts.httpStatus);
  });
  return app;
}
