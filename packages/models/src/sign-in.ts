import * as v from 'valibot';
import { envelope } from './envelope.ts';
import { noEcho } from './no-echo.ts';

// Password sign-in, as authing-node-sdk 4.0.1 calls it (`signInByUsernamePassword`,
// `signInByEmailPassword`, `signInByAccountPassword` all post a `SigninByCredentialsDto` to
// `/api/v3/signin`). Only the `PASSWORD` connection is modelled: it is how a user gets the access
// token that `get-my-group-list` needs.

/** The credentials of a password sign-in: the password and one way to name the account. */
export const SignInByPasswordPayloadDto = noEcho(
  v.looseObject({
    password: v.pipe(v.string(), v.nonEmpty()),
    /** Username, phone or email. */
    account: v.optional(v.string()),
    email: v.optional(v.string()),
    username: v.optional(v.string()),
    phone: v.optional(v.string()),
  }),
);
/** @see {@link SignInByPasswordPayloadDto} */
export type SignInByPasswordPayloadDto = v.InferInput<typeof SignInByPasswordPayloadDto>;

/** Body of `POST /api/v3/signin` with the `PASSWORD` connection. */
export const SigninByCredentialsDto = noEcho(
  v.looseObject({
    connection: v.literal('PASSWORD'),
    passwordPayload: SignInByPasswordPayloadDto,
    /** Sign-in options (`scope`, `passwordEncryptType`...), passed through. */
    options: v.optional(v.record(v.string(), v.unknown())),
    /** With the `client_secret_post` token endpoint auth method. */
    client_id: v.optional(v.string()),
    /** With the `client_secret_post` token endpoint auth method. */
    client_secret: v.optional(v.string()),
  }),
);
/** @see {@link SigninByCredentialsDto} */
export type SigninByCredentialsDto = v.InferInput<typeof SigninByCredentialsDto>;

/** The tokens a sign-in returns. Note `expire_in` (sic), in seconds. */
export const LoginTokenResponseDataDto = noEcho(
  v.looseObject({
    scope: v.nullish(v.string()),
    access_token: v.nullish(v.string()),
    id_token: v.nullish(v.string()),
    refresh_token: v.nullish(v.string()),
    token_type: v.string(),
    expire_in: v.number(),
  }),
);
/** @see {@link LoginTokenResponseDataDto} */
export type LoginTokenResponseDataDto = v.InferOutput<typeof LoginTokenResponseDataDto>;

/** Reply of `POST /api/v3/signin`. */
export const LoginTokenRespDto = envelope(LoginTokenResponseDataDto);
/** @see {@link LoginTokenRespDto} */
export type LoginTokenRespDto = v.InferOutput<typeof LoginTokenRespDto>;
