import { Type } from 'typebox'
import { defineEvent } from './envelope.js'

const Delivery = Type.Object({
  notificationId: Type.String({ format: 'uuid' }),
  channel: Type.Union([Type.Literal('email'), Type.Literal('in-app'), Type.Literal('webhook')]),
  category: Type.String(),
  causeEventId: Type.String({ format: 'uuid' }),
  attempts: Type.Integer(),
  error: Type.Optional(Type.String()),
})
export const NotificationDelivered = defineEvent('notifications', 'notification', 'delivered', 1, Delivery)
export const NotificationFailed = defineEvent('notifications', 'notification', 'failed', 1, Delivery)
