import type { PlatformRole } from '@osinum/contracts'
import type { Principal } from './plugins/auth.js'

/**
 * Who is looking at content that belongs to operators (syndicates): the person's roles, the operator
 * they work for, and the operators of the collectivités they belong to (read from the service's own
 * projection of identity's organisations). Services that show operator content (catalogue offers and
 * criteria, local resources and trainings) build one per request with `viewerOf` and extend it with
 * what only they need.
 */
export interface Viewer {
  userId: string | null
  /** The platform admin (an admin bound to no operator): reads and changes everything. */
  isPlatformAdmin: boolean
  /** Editor or admin of any scope (the scope rule's `isModerator`): moderates, never reports. */
  isModerator: boolean
  /** The operator this person works for (staff only; null: national staff or not staff). */
  staffOperatorId: string | null
  /** The person's own operator and those of their collectivités, sorted. */
  operatorIds: string[]
  memberships: Principal['memberships']
  hasRole(...roles: PlatformRole[]): boolean
  /** The staff-scope rule (`@osinum/contracts` scope.ts): edits content owned by `operatorId` (null: national). */
  edits(operatorId: string | null): boolean
  administers(operatorId: string | null): boolean
}

export const ANONYMOUS_VIEWER: Viewer = Object.freeze({
  userId: null,
  isPlatformAdmin: false,
  isModerator: false,
  staffOperatorId: null,
  operatorIds: [],
  memberships: [],
  hasRole: () => false,
  edits: () => false,
  administers: () => false,
})

/**
 * The viewer of a request. `operatorsOf` gives the operators of the collectivités the person belongs
 * to (missing or null entries are collectivités attached to no operator).
 */
export function viewerOf(
  principal: Principal | null,
  operatorsOf: Iterable<string | null | undefined>,
): Viewer {
  if (!principal) return ANONYMOUS_VIEWER
  const operators = new Set<string>()
  if (principal.operatorId) operators.add(principal.operatorId)
  for (const operatorId of operatorsOf) if (operatorId) operators.add(operatorId)
  return {
    userId: principal.userId,
    isPlatformAdmin: principal.isPlatformAdmin,
    isModerator: principal.isModerator,
    staffOperatorId: principal.operatorId,
    operatorIds: [...operators].sort(),
    memberships: principal.memberships,
    hasRole: (...roles) => principal.hasRole(...roles),
    edits: (operatorId) => principal.edits(operatorId),
    administers: (operatorId) => principal.administers(operatorId),
  }
}
