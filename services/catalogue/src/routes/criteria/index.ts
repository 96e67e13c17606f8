import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createCriterion, deleteCriterion, listCriteria, updateCriterion } from '../../domain/criteria.js'
import { Criterion, CriterionCreateBody, CriterionUpdateBody } from '../../schemas.js'
import { ProblemRef, type RouteDeps, TAGS, viewerFor } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const
const KeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 60 }) })

/** Criteria: typed custom attributes defined by editors, national or of one operator. */
export const criteriaRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index }) => {
  app.get(
    '/v1/criteria',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'listCriteria',
        summary: 'Custom criteria (national ones, and those of your operator)',
        querystring: Type.Object(
          { operatorId: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Criterion) },
      },
    },
    async (request) => listCriteria(ctx.db, await viewerFor(index, request), request.query.operatorId),
  )
  app.post(
    '/v1/criteria',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'createCriterion',
        summary: 'Define a criterion (an operator’s editor defines criteria of that operator)',
        body: CriterionCreateBody,
        response: { 201: Criterion, 409: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const criterion = await createCriterion(ctx.db, await viewerFor(index, request), request.body)
      index.markStale()
      return reply.code(201).header('location', `/v1/criteria/${criterion.key}`).send(criterion)
    },
  )
  app.patch(
    '/v1/criteria/:key',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'updateCriterion',
        summary: 'Change a criterion (its kind and key never change)',
        params: KeyParams,
        body: CriterionUpdateBody,
        response: { 200: Criterion, 404: ProblemRef, 422: ProblemRef },
      },
    },
    async (request) => {
      const criterion = await updateCriterion(
        ctx.db,
        await viewerFor(index, request),
        request.params.key,
        request.body,
      )
      index.markStale()
      return criterion
    },
  )
  app.delete(
    '/v1/criteria/:key',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'deleteCriterion',
        summary: 'Delete a criterion and its values',
        params: KeyParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteCriterion(ctx.db, await viewerFor(index, request), request.params.key)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
}
