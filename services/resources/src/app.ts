import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServiceDeps } from '@osinum/service-kit'

/** The resources service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps> = async (_fastify) => {}
