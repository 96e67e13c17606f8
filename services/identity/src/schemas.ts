import {
  MembershipRoleSchema,
  OrganisationKindSchema,
  PlatformRoleSchema,
  PopulationBracketSchema,
  VerificationSchema,
} from '@osinum/contracts'
import { Type } from 'typebox'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
export const Id = Type.String({ format: 'uuid' })
export const DateTime = Type.String({ format: 'date-time' })
export const Email = Type.String({
  format: 'email',
  minLength: 3,
  maxLength: 254,
  description: 'Email address',
})
export const IdParams = Type.Object({ id: Id })

export const TokenPair = Type.Object(
  {
    tokenType: Type.Literal('Bearer'),
    accessToken: Type.String({ description: 'JWT (EdDSA), to send as `Authorization: Bearer …`' }),
    expiresIn: Type.Integer({ description: 'Seconds before the access token expires' }),
    refreshToken: Type.String({ description: 'Opaque; works once (POST /v1/auth/refresh gives a new pair)' }),
    refreshExpiresIn: Type.Integer(),
    sessionId: Id,
    userId: Id,
  },
  { additionalProperties: false },
)

export const Accepted = Type.Object(
  {
    status: Type.Literal('accepted'),
    message: Type.String(),
  },
  { additionalProperties: false },
)

export const MembershipView = Type.Object({
  organisationId: Id,
  organisationName: Type.String(),
  kind: OrganisationKindSchema,
  role: MembershipRoleSchema,
  referent: Type.Boolean(),
  verification: VerificationSchema,
})

export const Profile = Type.Object(
  {
    id: Id,
    email: Type.String(),
    emailVerified: Type.Boolean(),
    displayName: Nullable(Type.String()),
    jobTitle: Nullable(Type.String()),
    hasPassword: Type.Boolean(),
    platformRoles: Type.Array(PlatformRoleSchema),
    operatorId: Nullable(Id),
    memberships: Type.Array(MembershipView),
    createdAt: DateTime,
  },
  { additionalProperties: false },
)

export const UserSummary = Type.Object(
  {
    id: Id,
    email: Type.String(),
    emailVerified: Type.Boolean(),
    displayName: Nullable(Type.String()),
    jobTitle: Nullable(Type.String()),
    platformRoles: Type.Array(PlatformRoleSchema),
    operatorId: Nullable(Id),
    lastLoginAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { additionalProperties: false },
)

export const SessionView = Type.Object(
  {
    id: Id,
    method: Type.String(),
    userAgent: Nullable(Type.String()),
    createdAt: DateTime,
    lastUsedAt: DateTime,
    expiresAt: DateTime,
    current: Type.Boolean(),
  },
  { additionalProperties: false },
)

const OrganisationFields = {
  kind: OrganisationKindSchema,
  officialCode: Type.String({
    description: 'INSEE code (commune), SIREN (EPCI, syndicat), code (département, région)',
  }),
  name: Type.String(),
  population: Nullable(Type.Integer()),
  populationBracket: Nullable(PopulationBracketSchema),
  departement: Nullable(Type.String()),
  departementName: Nullable(Type.String()),
  region: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  epci: Nullable(Type.String({ description: 'SIREN of the EPCI' })),
  epciName: Nullable(Type.String()),
  postcodes: Type.Array(Type.String()),
}

export const OfficialEntry = Type.Object(OrganisationFields)

export const OrganisationView = Type.Object(
  {
    id: Id,
    ...OrganisationFields,
    operatorId: Nullable(Id),
    advisorConsent: Type.Boolean({ description: 'Assigned advisors may see its diagnostics' }),
    advisorConsentAt: Nullable(DateTime),
    verification: VerificationSchema,
    verifiedAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
)

export const ClaimView = Type.Object(
  {
    id: Id,
    organisationId: Id,
    organisationName: Type.String(),
    kind: OrganisationKindSchema,
    officialCode: Type.String(),
    operatorId: Nullable(Id),
    organisationVerification: VerificationSchema,
    userId: Id,
    displayName: Nullable(Type.String()),
    email: Nullable(Type.String()),
    role: MembershipRoleSchema,
    status: Type.Unsafe<'pending' | 'verified' | 'rejected' | 'withdrawn'>(
      Type.Union(['pending', 'verified', 'rejected', 'withdrawn'].map((s) => Type.Literal(s))),
    ),
    method: Nullable(
      Type.Unsafe<'oidc-siret' | 'operator' | 'referent' | 'invitation'>(
        Type.Union(
          ['oidc-siret', 'operator', 'referent', 'invitation'].map((s) => Type.Literal(s)),
          {
            description:
              'oidc-siret: the claimant’s ProConnect establishment belongs to it; operator: its syndicate decided; referent: a verified referent decided; invitation: a verified member invited them',
          },
        ),
      ),
    ),
    reason: Nullable(Type.String()),
    competing: Type.Integer({ description: 'Other pending claims on the same collectivité' }),
    createdAt: DateTime,
    decidedAt: Nullable(DateTime),
    decidedBy: Nullable(Id),
  },
  { additionalProperties: false },
)

export const MemberView = Type.Object(
  {
    userId: Id,
    email: Nullable(Type.String()),
    displayName: Nullable(Type.String()),
    jobTitle: Nullable(Type.String()),
    role: MembershipRoleSchema,
    referent: Type.Boolean(),
    verification: VerificationSchema,
    since: DateTime,
  },
  { additionalProperties: false },
)

export const OperatorView = Type.Object(
  {
    id: Id,
    name: Type.String(),
    displayName: Nullable(Type.String()),
    departements: Type.Array(Type.String()),
    logoUrl: Nullable(Type.String()),
    primaryColor: Nullable(Type.String()),
    website: Nullable(Type.String()),
    coordinatorId: Nullable(Id),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
)

export const InvitationView = Type.Object(
  {
    id: Id,
    organisationId: Id,
    email: Nullable(Type.String()),
    role: MembershipRoleSchema,
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('accepted'),
      Type.Literal('revoked'),
      Type.Literal('expired'),
    ]),
    expiresAt: DateTime,
    createdAt: DateTime,
    acceptedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
)

export const AssignmentView = Type.Object(
  {
    id: Id,
    organisationId: Id,
    organisationName: Type.String(),
    advisorId: Id,
    advisorName: Nullable(Type.String()),
    advisorEmail: Nullable(Type.String()),
    operatorId: Nullable(Id),
    consent: Type.Boolean({ description: 'The collectivité lets its advisors see its diagnostics' }),
    createdAt: DateTime,
  },
  { additionalProperties: false },
)

export const AuditEntryView = Type.Object(
  {
    id: Id,
    at: DateTime,
    actorId: Nullable(Id),
    action: Type.String(),
    targetType: Nullable(Type.String()),
    targetId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
)

export const Password = Type.String({
  minLength: 1,
  maxLength: 256,
  description:
    'At least 12 characters, hard to guess (zxcvbn score 3 or more with the French dictionary) and without the email, the name or a collectivité’s name; otherwise 422 OSI_IDENTITY_WEAK_PASSWORD whose field error explains why, in French',
})
export { MembershipRoleSchema, OrganisationKindSchema, PlatformRoleSchema }
