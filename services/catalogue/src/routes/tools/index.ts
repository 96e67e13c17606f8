import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { compareTools } from '../../domain/compare.js'
import { clearAttribute, setAttribute } from '../../domain/criteria.js'
import { publishedReviews, submitReview } from '../../domain/reviews.js'
import { slugify } from '../../domain/text.js'
import {
  applyPatch,
  createTool,
  findTool,
  inputFromCreate,
  publishTools,
  toolDetail,
  toolHistory,
  updateTool,
} from '../../domain/tools.js'
import { requestContact, usageStats } from '../../domain/usages.js'
import {
  AttributeValueBody,
  CompareResult,
  ContactBody,
  ModerationReview,
  Review,
  ReviewBody,
  Revision,
  SearchQuery,
  SearchResult,
  ToolCreateBody,
  ToolDetail,
  ToolUpdateBody,
  ToolUsageStats,
} from '../../schemas.js'
import { nationalEditors, ProblemRef, type RouteDeps, SlugParams, TAGS, viewerFor } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const

/** Tools: search with facets, the tool page, comparison, editing and history, usage, reviews. */
export const toolRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index, config }) => {
  app.get(
    '/v1/tools',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'searchTools',
        summary: 'Search tools (French full text, facets, filters, sorts)',
        description:
          'Accent-insensitive, stemmed, typo-tolerant French search with domain synonyms ("visio" finds videoconference tools). Facet counts apply every filter except their own.',
        querystring: SearchQuery,
        response: { 200: SearchResult, 403: ProblemRef, 422: ProblemRef },
      },
    },
    async (request) => index.search(request.query, await viewerFor(index, request)),
  )

  app.post(
    '/v1/tools',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'createTool',
        summary: 'Create a tool (draft unless status is published)',
        body: ToolCreateBody,
        response: { 201: ToolDetail, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const body = request.body
      const slug = body.slug ?? slugify(body.name)
      await createTool(ctx, inputFromCreate(body, slug), {
        status: body.status ?? 'draft',
        actor: request.principal!.userId,
      })
      index.markStale()
      const viewer = await viewerFor(index, request)
      reply.code(201).header('location', `/v1/tools/${slug}`)
      return toolDetail(ctx, index, slug, viewer)
    },
  )

  app.get(
    '/v1/tools/compare',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'compareTools',
        summary: 'Compare 2 to 4 tools on every criterion',
        querystring: Type.Object(
          {
            slugs: Type.String({
              pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
              maxLength: 500,
              description: 'Comma-separated slugs',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CompareResult, 422: ProblemRef },
      },
    },
    async (request) => compareTools(ctx, index, request.query.slugs, await viewerFor(index, request)),
  )

  app.get(
    '/v1/tools/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'getTool',
        summary: 'A tool with its criteria, offers, similar tools and alternatives',
        params: SlugParams,
        response: { 200: ToolDetail, 404: ProblemRef },
      },
    },
    async (request) => toolDetail(ctx, index, request.params.slug, await viewerFor(index, request)),
  )

  app.post(
    '/v1/tools/publication',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'publishTools',
        summary: 'Publish several drafts at once (e.g. those of an import): all or nothing',
        description:
          'Each publication is recorded in the tool’s history and emits its event; tools already published are listed as unchanged. An unknown slug refuses the whole batch (404).',
        body: Type.Object(
          {
            slugs: Type.Array(SlugParams.properties.slug, { minItems: 1, maxItems: 100, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ published: Type.Array(Type.String()), unchanged: Type.Array(Type.String()) }),
          404: ProblemRef,
        },
      },
    },
    async (request) => {
      const viewer = await viewerFor(index, request)
      const result = await publishTools(ctx, request.body.slugs, viewer.userId)
      index.markStale()
      return result
    },
  )

  app.patch(
    '/v1/tools/:slug',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'updateTool',
        summary: 'Edit a tool, publish or archive it (recorded in its history)',
        params: SlugParams,
        body: ToolUpdateBody,
        response: { 200: ToolDetail, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const viewer = await viewerFor(index, request)
      const row = await findTool(ctx.db, request.params.slug, viewer)
      const { status, ...patch } = request.body
      await updateTool(
        ctx,
        row.id,
        (current) => ({ input: applyPatch(current, patch), ...(status ? { status } : {}) }),
        { actor: viewer.userId },
      )
      index.markStale()
      return toolDetail(ctx, index, request.params.slug, viewer)
    },
  )

  app.get(
    '/v1/tools/:slug/history',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'getToolHistory',
        summary: 'Change history of a tool (who, when, what)',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: Page(Revision), 404: ProblemRef },
      },
    },
    async (request) => {
      const row = await findTool(ctx.db, request.params.slug, await viewerFor(index, request))
      return toolHistory(ctx.db, row.id, request.query.limit ?? 20, request.query.offset ?? 0)
    },
  )

  const AttributeParams = Type.Object({
    slug: SlugParams.properties.slug,
    key: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 60 }),
  })
  app.put(
    '/v1/tools/:slug/attributes/:key',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'setToolAttribute',
        summary: 'Set the value of a custom criterion on a tool',
        params: AttributeParams,
        body: AttributeValueBody,
        response: { 204: Type.Null(), 404: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const viewer = await viewerFor(index, request)
      await setAttribute(ctx.db, viewer, request.params.slug, request.params.key, request.body.value)
      index.markStale()
      return reply.code(204).send(null)
    },
  )
  app.delete(
    '/v1/tools/:slug/attributes/:key',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        operationId: 'clearToolAttribute',
        summary: 'Remove the value of a custom criterion from a tool',
        params: AttributeParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const viewer = await viewerFor(index, request)
      await clearAttribute(ctx.db, viewer, request.params.slug, request.params.key)
      index.markStale()
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/tools/:slug/usages',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'getToolUsage',
        summary: 'Who uses it: counts by population bracket and département, contactable collectivités',
        params: SlugParams,
        response: { 200: ToolUsageStats, 404: ProblemRef },
      },
    },
    async (request) => usageStats(ctx.db, request.params.slug),
  )

  app.post(
    '/v1/tools/:slug/contact',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'contactToolUser',
        summary: 'Ask a collectivité that uses the tool to get in touch (relayed, no email exposed)',
        description:
          'From and to verified collectivités only: an unverified sender is refused (403 OSI_CATALOGUE_NOT_VERIFIED), an unverified target is not found (404).',
        params: SlugParams,
        body: ContactBody,
        response: {
          202: Type.Object({ contactId: Type.String({ format: 'uuid' }) }),
          403: ProblemRef,
          404: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const viewer = await viewerFor(index, request)
      const result = await requestContact(
        ctx.db,
        viewer,
        request.params.slug,
        request.body,
        config.CATALOGUE_CONTACT_DAILY_LIMIT,
      )
      return reply.code(202).send(result)
    },
  )

  app.get(
    '/v1/tools/:slug/reviews',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'listToolReviews',
        summary: 'Published reviews of a tool',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: Page(Review), 404: ProblemRef },
      },
    },
    async (request) =>
      publishedReviews(ctx.db, request.params.slug, request.query.limit ?? 20, request.query.offset ?? 0),
  )

  app.post(
    '/v1/tools/:slug/reviews',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        operationId: 'submitReview',
        summary: 'Review a tool your collectivité declared using (published after moderation)',
        params: SlugParams,
        body: ReviewBody,
        response: { 201: ModerationReview, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const review = await submitReview(
        ctx.db,
        await viewerFor(index, request),
        request.params.slug,
        request.body,
      )
      return reply.code(201).send(review)
    },
  )
}
