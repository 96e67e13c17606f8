import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Forbidden } from '@osinum/service-kit'
import { Type } from 'typebox'
import { administeredOperator, loadActor } from '../../domain/actor.js'
import { listAudit } from '../../domain/audit.js'
import { AuditEntryView, DateTime, Id } from '../../schemas.js'
import { auditView } from '../../views.js'
import type { RouteOptions } from '../options.js'

/** The audit log of sensitive actions (admins). */
export const auditRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.get(
    '/v1/audit-log',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['identity'],
        operationId: 'listAuditLog',
        summary:
          'Sensitive actions: logins, role changes, key rotations, erasures… (the platform admin; an operator’s administrators: their own actions), newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          action: Type.Optional(
            Type.String({
              maxLength: 60,
              description: 'Exact action, or a prefix ending in ".*" (e.g. login.*)',
            }),
          ),
          actorId: Type.Optional(Id),
          targetId: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional(DateTime),
          to: Type.Optional(DateTime),
        }),
        response: { 200: Page(AuditEntryView) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      // The platform admin reads everything; an operator's administrator the entries of its own actions.
      if (!actor.isPlatformAdmin && !administeredOperator(actor)) throw new Forbidden()
      const { limit = 20, offset = 0, ...filter } = request.query
      const { items, total } = await listAudit(ctx.db, {
        ...filter,
        ...(actor.isPlatformAdmin ? {} : { actorId: actor.user.id }),
        limit,
        offset,
      })
      return { items: items.map(auditView), total, limit, offset }
    },
  )
}
