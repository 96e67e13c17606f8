import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { declareUsage, listUsages, withdrawUsage } from '../../domain/usages.js'
import { ToolUsage, ToolUsageBody } from '../../schemas.js'
import { IdParams, ProblemRef, type RouteDeps, TAGS, viewerFor } from '../shared.js'

/** A collectivité's declarations: it uses, evaluates or abandoned a tool. */
export const toolUsageRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index }) => {
  app.get(
    '/v1/tool-usages',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'listToolUsages',
        summary: 'The declarations of one of your collectivités',
        querystring: Type.Object(
          { ...PageQuery.properties, organisationId: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
        response: { 200: Page(ToolUsage) },
      },
    },
    async (request) => {
      const { organisationId, limit = 20, offset = 0 } = request.query
      return listUsages(ctx.db, await viewerFor(index, request), organisationId, limit, offset)
    },
  )
  app.post(
    '/v1/tool-usages',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'declareToolUsage',
        summary: 'Declare that your collectivité uses, evaluates or abandoned a tool',
        body: ToolUsageBody,
        response: { 200: ToolUsage, 201: ToolUsage, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const { usage, created } = await declareUsage(ctx.db, await viewerFor(index, request), request.body)
      index.markStale()
      return reply.code(created ? 201 : 200).send(usage)
    },
  )
  app.delete(
    '/v1/tool-usages/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'withdrawToolUsage',
        summary: 'Withdraw a declaration of your collectivité',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await withdrawUsage(ctx.db, await viewerFor(index, request), request.params.id)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
}
