import type { Actor } from './actor.js'
import type { Organisation } from './db.js'

/** The collectivité's syndicate: its coordinator, its administrators, the platform admin. */
export function speaksForOperator(actor: Actor, org: Pick<Organisation, 'operator_id'>): boolean {
  return (
    actor.administers(org.operator_id) || (org.operator_id !== null && actor.coordinates.has(org.operator_id))
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
