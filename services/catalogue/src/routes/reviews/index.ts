import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  deleteReview,
  moderateReview,
  moderationQueue,
  reportReview,
  reviewForModeration,
} from '../../domain/reviews.js'
import {
  ModerationBody,
  ModerationReview,
  ModerationReviewDetail,
  ReportBody,
  ReviewStatusSchema,
} from '../../schemas.js'
import { IdParams, ProblemRef, type RouteDeps, SlugParams, TAGS, viewerFor } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const

/** Review moderation (editors) and reports (members). Submitting is under /v1/tools/{slug}/reviews. */
export const reviewRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index }) => {
  app.get(
    '/v1/reviews',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'listReviewsForModeration',
        summary: 'Moderation queue: reviews by status, most reported first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            status: Type.Optional(ReviewStatusSchema),
            toolSlug: Type.Optional(SlugParams.properties.slug),
            reported: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(ModerationReview) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query
      return moderationQueue(ctx.db, await viewerFor(index, request), filter, limit, offset)
    },
  )
  app.get(
    '/v1/reviews/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'getReviewForModeration',
        summary: 'One review as its moderators see it, with the reasons of its reports',
        params: IdParams,
        response: { 200: ModerationReviewDetail, 404: ProblemRef },
      },
    },
    async (request) => reviewForModeration(ctx.db, await viewerFor(index, request), request.params.id),
  )
  app.post(
    '/v1/reviews/:id/moderation',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'moderateReview',
        summary: 'Publish or reject a review',
        params: IdParams,
        body: ModerationBody,
        response: { 200: ModerationReview, 404: ProblemRef },
      },
    },
    async (request) => {
      const review = await moderateReview(
        ctx.db,
        await viewerFor(index, request),
        request.params.id,
        request.body,
      )
      index.markStale()
      return review
    },
  )
  app.post(
    '/v1/reviews/:id/reports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'reportReview',
        summary: 'Report a published review to the moderators',
        params: IdParams,
        body: ReportBody,
        response: { 204: Type.Null(), 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      await reportReview(ctx.db, await viewerFor(index, request), request.params.id, request.body.reason)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
  app.delete(
    '/v1/reviews/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'deleteReview',
        summary: 'Withdraw your review (or remove one, as an editor)',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteReview(ctx.db, await viewerFor(index, request), request.params.id)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
}
