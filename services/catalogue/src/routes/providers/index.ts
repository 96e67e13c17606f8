import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  createProvider,
  createProviderOffer,
  deleteProvider,
  deleteProviderOffer,
  getProvider,
  listProviders,
  updateProvider,
  updateProviderOffer,
} from '../../domain/providers.js'
import {
  Provider,
  ProviderCreateBody,
  ProviderKindSchema,
  ProviderOfferBody,
  ProviderOfferUpdateBody,
  ProviderUpdateBody,
} from '../../schemas.js'
import { nationalEditors, ProblemRef, type RouteDeps, SlugParams, TAGS } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const
const OfferParams = Type.Object({
  slug: SlugParams.properties.slug,
  offerId: Type.String({ format: 'uuid' }),
})

/** Providers (companies, SCIC, associations, syndicates) and their offers on tools. */
export const providerRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/v1/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'listProviders',
        summary: 'Providers, filterable by kind, region served and tool',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            q: Type.Optional(Type.String({ maxLength: 100 })),
            kind: Type.Optional(ProviderKindSchema),
            region: Type.Optional(Type.String({ maxLength: 80 })),
            toolSlug: Type.Optional(SlugParams.properties.slug),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Provider) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query
      return listProviders(ctx.db, ctx.schema, filter, limit, offset)
    },
  )
  app.get(
    '/v1/providers/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'getProvider',
        summary: 'A provider and its offers',
        params: SlugParams,
        response: { 200: Provider, 404: ProblemRef },
      },
    },
    async (request) => getProvider(ctx.db, request.params.slug),
  )
  app.post(
    '/v1/providers',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'createProvider',
        summary: 'Add a provider',
        body: ProviderCreateBody,
        response: { 201: Provider, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const provider = await createProvider(ctx.db, request.body)
      return reply.code(201).header('location', `/v1/providers/${provider.slug}`).send(provider)
    },
  )
  app.patch(
    '/v1/providers/:slug',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'updateProvider',
        summary: 'Edit a provider',
        params: SlugParams,
        body: ProviderUpdateBody,
        response: { 200: Provider, 404: ProblemRef },
      },
    },
    async (request) => updateProvider(ctx.db, request.params.slug, request.body),
  )
  app.delete(
    '/v1/providers/:slug',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'deleteProvider',
        summary: 'Delete a provider and its offers',
        params: SlugParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteProvider(ctx.db, request.params.slug)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/v1/providers/:slug/offers',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'createProviderOffer',
        summary: 'Add an offer of a provider on a tool (regions served, price indication)',
        params: SlugParams,
        body: ProviderOfferBody,
        response: { 201: Provider, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProviderOffer(ctx.db, request.params.slug, request.body)),
  )
  app.patch(
    '/v1/providers/:slug/offers/:offerId',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'updateProviderOffer',
        summary: 'Edit a provider’s offer',
        params: OfferParams,
        body: ProviderOfferUpdateBody,
        response: { 200: Provider, 404: ProblemRef },
      },
    },
    async (request) => updateProviderOffer(ctx.db, request.params.slug, request.params.offerId, request.body),
  )
  app.delete(
    '/v1/providers/:slug/offers/:offerId',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'deleteProviderOffer',
        summary: 'Remove a provider’s offer',
        params: OfferParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteProviderOffer(ctx.db, request.params.slug, request.params.offerId)
      return reply.code(204).send(null)
    },
  )
}
