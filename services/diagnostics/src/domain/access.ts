import type { Principal } from '@osinum/service-kit'
import type { Db } from './db.js'

/** Why someone may read a collectivité's private data (diagnostics, plans), or null. */
export type ReadGrant = 'member' | 'admin' | 'advisor'

/**
 * Who may read a collectivité's private data:
 * - its members (élus and agents, from the access token's memberships);
 * - the platform admin;
 * - the administrators of the operator it is attached to, while it consents to its operator's
 *   advisors (the scope rule: an admin scoped to an operator administers that operator only);
 * - an advisor assigned to it (identity's AdvisorAssigned, still active) and only while the
 *   collectivité consents (ConsentGranted not followed by ConsentRevoked).
 * Everyone else: nobody, whatever their other roles.
 */
export async function readGrant(
  db: Db,
  principal: Principal | null,
  organisationId: string,
): Promise<ReadGrant | null> {
  if (!principal) return null
  if (principal.isMemberOf(organisationId)) return 'member'
  if (principal.isPlatformAdmin) return 'admin'
  if (principal.operatorId && principal.administers(principal.operatorId)) {
    const attached = await db
      .selectFrom('organisations as o')
      .innerJoin('consents as c', 'c.organisation_id', 'o.id')
      .select('o.id')
      .where('o.id', '=', organisationId)
      .where('o.operator_id', '=', principal.operatorId)
      .where('c.granted', '=', true)
      .executeTakeFirst()
    if (attached) return 'admin'
  }
  if (!principal.hasRole('advisor')) return null
  const row = await db
    .selectFrom('advisor_assignments as a')
    .innerJoin('consents as c', 'c.organisation_id', 'a.organisation_id')
    .select('a.advisor_id')
    .where('a.organisation_id', '=', organisationId)
    .where('a.advisor_id', '=', principal.userId)
    .where('a.active', '=', true)
    .where('c.granted', '=', true)
    .executeTakeFirst()
  return row ? 'advisor' : null
}

/** True when `principal` may read `organisationId`'s private data (see `readGrant`). */
export async function canReadOrganisationData(
  db: Db,
  principal: Principal | null,
  organisationId: string,
): Promise<boolean> {
  return (await readGrant(db, principal, organisationId)) !== null
}

/** Members (élu or agent) write their collectivité's diagnostics; advisors and admins only read. */
export function canWriteOrganisationData(principal: Principal | null, organisationId: string): boolean {
  return principal?.isMemberOf(organisationId) ?? false
}

/** The caller's role in the collectivité (recorded on each answer), or null. */
export function memberRole(principal: Principal, organisationId: string): string | null {
  return principal.memberships.find((m) => m.organisationId === organisationId)?.role ?? null
}
