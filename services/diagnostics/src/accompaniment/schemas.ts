import { Page, PageQuery } from '@osinum/contracts'
import { type TSchema, Type } from 'typebox'
import {
  ACTION_ITEM_STATUS_IDS,
  GAP_KINDS,
  type GapKind,
  ITEM_SOURCES,
  type ItemSource,
  MATCH_KINDS,
  type MatchKind,
  SUPPORT_STATUS_IDS,
} from './domain/vocabulary.js'

/** A string enum whose static type is the union of the ids (`Type.Union` of mapped literals would be `never`). */
const literals = <T extends string>(ids: T[]) => Type.Enum(ids)
const Id = Type.String({ format: 'uuid' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Timestamp = Type.String({ format: 'date-time' })
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength })
const SlugRef = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 1, maxLength: 120 })

export type TimelineKind = 'requested' | 'routed' | 'assigned' | 'status-changed' | 'message' | 'closed'

export const SupportStatusSchema = literals(SUPPORT_STATUS_IDS)
export const ActionItemStatusSchema = literals(ACTION_ITEM_STATUS_IDS)

export const OrganisationParams = Type.Object({ organisationId: Id })
export const IdParams = Type.Object({ id: Id })

// ——— Support requests ———

export const SupportRequestBody = Type.Object(
  {
    organisationId: Id,
    topic: Text(200, 3),
    message: Text(5000),
    diagnosticId: Type.Optional(Id),
  },
  { additionalProperties: false },
)

export const SupportRequestSummary = Type.Object({
  id: Id,
  organisationId: Id,
  organisationName: Nullable(Type.String()),
  operatorId: Nullable(Id),
  topic: Type.String(),
  diagnosticId: Nullable(Id),
  status: SupportStatusSchema,
  statusLabel: Type.String(),
  matchedVia: literals(Object.keys(MATCH_KINDS) as MatchKind[]),
  matchedViaLabel: Type.String(),
  advisorIds: Type.Array(Id, { description: 'Advisors the request was routed to' }),
  assigneeId: Nullable(Id),
  createdBy: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastActivityAt: Timestamp,
  closedAt: Nullable(Timestamp),
})

export const TimelineEntry = Type.Object({
  kind: literals([
    'requested',
    'routed',
    'assigned',
    'status-changed',
    'message',
    'closed',
  ] as TimelineKind[]),
  actorId: Nullable(Id),
  fromStatus: Nullable(SupportStatusSchema),
  toStatus: Nullable(SupportStatusSchema),
  advisorIds: Type.Array(Id),
  at: Timestamp,
})

export const SupportRequestDetail = Type.Object({
  ...SupportRequestSummary.properties,
  message: Type.String(),
  timeline: Type.Array(TimelineEntry),
})

export const SupportRequestList = Page(SupportRequestSummary)
export const SupportRequestQuery = Type.Object({
  ...PageQuery.properties,
  organisationId: Type.Optional(Id),
  status: Type.Optional(SupportStatusSchema),
  open: Type.Optional(Type.Boolean({ description: 'Only requests that are not closed' })),
})

export const AssignBody = Type.Object(
  { advisorId: Type.Optional(Id) },
  { additionalProperties: false, description: 'Whom to assign; yourself when absent' },
)
export const SupportStatusBody = Type.Object(
  { status: literals(['in-progress', 'closed'] as Array<'in-progress' | 'closed'>) },
  { additionalProperties: false },
)

export const MessageBody = Type.Object({ body: Text(5000) }, { additionalProperties: false })
export const SupportMessage = Type.Object({
  id: Id,
  requestId: Id,
  authorId: Nullable(Id),
  fromAdvisor: Type.Boolean(),
  body: Type.String(),
  createdAt: Timestamp,
})
export const SupportMessageList = Page(SupportMessage)

// ——— Action plans ———

export const ActionItem = Type.Object({
  id: Id,
  organisationId: Id,
  title: Type.String(),
  description: Nullable(Type.String()),
  status: ActionItemStatusSchema,
  statusLabel: Type.String(),
  dueDate: Nullable(Day),
  overdue: Type.Boolean(),
  owner: Nullable(Type.String()),
  toolSlug: Nullable(Type.String()),
  resourceSlug: Nullable(Type.String()),
  source: literals(Object.keys(ITEM_SOURCES) as ItemSource[]),
  diagnosticId: Nullable(Id),
  ruleId: Nullable(Type.String()),
  priority: Nullable(Type.Integer()),
  themes: Type.Array(Type.String()),
  commentCount: Type.Integer({ minimum: 0 }),
  createdBy: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  completedAt: Nullable(Timestamp),
})

