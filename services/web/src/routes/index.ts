import type { FastifyInstance } from 'fastify'
import accountRoutes from './account/account.js'
import invitationRoutes from './account/invitation.js'
import passwordRoutes from './account/password.js'
import registerRoutes from './account/register.js'
import signInRoutes from './account/sign-in.js'
import signOutRoutes from './account/sign-out.js'
import communeRoutes from './commune/commune.js'
import dashboardRoutes from './dashboard/dashboard.js'
import preferencesRoutes from './notifications/preferences.js'
import unsubscribeRoutes from './notifications/unsubscribe.js'
import homeRoutes from './public/home.js'
import informationRoutes from './public/pages.js'
import staffRoutes from './staff/index.js'

/**
 * Every page group, one plugin per route file (each encapsulated: a group's `preHandler`, such as
 * requireSignIn, applies to its own routes only). To add a page: see services/web/README.md.
 */
const ROUTES = [
  homeRoutes,
  informationRoutes,
  signInRoutes,
  registerRoutes,
  passwordRoutes,
  invitationRoutes,
  accountRoutes,
  signOutRoutes,
  communeRoutes,
  dashboardRoutes,
  unsubscribeRoutes,
  preferencesRoutes,
  staffRoutes,
]

export async function pageRoutes(app: FastifyInstance) {
  for (const routes of ROUTES) await app.register(routes)
}
