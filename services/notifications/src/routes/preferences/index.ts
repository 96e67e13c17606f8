import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getPreferences, type PreferencesPatch, updatePreferences } from '../../domain/preferences.js'
import type { Runtime } from '../../runtime.js'
import { PreferencesPatchSchema, PreferencesSchema, Problem } from '../../schemas.js'

const tags = ['notifications']

/** Per-person preferences: each category on or off per channel, digest frequency and themes. */
export const preferenceRoutes: FastifyPluginAsyncTypebox<{ rt: Runtime }> = async (fastify, { rt }) => {
  fastify.get(
    '/v1/notification-preferences',
    {
      schema: {
        tags,
        operationId: 'getNotificationPreferences',
        summary: 'My notification preferences (defaults where I chose nothing)',
        response: { 200: PreferencesSchema },
      },
    },
    async (request) => getPreferences(rt.db, request.principal!.userId),
  )

  fastify.patch(
    '/v1/notification-preferences',
    {
      schema: {
        tags,
        operationId: 'updateNotificationPreferences',
        summary: 'Change some of my notification preferences',
        body: PreferencesPatchSchema,
        response: { 200: PreferencesSchema, 422: Problem },
      },
    },
    async (request) =>
      rt.db
        .transaction()
        .execute((trx) =>
          updatePreferences(trx, request.principal!.userId, request.body as PreferencesPatch),
        ),
  )
}
