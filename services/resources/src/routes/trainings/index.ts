import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery, THEME_IDS, THEMES } from '@osinum/contracts'
import { NotFound } from '@osinum/service-kit'
import { Type } from 'typebox'
import type { Registration } from '../../domain/db.js'
import { type CalendarEvent, renderCalendar } from '../../domain/ical.js'
import {
  cancelRegistration,
  cancelSession,
  createSession,
  createTraining,
  deleteSession,
  deleteTraining,
  findRegistration,
  getSession,
  getVisibleTraining,
  listSessionsOfTraining,
  listTrainings,
  myRegistrations,
  register,
  registrationsOf,
  type SessionRow,
  sessionRegistrations,
  updateSession,
  updateTraining,
  waitingPosition,
} from '../../domain/trainings.js'
import { isEditorOf, type Viewer } from '../../domain/viewer.js'
import {
  FacetValue,
  ProblemRef,
  RegistrationSchema,
  Session,
  SessionCreate,
  SessionPatch,
  Slug,
  TrainingCreate,
  TrainingDetail,
  TrainingPatch,
  TrainingSummary,
  Uuid,
} from '../../schemas.js'
import { multiValues, pageOf, type RouteDeps, signedIn, viewer } from '../context.js'
import { presentRegistration, presentSession, presentTraining } from '../present.js'

const tags = ['resources']
const EDITORS = ['editor', 'admin'] as const
const SlugParams = Type.Object({ slug: Slug })
const IdParams = Type.Object({ id: Uuid })
const CALENDAR = 'text/calendar; charset=utf-8'

