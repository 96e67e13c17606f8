import type { paths } from '@osinum/client'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText } from '../../forms.js'
import { type PageProblem, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { Filters } from '../catalogue/filters.js'
import { notFound, SLUG, UUID } from '../catalogue/not-found.js'
import {
  sessionWhen,
  TRAINING_FILTERS,
  TRAININGS_PER_PAGE,
  trainingPage,
  trainingsPage,
} from './trainings.html.js'

type TrainingQuery = NonNullable<paths['/v1/trainings']['get']['parameters']['query']>

async function loadTraining(request: FastifyRequest, slug: string) {
  if (!SLUG.test(slug)) throw notFound()
  const api = await request.server.web.api(request)
  const { data } = await api.GET('/v1/trainings/{slug}', { params: { path: { slug } } })
  if (!data) throw notFound()
  return data
}

/** Trainings: the list with its themes, a training's sessions; register, join the waiting list, cancel; the .ics of a session. */
export default async function trainingRoutes(app: FastifyInstance) {
  app.get('/formations', async (request, reply) => {
    const filters = Filters.of(request.query, TRAINING_FILTERS)
    const query = { upcoming: true, ...filters.apiQuery(TRAININGS_PER_PAGE, ['theme']) }
    const api = await request.server.web.api(request)
    const { data, error } = await api.GET('/v1/trainings', { params: { query: query as TrainingQuery } })
    return render(request, reply, (ctx) =>
      trainingsPage(ctx, { filters, result: data, problem: data ? undefined : pageProblem(error) }),
    )
  })

  app.get<{ Params: { slug: string } }>('/formations/:slug', async (request, reply) => {
    const training = await loadTraining(request, request.params.slug)
    return render(request, reply, (ctx) => trainingPage(ctx, { training }))
  })

  /** The session in the person's calendar (with the visio link once registered): served by the page, not a /v1 link. */
  app.get<{ Params: { slug: string; id: string } }>(
    '/formations/:slug/sessions/:id/agenda.ics',
    async (request, reply) => {
      const { slug, id } = request.params
      if (!SLUG.test(slug) || !UUID.test(id)) throw notFound()
      const api = await request.server.web.api(request)
      const { data } = await api.GET('/v1/training-sessions/{id}.ics', {
        params: { path: { id } },
        parseAs: 'text',
      })
      if (typeof data !== 'string') throw notFound()
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="formation-${slug}.ics"`)
        .send(data)
    },
  )

  app.post<{ Params: { slug: string } }>(
    '/formations/:slug',
    { preHandler: requireSignIn },
    async (request, reply) => {
      const { slug } = request.params
      if (!SLUG.test(slug)) throw notFound()
      const page = `/formations/${slug}`
      const action = bodyText(request, 'action')
      const api = await request.server.web.api(request)
      const refuse = async (problem: PageProblem) => {
        const training = await loadTraining(request, slug)
        return render(request, reply, (ctx) => trainingPage(ctx, { training, problem }))
      }
      if (action === 'inscription') {
        const sessionId = bodyText(request, 'sessionId')
        if (!UUID.test(sessionId)) return redirect(reply, page)
        const { data, error } = await api.POST('/v1/registrations', { body: { sessionId } })
        if (!data) return refuse(pageProblem(error))
        const when = data.session ? ` du ${sessionWhen(data.session)}` : ''
        flash(
          request,
          data.status === 'registered'
            ? `Votre inscription est confirmée pour la session${when}.`
            : `La session${when} est complète : vous êtes sur la liste d’attente${data.position ? ` (position ${data.position})` : ''}. Vous recevrez un e-mail si une place se libère.`,
        )
        return redirect(reply, `${page}#sessions`)
      }
      if (action === 'annulation') {
        const registrationId = bodyText(request, 'registrationId')
        if (!UUID.test(registrationId)) return redirect(reply, page)
        const { error, response } = await api.DELETE('/v1/registrations/{id}', {
          params: { path: { id: registrationId } },
        })
        if (!response.ok) return refuse(pageProblem(error))
        flash(
          request,
          'Votre inscription est annulée. Merci de l’avoir signalé : la place peut servir à quelqu’un d’autre.',
        )
        return redirect(reply, `${page}#sessions`)
      }
      return redirect(reply, page)
    },
  )
}
