import { populationBracket } from '@osinum/contracts'
import type { ClaimRow } from './domain/claims.js'
import type {
  AdvisorAssignment,
  AuditEntry,
  Invitation,
  Operator,
  Organisation,
  Session,
  User,
} from './domain/db.js'
import { invitationStatus } from './domain/invitations.js'
import type { OfficialFacts } from './domain/official-data.js'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export const userView = (u: User) => ({
  id: u.id,
  email: u.email ?? '',
  emailVerified: Boolean(u.email_verified_at),
  displayName: u.display_name,
  jobTitle: u.job_title,
  platformRoles: [...u.platform_roles],
  operatorId: u.operator_id,
  lastLoginAt: iso(u.last_login_at),
  createdAt: u.created_at.toISOString(),
})

export const sessionView = (s: Session, currentId: string | null) => ({
  id: s.id,
  method: s.method,
  userAgent: s.user_agent,
  createdAt: s.created_at.toISOString(),
  lastUsedAt: s.last_used_at.toISOString(),
  expiresAt: s.expires_at.toISOString(),
  current: s.id === currentId,
})

export const officialView = (f: OfficialFacts) => ({
  kind: f.kind,
  officialCode: f.officialCode,
  name: f.name,
  population: f.population,
  populationBracket: f.population === null ? null : populationBracket(f.population),
  departement: f.departement,
  departementName: f.departementName,
  region: f.region,
  regionName: f.regionName,
  epci: f.epci,
  epciName: f.epciName,
  postcodes: f.postcodes,
})

export const organisationView = (o: Organisation) => ({
  id: o.id,
  kind: o.kind,
  officialCode: o.official_code,
  name: o.name,
  population: o.population,
  populationBracket: o.population_bracket,
  departement: o.departement,
  departementName: o.departement_name,
  region: o.region,
  regionName: o.region_name,
  epci: o.epci,
  epciName: o.epci_name,
  postcodes: o.postcodes,
  operatorId: o.operator_id,
  advisorConsent: Boolean(o.advisor_consent_at),
  advisorConsentAt: iso(o.advisor_consent_at),
  verification: o.verification,
  verifiedAt: iso(o.verified_at),
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
})

export const operatorView = (o: Operator) => ({
  id: o.id,
  name: o.name,
  displayName: o.display_name,
  departements: o.departements,
  logoUrl: o.logo_url,
  primaryColor: o.primary_color,
  website: o.website,
  coordinatorId: o.coordinator_id,
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
})

export const invitationView = (i: Invitation) => ({
  id: i.id,
  organisationId: i.organisation_id,
  email: i.email,
  role: i.role,
  status: invitationStatus(i),
  expiresAt: i.expires_at.toISOString(),
  createdAt: i.created_at.toISOString(),
  acceptedAt: iso(i.accepted_at),
})

export const assignmentView = (
  a: Pick<AdvisorAssignment, 'id' | 'organisation_id' | 'advisor_id' | 'operator_id' | 'created_at'> & {
    organisation_name: string
    advisor_name: string | null
    advisor_email: string | null
    advisor_consent_at: Date | null
  },
) => ({
  id: a.id,
  organisationId: a.organisation_id,
  organisationName: a.organisation_name,
  advisorId: a.advisor_id,
  advisorName: a.advisor_name,
  advisorEmail: a.advisor_email,
  operatorId: a.operator_id,
  consent: Boolean(a.advisor_consent_at),
  createdAt: a.created_at.toISOString(),
})

export const auditView = (e: AuditEntry) => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actor_id,
  action: e.action,
  targetType: e.target_type,
  targetId: e.target_id,
  ip: e.ip,
  data: e.data,
})

export const claimView = (c: ClaimRow) => ({
  id: c.id,
  organisationId: c.organisation_id,
  organisationName: c.organisation_name,
  kind: c.kind,
  officialCode: c.official_code,
  operatorId: c.operator_id,
  organisationVerification: c.organisation_verification,
  userId: c.user_id,
  displayName: c.display_name,
  email: c.email,
  role: c.role,
  status: c.status,
  method: c.method,
  reason: c.reason,
  competing: Number(c.competing ?? 0),
  createdAt: c.created_at.toISOString(),
  decidedAt: iso(c.decided_at),
  decidedBy: c.decided_by,
})
