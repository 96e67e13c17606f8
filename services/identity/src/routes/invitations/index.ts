import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { loadActor } from '../../domain/actor.js'
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from '../../domain/invitations.js'
import { Email, Id, IdParams, InvitationView, MembershipRoleSchema, TokenPair } from '../../schemas.js'
import { invitationView } from '../../views.js'
import { authRateLimits } from '../auth/limits.js'
import { metaOf, problems, type RouteOptions } from '../options.js'

const tags = ['identity']
const Token = Type.String({ minLength: 10, maxLength: 200 })

/** Invitations to join a collectivité, sent by its referent. */
export const invitationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  const limits = authRateLimits(fastify, ctx.config)

  fastify.post(
    '/v1/invitations',
    {
      schema: {
        tags,
        operationId: 'createInvitation',
        summary: 'Invite a colleague by email (referents, admins): single use, 7 days',
        description: 'The link travels in InvitationRequested (the notifications service emails it).',
        body: Type.Object(
          { organisationId: Id, email: Email, role: MembershipRoleSchema },
          { additionalProperties: false },
        ),
        response: { 201: InvitationView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      return reply.code(201).send(invitationView(await createInvitation(ctx, actor, request.body)))
    },
  )

  fastify.get(
    '/v1/invitations',
    {
      schema: {
        tags,
        operationId: 'listInvitations',
        summary: 'Invitations of a collectivité (referents, admins)',
        querystring: Type.Object({ ...PageQuery.properties, organisationId: Id }),
        response: { 200: Page(InvitationView), ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0, organisationId } = request.query
      const { items, total } = await listInvitations(ctx, actor, { organisationId, limit, offset })
      return { items: items.map(invitationView), total, limit, offset }
    },
  )

  fastify.delete(
    '/v1/invitations/:id',
    {
      schema: {
        tags,
        operationId: 'revokeInvitation',
        summary: 'Withdraw an invitation (referents, admins)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await revokeInvitation(ctx, actor, request.params.id)
      return reply.code(204).send(null)
    },
  )

  for (const method of ['GET', 'POST'] as const)
    fastify.route({
      method,
      url: '/v1/invitations/accept',
      ...limits.ip,
      schema: {
        tags,
        operationId: method === 'GET' ? 'acceptInvitationByLink' : 'acceptInvitation',
        summary: 'Accept an invitation: joins the collectivité and signs in (creates the account if needed)',
        ...(method === 'GET'
          ? { querystring: Type.Object({ token: Token }) }
          : { body: Type.Object({ token: Token }, { additionalProperties: false }) }),
        response: {
          200: Type.Object({ ...TokenPair.properties, organisationId: Id }),
          ...problems(400, 429),
        },
      },
      handler: async (request) => {
        const { token } = (method === 'GET' ? request.query : request.body) as { token: string }
        return acceptInvitation(ctx, token, metaOf(request))
      },
    })
}
