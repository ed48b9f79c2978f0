import * as v from 'valibot';
import { envelope } from './envelope.ts';
import { noEcho } from './no-echo.ts';

/**
 * Body of `POST /api/v3/get-management-token` (contract 5.2).
 *
 * Holds the access key secret: validation errors name the field, never its value.
 */
export const GetManagementAccessTokenDto = noEcho(
  v.strictObject({
    /** User pool id (pool-wide key) or a collaborator admin's Access Key ID. */
    accessKeyId: v.pipe(v.string(), v.nonEmpty()),
    /** User pool secret or the collaborator admin's Access Key Secret. */
    accessKeySecret: v.pipe(v.string(), v.nonEmpty()),
  }),
);
/** @see {@link GetManagementAccessTokenDto} */
export type GetManagementAccessTokenDto = v.InferInput<typeof GetManagementAccessTokenDto>;

/** A management token (contract 7.8). Note the snake_case field names. */
export const AccessTokenResDto = noEcho(
  v.looseObject({
    /** A JWT whose `scoped_userpool_id` claim names the user pool. */
    access_token: v.string(),
    /** Lifetime in seconds; 7200 by default. */
    expires_in: v.number(),
  }),
);
/** @see {@link AccessTokenResDto} */
export type AccessTokenResDto = v.InferOutput<typeof AccessTokenResDto>;

/** Reply of `get-management-token`. */
export const GetManagementTokenRespDto = envelope(AccessTokenResDto);
/** @see {@link GetManagementTokenRespDto} */
export type GetManagementTokenRespDto = v.InferOutput<typeof GetManagementTokenRespDto>;
