import { ResourcesEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { NotFound } from '@osinum/service-kit'
import { type ExpressionBuilder, sql } from 'kysely'
import type { DbOrTrx } from './db.js'
import { AlreadyReported, ReportClosed, StaffCannotReport } from './errors.js'
import { newId } from './ids.js'
import { isEditorOf, isModerator, type Viewer } from './viewer.js'

export type ContentType = 'resource' | 'experience' | 'comment'

export interface ReportTarget {
  contentType: ContentType
  contentId: string
  title: string
}

/**
 * A reader flags content (outdated, wrong, abusive…); editors see it in their queue. Editors and
 * admins are refused (403): they moderate instead, and a report of theirs must never weigh as a
 * reader's would.
 */
export async function reportContent(
  db: DbOrTrx,
  viewer: Viewer,
  target: ReportTarget,
  reason: string,
  message: string | null,
) {
  if (viewer.isModerator) throw new StaffCannotReport()
  const id = newId()
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('content_reports')
        .values({
          id,
          content_type: target.contentType,
          content_id: target.contentId,
          reporter_id: viewer.userId,
          reason,
          message,
          resolved_by: null,
          resolved_at: null,
          resolution_note: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, ResourcesEvents.ContentReported, target.contentId, {
        reportId: id,
        contentType: target.contentType,
        contentId: target.contentId,
        reason,
        title: target.title,
      })
      return row
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyReported()
    throw error
  }
}

/**
 * Reports a moderator handles (the scope rule): national editors the national resources and every
 * community post; an operator's editors and administrators its local resources and the posts of
 * its collectivités; the platform admin everything.
 */
function inEditorScope(viewer: Viewer) {
  return (eb: ExpressionBuilder<any, any>) => {
    if (viewer.isPlatformAdmin) return sql<boolean>`true`
    if (!viewer.edits(viewer.operatorId)) return sql<boolean>`false`
    const scope = viewer.operatorId
    return eb.or([
      eb.and([
        eb('cr.content_type', '=', 'resource'),
        scope === null ? eb('r.operator_id', 'is', null) : eb('r.operator_id', '=', scope),
      ]),
      eb.and([
        eb('cr.content_type', '!=', 'resource'),
        scope === null ? sql<boolean>`true` : eb('o.operator_id', '=', scope),
      ]),
    ])
  }
}

function reportsQuery(db: DbOrTrx) {
  return (
    (db as DbOrTrx)
      .selectFrom('content_reports as cr')
      .leftJoin('resources as r', (j) =>
        j.onRef('r.id', '=', 'cr.content_id').on('cr.content_type', '=', 'resource'),
      )
      .leftJoin('experiences as e', (j) =>
        j.onRef('e.id', '=', 'cr.content_id').on('cr.content_type', '=', 'experience'),
      )
      .leftJoin('comments as c', (j) =>
        j.onRef('c.id', '=', 'cr.content_id').on('cr.content_type', '=', 'comment'),
      )
      .leftJoin('experiences as ce', 'ce.id', 'c.experience_id')
      // The collectivité of the reported post (or of the reported comment's post).
      .leftJoin('organisations as o', (j) =>
        j.on(sql<boolean>`o.id = coalesce(e.organisation_id, ce.organisation_id)`),
      )
  )
}

export interface ReportFilter {
  status?: string | undefined
  contentType?: ContentType | undefined
  limit: number
  offset: number
}

export async function listReports(db: DbOrTrx, viewer: Viewer, filter: ReportFilter) {
  let base = reportsQuery(db).where(inEditorScope(viewer) as never)
  if (filter.status) base = base.where('cr.status', '=', filter.status)
  if (filter.contentType) base = base.where('cr.content_type', '=', filter.contentType)
  const [rows, count] = await Promise.all([
    base
      .select([
        'cr.id',
        'cr.content_type',
        'cr.content_id',
        'cr.reporter_id',
        'cr.reason',
        'cr.message',
        'cr.status',
        'cr.created_at',
        'cr.resolved_by',
        'cr.resolved_at',
        'cr.resolution_note',
        'r.slug as resource_slug',
        sql<string | null>`coalesce(r.title, e.title, ce.title)`.as('title'),
        sql<string | null>`coalesce(e.id, ce.id)`.as('experience_id'),
        sql<string | null>`coalesce(e.status, c.status, r.status)`.as('content_status'),
      ])
      .orderBy('cr.created_at', 'desc')
      .orderBy('cr.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ])
  return { items: rows, total: Number(count?.n ?? 0) }
}

export async function resolveReport(
  db: DbOrTrx,
  viewer: Viewer,
  id: string,
  status: 'resolved' | 'dismissed',
  note: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const report = await reportsQuery(trx)
      .where('cr.id', '=', id)
      .select([
        'cr.id',
        'cr.status',
        'cr.content_type',
        'r.operator_id',
        'o.operator_id as community_operator_id',
      ])
      .executeTakeFirst()
    if (
      !report ||
      (report.content_type === 'resource'
        ? !isEditorOf(viewer, report.operator_id)
        : !isModerator(viewer, report.community_operator_id))
    )
      throw new NotFound('Report')
    if (report.status !== 'open') throw new ReportClosed()
    await trx
      .updateTable('content_reports')
      .set({ status, resolved_by: viewer.userId, resolved_at: sql`now()` as never, resolution_note: note })
      .where('id', '=', id)
      .execute()
  })
}

/** Hiding or deleting content settles its open reports. */
export async function settleReports(
  trx: DbOrTrx,
  contentType: ContentType,
  contentId: string,
  actorId: string | null,
  note: string,
) {
  await trx
    .updateTable('content_reports')
    .set({
      status: 'resolved',
      resolved_by: actorId,
      resolved_at: sql`now()` as never,
      resolution_note: note,
    })
    .where('content_type', '=', contentType)
    .where('content_id', '=', contentId)
    .where('status', '=', 'open')
    .execute()
}

export async function openReportCount(db: DbOrTrx, contentType: ContentType, contentId: string) {
  const row = await (db as DbOrTrx)
    .selectFrom('content_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('content_type', '=', contentType)
    .where('content_id', '=', contentId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>['items'][number]
