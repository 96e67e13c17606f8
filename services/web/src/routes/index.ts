import type { FastifyInstance } from 'fastify'
import accountRoutes from './account/account.js'
import invitationRoutes from './account/invitation.js'
import passwordRoutes from './account/password.js'
import personalDataRoutes from './account/personal-data.js'
import oidcReturnRoutes from './account/proconnect.js'
import registerRoutes from './account/register.js'
import signInRoutes from './account/sign-in.js'
import signOutRoutes from './account/sign-out.js'
import catalogueCompareRoutes from './catalogue/compare.js'
import catalogueSearchRoutes from './catalogue/search.js'
import catalogueToolRoutes from './catalogue/tool.js'
import communeRoutes from './commune/commune.js'
import communityRoutes from './community/community.js'
import dashboardRoutes from './dashboard/dashboard.js'
import diagnosticResultsRoutes from './diagnostic/results.js'
import diagnosticStartRoutes from './diagnostic/start.js'
import diagnosticWizardRoutes from './diagnostic/wizard.js'
import planRoutes from './help/plan.js'
import supportRoutes from './help/support.js'
import inboxRoutes from './notifications/inbox.js'
import preferencesRoutes from './notifications/preferences.js'
import unsubscribeRoutes from './notifications/unsubscribe.js'
import homeRoutes from './public/home.js'
import informationRoutes from './public/pages.js'
import resourceRoutes from './resources/resources.js'
import trainingRoutes from './resources/trainings.js'
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
  diagnosticStartRoutes,
  diagnosticWizardRoutes,
  diagnosticResultsRoutes,
  // Issue 12, part 2c: community, help, inbox, ProConnect return page, my data.
  oidcReturnRoutes,
  personalDataRoutes,
  communityRoutes,
  supportRoutes,
  planRoutes,
  inboxRoutes,
  catalogueSearchRoutes,
  catalogueCompareRoutes,
  catalogueToolRoutes,
  resourceRoutes,
  trainingRoutes,
  staffRoutes,
]

export async function pageRoutes(app: FastifyInstance) {
  for (const routes of ROUTES) await app.register(routes)
}
