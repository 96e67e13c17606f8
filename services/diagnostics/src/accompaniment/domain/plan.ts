import { DiagnosticsEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { FieldsError, Forbidden, NotFound, type Principal } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Static } from 'typebox'
import { latestSubmitted } from '../../domain/diagnostics.js'
import { defaultReferential } from '../../domain/referential.js'
import type { StoredMeasure, StoredResult } from '../../domain/result.js'
import type {
  ActionItem,
  ActionItemDetail,
  ActionPlan,
  AdvisorNote,
  Comment,
  FromDiagnosticBody,
  FromDiagnosticResult,
  HintList,
  ItemPatchBody,
  NewItemBody,
  PlanQuery,
} from '../schemas.js'
import { coreDb, type PlanView, planView } from './access.js'
import { dayOf, iso } from './dates.js'
import type { ActionItemRow, AdvisorNoteRow, Db } from './db.js'
import { NoSubmittedDiagnostic } from './errors.js'
import { type DoneItem, hintsFor } from './hints.js'
import {
  ACTION_ITEM_STATUS_IDS,
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  DONE_ITEM_STATUSES,
  type ItemSource,
  OPEN_ITEM_STATUSES,
} from './vocabulary.js'

type Item = Static<typeof ActionItem>
type Note = Static<typeof AdvisorNote>

/** The versioned questionnaires and rules (the service's shared, validated referential). */
export const accompanimentReferential = () => defaultReferential()

export function isOverdue(status: string, dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today && OPEN_ITEM_STATUSES.includes(status as ActionItemStatus)
}

export function serialiseItem(row: ActionItemRow, commentCount: number, today: string): Item {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    description: row.description,
    status: row.status as ActionItemStatus,
    statusLabel: ACTION_ITEM_STATUSES[row.status as ActionItemStatus],
    dueDate: row.due_date,
    overdue: isOverdue(row.status, row.due_date, today),
    owner: row.owner,
    toolSlug: row.tool_slug,
    resourceSlug: row.resource_slug,
    source: row.source as ItemSource,
    diagnosticId: row.diagnostic_id,
    ruleId: row.rule_id,
    priority: row.priority,
    themes: row.themes ?? [],
    commentCount,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    completedAt: iso(row.completed_at),
  }
}

/** PRIVATE: only ever called for the advisor view. */
function serialiseNote(row: AdvisorNoteRow): Note {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    itemId: row.item_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

async function commentCounts(db: Db, itemIds: string[]): Promise<Map<string, number>> {
  if (!itemIds.length) return new Map()
  const rows = await db
    .selectFrom('action_item_comments')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute()
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]))
}

export interface PlanProgress {
  total: number
  done: number
  share: number
  percent: number
  byStatus: Array<{ status: ActionItemStatus; label: string; count: number }>
}

/** Progress: done (or already done) items over all items except those marked "not interested". */
export function progressFrom(counts: Map<string, number>): PlanProgress {
  const byStatus = ACTION_ITEM_STATUS_IDS.map((status) => ({
    status,
    label: ACTION_ITEM_STATUSES[status],
    count: counts.get(status) ?? 0,
  }))
  const all = byStatus.reduce((s, x) => s + x.count, 0)
  const total = all - (counts.get('not-interested') ?? 0)
  const done = DONE_ITEM_STATUSES.reduce((s, st) => s + (counts.get(st) ?? 0), 0)
  const share = total ? Math.round((done / total) * 1000) / 1000 : 0
  return { total, done, share, percent: total ? Math.round((done / total) * 100) : 0, byStatus }
}

export async function planProgress(db: Db, organisationId: string): Promise<PlanProgress> {
  const rows = await db
    .selectFrom('action_items')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .groupBy('status')
    .execute()
  return progressFrom(new Map(rows.map((r) => [r.status, Number(r.n)])))
}

async function notesOf(db: Db, organisationId: string, itemId?: string, limit = 100): Promise<Note[]> {
  let q = db.selectFrom('advisor_notes').selectAll().where('organisation_id', '=', organisationId)
  if (itemId) q = q.where('item_id', '=', itemId)
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(serialiseNote)
}

/**
 * The plan of a collectivité as the caller may see it. Private notes are added for the advisor
 * view only: a member's plan is built without ever reading the notes table.
 */
