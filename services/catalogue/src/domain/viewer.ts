import type { Viewer as KitViewer, Principal } from '@osinum/service-kit'
import { ANONYMOUS_VIEWER, viewerOf as kitViewerOf } from '@osinum/service-kit'
import { OtherOperator } from './errors.js'

/**
 * Who is looking, as far as the catalogue cares: the kit's viewer (roles, the operator the person
 * works for, the operators of their collectivités: those whose offers they see as « proposé par
 * votre syndicat ») plus national catalogue work.
 */
export interface Viewer extends KitViewer {
  /**
   * National catalogue work: drafts, tools, providers, imports, the moderation of every review.
   * National editors and the platform admin (the scope rule's `edits(null)`).
   */
  isEditor: boolean
}

export const ANONYMOUS: Viewer = { ...ANONYMOUS_VIEWER, isEditor: false }

/** The viewer of a request, the operators of its collectivités read from the organisations projection. */
export function viewerOf(
  principal: Principal | null,
  organisationOperator: (organisationId: string) => string | null | undefined,
): Viewer {
  if (!principal) return ANONYMOUS
  const operators = principal.memberships.map((m) => organisationOperator(m.organisationId))
  return { ...kitViewerOf(principal, operators), isEditor: principal.edits(null) }
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
