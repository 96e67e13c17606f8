import type { FastifyInstance } from 'fastify'
import { render } from '../../view.js'
import { accessibilityPage } from './accessibility.html.js'
import { legalPage } from './legal.html.js'
import { privacyPage } from './privacy.html.js'

/** The information pages every public service must have. */
export default async function informationRoutes(app: FastifyInstance) {
  app.get('/accessibilite', async (request, reply) => render(request, reply, accessibilityPage))
  app.get('/mentions-legales', async (request, reply) => render(request, reply, legalPage))
  app.get('/donnees-personnelles', async (request, reply) => render(request, reply, privacyPage))
}
