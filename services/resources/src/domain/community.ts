import { ResourcesEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { excerpt, plainText, renderMarkdown } from '@osinum/markdown'
import { NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Comment, DbOrTrx, Experience } from './db.js'
import { NotAMember, NotEditable, OrganisationRequired } from './errors.js'
import { newId } from './ids.js'
import { settleReports } from './reports.js'
import { withTypoTolerance } from './search.js'
import { isModerator, type Viewer } from './viewer.js'
import { REPORT_REASONS, type ReportReason } from './vocabulary.js'

/**
 * Community: "retours d'expérience" written by members of a collectivité, comments, "utile"
 * votes, and moderation. Hidden content is filtered in every query here, so it never shows in a
 * list, a search, a count or a comment thread; only its moderators can still open it.
 */
export interface ExperienceInput {
  organisationId?: string
  title: string
  body: string
  themes: string[]
  tools: string[]
}

const EXPERIENCE_COLUMNS = [
  'e.id',
  'e.slug',
  'e.title',
  'e.body',
  'e.body_html',
  'e.excerpt',
  'e.themes',
  'e.tools',
  'e.organisation_id',
  'e.author_id',
  'e.status',
  'e.hidden_at',
  'e.hidden_by',
  'e.hidden_reason',
  'e.demo',
  'e.created_at',
  'e.updated_at',
  'o.name as organisation_name',
  'o.operator_id as organisation_operator_id',
] as const

function experiencesQuery(db: DbOrTrx, viewerId: string | null) {
  return db
    .selectFrom('experiences as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(EXPERIENCE_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('useful_votes as v')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('v.experience_id', '=', 'e.id')
        .as('useful_count'),
      eb
        .selectFrom('comments as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.experience_id', '=', 'e.id')
        .where('c.status', '=', 'published')
        .as('comment_count'),
      viewerId
        ? eb
            .exists(
              eb
                .selectFrom('useful_votes as mv')
                .select('mv.user_id')
                .whereRef('mv.experience_id', '=', 'e.id')
                .where('mv.user_id', '=', viewerId),
            )
            .as('voted_by_me')
        : sql<boolean>`false`.as('voted_by_me'),
    ])
}

export type ExperienceRow = Awaited<
  ReturnType<ReturnType<typeof experiencesQuery>['executeTakeFirstOrThrow']>
>

export interface ExperienceFilter {
  q?: string | undefined
  themes: string[]
  tools: string[]
  organisationId?: string | undefined
  authorId?: string | undefined
  sort: 'date' | 'useful'
  limit: number
  offset: number
}

