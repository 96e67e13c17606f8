import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { THEMES } from '@osinum/contracts'
import { Type } from 'typebox'
import { QuestionnaireNotFound } from '../../domain/errors.js'
import { QuestionnaireDocument, QuestionnaireSummary } from '../../schemas.js'
import type { RouteOptions } from '../context.js'

export const questionnaireRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { ctx }) => {
  const { referential } = ctx
  app.get(
    '/v1/questionnaires',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'listQuestionnaires',
        summary: 'Questionnaire versions (the latest is used by new diagnostics)',
        response: { 200: Type.Array(QuestionnaireSummary) },
      },
    },
    async () =>
      [...referential.questionnaires.values()]
        .sort((a, b) => a.version - b.version)
        .map((q) => ({
          id: q.id,
          version: q.version,
          title: q.title,
          publishedAt: q.publishedAt,
          questionCount: q.questions.length,
          current: q.version === referential.latest.version,
        })),
  )

  app.get(
    '/v1/questionnaires/:version',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'getQuestionnaire',
        summary: 'One questionnaire version: questions, help texts, options, scores, weights, conditions',
        params: Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1000 }) }),
        response: { 200: QuestionnaireDocument, 404: { $ref: 'Problem#' } },
      },
    },
    async (request) => {
      const q = referential.questionnaire(request.params.version)
      if (!q) throw new QuestionnaireNotFound(String(request.params.version))
      return {
        ...q.data,
        themes: q.themes.map((t) => ({ id: t, label: THEMES[t] })),
      }
    },
  )
}
