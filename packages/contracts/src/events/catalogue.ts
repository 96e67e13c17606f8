import { Type } from 'typebox'
import { CategorySchema, ThemeSchema } from '../schemas.js'
import { defineEvent } from './envelope.js'

const Id = Type.String({ format: 'uuid' })
const Tool = Type.Object({
  toolId: Id,
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  categories: Type.Array(CategorySchema),
  themes: Type.Array(ThemeSchema),
  /** Status after the change (an archived tool should no longer be recommended). Added in place: optional. */
  status: Type.Optional(
    Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]),
  ),
})
export const ToolPublished = defineEvent('catalogue', 'tool', 'published', 1, Tool)
export const ToolUpdated = defineEvent('catalogue', 'tool', 'updated', 1, Tool)
export const UsageDeclared = defineEvent(
  'catalogue',
  'usage',
  'declared',
  1,
  Type.Object({
    usageId: Id,
    toolId: Id,
    toolSlug: Type.String(),
    organisationId: Id,
    status: Type.Union([Type.Literal('uses'), Type.Literal('evaluating'), Type.Literal('abandoned')]),
  }),
)
export const ReviewSubmitted = defineEvent(
  'catalogue',
  'review',
  'submitted',
  1,
  Type.Object({
    reviewId: Id,
    toolId: Id,
    toolSlug: Type.String(),
    toolName: Type.String(),
    organisationId: Id,
  }),
)
export const ReviewModerated = defineEvent(
  'catalogue',
  'review',
  'moderated',
  1,
  Type.Object({
    reviewId: Id,
    toolId: Id,
    status: Type.Union([Type.Literal('published'), Type.Literal('rejected')]),
    authorId: Type.Union([Id, Type.Null()]),
  }),
)
export const ContactRequested = defineEvent(
  'catalogue',
  'contact',
  'requested',
  1,
  Type.Object({
    contactId: Id,
    toolSlug: Type.String(),
    toolName: Type.String(),
    fromOrganisationId: Id,
    fromOrganisationName: Type.String(),
    fromUserId: Id,
    toOrganisationId: Id,
    message: Type.String(),
  }),
)

/** An operator offers (or stops offering) a tool to its collectivités ("proposé par votre syndicat"). */
export const OperatorOfferChanged = defineEvent(
  'catalogue',
  'operator-offer',
  'changed',
  1,
  Type.Object({
    offerId: Id,
    operatorId: Id,
    toolSlug: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean(),
  }),
)
