import type {
  MembershipRole,
  OrganisationKind,
  PlatformRole,
  PopulationBracket,
  Verification,
} from '@osinum/contracts'
import type { EventTables } from '@osinum/events'
import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'

export interface OperatorTable {
  id: string
  name: string
  display_name: string | null
  /** JSON array of département codes. */
  departements: string[]
  logo_url: string | null
  primary_color: string | null
  website: string | null
  coordinator_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface UserTable {
  id: string
  /** Normalised (trimmed, lower case); null once erased. */
  email: string | null
  email_verified_at: Date | null
  display_name: string | null
  job_title: string | null
  password_hash: string | null
  password_changed_at: Date | null
  platform_roles: PlatformRole[]
  operator_id: string | null
  status: Generated<'active' | 'erased'>
  last_login_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  erased_at: Date | null
}

export interface UserIdentityTable {
  issuer: string
  subject: string
  user_id: string
  /** The establishment (SIRET) the provider asserted at the last login (ProConnect's `siret`). */
  siret: string | null
  created_at: Generated<Date>
}

export type LoginMethod =
  | 'password'
  | 'magic-link'
  | 'email-verification'
  | 'invitation'
  | 'oidc'
  | 'password-reset'

export interface SessionTable {
  id: string
  user_id: string
  method: LoginMethod
  user_agent: string | null
  ip: string | null
  created_at: Generated<Date>
  last_used_at: Generated<Date>
  expires_at: Date
  revoked_at: Date | null
  revoked_reason: string | null
}

export interface RefreshTokenTable {
  token_hash: string
  session_id: string
  created_at: Generated<Date>
  expires_at: Date
  used_at: Date | null
}

/** `oidc-exchange`: the single-use code an OpenID login hands the front-end, exchanged for tokens. */
export type OneTimeTokenKind = 'magic-link' | 'email-verification' | 'password-reset' | 'oidc-exchange'

export interface OneTimeTokenTable {
  token_hash: string
  kind: OneTimeTokenKind
  user_id: string
  created_at: Generated<Date>
  expires_at: Date
  used_at: Date | null
}

export interface SigningKeyTable {
  kid: string
  alg: string
  public_jwk: Record<string, unknown>
  /** JSON of the private JWK, or `enc:v1:…` when encrypted at rest. */
  private_jwk: string
  created_at: Generated<Date>
  /** Stopped signing at. */
  retired_at: Date | null
  /** Removed from the JWKS at (retired_at + access-token lifetime + margin). */
  expires_at: Date | null
}

export interface OrganisationTable {
  id: string
  kind: OrganisationKind
  official_code: string
  name: string
  population: number | null
  population_bracket: PopulationBracket | null
  departement: string | null
  departement_name: string | null
  region: string | null
  region_name: string | null
  epci: string | null
  epci_name: string | null
  postcodes: string[]
  operator_id: string | null
  advisor_consent_at: Date | null
  advisor_consent_by: string | null
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** `pending` until a claim on it is verified (see claims.ts). */
  verification: Generated<Verification>
  verified_at: Date | null
}

export type ClaimStatus = 'pending' | 'verified' | 'rejected' | 'withdrawn'
export type ClaimMethod = 'oidc-siret' | 'operator' | 'referent' | 'invitation'

/** Someone's claim to speak for a collectivité (and be its member). */
export interface MembershipClaimTable {
  id: string
  organisation_id: string
  user_id: string
  role: MembershipRole
  status: Generated<ClaimStatus>
  method: ClaimMethod | null
  decided_by: string | null
  decided_at: Date | null
  reason: string | null
  created_at: Generated<Date>
}

export interface MembershipTable {
  organisation_id: string
  user_id: string
  role: MembershipRole
  referent: boolean
  created_at: Generated<Date>
}

export interface InvitationTable {
  id: string
  token_hash: string
  organisation_id: string
  email: string | null
  role: MembershipRole
  invited_by: string | null
  created_at: Generated<Date>
  expires_at: Date
  accepted_at: Date | null
  accepted_by: string | null
  revoked_at: Date | null
}

export interface AdvisorAssignmentTable {
  id: string
  organisation_id: string
  advisor_id: string
  operator_id: string | null
  assigned_by: string | null
  created_at: Generated<Date>
}

export interface OidcStateTable {
  state_hash: string
  nonce: string
  code_verifier: string
  created_at: Generated<Date>
  expires_at: Date
}

export interface AuditLogTable {
  id: string
  at: Generated<Date>
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  ip: string | null
  data: Record<string, unknown>
}

export interface Database extends EventTables {
  operators: OperatorTable
  users: UserTable
  user_identities: UserIdentityTable
  sessions: SessionTable
  refresh_tokens: RefreshTokenTable
  one_time_tokens: OneTimeTokenTable
  signing_keys: SigningKeyTable
  organisations: OrganisationTable
  memberships: MembershipTable
  membership_claims: MembershipClaimTable
  invitations: InvitationTable
  advisor_assignments: AdvisorAssignmentTable
  oidc_states: OidcStateTable
  audit_log: AuditLogTable
}

export type Db = Kysely<Database> | Transaction<Database>

export type User = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type Organisation = Selectable<OrganisationTable>
export type Operator = Selectable<OperatorTable>
export type Session = Selectable<SessionTable>
export type Invitation = Selectable<InvitationTable>
export type MembershipClaim = Selectable<MembershipClaimTable>
export type AdvisorAssignment = Selectable<AdvisorAssignmentTable>
export type AuditEntry = Selectable<AuditLogTable>

/** jsonb columns are written as JSON text (pg and PGlite both parse them back). */
export const json = <T>(value: T): T => JSON.stringify(value) as unknown as T
