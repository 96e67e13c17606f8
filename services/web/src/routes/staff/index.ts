import type { FastifyInstance } from 'fastify'
import adminUserRoutes from './admin/users.js'
import advisorCommuneRoutes from './advisor/communes.js'
import advisorRequestRoutes from './advisor/requests.js'
import editorImportRoutes from './editor/import.js'
import editorModerationRoutes from './editor/moderation.js'
import staffHomeRoutes from './home.js'
import operatorOfferRoutes from './operator/offers.js'
import operatorPortfolioRoutes from './operator/portfolio.js'
import operatorTrainingRoutes from './operator/trainings.js'

/** The staff back-office (`/gestion/...`): one plugin per route file, each with its role check. */
export const STAFF_ROUTES = [
  staffHomeRoutes,
  advisorCommuneRoutes,
  advisorRequestRoutes,
  editorModerationRoutes,
  editorImportRoutes,
  operatorOfferRoutes,
  operatorTrainingRoutes,
  adminUserRoutes,
  operatorPortfolioRoutes,
]

/**
 * Every route of the back-office as registered (`GET /gestion/demandes/:id`…): the access test
 * goes through each one, so that a new page cannot be forgotten.
 */
export const STAFF_ROUTE_LIST = new Set<string>()

export default async function staffRoutes(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') STAFF_ROUTE_LIST.add(`${method} ${route.url}`)
  })
  for (const routes of STAFF_ROUTES) await app.register(routes)
}
