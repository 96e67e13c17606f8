import { administers, type StaffScope } from '@osinum/contracts'
import type { Actor } from './actor.js'
import type { Organisation } from './db.js'

/** The actor as the staff-scope rule of the contracts sees it (a role without an operator is national). */
export const scopeOf = (actor: Actor): StaffScope => ({
  platformRoles: actor.roles,
  operatorId: actor.operatorId,
})

/** The collectivité's syndicate: its coordinator, its administrators, the platform admin. */
export function speaksForOperator(actor: Actor, org: Pick<Organisation, 'operator_id'>): boolean {
  return (
    administers(scopeOf(actor), org.operator_id) ||
    (org.operator_id !== null && actor.coordinates.has(org.operator_id))
  )
}

/** Who decides claims on `org`: its syndicate, or — once it is verified — its referents. */
export function decidesClaimsOf(
  actor: Actor,
  org: Pick<Organisation, 'id' | 'operator_id' | 'verification'>,
): boolean {
  return (
    speaksForOperator(actor, org) ||
    (org.verification === 'verified' && actor.memberships.get(org.id)?.referent === true)
  )
}
