import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText } from '../../../forms.js'
import { pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF } from '../access.js'
import { type CommuneData, communePage, communesPage, type DashboardRow } from './communes.html.js'

/** The advisor's dashboard (up to 100 communes: an advisor follows dozens, not hundreds). */
async function dashboard(request: FastifyRequest) {
  const api = await request.server.web.api(request)
  const { data } = await api.GET('/v1/advisor-dashboard', { params: { query: { limit: 100 } } })
  return data
}

/** One followed commune: its dashboard row, then (with consent) its latest results and its plan. */
async function communeData(request: FastifyRequest, id: string): Promise<CommuneData | undefined> {
  const row = (await dashboard(request))?.items.find((r) => r.organisationId === id) as
    | DashboardRow
    | undefined
  if (!row) return undefined
  if (!row.consent) return { row }
  const api = await request.server.web.api(request)
  const [{ data: diagnostics }, { data: plan }] = await Promise.all([
    api.GET('/v1/diagnostics', {
      params: { query: { organisationId: id, status: 'submitted', limit: 1 } },
    }),
    api.GET('/v1/action-plans/{organisationId}', {
      params: { path: { organisationId: id }, query: { limit: 100 } },
    }),
  ])
  const latest = diagnostics?.items[0]
  const results = latest
    ? (await api.GET('/v1/diagnostics/{id}/results', { params: { path: { id: latest.id } } })).data
    : undefined
  return { row, results, plan }
}

/** Advisors: the communes they follow, and one commune's results, shared plan and private notes. */
export default async function advisorCommuneRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.advisor))

  app.get(PAGES.staffCommunes, async (request, reply) => {
    const data = await dashboard(request)
    return render(request, reply, (ctx) =>
      communesPage(ctx, {
        rows: (data?.items ?? []) as DashboardRow[],
        total: data?.total ?? 0,
        pending: data?.pendingRequests.total ?? 0,
        refused: !data,
      }),
    )
  })

  app.get<{ Params: { id: string } }>(`${PAGES.staffCommunes}/:id`, async (request, reply) => {
    const data = await communeData(request, request.params.id)
    if (!data) return reply.callNotFound()
    return render(request, reply, (ctx) => communePage(ctx, data))
  })

  app.post<{ Params: { id: string } }>(`${PAGES.staffCommunes}/:id/notes`, async (request, reply) => {
    const { id } = request.params
    const body = bodyText(request, 'body')
    const api = await request.server.web.api(request)
    const { error } = body
      ? await api.POST('/v1/action-plans/{organisationId}/notes', {
          params: { path: { organisationId: id } },
          body: { body },
        })
      : { error: undefined }
    if (!body || error) {
      const data = await communeData(request, id)
      if (!data) return reply.callNotFound()
      const problem = body
        ? pageProblem(error, { body: { field: 'body', label: 'la note' } })
        : { message: 'La note est vide.', fields: [{ field: 'body', message: 'Écrivez la note.' }] }
      return render(request, reply, (ctx) => ({
        ...communePage(ctx, { ...data, note: body, problem }),
        status: 400,
      }))
    }
    flash(request, 'Note enregistrée. Seuls les conseillers et administrateurs du syndicat la voient.')
    return redirect(reply, PAGES.staffCommune(id))
  })
}
