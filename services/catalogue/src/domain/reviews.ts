import { CatalogueEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { Forbidden, NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import type { ModerationReview, ModerationReviewDetail, Review, ReviewBody } from '../schemas.js'
import { bumpVersion, type Db, type DbOrTrx, type ReviewStatus } from './db.js'
import { AlreadyReported, AlreadyReviewed, StaffCannotReport, UsageRequired } from './errors.js'
import { findPublishedTool } from './tools.js'
import { assertMember } from './usages.js'
import type { Viewer } from './viewer.js'

/** A published review goes back to moderation once this many members have reported it. */
export const REPORTS_BEFORE_REMODERATION = 3

const reviewQuery = (db: DbOrTrx) =>
  db
    .selectFrom('reviews as r')
    .innerJoin('tools as t', 't.id', 'r.tool_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      't.slug',
      't.name as tool_name',
      'r.tool_id',
      'r.organisation_id',
      'o.name as organisation_name',
      'o.departement',
      'r.author_id',
      'r.author_role',
      'r.rating',
      'r.text',
      'r.status',
      'r.moderation_note',
      'r.moderated_at',
      'r.report_count',
      'r.created_at',
    ])

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>

/** The public face of a review: no author id. */
const toReview = (r: ReviewRow): Review => ({
  id: r.id,
  toolSlug: r.slug,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name ?? null,
  departement: r.departement ?? null,
  authorRole: r.author_role,
  rating: r.rating,
  text: r.text,
  createdAt: new Date(r.created_at).toISOString(),
})
const toModeration = (r: ReviewRow): ModerationReview => ({
  ...toReview(r),
  status: r.status,
  authorId: r.author_id,
  moderationNote: r.moderation_note,
  moderatedAt: r.moderated_at ? new Date(r.moderated_at).toISOString() : null,
  reportCount: r.report_count,
})

/**
 * A member of a collectivité that declared using (or having evaluated or abandoned) the tool
 * reviews it. The review waits for moderation before anyone else sees it.
 */
export async function submitReview(
  db: Db,
  viewer: Viewer,
  slug: string,
  body: ReviewBody,
): Promise<ModerationReview> {
  assertMember(viewer, body.organisationId)
  const tool = await findPublishedTool(db, slug)
  const declared = await db
    .selectFrom('tool_usages')
    .select('id')
    .where('tool_id', '=', tool.id)
    .where('organisation_id', '=', body.organisationId)
    .executeTakeFirst()
  if (!declared) throw new UsageRequired()
  const role = viewer.memberships.find((m) => m.organisationId === body.organisationId)?.role ?? null
  const id = uuidv7()
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('reviews')
        .values({
          id,
          tool_id: tool.id,
          organisation_id: body.organisationId,
          author_id: viewer.userId,
          author_role: role,
          rating: body.rating,
          text: body.text.trim(),
          status: 'pending',
          moderation_note: null,
          moderated_by: null,
          moderated_at: null,
        })
        .execute()
      await recordEvent(trx, CatalogueEvents.ReviewSubmitted, id, {
        reviewId: id,
        toolId: tool.id,
        toolSlug: tool.slug,
        toolName: tool.name,
        organisationId: body.organisationId,
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyReviewed()
    throw error
  }
  return toModeration(await reviewQuery(db).where('r.id', '=', id).executeTakeFirstOrThrow())
}

/** Published reviews of a tool: the only ones anybody but editors and the author ever sees. */
export async function publishedReviews(db: Db, slug: string, limit: number, offset: number) {
  const tool = await findPublishedTool(db, slug)
  const [rows, total] = await Promise.all([
    reviewQuery(db)
      .where('r.tool_id', '=', tool.id)
      .where('r.status', '=', 'published')
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tool_id', '=', tool.id)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toReview), total: Number(total.n), limit, offset }
}

/** The moderation queue (editors). */
/**
 * Who moderates a review: national editors and the platform admin any; an operator's editors and
 * administrators those written by the collectivités of their operator (the scope rule).
 */
function moderates(viewer: Viewer, organisationOperator: string | null): boolean {
  return viewer.isEditor || (organisationOperator !== null && viewer.edits(organisationOperator))
}

/** The operator of a review's collectivité, from the local projection (null when unknown). */
async function operatorOfReview(db: DbOrTrx, reviewOrganisationId: string): Promise<string | null> {
  const org = await db
    .selectFrom('organisations')
    .select('operator_id')
    .where('id', '=', reviewOrganisationId)
    .executeTakeFirst()
  return org?.operator_id ?? null
}

export async function moderationQueue(
  db: Db,
  viewer: Viewer,
  filter: { status?: ReviewStatus; toolSlug?: string; reported?: boolean },
  limit: number,
  offset: number,
) {
  let q = reviewQuery(db)
  let c = db
    .selectFrom('reviews as r')
    .innerJoin('tools as t', 't.id', 'r.tool_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
  if (!viewer.isEditor) {
    // An operator's moderators see the reviews of its collectivités only.
    const own = viewer.staffOperatorId && viewer.edits(viewer.staffOperatorId) ? viewer.staffOperatorId : null
    if (!own) throw new Forbidden()
    q = q.where('o.operator_id', '=', own)
    c = c.where('o.operator_id', '=', own)
  }
  if (filter.status) {
    q = q.where('r.status', '=', filter.status)
    c = c.where('r.status', '=', filter.status)
  }
  if (filter.toolSlug) {
    q = q.where('t.slug', '=', filter.toolSlug)
    c = c.where('t.slug', '=', filter.toolSlug)
  }
  if (filter.reported) {
    q = q.where('r.report_count', '>', 0)
    c = c.where('r.report_count', '>', 0)
  }
  const [rows, total] = await Promise.all([
    q.orderBy('r.report_count', 'desc').orderBy('r.created_at').limit(limit).offset(offset).execute(),
    c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toModeration), total: Number(total.n), limit, offset }
}

/** One review as its moderators see it, with the reports' reasons (never who reported it). */
export async function reviewForModeration(
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<ModerationReviewDetail> {
  const row = await reviewQuery(db).where('r.id', '=', id).executeTakeFirst()
  if (!row || !moderates(viewer, await operatorOfReview(db, row.organisation_id)))
    throw new NotFound('Review')
  const reports = await db
    .selectFrom('review_reports')
    .select(['reason', 'created_at'])
    .where('review_id', '=', id)
    .orderBy('created_at')
    .execute()
  return {
    ...toModeration(row),
    toolName: row.tool_name,
    reports: reports.map((r) => ({ reason: r.reason, createdAt: new Date(r.created_at).toISOString() })),
  }
}

export async function moderateReview(
  db: Db,
  viewer: Viewer,
  id: string,
  decision: { status: 'published' | 'rejected'; note?: string | null },
): Promise<ModerationReview> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reviews')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row || !moderates(viewer, await operatorOfReview(trx, row.organisation_id)))
      throw new NotFound('Review')
    await trx
      .updateTable('reviews')
      .set({
        status: decision.status,
        moderation_note: decision.note ?? null,
        moderated_by: viewer.userId,
        moderated_at: new Date(),
        // A review published again after reports starts a new count.
        ...(decision.status === 'published' ? { report_count: 0 } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    if (decision.status === 'published')
      await trx.deleteFrom('review_reports').where('review_id', '=', id).execute()
    await recordEvent(trx, CatalogueEvents.ReviewModerated, id, {
      reviewId: id,
      toolId: row.tool_id,
      status: decision.status,
      authorId: row.author_id,
    })
    await bumpVersion(trx)
  })
  return toModeration(await reviewQuery(db).where('r.id', '=', id).executeTakeFirstOrThrow())
}

/**
 * Members of any collectivité may report a published review; enough reports send it back to
 * moderation. Editors and admins are refused: they moderate (POST /v1/reviews/{id}/moderation), and
 * their report never counts towards sending a review back.
 */
export async function reportReview(db: Db, viewer: Viewer, id: string, reason: string): Promise<void> {
  if (viewer.isModerator) throw new StaffCannotReport()
  if (!viewer.memberships.length) throw new Forbidden()
  const row = await db.selectFrom('reviews').select(['id', 'status']).where('id', '=', id).executeTakeFirst()
  if (row?.status !== 'published') throw new NotFound('Review')
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('review_reports')
        .values({ id: uuidv7(), review_id: id, reporter_id: viewer.userId, reason })
        .execute()
      const updated = await trx
        .updateTable('reviews')
        .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
        .where('id', '=', id)
        .returning('report_count')
        .executeTakeFirstOrThrow()
      if (updated.report_count >= REPORTS_BEFORE_REMODERATION) {
        await trx
          .updateTable('reviews')
          .set({ status: 'pending', updated_at: new Date() })
          .where('id', '=', id)
          .execute()
        await bumpVersion(trx)
      }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyReported()
    throw error
  }
}

/** The author (or a moderator of the review) withdraws a review. */
export async function deleteReview(db: Db, viewer: Viewer, id: string): Promise<void> {
  const row = await db
    .selectFrom('reviews')
    .select(['id', 'author_id', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (
    !row ||
    (row.author_id !== viewer.userId && !moderates(viewer, await operatorOfReview(db, row.organisation_id)))
  )
    throw new NotFound('Review')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reviews').where('id', '=', id).execute()
    await bumpVersion(trx)
  })
}

/** Erasure of a user: reviews lose their author (rating, text and collectivité stay), other traces too. */
export async function eraseUser(trx: DbOrTrx, userId: string): Promise<void> {
  await trx
    .updateTable('reviews')
    .set({ author_id: null, author_role: null })
    .where('author_id', '=', userId)
    .execute()
  await trx.updateTable('reviews').set({ moderated_by: null }).where('moderated_by', '=', userId).execute()
  await trx
    .updateTable('review_reports')
    .set({ reporter_id: null })
    .where('reporter_id', '=', userId)
    .execute()
  await trx.updateTable('tool_usages').set({ declared_by: null }).where('declared_by', '=', userId).execute()
  await trx
    .updateTable('contact_requests')
    .set({ from_user_id: null })
    .where('from_user_id', '=', userId)
    .execute()
  await trx.updateTable('tool_revisions').set({ changed_by: null }).where('changed_by', '=', userId).execute()
  await trx.updateTable('criteria').set({ created_by: null }).where('created_by', '=', userId).execute()
  await trx
    .updateTable('operator_offers')
    .set({ created_by: null })
    .where('created_by', '=', userId)
    .execute()
  await trx
    .updateTable('tool_attribute_values')
    .set({ updated_by: null })
    .where('updated_by', '=', userId)
    .execute()
}
