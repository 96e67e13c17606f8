import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  createEndpoint,
  deleteEndpoint,
  endpointView,
  getEndpoint,
  listEndpointDeliveries,
  listEndpoints,
  updateEndpoint,
} from '../../domain/webhooks.js'
import type { Runtime } from '../../runtime.js'
import {
  IdParams,
  Problem,
  Uuid,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEventTypeSchema,
} from '../../schemas.js'

const tags = ['notifications']
const access = ['admin'] as const
const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 20, offset: q.offset ?? 0 })
const Url = Type.String({
  minLength: 8,
  maxLength: 2000,
  description: 'https:// endpoint receiving the POSTs',
})
const EventTypes = Type.Array(WebhookEventTypeSchema, { minItems: 1, maxItems: 32 })

/**
 * Webhook endpoints of an operator (admins: a national admin sees all; an operator's admin only
 * theirs, others answer 404). The signing secret is returned once, at creation.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ rt: Runtime }> = async (fastify, { rt }) => {
  const { db } = rt
  const insecure = rt.config.WEBHOOK_ALLOW_INSECURE

  fastify.post(
    '/v1/webhooks',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'createWebhook',
        summary: 'Register a webhook endpoint (the secret is shown only in this answer)',
        body: Type.Object(
          {
            url: Url,
            description: Type.Optional(Type.String({ maxLength: 500 })),
            eventTypes: EventTypes,
            operatorId: Type.Optional(
              Type.Union([Uuid, Type.Null()], {
                description: 'The platform admin only: register on behalf of an operator (null = national)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...WebhookEndpointSchema.properties,
            secret: Type.String({
              description: 'whsec_… signing secret: store it now, it is never shown again',
            }),
          }),
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await createEndpoint(db, request.principal!, request.body, insecure)
      return reply
        .code(201)
        .header('location', `/v1/webhooks/${endpoint.id}`)
        .send({ ...endpoint, secret })
    },
  )

  fastify.get(
    '/v1/webhooks',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listWebhooks',
        summary: 'Webhook endpoints I manage',
        querystring: PageQuery,
        response: { 200: Page(WebhookEndpointSchema) },
      },
    },
    async (request) => listEndpoints(db, request.principal!, page(request.query)),
  )

  fastify.get(
    '/v1/webhooks/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getWebhook',
        summary: 'One webhook endpoint (never its secret)',
        params: IdParams,
        response: { 200: WebhookEndpointSchema, 404: Problem },
      },
    },
    async (request) => endpointView(await getEndpoint(db, request.principal!, request.params.id)),
  )

  fastify.patch(
    '/v1/webhooks/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'updateWebhook',
        summary: 'Change an endpoint; `enabled: true` re-enables one disabled after failures',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(Url),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            eventTypes: Type.Optional(EventTypes),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: WebhookEndpointSchema, 404: Problem, 422: Problem },
      },
    },
    async (request) => {
      const view = await updateEndpoint(db, request.principal!, request.params.id, request.body, insecure)
      rt.wakeWebhooks()
      return view
    },
  )

  fastify.delete(
    '/v1/webhooks/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'deleteWebhook',
        summary: 'Remove an endpoint and its delivery log',
        params: IdParams,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(db, request.principal!, request.params.id)
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/v1/webhooks/:id/deliveries',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'Delivery log of an endpoint, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(WebhookDeliverySchema), 404: Problem },
      },
    },
    async (request) => listEndpointDeliveries(db, request.principal!, request.params.id, page(request.query)),
  )
}
