import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { NotFound } from '@osinum/service-kit'
import { Type } from 'typebox'
import { loadActor, requirePlatformAdmin } from '../../domain/actor.js'
import { audit } from '../../domain/audit.js'
import type { Ctx } from '../../domain/context.js'
import type { User } from '../../domain/db.js'
import { eraseUser, exportEverywhere } from '../../domain/gdpr.js'
import { listUsers, setRoles, visibleUser } from '../../domain/roles.js'
import { revokeAllSessions, revokeSession } from '../../domain/tokens.js'
import { changePassword, getUser, updateProfile } from '../../domain/users.js'
import {
  Id,
  IdParams,
  Password,
  PlatformRoleSchema,
  Profile,
  SessionView,
  UserSummary,
} from '../../schemas.js'
import { sessionView, userView } from '../../views.js'
import { metaOf, problems, type RouteOptions } from '../options.js'

const tags = ['identity']

async function profileOf(ctx: Ctx, user: User) {
  const memberships = await ctx.db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.organisation_id',
      'organisations.name',
      'organisations.kind',
      'memberships.role',
      'memberships.referent',
      'organisations.verification',
    ])
    .where('memberships.user_id', '=', user.id)
    .orderBy('memberships.created_at')
    .execute()
  return {
    id: user.id,
    email: user.email ?? '',
    emailVerified: Boolean(user.email_verified_at),
    displayName: user.display_name,
    jobTitle: user.job_title,
    hasPassword: Boolean(user.password_hash),
    platformRoles: [...user.platform_roles],
    operatorId: user.operator_id,
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      organisationName: m.name,
      kind: m.kind,
      role: m.role,
      referent: m.referent,
      verification: m.verification,
    })),
    createdAt: user.created_at.toISOString(),
  }
}

/** One's own account (profile, password, sessions, GDPR) and, for admins, everyone's. */
export const userRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx, gdpr }) => {
  fastify.get(
    '/v1/users/me',
    {
      schema: {
        tags,
        operationId: 'getMe',
        summary: 'My profile, roles and collectivités',
        response: { 200: Profile },
      },
    },
    async (request) => profileOf(ctx, (await loadActor(ctx.db, request.principal)).user),
  )

  fastify.patch(
    '/v1/users/me',
    {
      schema: {
        tags,
        operationId: 'updateMe',
        summary: 'Change my name or job title',
        body: Type.Object(
          {
            displayName: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
            jobTitle: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Profile, ...problems(400) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return profileOf(ctx, await updateProfile(ctx, actor.user, request.body))
    },
  )

  fastify.put(
    '/v1/users/me/password',
    {
      schema: {
        tags,
        operationId: 'setMyPassword',
        summary: 'Set or change my password (my other sessions end)',
        description: `argon2id; at least 12 characters. Changing an existing password needs it (currentPassword).`,
        body: Type.Object(
          { currentPassword: Type.Optional(Type.String({ maxLength: 256 })), newPassword: Password },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await changePassword(ctx, actor.user, request.body, actor.sessionId, metaOf(request))
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/v1/users/me/sessions',
    {
      schema: {
        tags,
        operationId: 'listMySessions',
        summary: 'My active sessions',
        querystring: PageQuery,
        response: { 200: Page(SessionView) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0 } = request.query
      const q = ctx.db
        .selectFrom('sessions')
        .where('user_id', '=', actor.user.id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('last_used_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ])
      return {
        items: rows.map((s) => sessionView(s, actor.sessionId)),
        total: Number(count.n),
        limit,
        offset,
      }
    },
  )

  fastify.delete(
    '/v1/users/me/sessions/:id',
    {
      schema: {
        tags,
        operationId: 'revokeMySession',
        summary: 'End one of my sessions',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await revokeSession(trx, request.params.id, 'session-revoked', actor.user.id)))
          throw new NotFound('Session')
        await audit(trx, {
          actorId: actor.user.id,
          action: 'session.revoked',
          targetType: 'session',
          targetId: request.params.id,
          ip: request.ip,
        })
      })
      return reply.code(204).send(null)
    },
  )

  fastify.delete(
    '/v1/users/me/sessions',
    {
      schema: {
        tags,
        operationId: 'revokeAllMySessions',
        summary: 'Log out everywhere (every session, this one included)',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await ctx.db.transaction().execute(async (trx) => {
        const n = await revokeAllSessions(trx, actor.user.id, 'logout-everywhere')
        await audit(trx, {
          actorId: actor.user.id,
          action: 'sessions.revoked-all',
          targetType: 'user',
          targetId: actor.user.id,
          ip: request.ip,
          data: { sessions: n },
        })
      })
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/v1/users/me/export',
    {
      schema: {
        tags,
        operationId: 'exportMyData',
        summary:
          'Everything every service holds about me (GDPR), as one JSON archive: one part per service (503 while one does not answer)',
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...problems(503) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      const archive = await exportEverywhere(ctx.db, gdpr.events, actor.user)
      reply.header('content-disposition', 'attachment; filename="osinum-export.json"')
      reply.header('cache-control', 'no-store')
      return JSON.parse(JSON.stringify(archive))
    },
  )

  fastify.delete(
    '/v1/users/me',
    {
      schema: {
        tags,
        operationId: 'eraseMe',
        summary: 'Erase my account (GDPR): personal data removed, every service told (UserErased)',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      await eraseUser(ctx, actor, actor.user, metaOf(request), gdpr.schema)
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'listUsers',
        summary:
          'Accounts (the platform admin; an operator’s administrators: its staff and the members of its collectivités)',
        querystring: Type.Object({
          ...PageQuery.properties,
          q: Type.Optional(Type.String({ maxLength: 120, description: 'Part of an email or name' })),
          role: Type.Optional(PlatformRoleSchema),
          operatorId: Type.Optional(Id),
          ids: Type.Optional(
            Type.Array(Id, {
              maxItems: 100,
              description: 'Only these accounts (`ids=…&ids=…`): names of a list of people in one call',
            }),
          ),
        }),
        response: { 200: Page(UserSummary) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      const { limit = 20, offset = 0, ...filter } = request.query
      const { items, total } = await listUsers(ctx.db, actor, { ...filter, limit, offset })
      return { items: items.map(userView), total, limit, offset }
    },
  )

  fastify.get(
    '/v1/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'One account (admins, within their scope)',
        params: IdParams,
        response: { 200: UserSummary, ...problems(404) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return userView(await visibleUser(ctx.db, actor, request.params.id))
    },
  )

  fastify.put(
    '/v1/users/:id/roles',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'setUserRoles',
        summary:
          'Set the platform roles of an account: any by the platform admin; advisors and editors of its own operator by an operator’s administrator',
        params: IdParams,
        body: Type.Object(
          {
            roles: Type.Array(PlatformRoleSchema, { maxItems: 3 }),
            operatorId: Type.Optional(Type.Union([Id, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserSummary, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return userView(await setRoles(ctx, actor, request.params.id, request.body))
    },
  )

  fastify.delete(
    '/v1/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'eraseUser',
        summary: 'Erase an account (the platform admin, e.g. on a GDPR request received by other means)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      requirePlatformAdmin(actor)
      await eraseUser(ctx, actor, await getUser(ctx.db, request.params.id), metaOf(request), gdpr.schema)
      return reply.code(204).send(null)
    },
  )
}
