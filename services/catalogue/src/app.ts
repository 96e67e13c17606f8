import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CATEGORIES } from '@osinum/contracts'
import type { ServiceDeps } from '@osinum/service-kit'
import { Type } from 'typebox'

/** The catalogue service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps> = async (fastify) => {
  fastify.get(
    '/v1/categories',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        operationId: 'listCategories',
        summary: 'Tool categories (taxonomy)',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })) },
      },
    },
    async () => Object.entries(CATEGORIES).map(([id, label]) => ({ id, label })),
  )
}
