import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { handlePersonalData, type ServiceDeps } from '@osinum/service-kit'
import type { ResourcesConfig } from './config.js'
import { registerConsumers } from './consumers.js'
import type { Db } from './domain/db.js'
import { resourcesPersonalData } from './domain/personal-data.js'
import { SearchCache } from './domain/search-cache.js'
import { storageFromConfig } from './domain/storage.js'
import { collectionRoutes } from './routes/collections/index.js'
import { communityRoutes } from './routes/community/index.js'
import type { RouteDeps } from './routes/context.js'
import { resourceRoutes } from './routes/resources/index.js'
import { trainingRoutes } from './routes/trainings/index.js'

/** The resources service as a Fastify plugin: routes, attachment storage and identity consumers. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps<ResourcesConfig>> = async (fastify, deps) => {
  const db = deps.db as Db
  const storage = await storageFromConfig(deps.config, db)
  fastify.addHook('onClose', async () => {
    await storage.close?.()
  })
  const searchCache = new SearchCache(deps.config.RESOURCES_SEARCH_CACHE_MS)
  // Any successful write may change what search shows (a publication, an edit, a bookmark…):
  // answers computed before it are not served again. onSend runs once the write has committed.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400)
      searchCache.markStale()
    return payload
  })
  const routeDeps: RouteDeps = { db, schema: deps.schema, config: deps.config, storage, searchCache }
  await fastify.register(resourceRoutes, routeDeps)
  await fastify.register(trainingRoutes, routeDeps)
  await fastify.register(communityRoutes, routeDeps)
  await fastify.register(collectionRoutes, routeDeps)

  const { events } = deps
  // Erasure changes bookmark counts, operators the names of the operator facet. The handler's
  // transaction commits just after: a search in between may keep the old answer for at most
  // RESOURCES_SEARCH_CACHE_MS, as for a write of another replica.
  await handlePersonalData(
    deps,
    resourcesPersonalData((promoted) => {
      searchCache.markStale()
      fastify.log.info({ promoted }, 'user erased from resources')
    }),
  )
  registerConsumers(events, searchCache)
}
