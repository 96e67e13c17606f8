import type { FastifyInstance } from 'fastify'
import { bodyText } from '../../forms.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { type Preferences, preferencesPage } from './preferences.html.js'

const FREQUENCIES = ['immediately', 'daily', 'weekly'] as const

export default async function preferencesRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  app.get('/preferences', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/notification-preferences')
    const prefs = data as Preferences
    // Moderation emails concern editors only.
    const staff = request.session.get('auth')?.staff ?? false
    const shown = {
      ...prefs,
      categories: prefs.categories.filter((c) => staff || c.category !== 'moderation'),
    }
    return render(request, reply, (ctx) => preferencesPage(ctx, shown, FREQUENCIES))
  })

  app.post('/preferences', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data: current } = await api.GET('/v1/notification-preferences')
    const body = (request.body ?? {}) as Record<string, string>
    const categories = Object.fromEntries(
      ((current as Preferences | undefined)?.categories ?? [])
        .filter((c) => !c.locked && body[`shown-${c.category}`] === 'oui')
        .map((c) => [c.category, { email: body[`email-${c.category}`] === 'oui' }]),
    )
    const frequency = bodyText(request, 'frequency')
    await api.PATCH('/v1/notification-preferences', {
      body: {
        categories,
        ...(FREQUENCIES.includes(frequency as never) ? { digest: { frequency: frequency as 'weekly' } } : {}),
      } as never,
    })
    flash(request, 'Vos choix sont enregistrés.')
    return redirect(reply, '/preferences')
  })
}
