import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { loadActor } from '../../domain/actor.js'
import { assignAdvisor, listAssignments, unassignAdvisor } from '../../domain/assignments.js'
import { AssignmentView, Id, IdParams } from '../../schemas.js'
import { assignmentView } from '../../views.js'
import { problems, type RouteOptions } from '../options.js'

const tags = ['identity']

/** Advisors assigned to collectivités (by admins or the operator's coordinator). */
export const assignmentRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.post(
    '/v1/advisor-assignments',
    {
      schema: {
        tags,
        operationId: 'assignAdvisor',
        summary: 'Assign an advisor to a collectivité (admins, the coordinator of the operator)',
        body: Type.Object({ organisationId: Id, advisorId: Id }, { additionalProperties: false }),
        response: { 201: AssignmentView, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      const a = await assignAdvisor(ctx, actor, request.body)
      const { items } = await listAssignments(ctx.db, actor, {
        organisationId: a.organisation_id,
        advisorId: a.advisor_id,
        limit: 1,
        offset: 0,
      })
      return reply.code(201).send(assignmentView(items[0]!))
    },
  )

  fastify.get(
    '/v1/advisor-assignments',
    {
      schema: {
        tags,
        operationId: 'listAdvisorAssignments',
        summary:
          'Assignments I can see (all: admins; my operator’s: coordinator; mine: advisor; my collectivités’)',
        querystring: Type.Object({
          ...PageQuery.properties,
          organisationId: Type.Optional(Id),
          advisorId: Type.Optional(Id),
        }),
        response: { 200: Page(AssignmentView) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0, ...filter } = request.query
      const { items, total } = await listAssignments(ctx.db, actor, { ...filter, limit, offset })
      return { items: items.map(assignmentView), total, limit, offset }
    },
  )

  fastify.delete(
    '/v1/advisor-assignments/:id',
    {
      schema: {
        tags,
        operationId: 'unassignAdvisor',
        summary: 'End an assignment (admins, the coordinator of the operator)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await unassignAdvisor(ctx, actor, request.params.id)
      return reply.code(204).send(null)
    },
  )
}
