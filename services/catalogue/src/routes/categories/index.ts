import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CATEGORIES } from '@osinum/contracts'
import { Type } from 'typebox'
import { CATEGORY_DETAILS } from '../../domain/vocabulary.js'
import { type RouteDeps, TAGS } from '../shared.js'

/** The catalogue taxonomy (shared vocabulary of the contracts, with a French description). */
export const categoryRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { index }) => {
  app.get(
    '/v1/categories',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'listCategories',
        summary: 'Tool categories (taxonomy) with the number of published tools',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              label: Type.String(),
              description: Type.String(),
              toolCount: Type.Integer({ minimum: 0 }),
            }),
          ),
        },
      },
    },
    async () => {
      const snapshot = await index.current()
      const counts = new Map<string, number>()
      for (const t of snapshot.tools)
        if (t.status === 'published') for (const c of t.categories) counts.set(c, (counts.get(c) ?? 0) + 1)
      return Object.entries(CATEGORIES).map(([id, label]) => ({
        id,
        label,
        description: CATEGORY_DETAILS[id]?.description ?? '',
        toolCount: counts.get(id) ?? 0,
      }))
    },
  )
}