/** Trainings, their sessions (Europe/Paris), registrations with a waiting list, iCalendar files. */
export const trainingRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (fastify, deps) => {
  const { db, config } = deps

  async function withPositions(rows: Map<string, Registration>) {
    const out = new Map<string, Registration & { position: number | null }>()
    for (const [sessionId, r] of rows) out.set(sessionId, { ...r, position: await waitingPosition(db, r) })
    return out
  }

  async function presentSessions(v: Viewer, sessions: SessionRow[]) {
    const mine = await withPositions(
      await registrationsOf(
        db,
        v.userId,
        sessions.map((s) => s.id),
      ),
    )
    return sessions.map((s) =>
      presentSession(s, {
        publicUrl: config.PUBLIC_URL,
        mine: mine.get(s.id),
        organiser: isEditorOf(v, s.operator_id),
      }),
    )
  }

  function calendarEvent(
    s: SessionRow,
    status: CalendarEvent['status'],
    withLink: boolean,
    prefix = '',
  ): CalendarEvent {
    const page = `${config.PUBLIC_URL}/v1/trainings/${s.training_slug}`
    const online = s.mode === 'online'
    return {
      uid: `training-session-${s.id}@osinum`,
      title: `${prefix}${s.training_title}`,
      description: [
        s.training_summary,
        online
          ? withLink && s.online_url
            ? `Lien de connexion : ${s.online_url}`
            : 'Formation en ligne.'
          : '',
        `Programme et inscriptions : ${page}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
      location: online ? (withLink && s.online_url ? s.online_url : 'En ligne') : s.place,
      url: page,
      status,
      updatedAt: new Date(s.updated_at),
    }
  }

  fastify.get(
    '/v1/trainings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listTrainings',
        summary: 'Trainings (national and those of your operator), next session first',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          theme: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          operator: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          upcoming: Type.Optional(
            Type.Boolean({ default: false, description: 'Only trainings with a session to come' }),
          ),
          ...PageQuery.properties,
        }),
        response: {
          200: Type.Object({
            ...Page(TrainingSummary).properties,
            facets: Type.Object({
              theme: Type.Array(FacetValue, {
                description: 'Trainings per theme, with every filter but the themes (disjunctive)',
              }),
            }),
          }),
          400: ProblemRef,
        },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const page = pageOf(request.query)
      const themes = multiValues('theme', request.query.theme, THEME_IDS)
      const result = await listTrainings(db, v, {
        q: request.query.q,
        themes,
        operators: multiValues('operator', request.query.operator, 'operator'),
        upcoming: request.query.upcoming ?? false,
        ...page,
      })
      return {
        items: result.items.map(presentTraining),
        total: result.total,
        ...page,
        facets: {
          theme: THEME_IDS.map((id) => ({
            value: id,
            label: THEMES[id],
            count: result.themeCounts.get(id) ?? 0,
            selected: themes.includes(id),
          })),
        },
      }
    },
  )

  async function trainingDetail(v: Viewer, slug: string) {
    const t = await getVisibleTraining(db, v, slug)
    const sessions = await listSessionsOfTraining(db, t.id)
    const now = Date.now()
    const upcoming = sessions.filter((s) => !s.cancelled_at && new Date(s.ends_at).getTime() > now)
    return {
      ...presentTraining({
        ...t,
        next_session_at: upcoming[0]?.starts_at ?? null,
        upcoming_sessions: upcoming.length,
      }),
      description: t.description,
      descriptionHtml: t.description_html,
      sessions: await presentSessions(v, sessions),
    }
  }

  fastify.post(
    '/v1/trainings',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'createTraining',
        summary: 'Create a training (editors; local to their operator unless national)',
        body: TrainingCreate,
        response: { 201: TrainingDetail, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const t = await createTraining(db, v, request.body)
      reply.header('location', `/v1/trainings/${t.slug}`)
      return reply.code(201).send(await trainingDetail(v, t.slug))
    },
  )

  fastify.get(
    '/v1/trainings/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getTraining',
        summary: 'A training and its sessions with seats left',
        params: SlugParams,
        response: { 200: TrainingDetail, 404: ProblemRef },
      },
    },
    async (request) => trainingDetail(await viewer(deps, request), request.params.slug),
  )

  fastify.patch(
    '/v1/trainings/:slug',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'updateTraining',
        summary: 'Change a training',
        params: SlugParams,
        body: TrainingPatch,
        response: { 200: TrainingDetail, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const t = await updateTraining(db, v, request.params.slug, request.body)
      return trainingDetail(v, t.slug)
    },
  )

  fastify.delete(
    '/v1/trainings/:slug',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'deleteTraining',
        summary: 'Delete a training with its sessions and registrations',
        params: SlugParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteTraining(db, await signedIn(deps, request), request.params.slug)
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/trainings/:slug/sessions',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'createTrainingSession',
        summary: 'Plan a session (times in Europe/Paris)',
        params: SlugParams,
        body: SessionCreate,
        response: { 201: Session, 404: ProblemRef, 409: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const s = await createSession(db, v, request.params.slug, request.body)
      reply.header('location', `/v1/training-sessions/${s.id}`)
      return reply.code(201).send((await presentSessions(v, [s]))[0]!)
    },
  )

  fastify.get(
    '/v1/training-sessions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getTrainingSession',
        summary: 'A session with its seats left and your registration',
        params: IdParams,
        response: { 200: Session, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      return (await presentSessions(v, [await getSession(db, v, request.params.id)]))[0]!
    },
  )

  fastify.get(
    '/v1/training-sessions/:id.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'trainingSessionCalendar',
        summary: 'iCalendar file of a session (Europe/Paris time zone)',
        params: IdParams,
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'text/calendar (RFC 5545)' }), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await viewer(deps, request)
      const s = await getSession(db, v, request.params.id)
      const mine = (await registrationsOf(db, v.userId, [s.id])).get(s.id)
      const withLink = mine?.status === 'registered' || isEditorOf(v, s.operator_id)
      return reply
        .type(CALENDAR)
        .header('content-disposition', `inline; filename="formation-${s.id}.ics"`)
        .send(
          renderCalendar(s.training_title, [
            calendarEvent(s, s.cancelled_at ? 'CANCELLED' : 'CONFIRMED', withLink),
          ]),
        )
    },
  )

  fastify.patch(
    '/v1/training-sessions/:id',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'updateTrainingSession',
        summary: 'Change a session; more seats go to the people waiting',
        params: IdParams,
        body: SessionPatch,
        response: { 200: Session, 404: ProblemRef, 409: ProblemRef, 422: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const s = await updateSession(db, v, request.params.id, request.body)
      return (await presentSessions(v, [s]))[0]!
    },
  )

  fastify.delete(
    '/v1/training-sessions/:id',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'deleteTrainingSession',
        summary: 'Delete a session nobody is registered to (cancel a session with registrants first)',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteSession(db, await signedIn(deps, request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/training-sessions/:id/cancel',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'cancelTrainingSession',
        summary:
          'Cancel a session: its registrations are kept as cancelled and every registrant and waiting person is told, with a calendar cancellation',
        params: IdParams,
        response: { 200: Session, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const s = await cancelSession(db, v, request.params.id)
      return (await presentSessions(v, [s]))[0]!
    },
  )

  fastify.get(
    '/v1/training-sessions/:id/registrations',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'listSessionRegistrations',
        summary: 'People registered and waiting (organisers)',
        params: IdParams,
        response: { 200: Type.Array(RegistrationSchema), 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const rows = await sessionRegistrations(db, v, request.params.id)
      let position = 0
      return rows.map((r) =>
        presentRegistration({ ...r, position: r.status === 'waiting' ? ++position : null }),
      )
    },
  )

  fastify.post(
    '/v1/registrations',
    {
      schema: {
        tags,
        operationId: 'registerToSession',
        summary: 'Register to a session: a seat if one is left, else the waiting list',
        body: Type.Object({ sessionId: Uuid }, { additionalProperties: false }),
        response: { 201: RegistrationSchema, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const r = await register(db, v, request.body.sessionId)
      const positioned = { ...r, position: await waitingPosition(db, r) }
      const session = (await presentSessions(v, [await getSession(db, v, r.session_id)]))[0]!
      reply.header('location', `/v1/registrations/${r.id}`)
      return reply.code(201).send(presentRegistration(positioned, session))
    },
  )

  fastify.get(
    '/v1/registrations',
    {
      schema: {
        tags,
        operationId: 'listMyRegistrations',
        summary: 'Your registrations, next session first',
        querystring: Type.Object({
          upcoming: Type.Optional(Type.Boolean({ default: false })),
          includeCancelled: Type.Optional(Type.Boolean({ default: false })),
          ...PageQuery.properties,
        }),
        response: { 200: Page(RegistrationSchema) },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const page = pageOf(request.query)
      const result = await myRegistrations(db, v.userId, {
        upcoming: request.query.upcoming ?? false,
        includeCancelled: request.query.includeCancelled ?? false,
        ...page,
      })
      const items = []
      for (const row of result.items) {
        const registration: Registration = {
          id: row.registration_id,
          seq: row.seq,
          session_id: row.session_id,
          user_id: row.user_id,
          status: row.status,
          created_at: row.created_at,
          promoted_at: row.promoted_at,
          cancelled_at: row.cancelled_at,
          ics_sequence: row.ics_sequence,
          cancelled_by_session: row.cancelled_by_session,
        }
        const positioned = { ...registration, position: await waitingPosition(db, registration) }
        const session = presentSession(row as unknown as SessionRow, {
          publicUrl: config.PUBLIC_URL,
          mine: registration.status === 'cancelled' ? undefined : positioned,
          organiser: isEditorOf(v, row.operator_id),
        })
        items.push(presentRegistration(positioned, session))
      }
      return { items, total: result.total, ...page }
    },
  )

  fastify.get(
    '/v1/registrations/me.ics',
    {
      schema: {
        tags,
        operationId: 'myRegistrationsCalendar',
        summary: 'iCalendar file of your registrations (Europe/Paris time zone)',
        produces: ['text/calendar'],
        response: { 200: Type.String({ description: 'text/calendar (RFC 5545)' }) },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const result = await myRegistrations(db, v.userId, {
        upcoming: false,
        includeCancelled: false,
        limit: 500,
        offset: 0,
      })
      const events = result.items.map((row) => {
        const s = { ...(row as unknown as SessionRow), id: row.session_id }
        return row.status === 'registered'
          ? calendarEvent(s, 'CONFIRMED', true)
          : calendarEvent(s, 'TENTATIVE', false, "[Liste d'attente] ")
      })
      return reply
        .type(CALENDAR)
        .header('content-disposition', 'inline; filename="mes-formations.ics"')
        .header('cache-control', 'private, no-store')
        .send(renderCalendar('Mes formations osinum', events))
    },
  )

  fastify.get(
    '/v1/registrations/:id',
    {
      schema: {
        tags,
        operationId: 'getRegistration',
        summary: 'One registration (yours, or of a session you organise)',
        params: IdParams,
        response: { 200: RegistrationSchema, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const r = await findRegistration(db, request.params.id)
      if (!r) throw new NotFound('Registration')
      const session = await getSession(db, v, r.session_id).catch(() => null)
      if (!session || (r.user_id !== v.userId && !isEditorOf(v, session.operator_id)))
        throw new NotFound('Registration')
      const positioned = { ...r, position: await waitingPosition(db, r) }
      const [presented] = await presentSessions(v, [session])
      return presentRegistration(positioned, presented)
    },
  )

  fastify.delete(
    '/v1/registrations/:id',
    {
      schema: {
        tags,
        operationId: 'cancelRegistration',
        summary: 'Cancel a registration; the first person waiting gets the seat',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await cancelRegistration(db, await signedIn(deps, request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
