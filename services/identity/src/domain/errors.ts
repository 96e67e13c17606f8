import { defineError } from '@osinum/service-kit'

export const InvalidCredentials = defineError(
  'OSI_IDENTITY_INVALID_CREDENTIALS',
  'Invalid email or password',
  401,
)
export const EmailNotVerified = defineError(
  'OSI_IDENTITY_EMAIL_NOT_VERIFIED',
  'Confirm your email address first (a new link can be requested)',
  403,
)
export const InvalidLinkToken = defineError(
  'OSI_IDENTITY_INVALID_LINK',
  'This link is invalid, expired or already used: request a new one',
  400,
)
export const InvalidRefreshToken = defineError(
  'OSI_IDENTITY_INVALID_REFRESH_TOKEN',
  'The refresh token is invalid, expired or revoked: sign in again',
  401,
)
export const SessionRevoked = defineError(
  'OSI_IDENTITY_SESSION_REVOKED',
  'This session has ended: sign in again',
  401,
)
export const CurrentPasswordRequired = defineError(
  'OSI_IDENTITY_CURRENT_PASSWORD',
  'The current password is missing or wrong',
  403,
)
export const OrganisationExists = defineError(
  'OSI_IDENTITY_ORGANISATION_EXISTS',
  'This collectivité is already registered (id %s): ask its referent for an invitation',
  409,
)
export const AlreadyMember = defineError(
  'OSI_IDENTITY_ALREADY_MEMBER',
  'This person is already a member',
  409,
)
export const AlreadyAssigned = defineError(
  'OSI_IDENTITY_ALREADY_ASSIGNED',
  'This advisor is already assigned',
  409,
)
export const InvalidInvitation = defineError(
  'OSI_IDENTITY_INVALID_INVITATION',
  'This invitation is invalid, expired or already used: ask for a new one',
  400,
)
export const OidcDisabled = defineError(
  'OSI_IDENTITY_OIDC_DISABLED',
  'OpenID Connect login is not configured on this instance',
  404,
)
export const OidcStateInvalid = defineError(
  'OSI_IDENTITY_OIDC_STATE',
  'Unknown or expired login attempt (state): start again',
  400,
)
export const OidcFailed = defineError(
  'OSI_IDENTITY_OIDC_FAILED',
  'The identity provider refused the login: %s',
  400,
)
export const OidcUnavailable = defineError(
  'OSI_IDENTITY_OIDC_UNAVAILABLE',
  'The identity provider cannot be reached',
  503,
)
export const LastReferent = defineError(
  'OSI_IDENTITY_LAST_REFERENT',
  'The collectivité needs a referent: name another referent first',
  409,
)
export const ExportUnavailable = defineError(
  'OSI_EXPORT_UNAVAILABLE',
  'The export cannot be assembled now (no answer from: %s): try again in a few minutes',
  503,
)
export const NotVerified = defineError(
  'OSI_IDENTITY_NOT_VERIFIED',
  'This collectivité is not verified yet: %s',
  403,
)
export const ClaimDecided = defineError(
  'OSI_IDENTITY_CLAIM_DECIDED',
  'This claim was already decided or withdrawn',
  409,
)
export const ClaimPending = defineError(
  'OSI_IDENTITY_CLAIM_PENDING',
  'Only a verified member can be made referent: decide their claim first',
  409,
)
