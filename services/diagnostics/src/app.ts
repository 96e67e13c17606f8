import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServiceDeps } from '@osinum/service-kit'
import { Type } from 'typebox'
import questionnaireV1 from './data/questionnaire-v1.json' with { type: 'json' }

/** The diagnostics service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps> = async (fastify) => {
  fastify.get(
    '/v1/questionnaires',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'listQuestionnaires',
        summary: 'Questionnaire versions',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              version: Type.Integer(),
              title: Type.String(),
              questionCount: Type.Integer(),
            }),
          ),
        },
      },
    },
    async () => [
      {
        id: questionnaireV1.id,
        version: questionnaireV1.version,
        title: questionnaireV1.title,
        questionCount: questionnaireV1.questions.length,
      },
    ],
  )
}
