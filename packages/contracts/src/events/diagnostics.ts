import { Type } from 'typebox'
import { LensSchema, ThemeSchema } from '../schemas.js'
import { defineEvent } from './envelope.js'

const Id = Type.String({ format: 'uuid' })
const Level = Type.Union([
  Type.Literal('A'),
  Type.Literal('B'),
  Type.Literal('C'),
  Type.Literal('D'),
  Type.Literal('E'),
])

export const DiagnosticStarted = defineEvent(
  'diagnostics',
  'diagnostic',
  'started',
  1,
  Type.Object({ diagnosticId: Id, organisationId: Id, startedBy: Id, questionnaireVersion: Type.Integer() }),
)

export const DiagnosticSubmitted = defineEvent(
  'diagnostics',
  'diagnostic',
  'submitted',
  1,
  Type.Object({
    diagnosticId: Id,
    organisationId: Id,
    submittedBy: Id,
    questionnaireVersion: Type.Integer(),
    level: Level,
    overallScore: Type.Number(),
    themeScores: Type.Record(Type.String(), Type.Number()),
    lensScores: Type.Record(Type.String(), Type.Number()),
    weakThemes: Type.Array(ThemeSchema),
    topMeasures: Type.Array(
      Type.Object({
        ruleId: Type.String(),
        title: Type.String(),
        priority: Type.Integer(),
        lenses: Type.Array(LensSchema),
      }),
    ),
    reportPath: Type.String({ description: 'API path of the report, e.g. /v1/diagnostics/{id}/report.pdf' }),
  }),
)

const SupportRequest = Type.Object({
  requestId: Id,
  organisationId: Id,
  operatorId: Type.Union([Id, Type.Null()]),
  topic: Type.String(),
  advisorIds: Type.Array(Id),
  status: Type.String(),
  requestedBy: Type.Optional(Id),
})
export const SupportRequested = defineEvent('diagnostics', 'support-request', 'requested', 1, SupportRequest)
export const SupportAssigned = defineEvent('diagnostics', 'support-request', 'assigned', 1, SupportRequest)
export const SupportClosed = defineEvent('diagnostics', 'support-request', 'closed', 1, SupportRequest)
export const SupportMessagePosted = defineEvent(
  'diagnostics',
  'support-request',
  'message-posted',
  1,
  Type.Object({
    requestId: Id,
    organisationId: Id,
    authorId: Id,
    advisorIds: Type.Array(Id),
    fromAdvisor: Type.Boolean(),
    requestedBy: Type.Optional(Id),
  }),
)

export const ActionItemChanged = defineEvent(
  'diagnostics',
  'action-item',
  'changed',
  1,
  Type.Object({
    itemId: Id,
    organisationId: Id,
    title: Type.String(),
    status: Type.String(),
    dueDate: Type.Union([Type.String(), Type.Null()]),
    changedBy: Id,
    change: Type.Optional(
      Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('deleted')]),
    ),
  }),
)

export const ReminderDue = defineEvent(
  'diagnostics',
  'reminder',
  'due',
  1,
  Type.Object({
    kind: Type.Union([Type.Literal('overdue-action-item'), Type.Literal('stale-support-request')]),
    subjectId: Id,
    organisationId: Id,
    title: Type.String(),
    recipientIds: Type.Array(Id),
    dueOn: Type.String({
      description: 'The day (YYYY-MM-DD) this reminder is for; one reminder per subject and day',
    }),
  }),
)
