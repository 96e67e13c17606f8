import {
  ANONYMOUS_VIEWER,
  type Viewer as KitViewer,
  viewerOf as kitViewerOf,
  type Principal,
} from '@osinum/service-kit'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { DbOrTrx } from './db.js'

/**
 * Who is looking, as this service needs it: the kit's viewer (roles, the operator an editor/advisor
 * works for, the operators of their collectivités from the organisations projection) plus the roles
 * this service asks about.
 */
export interface Viewer extends KitViewer {
  /** Holds a staff role (editor, advisor, admin of any scope). */
  isStaff: boolean
  /** Holds the editor role, whatever its scope. */
  isEditor: boolean
  isAdvisor: boolean
  /** Operator of an editor/advisor (null: national staff). */
  operatorId: string | null
  /** Operators whose local resources and trainings this person may read. */
  readableOperators: string[]
}

export const ANONYMOUS: Viewer = {
  ...ANONYMOUS_VIEWER,
  isStaff: false,
  isEditor: false,
  isAdvisor: false,
  operatorId: null,
  readableOperators: [],
}

export async function viewerOf(db: DbOrTrx, principal: Principal | null): Promise<Viewer> {
  // The kit's auth refuses tokens whose ids are not UUIDs: they never reach SQL casts here.
  if (!principal) return ANONYMOUS
  const orgIds = principal.memberships.map((m) => m.organisationId)
  const rows = orgIds.length
    ? await db
        .selectFrom('organisations')
        .select('operator_id')
        .where('id', 'in', orgIds)
        .where('operator_id', 'is not', null)
        .execute()
    : []
  const base = kitViewerOf(
    principal,
    rows.map((r) => r.operator_id),
  )
  return {
    ...base,
    isStaff: principal.platformRoles.length > 0,
    isEditor: principal.hasRole('editor'),
    isAdvisor: principal.hasRole('advisor'),
    operatorId: base.staffOperatorId,
    readableOperators: base.operatorIds,
  }
}

/** May read content of this operator (null: national content, readable by all). */
export function canReadOperator(viewer: Viewer, operatorId: string | null): boolean {
  return operatorId === null || viewer.isPlatformAdmin || viewer.readableOperators.includes(operatorId)
}

/**
 * Manages the content of a scope (the scope rule): national content its national editors and the
 * platform admin, an operator's local content its editors and administrators.
 */
export function isEditorOf(viewer: Viewer, operatorId: string | null): boolean {
  return viewer.edits(operatorId)
}

/**
 * Moderates the community posts (and their comments) of a collectivité attached to
 * `organisationOperator`: national editors and the platform admin every post, an operator's
 * editors and administrators those of its own collectivités.
 */
export function isModerator(viewer: Viewer, organisationOperator: string | null): boolean {
  return viewer.edits(null) || (organisationOperator !== null && viewer.edits(organisationOperator))
}

/** SQL: the `operator_id` column of `alias` is readable by the viewer. */
export function readableOperatorSql(viewer: Viewer, column: string): Expression<SqlBool> {
  if (viewer.isPlatformAdmin) return sql<SqlBool>`true`
  if (viewer.readableOperators.length === 0) return sql<SqlBool>`${sql.ref(column)} is null`
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} = any(${sql.val(viewer.readableOperators)}::uuid[]))`
}
