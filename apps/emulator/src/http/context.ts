import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { UserRow } from '../store/rows.ts';

/** The Hono environment of the emulator's app. */
export interface AppEnv {
  /** The Node request and response, for faults that cut or drop the connection. */
  Bindings: HttpBindings;
  Variables: {
    /** The request body as text, read once by `requestBody` (absent on GET and HEAD). */
    body: string;
    /** The signed-in end user, on authentication-side routes. */
    user: UserRow;
    /**
     * Set by a middleware that reads or changes the reply after the handler (CORS headers, a
     * truncated-body fault): `ok` then returns the reply as a `Response` instead of writing it
     * to the socket itself.
     */
    replyAsResponse: true;
  };
}

/** A request context of the emulator's app. */
export type AppContext = Context<AppEnv>;
