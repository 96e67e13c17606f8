import type { paths } from '@osinum/client'
import type { FastifyInstance } from 'fastify'
import { bodyText } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import { flash, signedIn } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { Filters } from '../catalogue/filters.js'
import { notFound, SLUG, UUID } from '../catalogue/not-found.js'
import {
  FIRST_COLLECTION,
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
    const [resource, collections] = await Promise.all([
      api.GET('/v1/resources/{slug}', { params: { path: { slug } } }),
      signedIn(request)
        ? api.GET('/v1/collections', { params: { query: { resource: slug, limit: 50 } } })
        : undefined,
    ])
    if (!resource.data) throw notFound()
    const data = resource.data
    return render(request, reply, (ctx) =>
      resourcePage(ctx, { resource: data, collections: collections?.data?.items ?? [] }),
    )
  })

  /** Keep the resource in a collection (the person's first one is created then), or take it out. */
  app.post<{ Params: { slug: string } }>(
    '/ressources/:slug',
    { preHandler: requireSignIn },
    async (request, reply) => {
      const { slug } = request.params
      if (!SLUG.test(slug)) throw notFound()
      const page = `/ressources/${slug}`
      const api = await request.server.web.api(request)
      let collectionId = bodyText(request, 'collectionId')
      if (collectionId && !UUID.test(collectionId)) return redirect(reply, page)
      const path = { slug, id: collectionId }
      if (bodyText(request, 'action') === 'retirer' && collectionId) {
        await api.DELETE('/v1/collections/{id}/items/{slug}', { params: { path } })
        flash(request, 'La ressource est retirée de cette liste.')
        return redirect(reply, `${page}#garder`)
      }
      if (!collectionId) {
        const { data } = await api.POST('/v1/collections', { body: { name: FIRST_COLLECTION } })
        if (!data) throw notFound()
        collectionId = data.id
      }
      const { response } = await api.PUT('/v1/collections/{id}/items/{slug}', {
        params: { path: { slug, id: collectionId } },
      })
      if (!response.ok) throw notFound()
      flash(request, 'C’est gardé : retrouvez cette ressource dans vos favoris.')
      return redirect(reply, `${page}#garder`)
    },
  )
}
