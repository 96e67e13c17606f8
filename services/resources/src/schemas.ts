import { Slug, ThemeSchema, Uuid } from '@osinum/contracts'
import { type TSchema, Type } from 'typebox'
import {
  AUDIENCE_IDS,
  LEVEL_IDS,
  REPORT_REASON_IDS,
  RESOURCE_STATUS_IDS,
  RESOURCE_TYPE_IDS,
} from './domain/vocabulary.js'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const literals = <T extends string>(ids: readonly T[], description?: string) =>
  Type.Union(
    ids.map((id) => Type.Literal(id)),
    description ? { description } : {},
  )

export const DateTime = Type.String({ format: 'date-time' })
export const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
export const ProblemRef = { $ref: 'Problem#' } as const
export { Slug, Uuid }

export const ResourceTypeSchema = literals(RESOURCE_TYPE_IDS, 'Resource type (see /v1/resources/vocabulary)')
export const AudienceSchema = literals(AUDIENCE_IDS)
export const LevelSchema = literals(LEVEL_IDS)
export const ResourceStatusSchema = literals(RESOURCE_STATUS_IDS)
export const ReportReasonSchema = literals(REPORT_REASON_IDS)
export const Themes = Type.Array(ThemeSchema, { maxItems: 16 })
export const ToolSlugs = Type.Array(Slug, { maxItems: 20 })

/** A multi-valued filter: `?theme=a&theme=b` or `?theme=a,b`. */
export const MultiFilter = (description: string) =>
  Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20, description }))

const Label = Type.String({ description: 'French label' })

export const ResourceSummary = Type.Object({
  id: Uuid,
  slug: Type.String(),
  type: ResourceTypeSchema,
  typeLabel: Label,
  title: Type.String(),
  summary: Type.String(),
  themes: Type.Array(Type.String()),
  audience: Type.Array(Type.String()),
  level: Type.String(),
  levelLabel: Label,
  durationMinutes: Nullable(Type.Integer()),
  licence: Type.String(),
  sourceName: Nullable(Type.String()),
  sourceUrl: Nullable(Type.String()),
  relatedTools: Type.Array(Type.String()),
  operatorId: Nullable(Uuid),
  status: ResourceStatusSchema,
  statusLabel: Label,
  publishedAt: Nullable(DateTime),
  updatedAt: DateTime,
  reviewBy: Nullable(Day),
  outdated: Type.Boolean({ description: 'The review date has passed: the content may be out of date' }),
  viewCount: Type.Integer(),
  bookmarkCount: Type.Integer(),
  score: Type.Optional(Type.Number({ description: 'Relevance of a text search' })),
  matchedThemes: Type.Optional(Type.Array(Type.String())),
})

export const Attachment = Type.Object({
  id: Uuid,
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  url: Type.String(),
  createdAt: DateTime,
})

export const ResourceDetail = Type.Object({
  ...ResourceSummary.properties,
  body: Type.String({ description: 'Markdown source' }),
  bodyHtml: Type.String({ description: 'Sanitised HTML, safe to insert in a page' }),
  sourceLicence: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  createdAt: DateTime,
  canEdit: Type.Boolean(),
  openReports: Type.Optional(Type.Integer({ description: 'Open reports (staff only)' })),
})

export const FacetValue = Type.Object({
  value: Type.String(),
  label: Label,
  count: Type.Integer(),
  selected: Type.Boolean(),
})
export const Facets = Type.Object({
  type: Type.Array(FacetValue),
  theme: Type.Array(FacetValue),
  audience: Type.Array(FacetValue),
  level: Type.Array(FacetValue),
  operator: Type.Array(FacetValue),
})

const resourceFields = {
  slug: Type.Optional(Slug),
  type: ResourceTypeSchema,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ minLength: 1, maxLength: 1000 }),
  body: Type.String({ maxLength: 100_000, description: 'Markdown' }),
  themes: Type.Array(ThemeSchema, { minItems: 1, maxItems: 16 }),
  audience: Type.Array(AudienceSchema, { minItems: 1, maxItems: 3 }),
  level: LevelSchema,
  durationMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
  licence: Type.String({
    minLength: 1,
    maxLength: 120,
    description: 'e.g. Licence Ouverte 2.0, CC BY-SA 4.0',
  }),
  sourceLicence: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  sourceUrl: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }))),
  sourceName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  relatedTools: Type.Optional(ToolSlugs),
  reviewBy: Type.Optional(Nullable(Day)),
  operatorId: Type.Optional(Nullable(Uuid)),
}
export const ResourceCreate = Type.Object(resourceFields, { additionalProperties: false })
export const ResourcePatch = Type.Partial(Type.Object(resourceFields), {
  additionalProperties: false,
  minProperties: 1,
})

