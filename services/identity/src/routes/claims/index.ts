import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { loadActor } from '../../domain/actor.js'
import { claimRow, decideClaim, listClaims, withdrawClaim } from '../../domain/claims.js'
import { ClaimView, Id, IdParams } from '../../schemas.js'
import { claimView } from '../../views.js'
import { problems, type RouteOptions } from '../options.js'

const tags = ['identity']
const Status = Type.Union(['pending', 'verified', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)))

/** Claims to speak for a collectivité: one's own, and those a syndicate (or a verified referent) decides. */
export const claimRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.get(
    '/v1/organisation-claims',
    {
      schema: {
        tags,
        operationId: 'listOrganisationClaims',
        summary:
          'Claims I made, and those I decide (my syndicate’s collectivités, my verified collectivités)',
        description:
          'Competing claims on one collectivité are all listed, each with `competing` (the other pending claims). `mine=true` keeps only the caller’s own.',
        querystring: Type.Object({
          ...PageQuery.properties,
          status: Type.Optional(Status),
          organisationId: Type.Optional(Id),
          mine: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Page(ClaimView) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0, status, ...filter } = request.query
      const { items, total } = await listClaims(ctx, actor, {
        ...filter,
        status: status as never,
        limit,
        offset,
      })
      return { items: items.map(claimView), total, limit, offset }
    },
  )

  fastify.get(
    '/v1/organisation-claims/:id',
    {
      schema: {
        tags,
        operationId: 'getOrganisationClaim',
        summary: 'A claim (its claimant, its deciders)',
        params: IdParams,
        response: { 200: ClaimView, ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return claimView(await claimRow(ctx, actor, request.params.id))
    },
  )

  fastify.post(
    '/v1/organisation-claims/:id/decision',
    {
      schema: {
        tags,
        operationId: 'decideOrganisationClaim',
        summary:
          'Verify or reject a pending claim (the syndicate: coordinator, administrators; a verified referent)',
        description:
          'Verifying a claim on a pending collectivité verifies it, makes the claimant its referent and removes the memberships other claimants held on it (their claims stay pending). Rejecting removes the claimant from a pending collectivité. Both email the claimant and the reviewers.',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('verify'), Type.Literal('reject')]),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClaimView, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      await decideClaim(ctx, actor, request.params.id, request.body)
      return claimView(await claimRow(ctx, actor, request.params.id))
    },
  )

  fastify.delete(
    '/v1/organisation-claims/:id',
    {
      schema: {
        tags,
        operationId: 'withdrawOrganisationClaim',
        summary: 'Withdraw my pending claim (and leave the unverified collectivité)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await withdrawClaim(ctx, actor, request.params.id)
      return reply.code(204).send(null)
    },
  )
}
