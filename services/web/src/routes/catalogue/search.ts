import type { paths } from '@osinum/client'
import type { FastifyInstance } from 'fastify'
import { pageProblem } from '../../problems.js'
import { render } from '../../view.js'
import { Filters } from './filters.js'
import { searchPage, TOOL_FACETS, TOOL_FILTERS, TOOLS_PER_PAGE } from './search.html.js'

type ToolQuery = NonNullable<paths['/v1/tools']['get']['parameters']['query']>

const yesNo = (value: string) => (value === 'true' ? true : value === 'false' ? false : undefined)

/** The API's query for the filters of the page's URL (the facets are the API's own). */
export function toolQuery(filters: Filters): ToolQuery {
  const multi = TOOL_FACETS.filter((f) => !('single' in f)).map((f) => f.name)
  const query = filters.apiQuery(TOOLS_PER_PAGE, [...multi, 'attribute'])
  for (const f of TOOL_FACETS) if ('single' in f) query[f.name] = yesNo(filters.first(f.name))
  return query as ToolQuery
}

/** The catalogue: a search with facets as links, pages of results, boxes to tick to compare. */
export default async function catalogueSearchRoutes(app: FastifyInstance) {
  app.get('/catalogue', async (request, reply) => {
    const filters = Filters.of(request.query, TOOL_FILTERS)
    const api = await request.server.web.api(request)
    const { data, error } = await api.GET('/v1/tools', { params: { query: toolQuery(filters) } })
    return render(request, reply, (ctx) =>
      searchPage(ctx, { filters, result: data, problem: data ? undefined : pageProblem(error) }),
    )
  })
}
