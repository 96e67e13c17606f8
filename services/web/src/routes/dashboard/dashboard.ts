import type { FastifyInstance } from 'fastify'
import { render, requireSignIn } from '../../view.js'
import { dashboardPage, loadNextSteps } from './dashboard.html.js'

export default async function dashboardRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)
  app.get('/tableau-de-bord', async (request, reply) => {
    // The syndicate may have verified the commune (or a referent changed) since the last page.
    await request.server.web.syncProfile(request)
    const hasPassword = request.session.get('auth')?.hasPassword ?? false
    const steps = await loadNextSteps(request)
    return render(request, reply, (ctx) => dashboardPage(ctx, { hasPassword }, steps))
  })
}
