import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { notFoundPage, type PageProblem, pageProblem } from '../../problems.js'
import { flash, signedIn } from '../../session.js'
import { postText } from '../../text-form.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { type ActionItem, actionItemPage, ITEM_STATUSES, type Plan, planPage } from './plan.html.js'
import { HELP_PLAN, type Message } from './support.html.js'

const refused = (response: Response) => response.status === 404 || response.status === 403

/** The action plan shared by a commune and its advisor: items, their state, their comments. */
export default async function planRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  const showPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    extra: { title?: string; problem?: PageProblem } = {},
  ) => {
    const orgs = signedIn(request)?.orgs ?? []
    const organisation = orgs.find((o) => o.id === organisationId) ?? orgs[0]
    let plan: Plan | null = null
    if (organisation) {
      const api = await request.server.web.api(request)
      const { data } = await api.GET('/v1/action-plans/{organisationId}', {
        params: { path: { organisationId: organisation.id }, query: { limit: 100 } },
      })
      plan = (data as Plan | undefined) ?? null
    }
    return render(request, reply, (ctx) => planPage(ctx, { plan, organisation, ...extra }))
  }

  app.get(HELP_PLAN, async (request, reply) => showPlan(request, reply, queryText(request, 'commune')))

  app.post(`${HELP_PLAN}/actions`, async (request, reply) => {
    const organisationId = bodyText(request, 'organisationId')
    const title = bodyText(request, 'title')
    if (!title)
      return showPlan(request, reply, organisationId, {
        problem: {
          message: 'L’action est vide.',
          fields: [{ field: 'title', message: 'Décrivez l’action.' }],
        },
      })
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/action-plans/{organisationId}/items', {
      params: { path: { organisationId } },
      body: { title },
    })
    if (!data)
      return showPlan(request, reply, organisationId, {
        title,
        problem: pageProblem(error, { title: { field: 'title', label: 'l’action' } }),
      })
    flash(request, 'L’action est ajoutée au plan.')
    return redirect(reply, PAGES.actionItem(data.id))
  })

  const showItem = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { comment?: string; problem?: PageProblem } = {},
  ) => {
    const api = await request.server.web.api(request)
    const path = { path: { id: request.params.id } }
    const [{ data: item }, { data: comments }] = await Promise.all([
      api.GET('/v1/action-items/{id}', { params: path }),
      api.GET('/v1/action-items/{id}/comments', { params: { ...path, query: { limit: 100 } } }),
    ])
    if (!item) throw notFoundPage()
    const me = signedIn(request)?.uid ?? ''
    return render(request, reply, (ctx) =>
      actionItemPage(ctx, {
        item: item as ActionItem,
        comments: (comments?.items ?? []) as Message[],
        me,
        ...extra,
      }),
    )
  }

  app.get<{ Params: { id: string } }>('/aide/actions/:id', async (request, reply) => showItem(request, reply))

  app.post<{ Params: { id: string } }>('/aide/actions/:id/etat', async (request, reply) => {
    const status = bodyText(request, 'status')
    const owner = bodyText(request, 'owner')
    if (!ITEM_STATUSES.some((s) => s.value === status))
      return showItem(request, reply, {
        problem: {
          message: 'Choisissez un état dans la liste.',
          fields: [{ field: 'status', message: 'Choisissez un état.' }],
        },
      })
    const api = await request.server.web.api(request)
    const { data, error, response } = await api.PATCH('/v1/action-items/{id}', {
      params: { path: { id: request.params.id } },
      body: { status: status as ActionItem['status'], owner: owner || null },
    })
    if (refused(response)) throw notFoundPage()
    if (!data)
      return showItem(request, reply, {
        problem: pageProblem(error, { owner: { field: 'owner', label: 'qui s’en occupe' } }),
      })
    flash(request, `L’action est maintenant : ${data.statusLabel}.`)
    return redirect(reply, PAGES.actionItem(request.params.id))
  })

  app.post<{ Params: { id: string } }>('/aide/actions/:id/commentaires', async (request, reply) =>
    postText(request, reply, {
      field: 'body',
      label: 'votre commentaire',
      empty: { message: 'Le commentaire est vide.', hint: 'Écrivez votre commentaire.' },
      send: (api, body) =>
        api.POST('/v1/action-items/{id}/comments', {
          params: { path: { id: request.params.id } },
          body: { body },
        }),
      again: (comment, problem) => showItem(request, reply, { comment, problem }),
      done: () => ({ message: 'Votre commentaire est publié.', to: PAGES.actionItem(request.params.id) }),
    }),
  )
}
