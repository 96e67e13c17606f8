import { PAGES, staffRule } from '@osinum/contracts'
import { csvDocument } from '@osinum/service-kit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { frenchDate } from '../../../components.js'
import { pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF, scopeOf } from '../access.js'
import { confirmed } from '../ui.js'
import {
  type Participant,
  type SessionRow,
  sessionPage,
  type TrainingRow,
  trainingPage,
  trainingsPage,
} from './trainings.html.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A session and its participants with their names and emails (identity, in one call). */
async function participantsOf(request: FastifyRequest, id: string) {
  const api = await request.server.web.api(request)
  const [{ data: session }, { data: registrations }] = await Promise.all([
    api.GET('/v1/training-sessions/{id}', { params: { path: { id } } }),
    api.GET('/v1/training-sessions/{id}/registrations', { params: { path: { id } } }),
  ])
  if (!session || !registrations) return undefined
  const active = registrations.filter((r) => r.status !== 'cancelled')
  const ids = [...new Set(active.map((r) => r.userId))].slice(0, 100)
  const { data: users } = ids.length
    ? await api.GET('/v1/users', { params: { query: { ids, limit: 100 } } })
    : { data: undefined }
  const byId = new Map((users?.items ?? []).map((u) => [u.id, u]))
  const participants: Participant[] = active.map((r) => {
    const user = byId.get(r.userId)
    return {
      name: user?.displayName ?? '(nom non renseigné)',
      email: user?.email ?? '(compte hors de votre syndicat)',
      statusLabel: r.position ? `${r.statusLabel} (${r.position})` : r.statusLabel,
      registeredAt: r.createdAt,
    }
  })
  return { session: session as SessionRow & { trainingTitle: string; trainingSlug: string }, participants }
}

/** The syndicate's trainings: sessions, participants, and their list as CSV. */
export default async function operatorTrainingRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.operatorAdmin))

  app.get(PAGES.staffTrainings, async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/trainings', { params: { query: { limit: 100 } } })
    const rule = staffRule(scopeOf(request))
    const trainings = ((data?.items ?? []) as TrainingRow[]).filter((t) => rule.administers(t.operatorId))
    return render(request, reply, (ctx) => trainingsPage(ctx, { trainings }))
  })

  app.get<{ Params: { slug: string } }>(`${PAGES.staffTrainings}/:slug`, async (request, reply) => {
    if (!SLUG.test(request.params.slug)) return reply.callNotFound()
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/trainings/{slug}', {
      params: { path: { slug: request.params.slug } },
    })
    if (!data || !staffRule(scopeOf(request)).administers(data.operatorId)) return reply.callNotFound()
    return render(request, reply, (ctx) =>
      trainingPage(ctx, { title: data.title, slug: data.slug, sessions: data.sessions as SessionRow[] }),
    )
  })

  app.get<{ Params: { id: string } }>(`${PAGES.staffTrainings}/sessions/:id`, async (request, reply) => {
    const data = UUID.test(request.params.id) ? await participantsOf(request, request.params.id) : undefined
    if (!data) return reply.callNotFound()
    return render(request, reply, (ctx) => sessionPage(ctx, data))
  })

  app.post<{ Params: { id: string } }>(
    `${PAGES.staffTrainings}/sessions/:id/annuler`,
    async (request, reply) => {
      const { id } = request.params
      const data = UUID.test(id) ? await participantsOf(request, id) : undefined
      if (!data) return reply.callNotFound()
      const again = (problem: ReturnType<typeof pageProblem>) =>
        render(request, reply, (ctx) => ({ ...sessionPage(ctx, { ...data, problem }), status: 400 }))
      if (!confirmed(request.body, 'confirmer'))
        return again({
          message: 'La session n’a pas été annulée.',
          fields: [{ field: 'confirmer', message: 'Cochez la case pour confirmer l’annulation.' }],
        })
      const api = await request.server.web.api(request)
      const { error } = await api.POST('/v1/training-sessions/{id}/cancel', { params: { path: { id } } })
      if (error) return again(pageProblem(error, {}))
      flash(request, 'Session annulée : les inscrits sont prévenus par e-mail.')
      return redirect(reply, `${PAGES.staffTrainings}/sessions/${id}`)
    },
  )

  app.get<{ Params: { id: string } }>(
    `${PAGES.staffTrainings}/sessions/:id/inscrits.csv`,
    async (request, reply) => {
      const data = UUID.test(request.params.id) ? await participantsOf(request, request.params.id) : undefined
      if (!data) return reply.callNotFound()
      const day = data.session.startsAt.slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="inscrits-${data.session.trainingSlug}-${day}.csv"`,
        )
        .send(
          csvDocument([
            ['Nom', 'Adresse e-mail', 'Inscription', 'Inscrit le', 'Présence'],
            ...data.participants.map((p) => [
              p.name,
              p.email,
              p.statusLabel,
              frenchDate(p.registeredAt, false),
              '',
            ]),
          ]),
        )
    },
  )
}
