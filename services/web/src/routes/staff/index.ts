import type { FastifyInstance } from 'fastify'
import advisorCommuneRoutes from './advisor/communes.js'
import advisorRequestRoutes from './advisor/requests.js'
import staffHomeRoutes from './home.js'

/** The staff back-office (`/gestion/...`): one plugin per route file, each with its role check. */
export const STAFF_ROUTES = [staffHomeRoutes, advisorCommuneRoutes, advisorRequestRoutes]

export default async function staffRoutes(app: FastifyInstance) {
  for (const routes of STAFF_ROUTES) await app.register(routes)
}
