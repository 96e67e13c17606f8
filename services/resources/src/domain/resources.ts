import { ResourcesEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { plainText, renderMarkdown } from '@osinum/markdown'
import { NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { DbOrTrx, Resource, Trx } from './db.js'
import { InvalidTransition, NotEditable, OperatorForbidden, PublishForbidden, SlugTaken } from './errors.js'
import { newId, slugify } from './ids.js'
import { canReadOperator, isEditorOf, type Viewer } from './viewer.js'
import { type ResourceStatus, TRANSITIONS } from './vocabulary.js'

/** Every column of a resource, the review date as `YYYY-MM-DD` text (drivers parse `date` differently). */
export const RESOURCE_COLUMNS = [
  'id',
  'slug',
  'type',
  'title',
  'summary',
  'body',
  'body_html',
  'themes',
  'audience',
  'level',
  'duration_minutes',
  'licence',
  'source_licence',
  'source_url',
  'source_name',
  'related_tools',
  'operator_id',
  'status',
  sql<string | null>`to_char(review_by, 'YYYY-MM-DD')`.as('review_by'),
  'published_at',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
  'view_count',
  'bookmark_count',
] as const

const selectResource = (db: DbOrTrx) => db.selectFrom('resources').select(RESOURCE_COLUMNS)

/** Slugs that name sub-routes of /v1/resources. */
export const RESERVED_SLUGS = new Set(['for-you', 'reports', 'vocabulary', 'search'])

export interface ResourceInput {
  slug?: string
  type: string
  title: string
  summary: string
  body: string
  themes: string[]
  audience: string[]
  level: string
  durationMinutes?: number | null
  licence: string
  sourceLicence?: string | null
  sourceUrl?: string | null
  sourceName?: string | null
  relatedTools?: string[]
  reviewBy?: string | null
  operatorId?: string | null
}

const FIELD_COLUMNS: Record<string, keyof Resource> = {
  type: 'type',
  title: 'title',
  summary: 'summary',
  body: 'body',
  themes: 'themes',
  audience: 'audience',
  level: 'level',
  durationMinutes: 'duration_minutes',
  licence: 'licence',
  sourceLicence: 'source_licence',
  sourceUrl: 'source_url',
  sourceName: 'source_name',
  relatedTools: 'related_tools',
  reviewBy: 'review_by',
}

const unique = <T>(values: readonly T[]) => [...new Set(values)]

function columnsOf(input: Partial<ResourceInput>) {
  const values: Record<string, unknown> = {}
  if (input.type !== undefined) values.type = input.type
  if (input.title !== undefined) values.title = plainText(input.title)
  if (input.summary !== undefined) values.summary = plainText(input.summary)
  if (input.body !== undefined) {
    values.body = input.body
    values.body_html = renderMarkdown(input.body)
  }
  if (input.themes !== undefined) values.themes = unique(input.themes)
  if (input.audience !== undefined) values.audience = unique(input.audience)
  if (input.level !== undefined) values.level = input.level
  if (input.durationMinutes !== undefined) values.duration_minutes = input.durationMinutes
  if (input.licence !== undefined) values.licence = plainText(input.licence)
  if (input.sourceLicence !== undefined)
    values.source_licence = input.sourceLicence === null ? null : plainText(input.sourceLicence)
  if (input.sourceUrl !== undefined) values.source_url = input.sourceUrl
  if (input.sourceName !== undefined)
    values.source_name = input.sourceName === null ? null : plainText(input.sourceName)
  if (input.relatedTools !== undefined) values.related_tools = unique(input.relatedTools)
  if (input.reviewBy !== undefined) values.review_by = input.reviewBy
  return values
}

/** Staff who may write drafts in this scope: its editors, admins, and advisors of that operator. */
function canWriteIn(viewer: Viewer, operatorId: string | null): boolean {
  return isEditorOf(viewer, operatorId) || (viewer.isAdvisor && viewer.operatorId === operatorId)
}

/** May change this resource: editors of its scope; an advisor only their own draft. */
export function canEdit(viewer: Viewer, r: Pick<Resource, 'operator_id' | 'created_by' | 'status'>): boolean {
  if (isEditorOf(viewer, r.operator_id)) return true
  return (
    viewer.isAdvisor &&
    viewer.operatorId === r.operator_id &&
    r.created_by !== null &&
    r.created_by === viewer.userId &&
    r.status === 'draft'
  )
}

/** May see this resource: anyone in its audience once published, its staff before. */
export function canSee(viewer: Viewer, r: Pick<Resource, 'operator_id' | 'created_by' | 'status'>): boolean {
  if (r.status === 'published') return canReadOperator(viewer, r.operator_id)
  return (
    isEditorOf(viewer, r.operator_id) ||
    canEdit(viewer, r) ||
    (viewer.isAdvisor && r.created_by === viewer.userId)
  )
}

async function addHistory(
  trx: DbOrTrx,
  resourceId: string,
  actorId: string | null,
  action: string,
  extra: { from?: string | null; to?: string | null; changes?: string[]; note?: string | null } = {},
) {
  await trx
    .insertInto('resource_history')
    .values({
      resource_id: resourceId,
      actor_id: actorId,
      action,
      from_status: extra.from ?? null,
      to_status: extra.to ?? null,
      changes: JSON.stringify(extra.changes ?? []),
      note: extra.note ?? null,
    })
    .execute()
}

async function freeSlug(db: DbOrTrx, base: string): Promise<string> {
  const rows = await db
    .selectFrom('resources')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const taken = new Set(rows.map((r) => r.slug))
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
}

export async function findResource(db: DbOrTrx, slug: string): Promise<Resource | undefined> {
  return (await selectResource(db).where('slug', '=', slug).executeTakeFirst()) as Resource | undefined
}

/** The resource if this viewer may see it, else 404 (existence is not leaked). */
export async function getVisibleResource(db: DbOrTrx, viewer: Viewer, slug: string): Promise<Resource> {
  const r = await findResource(db, slug)
  if (!r || !canSee(viewer, r)) throw new NotFound('Resource')
  return r
}

/** The resource if this viewer may change it: 404 when they may not even see it, 403 otherwise. */
export async function getEditableResource(db: DbOrTrx, viewer: Viewer, slug: string): Promise<Resource> {
  const r = await findResource(db, slug)
  if (!r || !(canSee(viewer, r) || canReadOperator(viewer, r.operator_id))) throw new NotFound('Resource')
  if (!canEdit(viewer, r)) {
    if (r.operator_id !== viewer.operatorId && !viewer.isPlatformAdmin) throw new OperatorForbidden()
    throw new NotEditable('resource')
  }
  return r
}

export async function createResource(db: DbOrTrx, viewer: Viewer, input: ResourceInput): Promise<Resource> {
  const operatorId = input.operatorId === undefined ? viewer.operatorId : input.operatorId
  if (!canWriteIn(viewer, operatorId)) throw new OperatorForbidden()
  const explicit = input.slug !== undefined
  if (explicit && RESERVED_SLUGS.has(input.slug!)) throw new SlugTaken(input.slug)
  const id = newId()
  const run = async (trx: Trx) => {
    const slug = explicit ? input.slug! : await freeSlug(trx, slugify(plainText(input.title)))
    const values = columnsOf(input)
    try {
      await trx
        .insertInto('resources')
        .values({
          ...(values as object),
          id,
          slug,
          operator_id: operatorId,
          status: 'draft',
          created_by: viewer.userId,
          updated_by: viewer.userId,
        } as never)
        .execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTaken(slug)
      throw error
    }
    await addHistory(trx, id, viewer.userId, 'created', { to: 'draft', changes: Object.keys(input) })
    return (await selectResource(trx).where('id', '=', id).executeTakeFirstOrThrow()) as Resource
  }
  return db.transaction().execute(run)
}

export async function updateResource(
  db: DbOrTrx,
  viewer: Viewer,
  slug: string,
  input: Partial<ResourceInput>,
): Promise<Resource> {
  return db.transaction().execute(async (trx) => {
    const current = await getEditableResource(trx, viewer, slug)
    if (input.operatorId !== undefined && input.operatorId !== current.operator_id) {
      // Moving content between scopes is the platform admin's decision.
      if (!viewer.isPlatformAdmin) throw new OperatorForbidden()
    }
    const values = columnsOf(input)
    const changed = Object.entries(FIELD_COLUMNS)
      .filter(([field, column]) => {
        if (!(field in input) || (input as Record<string, unknown>)[field] === undefined) return false
        const next = values[column as string]
        return JSON.stringify(next) !== JSON.stringify(current[column])
      })
      .map(([field]) => field)
    let newSlug = current.slug
    if (input.slug !== undefined && input.slug !== current.slug) {
      if (RESERVED_SLUGS.has(input.slug)) throw new SlugTaken(input.slug)
      newSlug = input.slug
      changed.push('slug')
    }
    if (input.operatorId !== undefined && input.operatorId !== current.operator_id) changed.push('operatorId')
    if (changed.length === 0) return current
    try {
      await trx
        .updateTable('resources')
        .set({
          ...(values as object),
          slug: newSlug,
          ...(input.operatorId !== undefined ? { operator_id: input.operatorId } : {}),
          updated_by: viewer.userId,
          updated_at: sql`now()`,
        } as never)
        .where('id', '=', current.id)
        .execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTaken(newSlug)
      throw error
    }
    await addHistory(trx, current.id, viewer.userId, 'updated', { changes: changed })
    const updated = (await selectResource(trx)
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow()) as Resource
    if (updated.status === 'published' && (changed.includes('themes') || changed.includes('title')))
      await recordPublished(trx, updated)
    return updated
  })
}

async function recordPublished(trx: DbOrTrx, r: Resource) {
  await recordEvent(trx, ResourcesEvents.ResourcePublished, r.id, {
    resourceId: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    themes: r.themes as never,
    operatorId: r.operator_id,
  })
}

/** Moves a resource along the workflow; publishing and archiving are for editors of its scope. */
export async function transitionResource(
  db: DbOrTrx,
  viewer: Viewer,
  slug: string,
  to: ResourceStatus,
  note: string | null,
): Promise<Resource> {
  return db.transaction().execute(async (trx) => {
    const current = await findResource(trx, slug)
    if (!current || !(canSee(viewer, current) || canReadOperator(viewer, current.operator_id)))
      throw new NotFound('Resource')
    const from = current.status as ResourceStatus
    const editor = isEditorOf(viewer, current.operator_id)
    if (!editor) {
      if (current.operator_id !== viewer.operatorId && !viewer.isPlatformAdmin) throw new OperatorForbidden()
      if (to === 'published' || to === 'archived') throw new PublishForbidden()
      // An advisor may only submit their own draft for review.
      if (!(canEdit(viewer, current) && from === 'draft' && to === 'in-review'))
        throw new NotEditable('resource')
    }
    if (!TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to)
    await trx
      .updateTable('resources')
      .set({
        status: to,
        updated_by: viewer.userId,
        updated_at: sql`now()` as never,
        ...(to === 'published' && current.published_at === null ? { published_at: sql`now()` as never } : {}),
      })
      .where('id', '=', current.id)
      .execute()
    await addHistory(trx, current.id, viewer.userId, 'status-changed', { from, to, note })
    const updated = (await selectResource(trx)
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow()) as Resource
    if (to === 'published') await recordPublished(trx, updated)
    return updated
  })
}

/** Only drafts are deleted; published content is archived instead so links keep working. */
export async function deleteResource(db: DbOrTrx, viewer: Viewer, slug: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const current = await getEditableResource(trx, viewer, slug)
    if (current.status !== 'draft') throw new InvalidTransition(current.status, 'deleted')
    const keys = await trx
      .selectFrom('attachments')
      .select(['storage_key'])
      .where('resource_id', '=', current.id)
      .execute()
    await trx.deleteFrom('resources').where('id', '=', current.id).execute()
    return keys.map((k) => k.storage_key)
  })
}

export async function resourceHistory(db: DbOrTrx, viewer: Viewer, slug: string) {
  const r = await findResource(db, slug)
  if (!r || !canSee(viewer, r)) throw new NotFound('Resource')
  if (!(isEditorOf(viewer, r.operator_id) || canEdit(viewer, r) || r.created_by === viewer.userId))
    throw new NotEditable('resource')
  return db
    .selectFrom('resource_history')
    .selectAll()
    .where('resource_id', '=', r.id)
    .orderBy('at', 'asc')
    .execute()
}

export async function countView(db: DbOrTrx, id: string): Promise<void> {
  await db
    .updateTable('resources')
    .set({ view_count: sql`view_count + 1` as never })
    .where('id', '=', id)
    .execute()
}

/** True when the review date has passed. */
export function isOutdated(reviewBy: string | Date | null, today = new Date()): boolean {
  if (!reviewBy) return false
  const day = typeof reviewBy === 'string' ? reviewBy.slice(0, 10) : reviewBy.toISOString().slice(0, 10)
  return day < today.toISOString().slice(0, 10)
}
