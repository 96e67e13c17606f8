import { isUniqueViolation } from '@osinum/db'
import { FieldsError, NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import type { Criterion, CriterionCreateBody, CriterionUpdateBody } from '../schemas.js'
import { bumpVersion, type CriterionRow, type Db } from './db.js'
import { CriterionKeyTaken } from './errors.js'
import { findTool } from './tools.js'
import { assertEdits, seesCriterion, type Viewer } from './viewer.js'

/**
 * Criteria are typed custom attributes that editors add without a schema change (boolean, enum,
 * number, text), optionally filterable. National criteria are managed by national editors and the
 * platform admin, an operator's criteria by that operator's editors and administrators (the scope rule).
 */
export function toCriterion(row: CriterionRow): Criterion {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    description: row.description,
    kind: row.kind,
    options: row.options,
    unit: row.unit,
    filterable: row.filterable,
    operatorId: row.operator_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

function checkOptions(kind: string, options: Array<{ value: string }> | undefined) {
  if (kind === 'enum' && !options?.length)
    throw new FieldsError([{ field: 'body.options', message: 'an enum criterion needs at least one option' }])
  if (kind !== 'enum' && options?.length)
    throw new FieldsError([{ field: 'body.options', message: 'only enum criteria have options' }])
  if (options && new Set(options.map((o) => o.value)).size !== options.length)
    throw new FieldsError([{ field: 'body.options', message: 'option values must be unique' }])
}

export async function listCriteria(db: Db, viewer: Viewer, operatorId?: string): Promise<Criterion[]> {
  let q = db.selectFrom('criteria').selectAll().orderBy('label')
  if (operatorId) q = q.where('operator_id', '=', operatorId)
  return (await q.execute()).filter((r) => seesCriterion(viewer, r.operator_id)).map(toCriterion)
}

export async function createCriterion(db: Db, viewer: Viewer, body: CriterionCreateBody): Promise<Criterion> {
  // An operator's editor creates criteria for their operator by default.
  const operatorId = body.operatorId !== undefined ? body.operatorId : viewer.staffOperatorId
  assertEdits(viewer, operatorId)
  checkOptions(body.kind, body.options)
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('criteria')
        .values({
          id: uuidv7(),
          key: body.key,
          label: body.label,
          description: body.description ?? null,
          kind: body.kind,
          options: JSON.stringify(body.options ?? []),
          unit: body.unit ?? null,
          filterable: body.filterable ?? false,
          operator_id: operatorId,
          created_by: viewer.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await bumpVersion(trx)
      return toCriterion(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new CriterionKeyTaken(body.key)
    throw error
  }
}

async function findCriterion(db: Db, key: string, viewer: Viewer): Promise<CriterionRow> {
  const row = await db.selectFrom('criteria').selectAll().where('key', '=', key).executeTakeFirst()
  if (!row || !seesCriterion(viewer, row.operator_id)) throw new NotFound('Criterion')
  return row
}

export async function updateCriterion(
  db: Db,
  viewer: Viewer,
  key: string,
  body: CriterionUpdateBody,
): Promise<Criterion> {
  const row = await findCriterion(db, key, viewer)
  assertEdits(viewer, row.operator_id)
  if (body.options !== undefined) {
    checkOptions(row.kind, body.options)
    const used = await db
      .selectFrom('tool_attribute_values')
      .select('value')
      .distinct()
      .where('criterion_id', '=', row.id)
      .execute()
    const missing = used.map((u) => String(u.value)).filter((v) => !body.options!.some((o) => o.value === v))
    if (missing.length)
      throw new FieldsError([
        {
          field: 'body.options',
          message: `options still used by tools cannot be removed: ${missing.join(', ')}`,
        },
      ])
  }
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('criteria')
      .set({
        ...(body.label !== undefined ? { label: body.label } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.options !== undefined ? { options: JSON.stringify(body.options) } : {}),
        ...(body.unit !== undefined ? { unit: body.unit } : {}),
        ...(body.filterable !== undefined ? { filterable: body.filterable } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await bumpVersion(trx)
    return toCriterion(updated)
  })
}

export async function deleteCriterion(db: Db, viewer: Viewer, key: string): Promise<void> {
  const row = await findCriterion(db, key, viewer)
  assertEdits(viewer, row.operator_id)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('criteria').where('id', '=', row.id).execute()
    await bumpVersion(trx)
  })
}

/** Checks a value against its criterion's kind. */
export function checkValue(row: CriterionRow, value: unknown): boolean | number | string {
  const bad = (message: string) => new FieldsError([{ field: 'body.value', message }])
  if (row.kind === 'boolean') {
    if (typeof value !== 'boolean') throw bad('must be true or false')
  } else if (row.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('must be a number')
  } else if (row.kind === 'enum') {
    if (typeof value !== 'string' || !row.options.some((o) => o.value === value))
      throw bad(`must be one of: ${row.options.map((o) => o.value).join(', ')}`)
  } else if (typeof value !== 'string' || !value.trim() || value.length > 500)
    throw bad('must be a non-empty text of at most 500 characters')
  return value as boolean | number | string
}

export async function setAttribute(
  db: Db,
  viewer: Viewer,
  slug: string,
  key: string,
  value: unknown,
): Promise<void> {
  const tool = await findTool(db, slug, viewer)
  const row = await findCriterion(db, key, viewer)
  assertEdits(viewer, row.operator_id)
  const checked = checkValue(row, value)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tool_attribute_values')
      .values({
        tool_id: tool.id,
        criterion_id: row.id,
        value: JSON.stringify(checked),
        updated_by: viewer.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['tool_id', 'criterion_id'])
          .doUpdateSet({ value: JSON.stringify(checked), updated_by: viewer.userId, updated_at: new Date() }),
      )
      .execute()
    await bumpVersion(trx)
  })
}

export async function clearAttribute(db: Db, viewer: Viewer, slug: string, key: string): Promise<void> {
  const tool = await findTool(db, slug, viewer)
  const row = await findCriterion(db, key, viewer)
  assertEdits(viewer, row.operator_id)
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('tool_attribute_values')
      .where('tool_id', '=', tool.id)
      .where('criterion_id', '=', row.id)
      .execute()
    await bumpVersion(trx)
  })
}
