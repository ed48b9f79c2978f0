import * as v from 'valibot';
import { envelope, paged } from './envelope.ts';
import type { knownValues } from './known-values.ts';
import { noEcho } from './no-echo.ts';
import { openEnum } from './open-enum.ts';

// Optional fields may be absent or `null`: the live service sends `null` for unset user columns
// (contract section 9), while the generated types only say "optional".
const text = v.nullish(v.string());
const texts = v.nullish(v.array(v.string()));
const count = v.nullish(v.number());
const flag = v.nullish(v.boolean());

/** Account status (contract 7.5). */
export const UserStatus = openEnum<typeof knownValues.UserStatus>();
/** @see {@link UserStatus} */
export type UserStatus = v.InferOutput<typeof UserStatus>;

/** Work status (contract 7.5). */
export const UserWorkStatus = openEnum<typeof knownValues.UserWorkStatus>();
/** @see {@link UserWorkStatus} */
export type UserWorkStatus = v.InferOutput<typeof UserWorkStatus>;

/**
 * Gender. `W` is not in the docs but the official Java SDK had to accept it from live replies
 * (contract 7.5); its meaning is unknown.
 */
export const Gender = openEnum<typeof knownValues.Gender>();
/** @see {@link Gender} */
export type Gender = v.InferOutput<typeof Gender>;

/**
 * Where the account came from. The spec says `sync`, the docs' prose `syncTask`, and the Java SDK
 * added `workflow` after live replies (contract 7.5 and 8): all three are known values.
 */
export const UserSourceType = openEnum<typeof knownValues.UserSourceType>();
/** @see {@link UserSourceType} */
export type UserSourceType = v.InferOutput<typeof UserSourceType>;

/** Identity provider of an {@link IdentityDto}: the docs' 27, the spec's additions and the SDKs' (contract 7.5). */
export const IdentityProvider = openEnum<typeof knownValues.IdentityProvider>();
/** @see {@link IdentityProvider} */
export type IdentityProvider = v.InferOutput<typeof IdentityProvider>;

/**
 * A user's identity at an external identity provider (contract 7.6).
 *
 * `accessToken` and `refreshToken` are secrets: validation errors never echo any received value.
 */
export const IdentityDto = noEcho(
  v.looseObject({
    identityId: v.string(),
    /** Identity-source connection id. */
    extIdpId: v.string(),
    provider: IdentityProvider,
    /**
     * e.g. `unionid`, `openid`, `primary`. Required by the spec, yet `null` or absent is accepted:
     * the Java SDK (a nullable `String`) takes it, and one such identity must not fail a whole page.
     */
    type: text,
    userIdInIdp: v.string(),
    /** The user's profile at the provider, as the provider shaped it (`any` in Node, `Object` in Java). */
    userInfoInIdp: v.nullish(v.unknown()),
    /** Only returned when the user fetches their own identities; management APIs omit it. */
    accessToken: text,
    /** Only returned when the user fetches their own identities; management APIs omit it. */
    refreshToken: text,
    /** Required by the spec; `null` or absent accepted, as the Java SDK (a nullable `List`) does. */
    originConnIds: texts,
  }),
);
/** @see {@link IdentityDto} */
export type IdentityDto = v.InferOutput<typeof IdentityDto>;

/** A user of the pool (contract 7.4). */
export const UserDto = noEcho(
  v.looseObject({
    userId: v.string(),
    /** ISO 8601 date-time. */
    createdAt: v.string(),
    /** ISO 8601 date-time. */
    updatedAt: v.string(),
    status: UserStatus,
    workStatus: UserWorkStatus,
    externalId: text,
    email: text,
    phone: text,
    phoneCountryCode: text,
    username: text,
    name: text,
    nickname: text,
    photo: text,
    loginsCount: count,
    lastLogin: text,
    lastIp: text,
    gender: Gender,
    emailVerified: v.boolean(),
    phoneVerified: v.boolean(),
    passwordLastSetAt: text,
    /** Declared date-time, but the examples are date-only (`2022-06-03`): kept as the string sent. */
    birthdate: text,
    country: text,
    province: text,
    city: text,
    address: text,
    streetAddress: text,
    postalCode: text,
    company: text,
    browser: text,
    device: text,
    givenName: text,
    familyName: text,
    middleName: text,
    profile: text,
    preferredUsername: text,
    website: text,
    zoneinfo: text,
    locale: text,
    formatted: text,
    region: text,
    userSourceType: UserSourceType,
    userSourceId: text,
    lastLoginApp: text,
    mainDepartmentId: text,
    lastMfaTime: text,
    passwordSecurityLevel: count,
    resetPasswordOnNextLogin: flag,
    registerSource: texts,
    /** Present with `withDepartmentIds=true`. */
    departmentIds: texts,
    /** Present with `withIdentities=true`. */
    identities: v.nullish(v.array(IdentityDto)),
    identityNumber: text,
    /**
     * Extension fields; present with `withCustomData=true`. An object in practice, but typed `any`
     * by the Node SDK and `Object` by Java, which accept any JSON value: so does this.
     */
    customData: v.nullish(v.unknown()),
    postIdList: texts,
    statusChangedAt: text,
    tenantId: text,
    /** Only in the Node (2024) and Java SDK types; shape undeclared. */
    metadataSource: v.nullish(v.unknown()),
    /** Only in the Node SDK types (2024). */
    signedUp: text,
    /** Only in the Java SDK types (2024). */
    tenantIds: texts,
  }),
);
/** @see {@link UserDto} */
export type UserDto = v.InferOutput<typeof UserDto>;

/** A page of users (contract 7.3). */
export const UserPagingDto = /* @__PURE__ */ paged(UserDto);
/** @see {@link UserPagingDto} */
export type UserPagingDto = v.InferOutput<typeof UserPagingDto>;

/** Reply of `list-group-members`. */
// Pure: see GroupListRespDto.
export const UserPaginatedRespDto = /* @__PURE__ */ envelope(UserPagingDto);
/** @see {@link UserPaginatedRespDto} */
export type UserPaginatedRespDto = v.InferOutput<typeof UserPaginatedRespDto>;