export async function listExperiences(db: DbOrTrx, viewer: Viewer, filter: ExperienceFilter) {
  const q = filter.q?.trim().slice(0, 200)
  const where = <T extends { where: (...args: any[]) => T }>(qb: T): T => {
    let out = qb.where('e.status', '=', 'published')
    if (q)
      out = out.where(
        sql<boolean>`(e.search @@ websearch_to_tsquery('french', public.osinum_unaccent(${q})) or public.osinum_unaccent(lower(${q})) operator(public.<%) public.osinum_unaccent(lower(e.title)))`,
      )
    if (filter.themes.length) out = out.where(sql<boolean>`e.themes && ${filter.themes}::text[]`)
    if (filter.tools.length) out = out.where(sql<boolean>`e.tools && ${filter.tools}::text[]`)
    if (filter.organisationId) out = out.where('e.organisation_id', '=', filter.organisationId)
    if (filter.authorId) out = out.where('e.author_id', '=', filter.authorId)
    return out
  }
  return withTypoTolerance(db, q, async (db) => {
    const items = await where(experiencesQuery(db, viewer.userId))
      .$if(filter.sort === 'useful', (qb) => qb.orderBy('useful_count', 'desc'))
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute()
    const count = await where(db.selectFrom('experiences as e'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return { items, total: Number(count?.n ?? 0) }
  })
}

/** An experience this viewer may read: published, or hidden for moderators only (else 404). */
export async function getExperience(db: DbOrTrx, viewer: Viewer, id: string): Promise<ExperienceRow> {
  const row = await experiencesQuery(db, viewer.userId).where('e.id', '=', id).executeTakeFirst()
  if (!row || (row.status !== 'published' && !isModerator(viewer, row.organisation_operator_id)))
    throw new NotFound('Experience')
  return row
}

/** A published experience (votes, comments, reports act only on visible posts). */
async function getPublishedExperience(db: DbOrTrx, id: string): Promise<Experience> {
  const row = await db
    .selectFrom('experiences')
    .select([
      'id',
      'slug',
      'title',
      'body',
      'body_html',
      'excerpt',
      'themes',
      'tools',
      'organisation_id',
      'author_id',
      'status',
      'hidden_at',
      'hidden_by',
      'hidden_reason',
      'demo',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (row?.status !== 'published') throw new NotFound('Experience')
  return row
}

function organisationOf(viewer: Viewer, requested: string | undefined): string {
  if (requested) {
    if (!viewer.memberships.some((m) => m.organisationId === requested)) throw new NotAMember()
    return requested
  }
  if (viewer.memberships.length === 1) return viewer.memberships[0]!.organisationId
  if (viewer.memberships.length === 0) throw new NotAMember()
  throw new OrganisationRequired()
}

export async function createExperience(db: DbOrTrx, viewer: Viewer, input: ExperienceInput) {
  const organisationId = organisationOf(viewer, input.organisationId)
  const id = newId()
  await db
    .insertInto('experiences')
    .values({
      id,
      slug: null,
      title: plainText(input.title),
      body: input.body,
      body_html: renderMarkdown(input.body),
      excerpt: excerpt(input.body),
      themes: [...new Set(input.themes)],
      tools: [...new Set(input.tools)],
      organisation_id: organisationId,
      author_id: viewer.userId,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    })
    .execute()
  return getExperience(db, viewer, id)
}

export async function updateExperience(
  db: DbOrTrx,
  viewer: Viewer,
  id: string,
  input: Partial<ExperienceInput>,
) {
  const current = await getPublishedExperience(db, id)
  if (!current.author_id || current.author_id !== viewer.userId) throw new NotEditable('experience')
  const values: Record<string, unknown> = {}
  if (input.title !== undefined) values.title = plainText(input.title)
  if (input.body !== undefined) {
    values.body = input.body
    values.body_html = renderMarkdown(input.body)
    values.excerpt = excerpt(input.body)
  }
  if (input.themes !== undefined) values.themes = [...new Set(input.themes)]
  if (input.tools !== undefined) values.tools = [...new Set(input.tools)]
  if (Object.keys(values).length)
    await db
      .updateTable('experiences')
      .set({ ...values, updated_at: sql`now()` } as never)
      .where('id', '=', id)
      .execute()
  return getExperience(db, viewer, id)
}

export async function deleteExperience(db: DbOrTrx, viewer: Viewer, id: string) {
  const row = await db
    .selectFrom('experiences as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.author_id', 'e.status', 'o.operator_id'])
    .where('e.id', '=', id)
    .executeTakeFirst()
  const moderator = Boolean(row) && isModerator(viewer, row!.operator_id)
  if (!row || (row.status !== 'published' && !moderator)) throw new NotFound('Experience')
  if (!(moderator || (row.author_id && row.author_id === viewer.userId))) throw new NotEditable('experience')
  await db.transaction().execute(async (trx) => {
    await settleReports(trx, 'experience', id, viewer.userId, 'deleted')
    await trx.deleteFrom('experiences').where('id', '=', id).execute()
  })
}

/** Hides community content (settling its reports) or restores it. */
async function moderate(
  db: DbOrTrx,
  viewer: Viewer,
  kind: 'experience' | 'comment',
  id: string,
  action: 'hide' | 'restore',
  reason: string | null,
  rule: ReportReason = 'abuse',
): Promise<void> {
  const table = kind === 'experience' ? 'experiences' : 'comments'
  await db.transaction().execute(async (trx) => {
    // The collectivité of the post (of the comment's post) decides who moderates it; others learn nothing.
    const row = await trx
      .selectFrom('experiences as e')
      .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
      .select('o.operator_id')
      .$if(kind === 'experience', (q) => q.where('e.id', '=', id))
      .$if(kind === 'comment', (q) =>
        q.where('e.id', '=', (eb) => eb.selectFrom('comments').select('experience_id').where('id', '=', id)),
      )
      .executeTakeFirst()
    if (!row || !isModerator(viewer, row.operator_id))
      throw new NotFound(kind === 'experience' ? 'Experience' : 'Comment')
    await trx
      .updateTable(table)
      .set(
        action === 'hide'
          ? {
              status: 'hidden',
              hidden_at: sql`now()` as never,
              hidden_by: viewer.userId,
              hidden_reason: reason,
            }
          : { status: 'published', hidden_at: null, hidden_by: null, hidden_reason: null },
      )
      .where('id', '=', id)
      .execute()
    if (action === 'hide') {
      await settleReports(trx, kind, id, viewer.userId, reason ?? 'hidden')
      await tellAuthorOfHiding(trx, kind, id, rule, reason)
    }
  })
}

/** The author of hidden content learns which rule it breaks and how to contest (by event). */
async function tellAuthorOfHiding(
  trx: DbOrTrx,
  kind: 'experience' | 'comment',
  id: string,
  rule: ReportReason,
  note: string | null,
) {
  const target =
    kind === 'experience'
      ? await trx
          .selectFrom('experiences')
          .select(['author_id', 'title'])
          .where('id', '=', id)
          .executeTakeFirst()
      : await trx
          .selectFrom('comments as c')
          .innerJoin('experiences as e', 'e.id', 'c.experience_id')
          .select(['c.author_id', sql<string>`'Commentaire sur « ' || e.title || ' »'`.as('title')])
          .where('c.id', '=', id)
          .executeTakeFirst()
  if (!target?.author_id) return
  await recordEvent(trx, ResourcesEvents.ContentHidden, id, {
    contentType: kind,
    contentId: id,
    title: target.title,
    authorId: target.author_id,
    rule,
    ruleLabel: REPORT_REASONS[rule],
    note,
  })
}

export async function moderateExperience(
  db: DbOrTrx,
  viewer: Viewer,
  id: string,
  action: 'hide' | 'restore',
  reason: string | null,
  rule?: ReportReason,
) {
  await moderate(db, viewer, 'experience', id, action, reason, rule)
  return getExperience(db, viewer, id)
}

export async function setUseful(db: DbOrTrx, viewer: Viewer, id: string, useful: boolean) {
  await getPublishedExperience(db, id)
  if (useful)
    await db
      .insertInto('useful_votes')
      .values({ experience_id: id, user_id: viewer.userId! })
      .onConflict((oc) => oc.columns(['experience_id', 'user_id']).doNothing())
      .execute()
  else
    await db
      .deleteFrom('useful_votes')
      .where('experience_id', '=', id)
      .where('user_id', '=', viewer.userId!)
      .execute()
  const row = await getExperience(db, viewer, id)
  return { usefulCount: row.useful_count, votedByMe: Boolean(row.voted_by_me) }
}

// ---------------------------------------------------------------- comments

const commentsQuery = (db: DbOrTrx) =>
  db
    .selectFrom('comments as c')
    .innerJoin('experiences as e', 'e.id', 'c.experience_id')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select([
      'c.id',
      'c.experience_id',
      'c.author_id',
      'c.body',
      'c.body_html',
      'c.status',
      'c.hidden_at',
      'c.hidden_by',
      'c.hidden_reason',
      'c.created_at',
      'c.updated_at',
      'e.status as experience_status',
      'e.title as experience_title',
      'o.operator_id as organisation_operator_id',
    ])

export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsQuery>['executeTakeFirstOrThrow']>>

export async function listComments(
  db: DbOrTrx,
  viewer: Viewer,
  experienceId: string,
  limit: number,
  offset: number,
) {
  await getPublishedExperience(db, experienceId)
  const base = commentsQuery(db)
    .where('c.experience_id', '=', experienceId)
    .where('c.status', '=', 'published')
  const [items, count] = await Promise.all([
    base.orderBy('c.created_at', 'asc').orderBy('c.id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('comments')
      .where('experience_id', '=', experienceId)
      .where('status', '=', 'published')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ])
  void viewer
  return { items, total: Number(count?.n ?? 0) }
}

export async function addComment(db: DbOrTrx, viewer: Viewer, experienceId: string, body: string) {
  await getPublishedExperience(db, experienceId)
  const id = newId()
  await db
    .insertInto('comments')
    .values({
      id,
      experience_id: experienceId,
      author_id: viewer.userId,
      body,
      body_html: renderMarkdown(body),
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    })
    .execute()
  return getComment(db, viewer, id)
}

/** A comment this viewer may read: visible comment of a visible post, or anything for moderators. */
export async function getComment(db: DbOrTrx, viewer: Viewer, id: string): Promise<CommentRow> {
  const row = await commentsQuery(db).where('c.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFound('Comment')
  if (
    (row.status !== 'published' || row.experience_status !== 'published') &&
    !isModerator(viewer, row.organisation_operator_id)
  )
    throw new NotFound('Comment')
  return row
}

export async function deleteComment(db: DbOrTrx, viewer: Viewer, id: string) {
  const row = await getComment(db, viewer, id)
  if (
    !(isModerator(viewer, row.organisation_operator_id) || (row.author_id && row.author_id === viewer.userId))
  )
    throw new NotEditable('comment')
  await db.transaction().execute(async (trx) => {
    await settleReports(trx, 'comment', id, viewer.userId, 'deleted')
    await trx.deleteFrom('comments').where('id', '=', id).execute()
  })
}

export async function moderateComment(
  db: DbOrTrx,
  viewer: Viewer,
  id: string,
  action: 'hide' | 'restore',
  reason: string | null,
  rule?: ReportReason,
) {
  await moderate(db, viewer, 'comment', id, action, reason, rule)
  return getComment(db, viewer, id)
}

/** What a report on community content needs: the content must be visible to the reporter. */
export async function reportTargetOfExperience(db: DbOrTrx, id: string) {
  const e = await getPublishedExperience(db, id)
  return { contentType: 'experience' as const, contentId: e.id, title: e.title }
}
export async function reportTargetOfComment(db: DbOrTrx, viewer: Viewer, id: string) {
  // As a reader: a moderator cannot report what only moderators can see.
  const c = await getComment(db, { ...viewer, edits: () => false }, id)
  return {
    contentType: 'comment' as const,
    contentId: c.id,
    title: `Commentaire sur « ${c.experience_title} »`,
  }
}

export type { Comment }
