import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServiceDeps } from '@osinum/service-kit'

/** The notifications service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps> = async (_fastify) => {}
