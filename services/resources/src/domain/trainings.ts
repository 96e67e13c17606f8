import { ResourcesEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { plainText, renderMarkdown } from '@osinum/markdown'
import { FieldsError, NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { DbOrTrx, Registration, Trx } from './db.js'
import {
  AlreadyRegistered,
  CapacityBelowRegistered,
  NotEditable,
  OperatorForbidden,
  SessionCancelled,
  SessionClosed,
  SessionHasRegistrants,
  SlugTaken,
} from './errors.js'
import { newId, slugify } from './ids.js'
import { parseSessionTime, toParisIso } from './paris-time.js'
import { canReadOperator, isEditorOf, readableOperatorSql, type Viewer } from './viewer.js'

export interface TrainingInput {
  slug?: string
  title: string
  summary: string
  description: string
  themes: string[]
  audience: string[]
  level: string
  durationMinutes?: number | null
  operatorId?: string | null
}

export interface SessionInput {
  startsAt: string
  endsAt: string
  mode: 'online' | 'in-person'
  onlineUrl?: string | null
  place?: string | null
  capacity: number
}

const SESSION_COLUMNS = [
  's.id',
  's.training_id',
  's.starts_at',
  's.ends_at',
  's.mode',
  's.online_url',
  's.place',
  's.capacity',
  's.updated_at',
  's.cancelled_at',
  't.slug as training_slug',
  't.title as training_title',
  't.summary as training_summary',
  't.operator_id',
] as const

export function sessionsQuery(db: DbOrTrx) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('trainings as t', 't.id', 's.training_id')
    .select(SESSION_COLUMNS)
}

/** Sessions with the seats taken and the people waiting, computed from the registrations. */
export function sessionsWithCounts(db: DbOrTrx) {
  return sessionsQuery(db).select((eb) => [
    eb
      .selectFrom('registrations as rc')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('rc.session_id', '=', 's.id')
      .where('rc.status', '=', 'registered')
      .as('registered_count'),
    eb
      .selectFrom('registrations as wc')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('wc.session_id', '=', 's.id')
      .where('wc.status', '=', 'waiting')
      .as('waiting_count'),
  ])
}

export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['executeTakeFirstOrThrow']>> & {
  registered_count: number
  waiting_count: number
}

// ---------------------------------------------------------------- trainings

function trainingValues(input: Partial<TrainingInput>) {
  const v: Record<string, unknown> = {}
  if (input.title !== undefined) v.title = plainText(input.title)
  if (input.summary !== undefined) v.summary = plainText(input.summary)
  if (input.description !== undefined) {
    v.description = input.description
    v.description_html = renderMarkdown(input.description)
  }
  if (input.themes !== undefined) v.themes = [...new Set(input.themes)]
  if (input.audience !== undefined) v.audience = [...new Set(input.audience)]
  if (input.level !== undefined) v.level = input.level
  if (input.durationMinutes !== undefined) v.duration_minutes = input.durationMinutes
  return v
}

export async function findTraining(db: DbOrTrx, slug: string) {
  return db.selectFrom('trainings').selectAll().where('slug', '=', slug).executeTakeFirst()
}

export async function getVisibleTraining(db: DbOrTrx, viewer: Viewer, slug: string) {
  const t = await findTraining(db, slug)
  if (!t || !canReadOperator(viewer, t.operator_id)) throw new NotFound('Training')
  return t
}

async function getManagedTraining(db: DbOrTrx, viewer: Viewer, slug: string) {
  const t = await getVisibleTraining(db, viewer, slug)
  if (!isEditorOf(viewer, t.operator_id)) throw new OperatorForbidden()
  return t
}

export async function createTraining(db: DbOrTrx, viewer: Viewer, input: TrainingInput) {
  const operatorId = input.operatorId === undefined ? viewer.operatorId : input.operatorId
  if (!isEditorOf(viewer, operatorId)) throw new OperatorForbidden()
  const slug = input.slug ?? `${slugify(plainText(input.title))}-${newId().slice(-6)}`
  const id = newId()
  try {
    return await db
      .insertInto('trainings')
      .values({
        ...(trainingValues(input) as object),
        id,
        slug,
        operator_id: operatorId,
        created_by: viewer.userId,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow()
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTaken(slug)
    throw error
  }
}

export async function updateTraining(
  db: DbOrTrx,
  viewer: Viewer,
  slug: string,
  input: Partial<TrainingInput>,
) {
  const t = await getManagedTraining(db, viewer, slug)
  if (input.operatorId !== undefined && input.operatorId !== t.operator_id && !viewer.isPlatformAdmin)
    throw new OperatorForbidden()
  const values = trainingValues(input)
  if (input.operatorId !== undefined) values.operator_id = input.operatorId
  if (input.slug !== undefined) values.slug = input.slug
  if (Object.keys(values).length === 0) return t
  try {
    return await db
      .updateTable('trainings')
      .set({ ...(values as object), updated_at: sql`now()` as never })
      .where('id', '=', t.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTaken(String(input.slug))
    throw error
  }
}

export async function deleteTraining(db: DbOrTrx, viewer: Viewer, slug: string) {
  const t = await getManagedTraining(db, viewer, slug)
  await db.deleteFrom('trainings').where('id', '=', t.id).execute()
}

export interface TrainingFilter {
  themes: string[]
  operators: string[]
  upcoming: boolean
  q?: string | undefined
  limit: number
  offset: number
}

/** The trainings `viewer` may read that match `filter`. */
function filteredTrainings(db: DbOrTrx, viewer: Viewer, filter: TrainingFilter) {
  let base = db.selectFrom('trainings as t').where(readableOperatorSql(viewer, 't.operator_id') as never)
  if (filter.themes.length) base = base.where(sql<boolean>`t.themes && ${filter.themes}::text[]` as never)
  if (filter.operators.length) {
    const uuids = filter.operators.filter((o) => o !== 'national')
    const national = filter.operators.includes('national')
    base = base.where(
      sql<boolean>`(${national ? sql`t.operator_id is null` : sql`false`} or t.operator_id = any(${uuids}::uuid[]))` as never,
    )
  }
  if (filter.q?.trim())
    base = base.where(
      sql<boolean>`public.osinum_unaccent(lower(t.title || ' ' || t.summary)) like '%' || public.osinum_unaccent(lower(${filter.q.trim()})) || '%'` as never,
    )
  if (filter.upcoming)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_sessions as us')
          .select('us.id')
          .whereRef('us.training_id', '=', 't.id')
          .where('us.ends_at', '>', sql<Date>`now()`)
          .where('us.cancelled_at', 'is', null),
      ),
    )
  return base
}

/**
 * A page of trainings, next session first, with the number of trainings per theme. The theme
 * counts keep every filter but the themes (a disjunctive facet: choosing a theme does not hide
 * the others).
 */
export async function listTrainings(db: DbOrTrx, viewer: Viewer, filter: TrainingFilter) {
  const base = filteredTrainings(db, viewer, filter)
  const byTheme = filteredTrainings(db, viewer, { ...filter, themes: [] })
    .select(sql<string>`unnest(t.themes)`.as('theme'))
    .as('x')
  const [items, total, themes] = await Promise.all([
    base
      .selectAll('t')
      .select((eb) => [
        eb
          .selectFrom('training_sessions as ns')
          .select((e) => e.fn.min('ns.starts_at').as('m'))
          .whereRef('ns.training_id', '=', 't.id')
          .where('ns.ends_at', '>', sql<Date>`now()`)
          .where('ns.cancelled_at', 'is', null)
          .as('next_session_at'),
        eb
          .selectFrom('training_sessions as cs')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('cs.training_id', '=', 't.id')
          .where('cs.ends_at', '>', sql<Date>`now()`)
          .where('cs.cancelled_at', 'is', null)
          .as('upcoming_sessions'),
      ])
      .orderBy('next_session_at', (ob) => ob.asc().nullsLast())
      .orderBy('t.title')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    db
      .selectFrom(byTheme)
      .select(['x.theme', sql<number>`count(*)::int`.as('n')])
      .groupBy('x.theme')
      .execute(),
  ])
  return {
    items,
    total: Number(total?.n ?? 0),
    themeCounts: new Map(themes.map((t) => [t.theme, Number(t.n)])),
  }
}

// ---------------------------------------------------------------- sessions

function sessionValues(
  input: Partial<SessionInput>,
  current?: { starts_at: Date; ends_at: Date; mode: string },
) {
  const errors: Array<{ field: string; message: string }> = []
  const v: Record<string, unknown> = {}
  let startsAt = current?.starts_at
  let endsAt = current?.ends_at
  if (input.startsAt !== undefined) {
    const d = parseSessionTime(input.startsAt)
    if (!d) errors.push({ field: 'body.startsAt', message: 'is not a valid time in Europe/Paris' })
    else startsAt = v.starts_at = d as never
  }
  if (input.endsAt !== undefined) {
    const d = parseSessionTime(input.endsAt)
    if (!d) errors.push({ field: 'body.endsAt', message: 'is not a valid time in Europe/Paris' })
    else endsAt = v.ends_at = d as never
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
    errors.push({ field: 'body.endsAt', message: 'must be after startsAt' })
  const mode = input.mode ?? current?.mode
  if (input.mode !== undefined) v.mode = input.mode
  if (input.onlineUrl !== undefined) v.online_url = input.onlineUrl
  if (input.place !== undefined) v.place = input.place === null ? null : plainText(input.place)
  if (input.capacity !== undefined) v.capacity = input.capacity
  if (!current) {
    if (mode === 'online' && !input.onlineUrl)
      errors.push({ field: 'body.onlineUrl', message: 'is required for an online session' })
    if (mode === 'in-person' && !input.place)
      errors.push({ field: 'body.place', message: 'is required for an in-person session' })
  }
  if (errors.length) throw new FieldsError(errors)
  return v
}

export async function createSession(db: DbOrTrx, viewer: Viewer, trainingSlug: string, input: SessionInput) {
  const t = await getManagedTraining(db, viewer, trainingSlug)
  const id = newId()
  try {
    await db
      .insertInto('training_sessions')
      .values({ ...(sessionValues(input) as object), id, training_id: t.id } as never)
      .execute()
  } catch (error) {
    if (isUniqueViolation(error))
      throw new FieldsError(
        [{ field: 'body.startsAt', message: 'a session of this training already starts then' }],
        {
          status: 409,
          code: 'OSI_RESOURCES_SESSION_EXISTS',
        },
      )
    throw error
  }
  return getSession(db, viewer, id)
}

export async function getSession(db: DbOrTrx, viewer: Viewer, id: string): Promise<SessionRow> {
  const row = (await sessionsWithCounts(db).where('s.id', '=', id).executeTakeFirst()) as
    | SessionRow
    | undefined
  if (!row || !canReadOperator(viewer, row.operator_id)) throw new NotFound('Training session')
  return row
}

export async function listSessionsOfTraining(db: DbOrTrx, trainingId: string): Promise<SessionRow[]> {
  return (await sessionsWithCounts(db)
    .where('s.training_id', '=', trainingId)
    .orderBy('s.starts_at')
    .execute()) as SessionRow[]
}

async function lockSession(trx: Trx, id: string) {
  // Serialises every seat decision of this session: registrations, cancellations, capacity changes.
  return trx
    .selectFrom('training_sessions')
    .select(['id', 'capacity', 'starts_at', 'cancelled_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

async function registeredCount(trx: Trx, sessionId: string) {
  const row = await trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'registered')
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

type SessionChange = 'time' | 'place' | 'link'

/** What changed for the people registered: the time, the place, the visio link. */
function sessionChanges(before: SessionRow, after: SessionRow): SessionChange[] {
  const changes: SessionChange[] = []
  const same = (a: Date | string, b: Date | string) => new Date(a).getTime() === new Date(b).getTime()
  if (!same(before.starts_at, after.starts_at) || !same(before.ends_at, after.ends_at)) changes.push('time')
  if (before.mode !== after.mode || (before.place ?? '') !== (after.place ?? '')) changes.push('place')
  if (before.mode !== after.mode || (before.online_url ?? '') !== (after.online_url ?? ''))
    changes.push('link')
  return changes
}

/**
 * Changes a session. Everyone holding a seat or waiting is told of a new time or place (and
 * those holding a seat of a new visio link), each with a new version of their invitation.
 */
export async function updateSession(db: DbOrTrx, viewer: Viewer, id: string, input: Partial<SessionInput>) {
  const session = await getSession(db, viewer, id)
  if (!isEditorOf(viewer, session.operator_id)) throw new OperatorForbidden()
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, id)
    if (!locked) throw new NotFound('Training session')
    if (locked.cancelled_at) throw new SessionCancelled()
    const before = (await sessionsWithCounts(trx)
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow()) as SessionRow
    const values = sessionValues(input, before)
    if (input.capacity !== undefined) {
      const taken = await registeredCount(trx, id)
      if (input.capacity < taken) throw new CapacityBelowRegistered(taken)
    }
    if (Object.keys(values).length)
      await trx
        .updateTable('training_sessions')
        .set({ ...(values as object), updated_at: sql`now()` as never })
        .where('id', '=', id)
        .execute()
    // More seats: the first people waiting take them (their invitation carries the new details).
    const promoted = new Set((await promoteWaiting(trx, id)).map((r) => r.id))
    const after = (await sessionsWithCounts(trx)
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow()) as SessionRow
    const changes = sessionChanges(before, after)
    if (changes.length === 0) return
    const active = await trx
      .selectFrom('registrations')
      .select(['id', 'status'])
      .where('session_id', '=', id)
      .where('status', '!=', 'cancelled')
      .orderBy('seq')
      .execute()
    for (const a of active) {
      if (promoted.has(a.id)) continue
      // The waiting list never receives the visio link: a new link alone is not news to them.
      const theirs = a.status === 'waiting' ? changes.filter((c) => c !== 'link') : changes
      if (theirs.length === 0) continue
      const r = await trx
        .updateTable('registrations')
        .set({ ics_sequence: sql`ics_sequence + 1` as never })
        .where('id', '=', a.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, ResourcesEvents.RegistrationUpdated, r.id, {
        ...(await registrationEventData(trx, r)),
        changes: theirs,
      })
    }
  })
  return getSession(db, viewer, id)
}

/**
 * Cancels a session: it stays (as history) with its registrations cancelled, and every person
 * holding a seat or waiting is told, with a calendar cancellation for those who had an invitation.
 */
export async function cancelSession(db: DbOrTrx, viewer: Viewer, id: string) {
  const session = await getSession(db, viewer, id)
  if (!isEditorOf(viewer, session.operator_id)) throw new OperatorForbidden()
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, id)
    if (!locked) throw new NotFound('Training session')
    if (locked.cancelled_at) return
    await trx
      .updateTable('training_sessions')
      .set({ cancelled_at: sql`now()` as never, updated_at: sql`now()` as never })
      .where('id', '=', id)
      .execute()
    const cancelled = await trx
      .updateTable('registrations')
      .set({
        status: 'cancelled',
        cancelled_at: sql`now()` as never,
        cancelled_by_session: true,
        ics_sequence: sql`ics_sequence + 1` as never,
      })
      .where('session_id', '=', id)
      .where('status', '!=', 'cancelled')
      .returning(['id', 'status'])
      .execute()
    for (const c of cancelled) {
      const r = await trx
        .selectFrom('registrations')
        .selectAll()
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow()
      await recordEvent(trx, ResourcesEvents.RegistrationCancelled, r.id, await registrationEventData(trx, r))
    }
  })
  return getSession(db, viewer, id)
}

