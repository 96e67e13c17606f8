import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText } from '../../forms.js'
import { type PageProblem, pageProblem } from '../../problems.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { asMember, type Detail, questionnaireOf, stepsOf } from './data.js'
import { type CommuneDiagnostics, startPage } from './start.html.js'

/** The diagnostics of each of the person's collectivités: the draft in progress and the finished ones. */
export async function communeDiagnostics(request: FastifyRequest): Promise<CommuneDiagnostics[]> {
  const orgs = request.session.get('auth')?.orgs ?? []
  return Promise.all(
    orgs.map(async (o) => {
      const { data } = await asMember(request, (api) =>
        api.GET('/v1/diagnostics', { params: { query: { organisationId: o.id, limit: 20 } } }),
      )
      const api = await request.server.web.api(request)
      const items = data?.items ?? []
      const draftSummary = items.find((d) => d.status === 'draft')
      let draft: Detail | null = null
      if (draftSummary) {
        const detail = await api.GET('/v1/diagnostics/{id}', { params: { path: { id: draftSummary.id } } })
        draft = detail.data ?? null
      }
      return { id: o.id, name: o.name, draft, submitted: items.filter((d) => d.status === 'submitted') }
    }),
  )
}

/** `/diagnostic`: start the commune's diagnostic or resume its draft; the diagnostics already done. */
export default async function diagnosticStartRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  const page = async (request: FastifyRequest, problem?: PageProblem) => {
    const [communes, current] = await Promise.all([
      communeDiagnostics(request),
      request.server.web
        .publicApi(request)
        .GET('/v1/questionnaires')
        .then(({ data }) => data?.find((q) => q.current)),
    ])
    const q = current ? await questionnaireOf(request, current.version) : undefined
    return {
      communes,
      questions: q?.questions.length ?? 0,
      steps: q ? stepsOf(q).length : 0,
      problem,
    }
  }

  app.get('/diagnostic', async (request, reply) => {
    const data = await page(request)
    return render(request, reply, (ctx) => startPage(ctx, data))
  })

  app.post('/diagnostic', async (request, reply) => {
    const organisationId = bodyText(request, 'organisationId')
    const orgs = request.session.get('auth')?.orgs ?? []
    if (!orgs.some((o) => o.id === organisationId)) return redirect(reply, '/diagnostic')
    // Starting again resumes the draft in progress: the élu and the agent fill the same one.
    const { data, error } = await asMember(request, (api) =>
      api.POST('/v1/diagnostics', { body: { organisationId } }),
    )
    if (!data) {
      const data = await page(request, pageProblem(error))
      return render(request, reply, (ctx) => startPage(ctx, data))
    }
    return redirect(reply, `/diagnostic/${data.id}`)
  })
}
