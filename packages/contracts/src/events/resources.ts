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
  // Added fields (optional: events written before them stay valid).
  /** iCalendar SEQUENCE of the invitation this event replaces the earlier ones with. */
  sequence: Type.Optional(Type.Integer({ minimum: 0 })),
  mode: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('in-person')])),
  /** Address of an in-person session. */
  place: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Visio link: only when the person holds a seat (never to the waiting list). */
  onlineUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Why a registration was cancelled: by the person (or an organiser), or with its session. */
  cause: Type.Optional(Type.Union([Type.Literal('registration'), Type.Literal('session-cancelled')])),
})
export const RegistrationCreated = defineEvent('resources', 'registration', 'created', 1, Registration)
export const RegistrationCancelled = defineEvent('resources', 'registration', 'cancelled', 1, Registration)
export const RegistrationPromoted = defineEvent('resources', 'registration', 'promoted', 1, Registration)
/** The session of a registration moved (time) or changed its place or visio link. */
export const RegistrationUpdated = defineEvent(
  'resources',
  'registration',
  'updated',
  1,
  Type.Object({
    ...Registration.properties,
    changes: Type.Array(Type.Union([Type.Literal('time'), Type.Literal('place'), Type.Literal('link')]), {
      minItems: 1,
    }),
  }),
)
/** A moderator hid a post or a comment: its author is told which rule and how to contest. */
export const ContentHidden = defineEvent(
  'resources',
  'content',
  'hidden',
  1,
  Type.Object({
    contentType: Type.Union([Type.Literal('experience'), Type.Literal('comment')]),
    contentId: Id,
    title: Type.String(),
    authorId: Id,
    /** The rule broken: a report reason id (abuse, spam, wrong, outdated, other). */
    rule: Type.String(),
    ruleLabel: Type.String(),
    /** The moderators' own words, when they gave some. */
    note: Type.Union([Type.String(), Type.Null()]),
  }),
)
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