/** Deletes a session nobody holds a seat in or waits for; a session with people is cancelled first. */
export async function deleteSession(db: DbOrTrx, viewer: Viewer, id: string) {
  const session = await getSession(db, viewer, id)
  if (!isEditorOf(viewer, session.operator_id)) throw new OperatorForbidden()
  await db.transaction().execute(async (trx) => {
    await lockSession(trx, id)
    const active = await trx
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', id)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst()
    if (Number(active?.n ?? 0) > 0) throw new SessionHasRegistrants()
    await trx.deleteFrom('training_sessions').where('id', '=', id).execute()
  })
}

// ---------------------------------------------------------------- registrations

async function registrationEventData(trx: DbOrTrx, r: Registration) {
  const s = await sessionsQuery(trx).where('s.id', '=', r.session_id).executeTakeFirstOrThrow()
  const status = r.status as 'registered' | 'waiting' | 'cancelled'
  return {
    registrationId: r.id,
    sessionId: r.session_id,
    trainingSlug: s.training_slug,
    trainingTitle: s.training_title,
    userId: r.user_id,
    startsAt: toParisIso(new Date(s.starts_at)),
    endsAt: toParisIso(new Date(s.ends_at)),
    status,
    sequence: r.ics_sequence,
    mode: s.mode as 'online' | 'in-person',
    place: s.place,
    // Only a person holding a seat is given the visio link.
    onlineUrl: status === 'registered' ? s.online_url : null,
    ...(status === 'cancelled'
      ? { cause: r.cancelled_by_session ? ('session-cancelled' as const) : ('registration' as const) }
      : {}),
  }
}

