import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  createOperatorOffer,
  deleteOperatorOffer,
  listOperatorOffers,
  updateOperatorOffer,
} from '../../domain/operators.js'
import { OperatorOffer, OperatorOfferBody, OperatorOfferUpdateBody } from '../../schemas.js'
import { IdParams, ProblemRef, type RouteDeps, SlugParams, TAGS, viewerFor } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const

/** Operators' offers: the tools a syndicate hosts for its collectivités ("proposé par votre syndicat"). */
export const operatorOfferRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index }) => {
  app.get(
    '/v1/operator-offers',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'listOperatorOffers',
        summary: 'Tools that operators host for their collectivités',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            operatorId: Type.Optional(Type.String({ format: 'uuid' })),
            toolSlug: Type.Optional(SlugParams.properties.slug),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(OperatorOffer) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query
      return listOperatorOffers(ctx.db, filter, limit, offset)
    },
  )
  app.post(
    '/v1/operator-offers',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'createOperatorOffer',
        summary: 'Declare a tool your operator hosts for its collectivités',
        body: OperatorOfferBody,
        response: { 201: OperatorOffer, 404: ProblemRef, 409: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const offer = await createOperatorOffer(ctx.db, await viewerFor(index, request), request.body)
      index.markStale()
      return reply.code(201).send(offer)
    },
  )
  app.patch(
    '/v1/operator-offers/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'updateOperatorOffer',
        summary: 'Edit an offer of your operator',
        params: IdParams,
        body: OperatorOfferUpdateBody,
        response: { 200: OperatorOffer, 404: ProblemRef },
      },
    },
    async (request) => {
      const offer = await updateOperatorOffer(
        ctx.db,
        await viewerFor(index, request),
        request.params.id,
        request.body,
      )
      index.markStale()
      return offer
    },
  )
  app.delete(
    '/v1/operator-offers/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'deleteOperatorOffer',
        summary: 'Withdraw an offer of your operator',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteOperatorOffer(ctx.db, await viewerFor(index, request), request.params.id)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
}