export const HistoryEntry = Type.Object({
  id: Uuid,
  at: DateTime,
  actorId: Nullable(Uuid),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  changes: Type.Array(Type.String()),
  note: Nullable(Type.String()),
})

export const ReportBody = Type.Object(
  {
    reason: ReportReasonSchema,
    message: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export const Report = Type.Object({
  id: Uuid,
  contentType: Type.Union([Type.Literal('resource'), Type.Literal('experience'), Type.Literal('comment')]),
  contentId: Uuid,
  reason: Type.String(),
  reasonLabel: Label,
  message: Nullable(Type.String()),
  status: Type.String(),
  createdAt: DateTime,
  title: Type.Optional(Nullable(Type.String())),
  resourceSlug: Type.Optional(Nullable(Type.String())),
  experienceId: Type.Optional(Nullable(Uuid)),
  contentStatus: Type.Optional(Nullable(Type.String())),
  reporterId: Type.Optional(Nullable(Uuid)),
  resolvedAt: Type.Optional(Nullable(DateTime)),
  resolutionNote: Type.Optional(Nullable(Type.String())),
})

// ------------------------------------------------------------------ trainings

export const SessionTime = Type.String({
  maxLength: 40,
  description: 'Europe/Paris wall-clock time `YYYY-MM-DDTHH:mm[:ss]`, or an RFC 3339 instant with offset',
  examples: ['2027-01-21T14:00'],
})

export const MyRegistration = Type.Object({
  id: Uuid,
  status: Type.String(),
  statusLabel: Label,
  position: Nullable(Type.Integer({ description: 'Place on the waiting list (1 = next)' })),
})

export const Session = Type.Object({
  id: Uuid,
  trainingSlug: Type.String(),
  trainingTitle: Type.String(),
  startsAt: Type.String({ description: 'RFC 3339 with the Paris offset, e.g. 2027-01-21T14:00:00+01:00' }),
  endsAt: Type.String(),
  startsAtLocal: Type.String({ description: 'Paris wall-clock time' }),
  endsAtLocal: Type.String(),
  timeZone: Type.Literal('Europe/Paris'),
  mode: Type.Union([Type.Literal('online'), Type.Literal('in-person')]),
  modeLabel: Label,
  onlineUrl: Nullable(Type.String({ description: 'Shown to registered people and organisers only' })),
  place: Nullable(Type.String()),
  capacity: Type.Integer(),
  registeredCount: Type.Integer(),
  waitingCount: Type.Integer(),
  seatsLeft: Type.Integer(),
  operatorId: Nullable(Uuid),
  icsUrl: Type.String(),
  myRegistration: Nullable(MyRegistration),
  cancelled: Type.Boolean({
    description: 'Cancelled by its organisers: kept with its registrations, as history',
  }),
  cancelledAt: Nullable(DateTime),
})

export const TrainingSummary = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  themes: Type.Array(Type.String()),
  audience: Type.Array(Type.String()),
  level: Type.String(),
  levelLabel: Label,
  durationMinutes: Nullable(Type.Integer()),
  operatorId: Nullable(Uuid),
  nextSessionAt: Nullable(Type.String()),
  upcomingSessions: Type.Integer(),
})
export const TrainingDetail = Type.Object({
  ...TrainingSummary.properties,
  description: Type.String(),
  descriptionHtml: Type.String(),
  sessions: Type.Array(Session),
})

