import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { handlePersonalData, type ServiceDeps } from '@osinum/service-kit'
import type { CatalogueConfig } from './config.js'
import { registerConsumers } from './consumers.js'
import type { Db } from './domain/db.js'
import { cataloguePersonalData } from './domain/personal-data.js'
import { SearchIndex } from './domain/search.js'
import { catalogueRoutes } from './routes/catalogue/index.js'
import { categoryRoutes } from './routes/categories/index.js'
import { criteriaRoutes } from './routes/criteria/index.js'
import { operatorOfferRoutes } from './routes/operator-offers/index.js'
import { providerRoutes } from './routes/providers/index.js'
import { reviewRoutes } from './routes/reviews/index.js'
import type { RouteDeps } from './routes/shared.js'
import { toolUsageRoutes } from './routes/tool-usages/index.js'
import { toolRoutes } from './routes/tools/index.js'

/** The catalogue service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps<CatalogueConfig>> = async (fastify, deps) => {
  const ctx = { db: deps.db as Db, schema: deps.schema }
  const index = new SearchIndex(ctx, deps.config.CATALOGUE_SEARCH_REFRESH_MS)
  registerConsumers(deps.events, index)
  await handlePersonalData(
    deps,
    cataloguePersonalData(() => index.markStale()),
  )

  // Any successful write may change what search shows: re-check the snapshot version.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) index.markStale()
    return payload
  })

  const routeDeps: RouteDeps = { ctx, index, config: deps.config }
  await fastify.register(categoryRoutes, routeDeps)
  await fastify.register(toolRoutes, routeDeps)
  await fastify.register(criteriaRoutes, routeDeps)
  await fastify.register(providerRoutes, routeDeps)
  await fastify.register(operatorOfferRoutes, routeDeps)
  await fastify.register(toolUsageRoutes, routeDeps)
  await fastify.register(reviewRoutes, routeDeps)
  await fastify.register(catalogueRoutes, routeDeps)
}
