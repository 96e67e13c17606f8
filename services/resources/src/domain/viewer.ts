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
  isAdmin: boolean
  isEditor: boolean
  isAdvisor: boolean
  /** Operator of an editor/advisor (null: national staff). */
  operatorId: string | null
  /** Operators whose local resources and trainings this person may read. */
  readableOperators: string[]
  memberships: Principal['memberships']
}

export const ANONYMOUS: Viewer = {
  userId: null,
  isAdmin: false,
  isEditor: false,
  isAdvisor: false,
  operatorId: null,
  readableOperators: [],
  memberships: [],
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
    isAdmin: principal.hasRole('admin'),
    isEditor: principal.hasRole('editor'),
    isAdvisor: principal.hasRole('advisor'),
    operatorId: principal.operatorId,
    readableOperators: [...operators],
    memberships: principal.memberships,
  }
}

/** May read content of this operator (null: national content, readable by all). */
export function canReadOperator(viewer: Viewer, operatorId: string | null): boolean {
  return operatorId === null || viewer.isAdmin || viewer.readableOperators.includes(operatorId)
}

/** Editors manage the content of their own scope: national for national editors, local for an operator's. */
export function isEditorOf(viewer: Viewer, operatorId: string | null): boolean {
  return viewer.isAdmin || (viewer.isEditor && viewer.operatorId === operatorId)
}

/** SQL: the `operator_id` column of `alias` is readable by the viewer. */
export function readableOperatorSql(viewer: Viewer, column: string): Expression<SqlBool> {
  if (viewer.isAdmin) return sql<SqlBool>`true`
  if (viewer.readableOperators.length === 0) return sql<SqlBool>`${sql.ref(column)} is null`
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} = any(${sql.val(viewer.readableOperators)}::uuid[]))`
}