const trainingFields = {
  slug: Type.Optional(Slug),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ minLength: 1, maxLength: 1000 }),
  description: Type.String({ maxLength: 50_000 }),
  themes: Type.Array(ThemeSchema, { minItems: 1, maxItems: 16 }),
  audience: Type.Array(AudienceSchema, { minItems: 1, maxItems: 3 }),
  level: LevelSchema,
  durationMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
  operatorId: Type.Optional(Nullable(Uuid)),
}
export const TrainingCreate = Type.Object(trainingFields, { additionalProperties: false })
export const TrainingPatch = Type.Partial(Type.Object(trainingFields), {
  additionalProperties: false,
  minProperties: 1,
})

const sessionFields = {
  startsAt: SessionTime,
  endsAt: SessionTime,
  mode: Type.Union([Type.Literal('online'), Type.Literal('in-person')]),
  onlineUrl: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000 }))),
  place: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  capacity: Type.Integer({ minimum: 0, maximum: 10_000 }),
}
export const SessionCreate = Type.Object(sessionFields, { additionalProperties: false })
export const SessionPatch = Type.Partial(Type.Object(sessionFields), {
  additionalProperties: false,
  minProperties: 1,
})

export const RegistrationSchema = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  userId: Uuid,
  status: Type.Union([Type.Literal('registered'), Type.Literal('waiting'), Type.Literal('cancelled')]),
  statusLabel: Label,
  position: Nullable(Type.Integer()),
  createdAt: DateTime,
  promotedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  cancelledWithSession: Type.Boolean({
    description: 'Cancelled because the organisers cancelled the session',
  }),
  session: Type.Optional(Session),
})

// ------------------------------------------------------------------ community

export const ExperienceSchema = Type.Object({
  id: Uuid,
  slug: Nullable(Type.String()),
  title: Type.String(),
  excerpt: Type.String(),
  body: Type.String({ description: 'Markdown source' }),
  bodyHtml: Type.String({ description: 'Sanitised HTML' }),
  themes: Type.Array(Type.String()),
  tools: Type.Array(Type.String()),
  organisation: Type.Object({ id: Uuid, name: Nullable(Type.String()) }),
  authorId: Nullable(Uuid),
  anonymised: Type.Boolean({ description: 'The author erased their account' }),
  usefulCount: Type.Integer(),
  commentCount: Type.Integer(),
  votedByMe: Type.Boolean(),
  status: Type.Union([Type.Literal('published'), Type.Literal('hidden')]),
  hiddenReason: Type.Optional(Nullable(Type.String())),
  demo: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
const experienceFields = {
  organisationId: Type.Optional(Uuid),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 50_000, description: 'Markdown' }),
  themes: Type.Array(ThemeSchema, { maxItems: 16, default: [] }),
  tools: Type.Array(Slug, { maxItems: 20, default: [] }),
}
export const ExperienceCreate = Type.Object(experienceFields, { additionalProperties: false })
export const ExperiencePatch = Type.Partial(
  Type.Object({
    title: experienceFields.title,
    body: experienceFields.body,
    themes: Type.Array(ThemeSchema, { maxItems: 16 }),
    tools: Type.Array(Slug, { maxItems: 20 }),
  }),
  { additionalProperties: false, minProperties: 1 },
)

export const CommentSchema = Type.Object({
  id: Uuid,
  experienceId: Uuid,
  authorId: Nullable(Uuid),
  anonymised: Type.Boolean(),
  body: Type.String({ description: 'Markdown source' }),
  bodyHtml: Type.String({ description: 'Sanitised HTML' }),
  status: Type.Union([Type.Literal('published'), Type.Literal('hidden')]),
  createdAt: DateTime,
})
export const CommentCreate = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
)
export const Moderation = Type.Object(
  {
    action: Type.Union([Type.Literal('hide'), Type.Literal('restore')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    rule: Type.Optional(
      Type.Union([ReportReasonSchema], {
        description: 'The rule the content breaks (a report reason), told to its author; default abuse',
      }),
    ),
  },
  { additionalProperties: false },
)
export const UsefulState = Type.Object({ usefulCount: Type.Integer(), votedByMe: Type.Boolean() })

// ------------------------------------------------------------------ collections

export const CollectionSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  itemCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export const CollectionDetail = Type.Object({
  ...CollectionSchema.properties,
  resources: Type.Array(ResourceSummary),
})
export const CollectionCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
)
export const CollectionPatch = Type.Partial(CollectionCreate, {
  additionalProperties: false,
  minProperties: 1,
})
