import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { replyToContact } from '../../domain/contact.js'
import {
  listDeliveries,
  listInbox,
  markAllRead,
  markRead,
  notificationDeliveries,
  notificationView,
  ownNotification,
  unreadCount,
} from '../../domain/inbox.js'
import type { Runtime } from '../../runtime.js'
import { CategorySchema, DeliverySchema, IdParams, NotificationSchema, Problem, Uuid } from '../../schemas.js'

const tags = ['notifications']
const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 20, offset: q.offset ?? 0 })

/** The in-app inbox of the signed-in person, and delivery logs. */
export const notificationRoutes: FastifyPluginAsyncTypebox<{ rt: Runtime }> = async (fastify, { rt }) => {
  const { db } = rt

  fastify.get(
    '/v1/notifications',
    {
      schema: {
        tags,
        operationId: 'listNotifications',
        summary: 'My in-app notifications, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
          category: Type.Optional(CategorySchema),
        }),
        response: { 200: Page(NotificationSchema) },
      },
    },
    async (request) => listInbox(db, request.principal!.userId, { ...request.query, ...page(request.query) }),
  )

  fastify.get(
    '/v1/notifications/unread-count',
    {
      schema: {
        tags,
        operationId: 'countUnreadNotifications',
        summary: 'How many of my in-app notifications are unread',
        response: { 200: Type.Object({ count: Type.Integer({ minimum: 0 }) }) },
      },
    },
    async (request) => ({ count: await unreadCount(db, request.principal!.userId) }),
  )

  fastify.post(
    '/v1/notifications/read-all',
    {
      schema: {
        tags,
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all my notifications read',
        response: { 200: Type.Object({ updated: Type.Integer({ minimum: 0 }) }) },
      },
    },
    async (request) => ({ updated: await markAllRead(db, request.principal!.userId) }),
  )

  fastify.get(
    '/v1/notifications/:id',
    {
      schema: {
        tags,
        operationId: 'getNotification',
        summary: 'One of my notifications',
        params: IdParams,
        response: { 200: NotificationSchema, 404: Problem },
      },
    },
    async (request) =>
      notificationView(await ownNotification(db, request.principal!.userId, request.params.id)),
  )

  fastify.post(
    '/v1/notifications/:id/read',
    {
      schema: {
        tags,
        operationId: 'markNotificationRead',
        summary: 'Mark one of my notifications read',
        params: IdParams,
        response: { 200: NotificationSchema, 404: Problem },
      },
    },
    async (request) => markRead(db, request.principal!.userId, request.params.id),
  )

  fastify.get(
    '/v1/notifications/:id/deliveries',
    {
      schema: {
        tags,
        operationId: 'listNotificationDeliveries',
        summary: 'Delivery log of a notification (the person it was for, or an admin)',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(DeliverySchema), 404: Problem },
      },
    },
    async (request) => notificationDeliveries(db, request.principal!, request.params.id, page(request.query)),
  )

  fastify.post(
    '/v1/notifications/:id/reply',
    {
      schema: {
        tags,
        operationId: 'replyToNotification',
        summary: 'Answer a relayed contact message (relayed in turn, without exposing your address)',
        params: IdParams,
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ relayed: Type.Boolean() }), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          replyToContact(trx, rt, request.principal!, request.params.id, request.body.message.trim()),
        )
      rt.wakeEmail()
      return reply.code(202).send({ relayed: true })
    },
  )

  fastify.get(
    '/v1/notification-deliveries',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'listDeliveries',
        summary:
          'Deliveries, filtered (why did an email not arrive?): every one for the platform admin, those to its people for an operator’s administrator',
        querystring: Type.Object({
          ...PageQuery.properties,
          status: Type.Optional(
            Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
          ),
          channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('in-app')])),
          causeEventId: Type.Optional(Uuid),
          recipient: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
        }),
        response: { 200: Page(DeliverySchema) },
      },
    },
    async (request) => listDeliveries(db, request.principal!, { ...request.query, ...page(request.query) }),
  )
}