export async function getPlan(
  db: Db,
  principal: Principal | null,
  organisationId: string,
  query: Static<typeof PlanQuery>,
  now = new Date(),
): Promise<Static<typeof ActionPlan>> {
  const view = await planView(db, principal, organisationId)
  const limit = query.limit ?? 50
  const offset = query.offset ?? 0
  let base = db.selectFrom('action_items').where('organisation_id', '=', organisationId)
  if (query.status) base = base.where('status', '=', query.status)
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base
    .selectAll()
    .orderBy(sql`case when status in ('done', 'already-done', 'not-interested') then 1 else 0 end`)
    .orderBy(sql`priority nulls last`)
    .orderBy(sql`due_date nulls last`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
  const counts = await commentCounts(
    db,
    rows.map((r) => r.id),
  )
  const today = dayOf(now)
  const plan: Static<typeof ActionPlan> = {
    organisationId,
    view,
    progress: await planProgress(db, organisationId),
    items: rows.map((r) => serialiseItem(r, counts.get(r.id) ?? 0, today)),
    total: Number(n),
    limit,
    offset,
  }
  if (view === 'advisor') plan.privateNotes = await notesOf(db, organisationId)
  return plan
}

async function itemChanged(
  trx: Db,
  row: ActionItemRow,
  changedBy: string,
  change: 'created' | 'updated' | 'deleted',
) {
  await recordEvent(trx, DiagnosticsEvents.ActionItemChanged, row.id, {
    itemId: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    status: change === 'deleted' ? 'deleted' : row.status,
    dueDate: row.due_date,
    changedBy,
    change,
  })
}

const completedAt = (status: string | undefined, previous: ActionItemRow | null, now: Date) => {
  if (status === undefined) return previous?.completed_at ?? null
  if (!DONE_ITEM_STATUSES.includes(status as ActionItemStatus)) return null
  return previous && DONE_ITEM_STATUSES.includes(previous.status as ActionItemStatus)
    ? previous.completed_at
    : now
}

/** An item written by hand (by a member or by the advisor). */
export async function createItem(
  db: Db,
  principal: Principal | null,
  organisationId: string,
  body: Static<typeof NewItemBody>,
  now = new Date(),
): Promise<Item> {
  await planView(db, principal, organisationId)
  const row = await db.transaction().execute(async (trx) => {
    const status = body.status ?? 'proposed'
    const row = await trx
      .insertInto('action_items')
      .values({
        id: crypto.randomUUID(),
        organisation_id: organisationId,
        title: body.title,
        description: body.description ?? null,
        status,
        due_date: body.dueDate ?? null,
        owner: body.owner ?? null,
        tool_slug: body.toolSlug ?? null,
        resource_slug: body.resourceSlug ?? null,
        source: 'manual',
        diagnostic_id: null,
        rule_id: null,
        priority: null,
        themes: '[]',
        created_by: principal!.userId,
        completed_at: completedAt(status, null, now),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await itemChanged(trx, row, principal!.userId, 'created')
    return row
  })
  return serialiseItem(row, 0, dayOf(now))
}

/**
 * Turns recommendations of a submitted diagnostic (the latest when none is named) into plan
 * items in one step. Rules already in the plan are skipped, so repeating the call is harmless.
 */
export async function createFromDiagnostic(
  db: Db,
  principal: Principal | null,
  organisationId: string,
  body: Static<typeof FromDiagnosticBody>,
  now = new Date(),
): Promise<Static<typeof FromDiagnosticResult>> {
  await planView(db, principal, organisationId)
  let diagnosticId = body.diagnosticId
  if (!diagnosticId) {
    const latest = await latestSubmitted(coreDb(db), organisationId)
    if (!latest) throw new NoSubmittedDiagnostic()
    diagnosticId = latest.id
  }
  const diagnostic = await db
    .selectFrom('diagnostics')
    .select(['id', 'organisation_id', 'status', 'result'])
    .where('id', '=', diagnosticId)
    .executeTakeFirst()
  if (!diagnostic || diagnostic.organisation_id !== organisationId) throw new NotFound('Diagnostic')
  if (diagnostic.status !== 'submitted' || !diagnostic.result) throw new NoSubmittedDiagnostic()
  const result = (
    typeof diagnostic.result === 'string' ? JSON.parse(diagnostic.result) : diagnostic.result
  ) as StoredResult
  const measures = new Map<string, StoredMeasure>(result.measures.map((m) => [m.ruleId, m]))
  const unknown = body.ruleIds
    .map((ruleId, i) => ({ ruleId, i }))
    .filter(({ ruleId }) => !measures.has(ruleId))
    .map(({ ruleId, i }) => ({
      field: `body.ruleIds.${i}`,
      message: `${ruleId} is not a recommendation of this diagnostic`,
    }))
  if (unknown.length)
    throw new FieldsError(unknown, { status: 422, code: 'OSI_DIAGNOSTICS_RULE_NOT_RECOMMENDED' })

  const today = dayOf(now)
  return db.transaction().execute(async (trx) => {
    const created: Item[] = []
    const skipped: Static<typeof FromDiagnosticResult>['skipped'] = []
    for (const ruleId of body.ruleIds) {
      const m = measures.get(ruleId)!
      const row = await trx
        .insertInto('action_items')
        .values({
          id: crypto.randomUUID(),
          organisation_id: organisationId,
          title: m.title,
          description: m.how,
          status: 'proposed',
          due_date: body.dueDate ?? null,
          owner: null,
          tool_slug: m.toolSlugs[0] ?? null,
          resource_slug: null,
          source: 'diagnostic',
          diagnostic_id: diagnostic.id,
          rule_id: ruleId,
          priority: m.priority,
          themes: JSON.stringify(m.themes),
          created_by: principal!.userId,
          completed_at: null,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'rule_id']).where('rule_id', 'is not', null).doNothing(),
        )
        .returningAll()
        .executeTakeFirst()
      if (row) {
        await itemChanged(trx, row, principal!.userId, 'created')
        created.push(serialiseItem(row, 0, today))
      } else {
        const existing = await trx
          .selectFrom('action_items')
          .select('id')
          .where('organisation_id', '=', organisationId)
          .where('rule_id', '=', ruleId)
          .executeTakeFirstOrThrow()
        skipped.push({ ruleId, itemId: existing.id, reason: 'already-in-plan' })
      }
    }
    return { diagnosticId: diagnostic.id, created, skipped }
  })
}

/** Loads an item and the caller's view of its plan; 404 for people who may not see it. */
async function itemWithView(db: Db, principal: Principal | null, id: string, forUpdate = false) {
  let q = db.selectFrom('action_items').selectAll().where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new NotFound('Action item')
  try {
    return { row, view: await planView(db, principal, row.organisation_id) }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 403) throw new NotFound('Action item')
    throw error
  }
}

export async function getItem(
  db: Db,
  principal: Principal | null,
  id: string,
  now = new Date(),
): Promise<Static<typeof ActionItemDetail>> {
  const { row, view } = await itemWithView(db, principal, id)
  const counts = await commentCounts(db, [id])
  const item: Static<typeof ActionItemDetail> = serialiseItem(row, counts.get(id) ?? 0, dayOf(now))
  if (view === 'advisor') item.privateNotes = await notesOf(db, row.organisation_id, id)
  return item
}

export async function updateItem(
  db: Db,
  principal: Principal | null,
  id: string,
  patch: Static<typeof ItemPatchBody>,
  now = new Date(),
): Promise<Item> {
  const row = await db.transaction().execute(async (trx) => {
    const { row: previous } = await itemWithView(trx, principal, id, true)
    const row = await trx
      .updateTable('action_items')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
        ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
        ...(patch.toolSlug !== undefined ? { tool_slug: patch.toolSlug } : {}),
        ...(patch.resourceSlug !== undefined ? { resource_slug: patch.resourceSlug } : {}),
        completed_at: completedAt(patch.status, previous, now),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await itemChanged(trx, row, principal!.userId, 'updated')
    return row
  })
  const counts = await commentCounts(db, [id])
  return serialiseItem(row, counts.get(id) ?? 0, dayOf(now))
}

export async function deleteItem(db: Db, principal: Principal | null, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { row } = await itemWithView(trx, principal, id, true)
    await trx.deleteFrom('action_items').where('id', '=', id).execute()
    await itemChanged(trx, row, principal!.userId, 'deleted')
  })
}

