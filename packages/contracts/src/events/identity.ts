import { Type } from 'typebox'
import {
  MembershipRoleSchema,
  OrganisationKindSchema,
  PlatformRoleSchema,
  PopulationBracketSchema,
  VerificationSchema,
} from '../schemas.js'
import { defineEvent } from './envelope.js'

const Id = Type.String({ format: 'uuid' })

const UserSnapshot = Type.Object({
  userId: Id,
  email: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  platformRoles: Type.Array(PlatformRoleSchema),
  operatorId: Type.Union([Id, Type.Null()], { description: 'Operator an advisor/editor belongs to' }),
})

export const UserRegistered = defineEvent('identity', 'user', 'registered', 1, UserSnapshot)
export const UserUpdated = defineEvent('identity', 'user', 'updated', 1, UserSnapshot)
export const UserErased = defineEvent('identity', 'user', 'erased', 1, Type.Object({ userId: Id }))

const OrganisationSnapshot = Type.Object({
  organisationId: Id,
  kind: OrganisationKindSchema,
  officialCode: Type.String({ description: 'INSEE code (commune) or SIREN' }),
  name: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  populationBracket: Type.Union([PopulationBracketSchema, Type.Null()]),
  departement: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  epci: Type.Union([Type.String(), Type.Null()]),
  operatorId: Type.Union([Id, Type.Null()]),
  /** Added in place (optional): display names of the areas, for projections that show them. */
  departementName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  regionName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  epciName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /**
   * Added in place (optional): whether someone verified speaks for it. Statistics (panorama, peers,
   * usage counts, gap portfolio) and peer contact count `verified` collectivités only; a consumer
   * reads an absent field as `pending`.
   */
  verification: Type.Optional(VerificationSchema),
})
export const OrganisationCreated = defineEvent('identity', 'organisation', 'created', 1, OrganisationSnapshot)
export const OrganisationUpdated = defineEvent('identity', 'organisation', 'updated', 1, OrganisationSnapshot)

const Membership = Type.Object({
  organisationId: Id,
  userId: Id,
  role: MembershipRoleSchema,
  referent: Type.Boolean(),
})
export const MembershipGranted = defineEvent('identity', 'membership', 'granted', 1, Membership)
export const MembershipRevoked = defineEvent(
  'identity',
  'membership',
  'revoked',
  1,
  Type.Object({ organisationId: Id, userId: Id }),
)

/** A claim to speak for a collectivité (and be its member), and its decision. */
const ClaimMethodSchema = Type.Union(
  [
    Type.Literal('oidc-siret'),
    Type.Literal('operator'),
    Type.Literal('referent'),
    Type.Literal('invitation'),
  ],
  {
    description:
      'How it was decided: the ProConnect SIRET of the claimant belongs to it, its syndicate (coordinator or administrator) or a verified referent decided, or an invitation of a verified member',
  },
)
export const ClaimSubmitted = defineEvent(
  'identity',
  'claim',
  'submitted',
  1,
  Type.Object({
    claimId: Id,
    organisationId: Id,
    organisationName: Type.String(),
    userId: Id,
    role: MembershipRoleSchema,
    operatorId: Type.Union([Id, Type.Null()]),
    /** Who may decide (the syndicate's coordinator and administrators, else platform admins; a verified collectivité's referents). */
    reviewerIds: Type.Array(Id),
    /** Other pending claims on the same collectivité. */
    competing: Type.Integer({ minimum: 0 }),
  }),
)
export const ClaimDecided = defineEvent(
  'identity',
  'claim',
  'decided',
  1,
  Type.Object({
    claimId: Id,
    organisationId: Id,
    organisationName: Type.String(),
    userId: Id,
    status: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
    method: Type.Union([ClaimMethodSchema, Type.Null()]),
    decidedBy: Type.Union([Id, Type.Null()]),
    reviewerIds: Type.Array(Id),
  }),
)

const Assignment = Type.Object({
  organisationId: Id,
  advisorId: Id,
  operatorId: Type.Union([Id, Type.Null()]),
})
export const AdvisorAssigned = defineEvent('identity', 'advisor', 'assigned', 1, Assignment)
export const AdvisorUnassigned = defineEvent('identity', 'advisor', 'unassigned', 1, Assignment)

const Consent = Type.Object({ organisationId: Id, byUserId: Id })
export const ConsentGranted = defineEvent('identity', 'consent', 'granted', 1, Consent)
export const ConsentRevoked = defineEvent('identity', 'consent', 'revoked', 1, Consent)

const Operator = Type.Object({
  operatorId: Id,
  name: Type.String(),
  departements: Type.Array(Type.String()),
  coordinatorId: Type.Union([Id, Type.Null()]),
  /** Added in place (optional): branding, for emails and front-ends that project operators. */
  displayName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  logoUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  primaryColor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  website: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export const OperatorCreated = defineEvent('identity', 'operator', 'created', 1, Operator)
export const OperatorUpdated = defineEvent('identity', 'operator', 'updated', 1, Operator)

/** Requests that the notifications service turns into emails. The token travels only in `url`. */
export const MagicLinkRequested = defineEvent(
  'identity',
  'magic-link',
  'requested',
  1,
  Type.Object({ userId: Id, email: Type.String(), url: Type.String(), expiresAt: Type.String() }),
)
export const InvitationRequested = defineEvent(
  'identity',
  'invitation',
  'requested',
  1,
  Type.Object({
    invitationId: Id,
    email: Type.String(),
    organisationId: Id,
    organisationName: Type.String(),
    invitedBy: Type.Union([Type.String(), Type.Null()]),
    role: MembershipRoleSchema,
    url: Type.String(),
    expiresAt: Type.String(),
  }),
)
export const PasswordResetRequested = defineEvent(
  'identity',
  'password-reset',
  'requested',
  1,
  Type.Object({ userId: Id, email: Type.String(), url: Type.String(), expiresAt: Type.String() }),
)
export const EmailVerificationRequested = defineEvent(
  'identity',
  'email-verification',
  'requested',
  1,
  Type.Object({ userId: Id, email: Type.String(), url: Type.String(), expiresAt: Type.String() }),
)

/**
 * Access tokens that must no longer be accepted, recorded in the transaction of the change that
 * revokes them (logout, a session ended, a refresh-token family revoked on reuse, log out
 * everywhere, a password changed or reset, platform roles or a membership changed or removed, an
 * erasure). Every service consumes it into its revocation list (the kit does it) and refuses those
 * tokens with 401 `OSI_TOKEN_REVOKED`. Identity's access tokens carry a UUIDv7 `jti`, whose
 * millisecond timestamp is the issue instant compared with `issuedBefore`.
 */
export const TokensRevoked = defineEvent(
  'identity',
  'tokens',
  'revoked',
  1,
  Type.Object({
    userId: Id,
    /** Tokens of these sessions are refused, whatever their age (a revoked session never issues again). */
    sessionIds: Type.Array(Id),
    /** Tokens of this person issued strictly before this instant (ms precision) are refused; null: none by age. */
    issuedBefore: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** Every token of this person, now and later: the account is erased. */
    forever: Type.Boolean(),
    /** Why (logout, session-revoked, refresh-token-reuse, logout-everywhere, password-changed, roles-changed…). */
    reason: Type.String({ maxLength: 60 }),
    /** No token concerned is valid after this instant (issue + access-token lifetime + margin): the entry may be forgotten. */
    expiresAt: Type.String({ format: 'date-time' }),
  }),
)
