import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServiceDeps } from '@osinum/service-kit'
import { Type } from 'typebox'
import { requirePrincipal } from '../domain/access.js'
import { advisorDashboard } from '../domain/dashboard.js'
import type { AccDb } from '../domain/db.js'
import { gapPortfolio } from '../domain/gap-portfolio.js'
import { portfolioCsv } from '../domain/portfolio.js'
import { AdvisorDashboard, DashboardQuery, GapPortfolio, PortfolioQuery } from '../schemas.js'

const tags = ['diagnostics']
const problem = { $ref: 'Problem#' }

/** What advisors and their operator work from: the dashboard and the gap portfolio. */
export const advisorRoutes: FastifyPluginAsyncTypebox<ServiceDeps> = async (app, deps) => {
  const db = deps.db as AccDb

  app.get(
    '/v1/advisor-dashboard',
    {
      config: { access: ['advisor', 'admin'] },
      schema: {
        tags,
        operationId: 'getAdvisorDashboard',
        summary: 'Your collectivités: latest level, open and overdue items, last contact, pending requests',
        description:
          'The platform admin and the administrators of the advisor’s operator may read an advisor’s dashboard with `advisorId`.',
        querystring: DashboardQuery,
        response: { 200: AdvisorDashboard },
      },
    },
    async (request) => advisorDashboard(db, requirePrincipal(request.principal), request.query),
  )

  app.get(
    '/v1/gap-portfolio',
    {
      config: { access: ['advisor', 'admin'] },
      schema: {
        tags,
        operationId: 'getGapPortfolio',
        summary: 'Weaknesses and training wishes across an operator’s collectivités',
        description:
          'Counts each collectivité once (its latest submitted diagnostic), per gap, population bracket and département. Advisors and administrators of an operator read their operator’s; the platform admin names one with `operatorId`.',
        querystring: PortfolioQuery,
        response: { 200: GapPortfolio, 422: problem },
      },
    },
    async (request) => gapPortfolio(db, requirePrincipal(request.principal), request.query),
  )

  app.get(
    '/v1/gap-portfolio.csv',
    {
      config: { access: ['advisor', 'admin'] },
      schema: {
        tags,
        operationId: 'getGapPortfolioCsv',
        summary: 'The gap portfolio as CSV (one line per gap)',
        querystring: PortfolioQuery,
        produces: ['text/csv'],
        response: {
          200: { content: { 'text/csv': { schema: Type.String() } } },
          422: problem,
        },
      },
    },
    async (request, reply) => {
      const portfolio = await gapPortfolio(db, requirePrincipal(request.principal), request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="portefeuille-besoins-${portfolio.operatorId}.csv"`,
        )
        .send(portfolioCsv(portfolio))
    },
  )
}