/** PRIVATE: only in responses to advisors (never to a member of the collectivité). */
export const AdvisorNote = Type.Object({
  id: Id,
  organisationId: Id,
  itemId: Nullable(Id),
  authorId: Nullable(Id),
  body: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const Progress = Type.Object({
  total: Type.Integer({ description: 'Items, not counting those marked not interested' }),
  done: Type.Integer({ description: 'Items done or already done' }),
  share: Type.Number({ minimum: 0, maximum: 1 }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  byStatus: Type.Array(
    Type.Object({ status: ActionItemStatusSchema, label: Type.String(), count: Type.Integer() }),
  ),
})

export const PlanQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(ActionItemStatusSchema),
})

export const ActionPlan = Type.Object({
  organisationId: Id,
  view: literals(['member', 'advisor'] as Array<'member' | 'advisor'>),
  progress: Progress,
  items: Type.Array(ActionItem),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
  privateNotes: Type.Optional(
    Type.Array(AdvisorNote, { description: 'Advisors only: notes the collectivité never sees' }),
  ),
})

export const NewItemBody = Type.Object(
  {
    title: Text(300),
    description: Type.Optional(Nullable(Text(5000, 0))),
    status: Type.Optional(ActionItemStatusSchema),
    dueDate: Type.Optional(Nullable(Day)),
    owner: Type.Optional(Nullable(Text(200))),
    toolSlug: Type.Optional(Nullable(SlugRef)),
    resourceSlug: Type.Optional(Nullable(SlugRef)),
  },
  { additionalProperties: false },
)
export const ItemPatchBody = Type.Object(
  {
    title: Type.Optional(Text(300)),
    description: Type.Optional(Nullable(Text(5000, 0))),
    status: Type.Optional(ActionItemStatusSchema),
    dueDate: Type.Optional(Nullable(Day)),
    owner: Type.Optional(Nullable(Text(200))),
    toolSlug: Type.Optional(Nullable(SlugRef)),
    resourceSlug: Type.Optional(Nullable(SlugRef)),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const FromDiagnosticBody = Type.Object(
  {
    diagnosticId: Type.Optional(Id),
    ruleIds: Type.Array(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 }), {
      minItems: 1,
      maxItems: 100,
      uniqueItems: true,
    }),
    dueDate: Type.Optional(Day),
  },
  { additionalProperties: false },
)
export const FromDiagnosticResult = Type.Object({
  diagnosticId: Id,
  created: Type.Array(ActionItem),
  skipped: Type.Array(
    Type.Object({ ruleId: Type.String(), itemId: Id, reason: Type.Literal('already-in-plan') }),
  ),
})

export const ActionItemDetail = Type.Object({
  ...ActionItem.properties,
  privateNotes: Type.Optional(Type.Array(AdvisorNote, { description: 'Advisors only' })),
})

export const Comment = Type.Object({
  id: Id,
  itemId: Id,
  authorId: Nullable(Id),
  fromAdvisor: Type.Boolean(),
  body: Type.String(),
  createdAt: Timestamp,
})
export const CommentList = Page(Comment)

export const NoteBody = Type.Object(
  { body: Text(5000), itemId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
)
export const NotePatchBody = Type.Object({ body: Text(5000) }, { additionalProperties: false })
export const NoteList = Page(AdvisorNote)
export const NoteQuery = Type.Object({ ...PageQuery.properties, itemId: Type.Optional(Id) })

export const HintList = Type.Object({
  organisationId: Id,
  questionnaireVersion: Type.Integer(),
  hints: Type.Array(
    Type.Object({
      questionId: Type.String(),
      questionLabel: Type.String(),
      theme: Type.String(),
      items: Type.Array(
        Type.Object({
          itemId: Id,
          ruleId: Type.String(),
          title: Type.String(),
          status: ActionItemStatusSchema,
          completedAt: Nullable(Timestamp),
        }),
      ),
    }),
  ),
})

// ——— Advisor dashboard ———

export const DashboardQuery = Type.Object({
  ...PageQuery.properties,
  advisorId: Type.Optional(Id),
})
export const DashboardRow = Type.Object({
  organisationId: Id,
  name: Nullable(Type.String()),
  departement: Nullable(Type.String()),
  populationBracket: Nullable(Type.String()),
  consent: Type.Boolean({ description: 'Without consent, level and plan figures are hidden (null)' }),
  latestLevel: Nullable(Type.String()),
  latestSubmittedAt: Nullable(Timestamp),
  openItems: Nullable(Type.Integer()),
  overdueItems: Nullable(Type.Integer()),
  progressPercent: Nullable(Type.Integer()),
  lastContactAt: Nullable(Timestamp),
  pendingRequests: Type.Integer(),
})
export const AdvisorDashboard = Type.Object({
  advisorId: Id,
  items: Type.Array(DashboardRow),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
  pendingRequests: Type.Object({
    total: Type.Integer(),
    items: Type.Array(SupportRequestSummary, { description: 'The 20 oldest open requests routed to you' }),
  }),
})

// ——— Gap portfolio ———

export const PortfolioQuery = Type.Object({
  operatorId: Type.Optional(Id),
  departement: Type.Optional(Type.String({ pattern: '^(2A|2B|[0-9]{2,3})$' })),
  populationBracket: Type.Optional(Type.String({ maxLength: 20 })),
  kind: Type.Optional(literals(Object.keys(GAP_KINDS) as GapKind[])),
})
const Breakdown = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }))
export const GapPortfolio = Type.Object({
  operatorId: Id,
  generatedAt: Timestamp,
  collectivites: Type.Integer({ description: 'Collectivités of the operator with a submitted diagnostic' }),
  byPopulationBracket: Breakdown,
  byDepartement: Breakdown,
  gaps: Type.Array(
    Type.Object({
      kind: literals(Object.keys(GAP_KINDS) as GapKind[]),
      kindLabel: Type.String(),
      id: Type.String(),
      label: Type.String(),
      count: Type.Integer(),
      share: Type.Number(),
      byPopulationBracket: Breakdown,
      byDepartement: Breakdown,
    }),
  ),
})