type CommentT = Static<typeof Comment>
const serialiseComment = (c: {
  id: string
  item_id: string
  author_id: string | null
  from_advisor: boolean
  body: string
  created_at: Date
}): CommentT => ({
  id: c.id,
  itemId: c.item_id,
  authorId: c.author_id,
  fromAdvisor: c.from_advisor,
  body: c.body,
  createdAt: iso(c.created_at)!,
})

export async function listComments(
  db: Db,
  principal: Principal | null,
  id: string,
  page: { limit?: number; offset?: number },
) {
  await itemWithView(db, principal, id)
  const limit = page.limit ?? 20
  const offset = page.offset ?? 0
  const base = db.selectFrom('action_item_comments').where('item_id', '=', id)
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base.selectAll().orderBy('seq').limit(limit).offset(offset).execute()
  return { items: rows.map(serialiseComment), total: Number(n), limit, offset }
}

/** A follow-up comment, visible to both sides (unlike the advisor's private notes). */
export async function addComment(
  db: Db,
  principal: Principal | null,
  id: string,
  body: string,
): Promise<CommentT> {
  const { row, view } = await itemWithView(db, principal, id)
  const comment = await db
    .insertInto('action_item_comments')
    .values({
      id: crypto.randomUUID(),
      item_id: id,
      organisation_id: row.organisation_id,
      author_id: principal!.userId,
      from_advisor: view === 'advisor',
      body,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return serialiseComment(comment)
}

// ——— PRIVATE advisor notes: every function below requires the advisor view ———

async function requireAdvisorView(
  db: Db,
  principal: Principal | null,
  organisationId: string,
): Promise<PlanView> {
  const view = await planView(db, principal, organisationId)
  if (view !== 'advisor') throw new Forbidden()
  return view
}

export async function listNotes(
  db: Db,
  principal: Principal | null,
  organisationId: string,
  query: { limit?: number; offset?: number; itemId?: string },
) {
  await requireAdvisorView(db, principal, organisationId)
  const limit = query.limit ?? 20
  const offset = query.offset ?? 0
  let base = db.selectFrom('advisor_notes').where('organisation_id', '=', organisationId)
  if (query.itemId) base = base.where('item_id', '=', query.itemId)
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
  return { items: rows.map(serialiseNote), total: Number(n), limit, offset }
}

export async function addNote(
  db: Db,
  principal: Principal | null,
  organisationId: string,
  body: { body: string; itemId?: string | null },
): Promise<Note> {
  await requireAdvisorView(db, principal, organisationId)
  if (body.itemId) {
    const item = await db
      .selectFrom('action_items')
      .select('organisation_id')
      .where('id', '=', body.itemId)
      .executeTakeFirst()
    if (item?.organisation_id !== organisationId)
      throw new FieldsError([{ field: 'body.itemId', message: 'is not an item of this plan' }])
  }
  const row = await db
    .insertInto('advisor_notes')
    .values({
      id: crypto.randomUUID(),
      organisation_id: organisationId,
      item_id: body.itemId ?? null,
      author_id: principal!.userId,
      body: body.body,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return serialiseNote(row)
}

async function ownNote(db: Db, principal: Principal | null, id: string) {
  const note = await db.selectFrom('advisor_notes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!note) throw new NotFound('Note')
  try {
    await requireAdvisorView(db, principal, note.organisation_id)
  } catch {
    throw new NotFound('Note')
  }
  if (note.author_id !== principal!.userId && !principal!.isPlatformAdmin) throw new Forbidden()
  return note
}

export async function updateNote(
  db: Db,
  principal: Principal | null,
  id: string,
  body: string,
): Promise<Note> {
  await ownNote(db, principal, id)
  const row = await db
    .updateTable('advisor_notes')
    .set({ body, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return serialiseNote(row)
}

export async function deleteNote(db: Db, principal: Principal | null, id: string): Promise<void> {
  await ownNote(db, principal, id)
  await db.deleteFrom('advisor_notes').where('id', '=', id).execute()
}

// ——— Hints for the next diagnostic ———

/** Done items grouped by the questions of the next diagnostic they relate to. No private data. */
export async function hintsForOrganisation(db: Db, organisationId: string): Promise<Static<typeof HintList>> {
  const ref = accompanimentReferential()
  const latest = ref.latest
  const rows = await db
    .selectFrom('action_items as i')
    .leftJoin('diagnostics as d', 'd.id', 'i.diagnostic_id')
    .select(['i.id', 'i.rule_id', 'i.title', 'i.status', 'i.completed_at', 'd.questionnaire_version'])
    .where('i.organisation_id', '=', organisationId)
    .where('i.status', 'in', DONE_ITEM_STATUSES)
    .where('i.rule_id', 'is not', null)
    .orderBy('i.completed_at')
    .execute()
  const byVersion = new Map<number, DoneItem[]>()
  for (const r of rows) {
    const version = r.questionnaire_version ?? latest.version
    const list = byVersion.get(version) ?? []
    list.push({
      itemId: r.id,
      ruleId: r.rule_id!,
      title: r.title,
      status: r.status,
      completedAt: iso(r.completed_at),
    })
    byVersion.set(version, list)
  }
  const merged = new Map<string, Static<typeof HintList>['hints'][number]>()
  for (const [version, items] of byVersion)
    for (const hint of hintsFor(items, ref.rulesFor(version).rules, latest.questions)) {
      const existing = merged.get(hint.questionId)
      const typed = hint.items.map((i) => ({ ...i, status: i.status as ActionItemStatus }))
      if (existing) existing.items.push(...typed)
      else merged.set(hint.questionId, { ...hint, items: typed })
    }
  const order = new Map(latest.questions.map((q, i) => [q.id, i]))
  return {
    organisationId,
    questionnaireVersion: latest.version,
    hints: [...merged.values()].sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!),
  }
}

export async function getHints(db: Db, principal: Principal | null, organisationId: string) {
  await planView(db, principal, organisationId)
  return hintsForOrganisation(db, organisationId)
}
