import type { UserDto } from '@genauth-groups/models';

/**
 * The user's claims for an id token or `/oidc/me`, by scope, named and shaped as the docs' decoded
 * id token and `/oidc/me` reply show them (`profile`: name, nickname, preferred_username, picture,
 * gender, updated_at...; `email`: email, email_verified; `phone`: phone_number,
 * phone_number_verified). Unset values are `null`, as there.
 */
export function profileClaims(user: UserDto, scope: string): Record<string, unknown> {
  const scopes = new Set(scope.split(' '));
  return {
    ...(scopes.has('profile') && {
      name: user.name ?? null,
      nickname: user.nickname ?? null,
      given_name: user.givenName ?? null,
      middle_name: user.middleName ?? null,
      family_name: user.familyName ?? null,
      preferred_username: user.username ?? user.preferredUsername ?? null,
      profile: user.profile ?? null,
      picture: user.photo ?? null,
      website: user.website ?? null,
      birthdate: user.birthdate ?? null,
      gender: user.gender ?? null,
      zoneinfo: user.zoneinfo ?? null,
      locale: user.locale ?? null,
      updated_at: user.updatedAt ?? null,
    }),
    ...(scopes.has('email') && { email: user.email ?? null, email_verified: user.emailVerified ?? false }),
    ...(scopes.has('phone') && {
      phone_number: user.phone ?? null,
      phone_number_verified: user.phoneVerified ?? false,
    }),
  };
}
