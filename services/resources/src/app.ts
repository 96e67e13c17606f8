import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdentityEvents } from '@osinum/contracts'
import { FieldsError, type ServiceDeps } from '@osinum/service-kit'
import type { ResourcesConfig } from './config.js'
import type { Db, Trx } from './domain/db.js'
import { eraseUser, upsertOperator, upsertOrganisation } from './domain/identity-projection.js'
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
  // PostgreSQL text cannot hold NUL: refuse it as bad input rather than fail in the database.
  fastify.addHook('preValidation', async (request) => {
    const field = nulField(request.body, 'body') ?? nulField(request.query, 'querystring')
    if (field) throw new FieldsError([{ field, message: 'must not contain NUL characters' }], { status: 400 })
  })
  const routeDeps: RouteDeps = { db, schema: deps.schema, config: deps.config, storage }
  await fastify.register(resourceRoutes, routeDeps)
  await fastify.register(trainingRoutes, routeDeps)
  await fastify.register(communityRoutes, routeDeps)
  await fastify.register(collectionRoutes, routeDeps)

  const { events } = deps
  events.on(IdentityEvents.UserErased, 'user-erased', async ({ trx, event, log }) => {
    const { promoted } = await eraseUser(trx as Trx, event.data.userId)
    log.info({ userId: event.data.userId, promoted }, 'user erased from resources')
  })
  events.on(IdentityEvents.OrganisationCreated, 'organisation-created', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OrganisationUpdated, 'organisation-updated', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OperatorCreated, 'operator-created', async ({ trx, event }) => {
    await upsertOperator(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OperatorUpdated, 'operator-updated', async ({ trx, event }) => {
    await upsertOperator(trx as Trx, event.data)
  })
}

function nulField(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (depth > 8 || value === null || typeof value !== 'object') return undefined
  for (const [key, child] of Object.entries(value)) {
    const found = nulField(child, `${path}.${key}`, depth + 1)
    if (found) return found
  }
  return undefined
}
