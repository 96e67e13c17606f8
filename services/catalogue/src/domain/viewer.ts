import type { Principal } from '@osinum/service-kit'

/** Who is looking, as far as the catalogue cares. */
export interface Viewer {
  userId: string | null
  /** Editors and admins see drafts, every operator's criteria and the moderation queue. */
  isEditor: boolean
  isAdmin: boolean
  /** The editor's own operator (operator-scoped editors only manage that operator's data). */
  staffOperatorId: string | null
  /** Operators whose offers this person sees as “proposé par votre syndicat”. */
  operatorIds: string[]
  memberships: Principal['memberships']
}

export const ANONYMOUS: Viewer = {
  userId: null,
  isEditor: false,
  isAdmin: false,
  staffOperatorId: null,
  operatorIds: [],
  memberships: [],
}

/**
 * The viewer of a request: the operators of the collectivités the person belongs to (from the
 * local projection of identity's organisations) plus the operator the person works for.
 */
export function viewerOf(
  principal: Principal | null,
  organisationOperator: (organisationId: string) => string | null | undefined,
): Viewer {
  if (!principal) return ANONYMOUS
  const operators = new Set<string>()
  if (principal.operatorId) operators.add(principal.operatorId)
  for (const m of principal.memberships) {
    const op = organisationOperator(m.organisationId)
    if (op) operators.add(op)
  }
  return {
    userId: principal.userId,
    isEditor: principal.hasRole('editor', 'admin'),
    isAdmin: principal.hasRole('admin'),
    staffOperatorId: principal.operatorId,
    operatorIds: [...operators].sort(),
    memberships: principal.memberships,
  }
}

/** Whether the viewer may see a criterion: national ones for all; an operator's for its people and editors. */
export function seesCriterion(viewer: Viewer, operatorId: string | null): boolean {
  return operatorId === null || viewer.isEditor || viewer.operatorIds.includes(operatorId)
}