/**
 * Gives free seats to the people waiting, first come first served. Runs with the session row
 * locked, so a seat is never given twice and never more than the capacity.
 */
export async function promoteWaiting(trx: Trx, sessionId: string): Promise<Registration[]> {
  const session = await trx
    .selectFrom('training_sessions')
    .select('capacity')
    .where('id', '=', sessionId)
    .executeTakeFirst()
  if (!session) return []
  const free = session.capacity - (await registeredCount(trx, sessionId))
  if (free <= 0) return []
  const waiting = await trx
    .selectFrom('registrations')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .limit(free)
    .execute()
  const promoted: Registration[] = []
  for (const w of waiting) {
    const r = await trx
      .updateTable('registrations')
      .set({
        status: 'registered',
        promoted_at: sql`now()` as never,
        ics_sequence: sql`ics_sequence + 1` as never,
      })
      .where('id', '=', w.id)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst()
    if (!r) continue
    promoted.push(r)
    await recordEvent(trx, ResourcesEvents.RegistrationPromoted, r.id, await registrationEventData(trx, r))
  }
  return promoted
}

/** Takes a seat if one is left, else a place on the waiting list. */
export async function register(db: DbOrTrx, viewer: Viewer, sessionId: string) {
  await getSession(db, viewer, sessionId)
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await lockSession(trx, sessionId)
      if (!locked) throw new NotFound('Training session')
      if (locked.cancelled_at) throw new SessionCancelled()
      if (new Date(locked.starts_at).getTime() <= Date.now()) throw new SessionClosed()
      const existing = await trx
        .selectFrom('registrations')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('user_id', '=', viewer.userId!)
        .where('status', '!=', 'cancelled')
        .executeTakeFirst()
      if (existing) throw new AlreadyRegistered()
      const status = (await registeredCount(trx, sessionId)) < locked.capacity ? 'registered' : 'waiting'
      const r = await trx
        .insertInto('registrations')
        .values({
          id: newId(),
          session_id: sessionId,
          user_id: viewer.userId!,
          status,
          promoted_at: null,
          cancelled_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, ResourcesEvents.RegistrationCreated, r.id, await registrationEventData(trx, r))
      return r
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyRegistered()
    throw error
  }
}

