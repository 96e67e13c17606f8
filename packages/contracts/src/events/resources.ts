import { Type } from 'typebox'
import { ThemeSchema } from '../schemas.js'
import { defineEvent } from './envelope.js'

const Id = Type.String({ format: 'uuid' })
export const ResourcePublished = defineEvent(
  'resources',
  'resource',
  'published',
  1,
  Type.Object({
    resourceId: Id,
    slug: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    themes: Type.Array(ThemeSchema),
    operatorId: Type.Union([Id, Type.Null()]),
  }),
)
const Registration = Type.Object({
  registrationId: Id,
  sessionId: Id,
  trainingSlug: Type.String(),
  trainingTitle: Type.String(),
  userId: Id,
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.Union([Type.Literal('registered'), Type.Literal('waiting'), Type.Literal('cancelled')]),
})
export const RegistrationCreated = defineEvent('resources', 'registration', 'created', 1, Registration)
export const RegistrationCancelled = defineEvent('resources', 'registration', 'cancelled', 1, Registration)
export const RegistrationPromoted = defineEvent('resources', 'registration', 'promoted', 1, Registration)
export const ContentReported = defineEvent(
  'resources',
  'content',
  'reported',
  1,
  Type.Object({
    reportId: Id,
    contentType: Type.Union([Type.Literal('resource'), Type.Literal('experience'), Type.Literal('comment')]),
    contentId: Id,
    reason: Type.String(),
    title: Type.String(),
  }),
)
