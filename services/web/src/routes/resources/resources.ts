import type { paths } from '@osinum/client'
import type { FastifyInstance } from 'fastify'
import { pageProblem } from '../../problems.js'
import { render } from '../../view.js'
import { Filters } from '../catalogue/filters.js'
import { notFound, SLUG } from '../catalogue/not-found.js'
import {
  RESOURCE_FACETS,
  RESOURCE_FILTERS,
  RESOURCES_PER_PAGE,
  resourcePage,
  resourcesPage,
} from './resources.html.js'

type ResourceQuery = NonNullable<paths['/v1/resources']['get']['parameters']['query']>

/** Resources: a search with themes and formats as links, and a resource's page (the API's sanitised HTML). */
export default async function resourceRoutes(app: FastifyInstance) {
  app.get('/ressources', async (request, reply) => {
    const filters = Filters.of(request.query, RESOURCE_FILTERS)
    const query = {
      facets: true,
      ...filters.apiQuery(
        RESOURCES_PER_PAGE,
        RESOURCE_FACETS.map((f) => f.name),
      ),
    }
    const api = await request.server.web.api(request)
    const { data, error } = await api.GET('/v1/resources', { params: { query: query as ResourceQuery } })
    return render(request, reply, (ctx) =>
      resourcesPage(ctx, { filters, result: data, problem: data ? undefined : pageProblem(error) }),
    )
  })

  app.get<{ Params: { slug: string } }>('/ressources/:slug', async (request, reply) => {
    const { slug } = request.params
    if (!SLUG.test(slug)) throw notFound()
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/resources/{slug}', { params: { path: { slug } } })
    if (!data) throw notFound()
    return render(request, reply, (ctx) => resourcePage(ctx, { resource: data }))
  })
}
