import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import type { Principal } from '@osinum/service-kit'
import { Type } from 'typebox'
import { readGrant } from '../../domain/access.js'
import type { Diagnostic } from '../../domain/db.js'
import {
  answerMap,
  type DiagnosticsContext,
  loadAnswers,
  questionnaireOf,
  readableDiagnostic,
  saveAnswers,
  startDiagnostic,
  submitDiagnostic,
} from '../../domain/diagnostics.js'
import { Forbidden } from '../../domain/errors.js'
import { missingRequired, progress, visibility } from '../../domain/questionnaire.js'
import { buildReport, renderReportPdf } from '../../domain/report.js'
import { buildResultsView } from '../../domain/results-view.js'
import { DiagnosticDetail, DiagnosticSummary, ResultsView } from '../../schemas.js'
import type { RouteOptions } from '../context.js'

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) })
const Problem = { $ref: 'Problem#' } as const
const OptionId = Type.String({ minLength: 1, maxLength: 80 })

function summary(d: Diagnostic) {
  return {
    id: d.id,
    organisationId: d.organisation_id,
    questionnaire: { id: d.questionnaire_id, version: d.questionnaire_version },
    status: d.status,
    startedBy: d.started_by,
    startedAt: d.started_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    submittedAt: d.submitted_at?.toISOString() ?? null,
    submittedBy: d.submitted_by,
    level: (d.level as 'A' | 'B' | 'C' | 'D' | 'E' | null) ?? null,
    overallScore: d.overall_score,
  }
}

async function detail(ctx: DiagnosticsContext, d: Diagnostic) {
  const questionnaire = questionnaireOf(ctx, d)
  const records = await loadAnswers(ctx.db, d.id)
  const answers = answerMap(records)
  const visible = visibility(questionnaire, answers)
  const order = (id: string) => questionnaire.byId.get(id)?.index ?? Number.MAX_SAFE_INTEGER
  const contributors = new Map<
    string,
    { userId: string | null; role: string | null; answers: number; last: Date }
  >()
  for (const r of records) {
    const key = `${r.answeredBy ?? ''}|${r.answeredByRole ?? ''}`
    const c = contributors.get(key) ?? {
      userId: r.answeredBy,
      role: r.answeredByRole,
      answers: 0,
      last: r.answeredAt,
    }
    c.answers++
    if (r.answeredAt > c.last) c.last = r.answeredAt
    contributors.set(key, c)
  }
  return {
    ...summary(d),
    progress: progress(questionnaire, answers),
    answers: records
      .sort((a, b) => order(a.questionId) - order(b.questionId))
      .map((r) => ({
        questionId: r.questionId,
        value: questionnaire.byId.get(r.questionId)?.type === 'single' ? r.value[0]! : r.value,
        visible: visible.get(r.questionId) === true,
        answeredBy: r.answeredBy,
        answeredByRole: r.answeredByRole,
        answeredAt: r.answeredAt.toISOString(),
      })),
    contributors: [...contributors.values()].map((c) => ({
      userId: c.userId,
      role: c.role,
      answers: c.answers,
      lastAnsweredAt: c.last.toISOString(),
    })),
    missingRequired: missingRequired(questionnaire, answers).map((q) => q.id),
  }
}

