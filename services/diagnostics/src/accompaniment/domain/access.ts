import type { Principal } from '@osinum/service-kit'
import { Unauthorized } from '@osinum/service-kit'
import { readGrant } from '../../domain/access.js'
import type { Db as CoreDb } from '../../domain/db.js'
import type { Db } from './db.js'
import { NoOrganisationAccess } from './errors.js'

/**
 * How a caller sees a collectivité's action plan:
 * - `member`: an élu or agent of the collectivité. Never sees private advisor notes, even when
 *   the same person is also an advisor elsewhere.
 * - `advisor`: an advisor assigned to it while it consents, or an admin. Sees the private notes.
 */
export type PlanView = 'member' | 'advisor'

export const coreDb = (db: Db) => db as unknown as CoreDb

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new Unauthorized()
  return principal
}

/**
 * The caller's view of a collectivité's plan, from the core's access check (consent is read at
 * each call, so a revocation takes effect at once). Throws 403 when they may not read it.
 */
export async function planView(
  db: Db,
  principal: Principal | null,
  organisationId: string,
): Promise<PlanView> {
  const grant = await readGrant(coreDb(db), requirePrincipal(principal), organisationId)
  if (grant === 'member') return 'member'
  if (grant === 'advisor' || grant === 'admin') return 'advisor'
  throw new NoOrganisationAccess()
}

/** Like `planView` but answers null instead of throwing (lists, dashboards). */
export async function planViewOrNull(
  db: Db,
  principal: Principal,
  organisationId: string,
): Promise<PlanView | null> {
  const grant = await readGrant(coreDb(db), principal, organisationId)
  if (grant === 'member') return 'member'
  if (grant === 'advisor' || grant === 'admin') return 'advisor'
  return null
}
