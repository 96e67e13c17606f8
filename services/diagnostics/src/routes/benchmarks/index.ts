import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NationalDatasetView } from '../../schemas.js'
import type { RouteOptions } from '../context.js'

export const benchmarkRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/v1/benchmarks/national-2023',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'getNationalBenchmark',
        summary: 'The 2023 national survey figures (versioned reference dataset, with sources)',
        response: { 200: NationalDatasetView },
      },
    },
    async () => ctx.referential.national,
  )
}
