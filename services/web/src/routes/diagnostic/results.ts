import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { FastifyInstance } from 'fastify'
import { errorPage } from '../../errors.html.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { asMember, isId } from './data.js'
import { reportFailedPage, resultsPage } from './results.html.js'

type Params = { Params: { id: string } }

/** `/diagnostic/{id}/resultats` (the link of the results email) and the PDF report, streamed from the API. */
export default async function diagnosticResultsRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  app.get<Params>('/diagnostic/:id/resultats', async (request, reply) => {
    const { id } = request.params
    if (!isId(id)) return render(request, reply, (ctx) => errorPage(ctx, 404))
    const { data, error } = await asMember(request, (api) =>
      api.GET('/v1/diagnostics/{id}/results', { params: { path: { id } } }),
    )
    // A draft has no results yet: back to its questions.
    if (error?.code === 'OSI_DIAGNOSTICS_NOT_SUBMITTED') return redirect(reply, `/diagnostic/${id}`)
    if (!data) return render(request, reply, (ctx) => errorPage(ctx, 404))
    return render(request, reply, (ctx) => resultsPage(ctx, data))
  })

  app.get<Params>('/diagnostic/:id/rapport.pdf', async (request, reply) => {
    const { id } = request.params
    if (!isId(id)) return render(request, reply, (ctx) => errorPage(ctx, 404))
    const { data, error, response } = await asMember(request, (api) =>
      api.GET('/v1/diagnostics/{id}/report.pdf', { params: { path: { id } }, parseAs: 'stream' }),
    )
    if (error?.code === 'OSI_DIAGNOSTICS_NOT_SUBMITTED') return redirect(reply, `/diagnostic/${id}`)
    if (response.status === 404) return render(request, reply, (ctx) => errorPage(ctx, 404))
    if (!data || !response.ok)
      return render(request, reply, (ctx) => reportFailedPage(ctx, id, response.status >= 500 ? 502 : 500))
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="diagnostic-${id}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(Readable.fromWeb(data as unknown as WebReadableStream))
  })
}
