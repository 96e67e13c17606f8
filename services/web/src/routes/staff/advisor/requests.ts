import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText, queryText } from '../../../forms.js'
import { type PageProblem, pageProblem } from '../../../problems.js'
import { flash, signedIn } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF } from '../access.js'
import { confirmed } from '../ui.js'
import {
  type Advisors,
  type RequestDetail,
  type RequestSummary,
  requestPage,
  requestsPage,
  STATUS_FILTERS,
} from './requests.html.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The operator's advisors, by id, with their names (from the assignments the person may see). */
async function advisorsOf(request: FastifyRequest): Promise<Advisors> {
  const api = await request.server.web.api(request)
  const { data } = await api.GET('/v1/advisor-assignments', { params: { query: { limit: 100 } } })
  const names: Advisors = new Map()
  for (const a of data?.items ?? []) names.set(a.advisorId, a.advisorName ?? a.advisorEmail ?? 'Conseiller')
  const me = signedIn(request)
  if (me) names.set(me.uid, me.name ?? me.email)
  return names
}

type Params = { Params: { id: string } }

/** Advisors: the support-request queue, one request (pick up, reply, hand over, close). */
export default async function advisorRequestRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.advisor))

  app.get(PAGES.staffRequests, async (request, reply) => {
    const wanted = queryText(request, 'statut')
    const filter = STATUS_FILTERS.some((f) => f.value === wanted) ? wanted : 'ouvertes'
    const commune = UUID.test(queryText(request, 'commune')) ? queryText(request, 'commune') : undefined
    const api = await request.server.web.api(request)
    const [{ data }, advisors] = await Promise.all([
      api.GET('/v1/support-requests', {
        params: {
          query: {
            limit: 100,
            ...(commune ? { organisationId: commune } : {}),
            ...(filter === 'ouvertes'
              ? { open: true }
              : filter === 'toutes'
                ? {}
                : { status: filter as 'new' }),
          },
        },
      }),
      advisorsOf(request),
    ])
    return render(request, reply, (ctx) =>
      requestsPage(ctx, {
        items: (data?.items ?? []) as RequestSummary[],
        total: data?.total ?? 0,
        filter,
        commune,
        me: signedIn(request)!.uid,
        advisors,
      }),
    )
  })

  async function show(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: { reply?: string; problem?: PageProblem } = {},
  ) {
    const { id } = request.params
    if (!UUID.test(id)) return reply.callNotFound()
    const api = await request.server.web.api(request)
    const [{ data: detail }, { data: messages }, advisors] = await Promise.all([
      api.GET('/v1/support-requests/{id}', { params: { path: { id } } }),
      api.GET('/v1/support-requests/{id}/messages', { params: { path: { id }, query: { limit: 100 } } }),
      advisorsOf(request),
    ])
    if (!detail) return reply.callNotFound()
    return render(request, reply, (ctx) => ({
      ...requestPage(ctx, {
        request: detail as RequestDetail,
        messages: messages?.items ?? [],
        me: signedIn(request)!.uid,
        advisors,
        ...extra,
      }),
      ...(extra.problem ? { status: 400 } : {}),
    }))
  }

  app.get<Params>(`${PAGES.staffRequests}/:id`, (request, reply) => show(request, reply))

  /** After an action: back to the request with a message, or the request again with the problem. */
  async function after(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    error: Parameters<typeof pageProblem>[0] | undefined,
    done: string,
    extra: { reply?: string } = {},
  ) {
    if (error)
      return show(request, reply, {
        ...extra,
        problem: pageProblem(error, { body: { field: 'body', label: 'la réponse' } }),
      })
    flash(request, done)
    return redirect(reply, PAGES.staffRequest(request.params.id))
  }

  app.post<Params>(`${PAGES.staffRequests}/:id/prendre`, async (request, reply) => {
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/support-requests/{id}/assign', {
      params: { path: { id: request.params.id } },
      body: {},
    })
    return after(request, reply, error, 'Vous suivez maintenant cette demande. La commune en est prévenue.')
  })

  app.post<Params>(`${PAGES.staffRequests}/:id/repondre`, async (request, reply) => {
    const body = bodyText(request, 'body')
    if (!body)
      return show(request, reply, {
        problem: {
          message: 'La réponse est vide.',
          fields: [{ field: 'body', message: 'Écrivez votre réponse.' }],
        },
      })
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/support-requests/{id}/messages', {
      params: { path: { id: request.params.id } },
      body: { body },
    })
    return after(request, reply, error, 'Réponse envoyée à la commune.', { reply: body })
  })

  app.post<Params>(`${PAGES.staffRequests}/:id/confier`, async (request, reply) => {
    const advisorId = bodyText(request, 'advisorId')
    if (!UUID.test(advisorId))
      return show(request, reply, {
        problem: {
          message: 'Choisissez un collègue.',
          fields: [{ field: 'advisorId', message: 'Choisissez un collègue.' }],
        },
      })
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/support-requests/{id}/assign', {
      params: { path: { id: request.params.id } },
      body: { advisorId },
    })
    return after(request, reply, error, 'Demande confiée à votre collègue, qui en est prévenu.')
  })

  app.post<Params>(`${PAGES.staffRequests}/:id/cloturer`, async (request, reply) => {
    if (!confirmed(request.body, 'confirmer'))
      return show(request, reply, {
        problem: {
          message: 'La demande n’a pas été close.',
          fields: [{ field: 'confirmer', message: 'Cochez la case pour confirmer la clôture.' }],
        },
      })
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/support-requests/{id}/status', {
      params: { path: { id: request.params.id } },
      body: { status: 'closed' },
    })
    return after(request, reply, error, 'Demande close. La commune en est prévenue.')
  })
}
