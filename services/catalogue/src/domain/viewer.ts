import type { Principal } from '@osinum/service-kit'
import { OtherOperator } from './errors.js'

/** Who is looking, as far as the catalogue cares. */
export interface Viewer {
  userId: string | null
  /**
   * National catalogue work: drafts, tools, providers, imports, the moderation of every review.
   * National editors and the platform admin (the scope rule's `edits(null)`).
   */
  isEditor: boolean
  isPlatformAdmin: boolean
  /** Editor or admin of any scope (scope rule's `isModerator`): moderates, never reports. */
  isModerator: boolean
  /** The operator this person works for (staff only): the default operator of what they create. */
  staffOperatorId: string | null
  /** Operators whose offers this person sees as “proposé par votre syndicat”. */
  operatorIds: string[]
  memberships: Principal['memberships']
  /** The staff-scope rule (`@osinum/contracts` scope.ts): edits content owned by `operatorId` (null: national). */
  edits(operatorId: string | null): boolean
  administers(operatorId: string | null): boolean
}

export const ANONYMOUS: Viewer = {
  userId: null,
  isEditor: false,
  isPlatformAdmin: false,
  isModerator: false,
  staffOperatorId: null,
  operatorIds: [],
  memberships: [],
  edits: () => false,
  administers: () => false,
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
    isEditor: principal.edits(null),
    isPlatformAdmin: principal.isPlatformAdmin,
    isModerator: principal.isModerator,
    staffOperatorId: principal.operatorId,
    operatorIds: [...operators].sort(),
    memberships: principal.memberships,
    edits: (operatorId) => principal.edits(operatorId),
    administers: (operatorId) => principal.administers(operatorId),
  }
}

/**
 * Changes content owned by `operatorId` (null: national content: tools, providers, imports), or
 * 403: national content by national editors and the platform admin, an operator's offers and
 * criteria by that operator's editors and administrators.
 */
export function assertEdits(viewer: Viewer, operatorId: string | null): void {
  if (!viewer.edits(operatorId)) throw new OtherOperator()
}

/** Whether the viewer may see a criterion: national ones for all; an operator's for its people and national editors. */
export function seesCriterion(viewer: Viewer, operatorId: string | null): boolean {
  return operatorId === null || viewer.isEditor || viewer.operatorIds.includes(operatorId)
}
