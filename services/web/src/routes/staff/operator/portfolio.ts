import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { PageContext, View } from '../../../components.js'
import { html } from '../../../html.js'
import { render } from '../../../view.js'
import { requireStaff, STAFF, scopeOf } from '../access.js'
import { staffView } from '../ui.js'

export const PORTFOLIO_PATH = '/gestion/besoins'
/** Lines per kind of gap on the page; the CSV has them all. */
const TOP = 10

interface Portfolio {
  collectivites: number
  gaps: Array<{ kind: string; kindLabel: string; id: string; label: string; count: number; share: number }>
}

/** The gaps as a bar chart in plain HTML (a table with a <meter> per line: readable without CSS or script). */
function portfolioPage(ctx: PageContext, data: { portfolio?: Portfolio }): View {
  const p = data.portfolio
  const kinds = [...new Set((p?.gaps ?? []).map((g) => g.kindLabel))]
  return staffView(ctx, {
    title: 'Besoins du territoire',
    audience: html`les conseillers et administrateurs du syndicat. Les chiffres sont internes au syndicat : ils comptent chaque commune une fois (son dernier diagnostic envoyé), sans seuil minimal.`,
    main: html`<h1>Besoins du territoire</h1>
${
  !p
    ? html`<p>Le portefeuille n’est pas disponible pour votre compte.</p>`
    : html`<p class="lead">${p.collectivites} commune${p.collectivites > 1 ? 's' : ''} du syndicat ${p.collectivites > 1 ? 'ont' : 'a'} envoyé un diagnostic. Pour chaque besoin, combien en ont besoin : de quoi prévoir un achat groupé ou une formation collective.</p>
<p><a class="button button-secondary" href="${PORTFOLIO_PATH}.csv" download>Télécharger le tableau (CSV, par département et taille de commune)</a></p>
${kinds.map(
  (kind) => html`<table class="score-table">
<caption>${kind} : les ${String(TOP)} plus fréquents (tous dans le CSV)</caption>
<thead><tr><th scope="col">Besoin</th><th scope="col">Communes concernées</th></tr></thead>
<tbody>${p.gaps
    .filter((g) => g.kindLabel === kind)
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP)
    .map(
      (g) =>
        html`<tr><th scope="row">${g.label}</th><td><meter min="0" max="100" value="${String(Math.round(g.share * 100))}" aria-hidden="true"></meter> ${g.count} (${Math.round(g.share * 100)} %)</td></tr>`,
    )}</tbody>
</table>`,
)}`
}`,
  })
}

/** The platform admin reads the instance's operator's portfolio; the operator's staff their own. */
async function operatorQuery(request: FastifyRequest) {
  if (scopeOf(request).operatorId) return {}
  const { operator } = await request.server.web.operatorOf(request)
  return operator ? { operatorId: operator.id } : {}
}

/** Advisors and administrators: the gap portfolio of their operator, and its CSV. */
export default async function operatorPortfolioRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.advisor))

  app.get(PORTFOLIO_PATH, async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/gap-portfolio', { params: { query: await operatorQuery(request) } })
    return render(request, reply, (ctx) => portfolioPage(ctx, { portfolio: data as Portfolio | undefined }))
  })

  app.get(`${PORTFOLIO_PATH}.csv`, async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data, response } = await api.GET('/v1/gap-portfolio.csv', {
      params: { query: await operatorQuery(request) },
      // Bytes as they are: decoding as text would drop the BOM that spreadsheets need for accents.
      parseAs: 'arrayBuffer',
    })
    if (!(data instanceof ArrayBuffer)) return reply.callNotFound()
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        response.headers.get('content-disposition') ?? 'attachment; filename="besoins.csv"',
      )
      .send(Buffer.from(data))
  })
}
