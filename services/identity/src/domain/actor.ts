import {
  type MembershipRole,
  type PlatformRole,
  type StaffRule,
  type StaffScope,
  staffRule,
} from '@osinum/contracts'
import { Forbidden, type Principal, TokenRevoked, Unauthorized } from '@osinum/service-kit'
import type { Db, User } from './db.js'

/**
 * The caller as identity's own tables say now (the token may be up to 15 minutes old): identity
 * decides on fresh roles and memberships, and refuses tokens of ended sessions or erased accounts
 * (401 `OSI_TOKEN_REVOKED`, the code the kit answers in every service once the revocation reached it).
 */
/** Identity's caller; the staff-scope rule of `@osinum/contracts` (scope.ts), as in every other service. */
export interface Actor extends StaffScope, StaffRule {
  user: User
  sessionId: string | null
  platformRoles: PlatformRole[]
  operatorId: string | null
  memberships: Map<string, { role: MembershipRole; referent: boolean }>
  /** Operators this person coordinates. */
  coordinates: Set<string>
  hasRole(...roles: PlatformRole[]): boolean
}

export async function loadActor(
  db: Db,
  principal: Pick<Principal, 'userId' | 'sessionId'> | null,
): Promise<Actor> {
  if (!principal) throw new Unauthorized()
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', principal.userId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!user) throw new TokenRevoked()
  if (principal.sessionId) {
    const session = await db
      .selectFrom('sessions')
      .select(['revoked_at', 'user_id'])
      .where('id', '=', principal.sessionId)
      .executeTakeFirst()
    if (!session || session.revoked_at || session.user_id !== user.id) throw new TokenRevoked()
  }
  const [memberships, coordinated] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['organisation_id', 'role', 'referent'])
      .where('user_id', '=', user.id)
      .execute(),
    db.selectFrom('operators').select('id').where('coordinator_id', '=', user.id).execute(),
  ])
  const roles = [...user.platform_roles]
  const scope: StaffScope = { platformRoles: roles, operatorId: user.operator_id }
  return {
    user,
    sessionId: principal.sessionId,
    platformRoles: roles,
    operatorId: user.operator_id,
    memberships: new Map(memberships.map((m) => [m.organisation_id, { role: m.role, referent: m.referent }])),
    coordinates: new Set(coordinated.map((o) => o.id)),
    hasRole: (...r) => r.some((x) => roles.includes(x)),
    ...staffRule(scope),
  }
}

/** National things (operators, syndicats, erasure of accounts, every user): the platform admin only. */
export function requirePlatformAdmin(actor: Actor): void {
  if (!actor.isPlatformAdmin) throw new Forbidden()
}

/** The operator an operator admin administers (null for the platform admin and everyone else). */
export function administeredOperator(actor: Actor): string | null {
  return !actor.isPlatformAdmin && actor.operatorId && actor.administers(actor.operatorId)
    ? actor.operatorId
    : null
}