export const diagnosticRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { ctx, panorama, submitted },
) => {
  const principalOf = (request: { principal: Principal | null }) => request.principal as Principal

  app.post(
    '/v1/diagnostics',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'startDiagnostic',
        summary: 'Start a diagnostic for my collectivité (or resume the draft in progress)',
        body: Type.Object(
          { organisationId: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
        response: { 200: DiagnosticDetail, 201: DiagnosticDetail, 400: Problem },
      },
    },
    async (request, reply) => {
      const { diagnostic, created } = await startDiagnostic(
        ctx,
        principalOf(request),
        request.body.organisationId,
      )
      reply.code(created ? 201 : 200)
      if (created) reply.header('location', `/v1/diagnostics/${diagnostic.id}`)
      return detail(ctx, diagnostic)
    },
  )

  app.get(
    '/v1/diagnostics',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'listDiagnostics',
        summary: 'Diagnostics of a collectivité, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          organisationId: Type.String({ format: 'uuid' }),
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted')])),
        }),
        response: { 200: Page(DiagnosticSummary), 400: Problem },
      },
    },
    async (request) => {
      const { organisationId, status, limit = 20, offset = 0 } = request.query
      if (!(await readGrant(ctx.db, request.principal, organisationId))) throw new Forbidden()
      let base = ctx.db.selectFrom('diagnostics').where('organisation_id', '=', organisationId)
      if (status) base = base.where('status', '=', status)
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(summary), total: Number(count.n), limit, offset }
    },
  )

  app.get(
    '/v1/diagnostics/:id',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'getDiagnostic',
        summary: 'A diagnostic with its answers (who answered what, when) and its progress',
        params: Params,
        response: { 200: DiagnosticDetail, 404: Problem },
      },
    },
    async (request) => {
      const { diagnostic } = await readableDiagnostic(ctx, request.principal, request.params.id)
      return detail(ctx, diagnostic)
    },
  )

  app.patch(
    '/v1/diagnostics/:id/answers',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'saveAnswers',
        summary: 'Autosave: partial update of answers (null clears an answer)',
        params: Params,
        body: Type.Object(
          {
            answers: Type.Record(
              Type.String({ maxLength: 80 }),
              Type.Union([Type.Null(), OptionId, Type.Array(OptionId, { maxItems: 30 })]),
              {
                maxProperties: 100,
                description: 'Question id → option id (single) or option ids (multiple)',
              },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DiagnosticDetail, 400: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      await saveAnswers(ctx, principalOf(request), request.params.id, request.body.answers)
      const { diagnostic } = await readableDiagnostic(ctx, request.principal, request.params.id)
      return detail(ctx, diagnostic)
    },
  )

  app.post(
    '/v1/diagnostics/:id/submit',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'submitDiagnostic',
        summary: 'Submit: checks completeness, computes and freezes the result',
        params: Params,
        response: { 200: ResultsView, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      const { diagnostic } = await submitDiagnostic(ctx, principalOf(request), request.params.id)
      // Counted after the commit: a refused or rolled-back submission counts nothing.
      submitted.inc()
      return buildResultsView(ctx, panorama, diagnostic)
    },
  )

  app.get(
    '/v1/diagnostics/:id/results',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'getDiagnosticResults',
        summary: 'Scores, level, strengths and weaknesses, recommendations and benchmarks',
        params: Params,
        response: { 200: ResultsView, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { diagnostic } = await readableDiagnostic(ctx, request.principal, request.params.id)
      return buildResultsView(ctx, panorama, diagnostic)
    },
  )

  app.get(
    '/v1/diagnostics/:id/report',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'getDiagnosticReport',
        summary: 'The report of a submitted diagnostic as JSON (same content as the PDF)',
        params: Params,
        response: {
          200: Type.Object({
            title: Type.String(),
            generatedAt: Type.String({ format: 'date-time' }),
            results: ResultsView,
          }),
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const { diagnostic } = await readableDiagnostic(ctx, request.principal, request.params.id)
      return buildReport(await buildResultsView(ctx, panorama, diagnostic))
    },
  )

  app.get(
    '/v1/diagnostics/:id/report.pdf',
    {
      schema: {
        tags: ['diagnostics'],
        operationId: 'getDiagnosticReportPdf',
        summary: 'The report of a submitted diagnostic as a PDF',
        params: Params,
        produces: ['application/pdf'],
        response: {
          200: {
            description: 'PDF document',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { diagnostic } = await readableDiagnostic(ctx, request.principal, request.params.id)
      const report = buildReport(await buildResultsView(ctx, panorama, diagnostic))
      const pdf = await renderReportPdf(report)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="diagnostic-${diagnostic.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf)
    },
  )
}
