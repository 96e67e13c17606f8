import { ThemeSchema } from '@osinum/contracts'
import { Type } from 'typebox'
import { CATEGORY_IDS, DIGEST_FREQUENCIES } from './domain/categories.js'
import { WEBHOOK_EVENT_TYPES } from './domain/webhooks.js'

const literals = <T extends string>(ids: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      ids.map((id) => Type.Literal(id)),
      description ? { description } : {},
    ),
  )

export const Uuid = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Uuid })
export const Problem = { $ref: 'Problem#' } as const
const DateTime = Type.String({ format: 'date-time' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const CategorySchema = literals(CATEGORY_IDS, 'Notification category')
export const DigestFrequencySchema = literals(DIGEST_FREQUENCIES)

export const NotificationSchema = Type.Object({
  id: Uuid,
  category: Type.String(),
  kind: Type.String({ description: 'What happened, e.g. diagnostic-submitted, registration-promoted' }),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  read: Type.Boolean(),
  readAt: Nullable(DateTime),
  createdAt: DateTime,
  replyable: Type.Boolean({ description: 'A relayed contact message: answer with POST …/reply' }),
})

export const DeliverySchema = Type.Object({
  id: Uuid,
  notificationId: Uuid,
  channel: Type.Union([Type.Literal('email'), Type.Literal('in-app')]),
  category: Type.String(),
  recipient: Type.String({ description: 'Email address, or user id for the in-app channel' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(DateTime),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
})

const ChannelsPatch = Type.Object(
  { email: Type.Optional(Type.Boolean()), inApp: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

export const PreferencesSchema = Type.Object({
  categories: Type.Array(
    Type.Object({
      category: CategorySchema,
      label: Type.String(),
      description: Type.String(),
      email: Type.Boolean(),
      inApp: Type.Boolean(),
      locked: Type.Boolean({ description: 'Cannot be turned off (authentication emails)' }),
    }),
  ),
  digest: Type.Object({
    frequency: DigestFrequencySchema,
    themes: Nullable(
      Type.Array(Type.String(), { description: 'Chosen themes; null = follow the diagnostics' }),
    ),
    effectiveThemes: Type.Array(Type.String(), {
      description:
        'Themes followed: the chosen ones, else the weak themes of your collectivités’ diagnostics',
    }),
  }),
})

export const PreferencesPatchSchema = Type.Object(
  {
    categories: Type.Optional(
      Type.Object(Object.fromEntries(CATEGORY_IDS.map((c) => [c, Type.Optional(ChannelsPatch)])), {
        additionalProperties: false,
      }),
    ),
    digest: Type.Optional(
      Type.Object(
        {
          frequency: Type.Optional(DigestFrequencySchema),
          themes: Type.Optional(Nullable(Type.Array(ThemeSchema, { maxItems: 32 }))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const WebhookEventTypeSchema = literals([...WEBHOOK_EVENT_TYPES, '*'], "Event type, or '*' for all")

export const WebhookEndpointSchema = Type.Object({
  id: Uuid,
  operatorId: Nullable(Uuid),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  disabledAt: Nullable(DateTime),
  disabledReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
})

export const WebhookDeliverySchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer({ minimum: 0 }),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(DateTime),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
})
