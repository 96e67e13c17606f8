import type { FastifyInstance } from 'fastify'
import { flash, signedIn } from '../../session.js'
import { redirect } from '../../view.js'

export default async function signOutRoutes(app: FastifyInstance) {
  app.post('/deconnexion', async (request, reply) => {
    if (signedIn(request)) {
      const api = await request.server.web.api(request)
      await api.POST('/v1/auth/logout')
    }
    request.session.set('auth', undefined)
    flash(request, 'Vous êtes déconnecté. À bientôt !')
    return redirect(reply, '/')
  })
}