export async function findRegistration(db: DbOrTrx, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Cancels a registration; a freed seat goes to the first person waiting, once. */
export async function cancelRegistration(db: DbOrTrx, viewer: Viewer, id: string) {
  const found = await findRegistration(db, id)
  if (!found) throw new NotFound('Registration')
  if (found.user_id !== viewer.userId) {
    const session = await getSession(db, viewer, found.session_id).catch(() => null)
    if (!session || !isEditorOf(viewer, session.operator_id)) throw new NotFound('Registration')
  }
  return db.transaction().execute(async (trx) => {
    await lockSession(trx, found.session_id)
    const current = await trx
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!current || current.status === 'cancelled') return { cancelled: null, promoted: [] as Registration[] }
    const cancelled = await trx
      .updateTable('registrations')
      .set({
        status: 'cancelled',
        cancelled_at: sql`now()` as never,
        ics_sequence: sql`ics_sequence + 1` as never,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(
      trx,
      ResourcesEvents.RegistrationCancelled,
      id,
      await registrationEventData(trx, cancelled),
    )
    const promoted = current.status === 'registered' ? await promoteWaiting(trx, current.session_id) : []
    return { cancelled, promoted }
  })
}

/** Position on the waiting list (1 = next to get a seat). */
export async function waitingPosition(db: DbOrTrx, r: Pick<Registration, 'session_id' | 'seq' | 'status'>) {
  if (r.status !== 'waiting') return null
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', r.session_id)
    .where('status', '=', 'waiting')
    .where('seq', '<=', r.seq)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function myRegistrations(
  db: DbOrTrx,
  userId: string,
  filter: { includeCancelled: boolean; upcoming: boolean; limit: number; offset: number },
) {
  let base = sessionsWithCounts(db)
    .innerJoin('registrations as r', 'r.session_id', 's.id')
    .where('r.user_id', '=', userId)
  if (!filter.includeCancelled) base = base.where('r.status', '!=', 'cancelled')
  if (filter.upcoming) base = base.where('s.ends_at', '>', sql<Date>`now()`)
  const [items, total] = await Promise.all([
    base
      .select([
        'r.id as registration_id',
        'r.seq',
        'r.session_id',
        'r.user_id',
        'r.status',
        'r.created_at',
        'r.promoted_at',
        'r.cancelled_at',
        'r.ics_sequence',
        'r.cancelled_by_session',
      ])
      .orderBy('s.starts_at')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    db
      .selectFrom('registrations as r')
      .innerJoin('training_sessions as s', 's.id', 'r.session_id')
      .where('r.user_id', '=', userId)
      .$if(!filter.includeCancelled, (qb) => qb.where('r.status', '!=', 'cancelled'))
      .$if(filter.upcoming, (qb) => qb.where('s.ends_at', '>', sql<Date>`now()`))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ])
  return { items, total: Number(total?.n ?? 0) }
}

export async function sessionRegistrations(db: DbOrTrx, viewer: Viewer, sessionId: string) {
  const session = await getSession(db, viewer, sessionId)
  if (!isEditorOf(viewer, session.operator_id)) throw new NotEditable('session')
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '!=', 'cancelled')
    .orderBy('seq')
    .execute()
}

/** The viewer's active registration for these sessions. */
export async function registrationsOf(db: DbOrTrx, userId: string | null, sessionIds: string[]) {
  if (!userId || sessionIds.length === 0) return new Map<string, Registration>()
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('user_id', '=', userId)
    .where('session_id', 'in', sessionIds)
    .where('status', '!=', 'cancelled')
    .execute()
  return new Map(rows.map((r) => [r.session_id, r]))
}
