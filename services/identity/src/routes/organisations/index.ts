import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery, VerificationSchema } from '@osinum/contracts'
import { Type } from 'typebox'
import { loadActor } from '../../domain/actor.js'
import { claimOrganisation, claimRow } from '../../domain/claims.js'
import { officialData } from '../../domain/official-data.js'
import {
  getOrganisation,
  listMembers,
  listOrganisations,
  removeMember,
  setConsent,
  updateMember,
  updateOrganisation,
} from '../../domain/organisations.js'
import {
  ClaimView,
  Id,
  IdParams,
  MembershipRoleSchema,
  MemberView,
  OfficialEntry,
  OrganisationKindSchema,
  OrganisationView,
} from '../../schemas.js'
import { claimView, officialView, organisationView } from '../../views.js'
import { problems, type RouteOptions } from '../options.js'

const tags = ['identity']
const OfficialKind = Type.Union(['commune', 'epci', 'departement', 'region'].map((k) => Type.Literal(k)))
const MemberParams = Type.Object({ id: Id, userId: Id })

/** Collectivités: official data search, registration by official code, members, consent. */
export const organisationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.get(
    '/v1/organisations/search',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'searchOfficialOrganisations',
        summary: 'Find a collectivité in the official data by name, postcode or code (accent-insensitive)',
        description:
          'Searches the official administrative data (communes, EPCI, départements, régions), whether registered here or not: for onboarding.',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 100 }),
          kind: Type.Optional(OfficialKind),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(OfficialEntry) }), ...problems(400) },
      },
    },
    async (request, reply) => {
      const { q, kind, limit = 10 } = request.query
      const items = (await officialData()).search(q, { kind: kind as never, limit }).map(officialView)
      reply.header('cache-control', 'public, max-age=3600')
      return { items }
    },
  )

  fastify.post(
    '/v1/organisations',
    {
      schema: {
        tags,
        operationId: 'createOrganisation',
        summary:
          'Claim my collectivité by its official code (verified by ProConnect, its syndicate or an invitation)',
        description:
          'Name, population (and bracket), département, région and EPCI come from the official data; a code unknown there is refused (422, field officialCode). ' +
          'Not yet registered: 201 with the collectivité, `verification: "pending"` — the caller holds it as a pending member (not referent) and a pending claim is sent to its syndicate. ' +
          'Already registered: 202 with the caller’s claim (pending; the syndicate — or, once verified, its referents — decide; 409 OSI_IDENTITY_ALREADY_MEMBER if already a member). ' +
          'A caller whose ProConnect establishment (SIRET) belongs to the collectivité’s SIREN is verified at once (claim `method: "oidc-siret"`). ' +
          'Until verified a collectivité uses everything for itself but counts in no statistic and cannot invite or contact peers. Syndicats (kind "syndicat", SIREN and name) are registered by admins, verified.',
        body: Type.Object(
          {
            kind: OrganisationKindSchema,
            officialCode: Type.String({ minLength: 2, maxLength: 9, pattern: '^[0-9A-Za-z]+$' }),
            role: MembershipRoleSchema,
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Syndicats only' })),
            departement: Type.Optional(Type.String({ maxLength: 3, description: 'Syndicats only' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrganisationView, 202: ClaimView, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { organisation, claim, created } = await claimOrganisation(ctx, actor, request.body)
      reply.header('location', `/v1/organisations/${organisation.id}`)
      if (created || !claim) return reply.code(201).send(organisationView(organisation))
      return reply.code(202).send(claimView(await claimRow(ctx, actor, claim.id)))
    },
  )

  fastify.get(
    '/v1/organisations',
    {
      schema: {
        tags,
        operationId: 'listOrganisations',
        summary: 'Collectivités I can see (mine; assigned ones for advisors; all for admins)',
        querystring: Type.Object({
          ...PageQuery.properties,
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(OrganisationKindSchema),
          departement: Type.Optional(Type.String({ maxLength: 3 })),
          operatorId: Type.Optional(Id),
          verification: Type.Optional(VerificationSchema),
        }),
        response: { 200: Page(OrganisationView) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0, ...filter } = request.query
      const { items, total } = await listOrganisations(ctx.db, actor, { ...filter, limit, offset })
      return { items: items.map(organisationView), total, limit, offset }
    },
  )

  fastify.get(
    '/v1/organisations/:id',
    {
      schema: {
        tags,
        operationId: 'getOrganisation',
        summary: 'A collectivité (members, its assigned advisors, its operator coordinator, admins)',
        params: IdParams,
        response: { 200: OrganisationView, ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return organisationView(await getOrganisation(ctx, actor, request.params.id))
    },
  )

  fastify.patch(
    '/v1/organisations/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'updateOrganisation',
        summary: 'Attach a collectivité to another operator, rename a syndicat (admins)',
        params: IdParams,
        body: Type.Object(
          {
            operatorId: Type.Optional(Type.Union([Id, Type.Null()])),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrganisationView, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return organisationView(await updateOrganisation(ctx, actor, request.params.id, request.body))
    },
  )

  fastify.put(
    '/v1/organisations/:id/consent',
    {
      schema: {
        tags,
        operationId: 'grantAdvisorConsent',
        summary: 'Let our assigned advisors see our diagnostics (referents)',
        params: IdParams,
        response: { 200: OrganisationView, ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return organisationView(await setConsent(ctx, actor, request.params.id, true))
    },
  )

  fastify.delete(
    '/v1/organisations/:id/consent',
    {
      schema: {
        tags,
        operationId: 'revokeAdvisorConsent',
        summary: 'Stop letting advisors see our diagnostics, at once (referents)',
        params: IdParams,
        response: { 200: OrganisationView, ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return organisationView(await setConsent(ctx, actor, request.params.id, false))
    },
  )

  fastify.get(
    '/v1/organisations/:id/members',
    {
      schema: {
        tags,
        operationId: 'listOrganisationMembers',
        summary: 'Members of a collectivité',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(MemberView), ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0 } = request.query
      const { items, total, verification } = await listMembers(ctx, actor, request.params.id, {
        limit,
        offset,
      })
      return {
        items: items.map((m) => ({
          userId: m.user_id,
          email: m.email,
          displayName: m.display_name,
          jobTitle: m.job_title,
          role: m.role,
          referent: m.referent,
          verification,
          since: m.created_at.toISOString(),
        })),
        total,
        limit,
        offset,
      }
    },
  )

  fastify.patch(
    '/v1/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        operationId: 'updateOrganisationMember',
        summary: 'Change a member’s role or make them referent (referents, admins)',
        params: MemberParams,
        body: Type.Object(
          { role: Type.Optional(MembershipRoleSchema), referent: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ userId: Id, role: MembershipRoleSchema, referent: Type.Boolean() }),
          ...problems(400, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const m = await updateMember(ctx, actor, request.params.id, request.params.userId, request.body)
      return { userId: m.user_id, role: m.role, referent: m.referent }
    },
  )

  fastify.delete(
    '/v1/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        operationId: 'removeOrganisationMember',
        summary: 'Remove a member (referents, admins) or leave (oneself)',
        params: MemberParams,
        response: { 204: Type.Null(), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await removeMember(ctx, actor, request.params.id, request.params.userId)
      return reply.code(204).send(null)
    },
  )
}
