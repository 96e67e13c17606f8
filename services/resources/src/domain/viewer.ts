import type { Principal } from '@osinum/service-kit'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { DbOrTrx } from './db.js'

/**
 * Who is looking, as this service needs it: roles, the operator an editor/advisor works for, and
 * the operators whose local content they may read (their own and those of their collectivités,
 * from the organisations projection).
 */
export interface Viewer {
  userId: string | null
  /** The platform admin (an admin bound to no operator): reads and changes everything. */
  isPlatformAdmin: boolean
  /** Holds a staff role (editor, advisor, admin of any scope). */
  isStaff: boolean
  isEditor: boolean
  /** Editor or admin of any scope (scope rule's `isModerator`): moderates, never reports. */
  isModerator: boolean
  isAdvisor: boolean
  /** Operator of an editor/advisor (null: national staff). */
  operatorId: string | null
  /** Operators whose local resources and trainings this person may read. */
  readableOperators: string[]
  memberships: Principal['memberships']
  /** The staff-scope rule (`@osinum/contracts` scope.ts): edits content owned by `operatorId` (null: national). */
  edits(operatorId: string | null): boolean
}

export const ANONYMOUS: Viewer = {
  userId: null,
  isPlatformAdmin: false,
  isStaff: false,
  isEditor: false,
  isModerator: false,
  isAdvisor: false,
  operatorId: null,
  readableOperators: [],
  memberships: [],
  edits: () => false,
}

export async function viewerOf(db: DbOrTrx, principal: Principal | null): Promise<Viewer> {
  // The kit's auth refuses tokens whose ids are not UUIDs: they never reach SQL casts here.
  if (!principal) return ANONYMOUS
  const operators = new Set<string>()
  if (principal.operatorId) operators.add(principal.operatorId)
  const orgIds = principal.memberships.map((m) => m.organisationId)
  if (orgIds.length) {
    const rows = await db
      .selectFrom('organisations')
      .select('operator_id')
      .where('id', 'in', orgIds)
      .where('operator_id', 'is not', null)
      .execute()
    for (const r of rows) if (r.operator_id) operators.add(r.operator_id)
  }
  return {
    userId: principal.userId,
    isPlatformAdmin: principal.isPlatformAdmin,
    isStaff: principal.platformRoles.length > 0,
    isEditor: principal.hasRole('editor'),
    isModerator: principal.isModerator,
    isAdvisor: principal.hasRole('advisor'),
    operatorId: principal.operatorId,
    readableOperators: [...operators],
    memberships: principal.memberships,
    edits: (operatorId) => principal.edits(operatorId),
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
