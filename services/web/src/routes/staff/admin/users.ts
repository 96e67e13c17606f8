import type { PlatformRole } from '@osinum/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { queryText } from '../../../forms.js'
import { type PageProblem, pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF, scopeOf } from '../access.js'
import { confirmed } from '../ui.js'
import {
  AUDIT_PATH,
  type AuditRow,
  auditPage,
  ROLE_LABELS,
  USERS_PATH,
  type UserRow,
  userPage,
  usersPage,
} from './users.html.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = /^\d{4}-\d{2}-\d{2}$/
type Params = { Params: { id: string } }

async function operators(request: FastifyRequest) {
  const { data } = await request.server.web
    .publicApi(request)
    .GET('/v1/operators', { params: { query: { limit: 100 } } })
  return (data?.items ?? []).map((o) => ({ id: o.id, name: o.displayName || o.name }))
}

/** Roles the person may give: any for the platform admin; advisor and editor for an operator's administrator. */
const assignable = (request: FastifyRequest): PlatformRole[] =>
  scopeOf(request).operatorId === null ? ['admin', 'editor', 'advisor'] : ['editor', 'advisor']

/** Administrators: accounts and their roles (within their scope), the audit log with filters. */
export default async function adminUserRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.operatorAdmin))

  app.get(USERS_PATH, async (request, reply) => {
    const q = queryText(request, 'q').slice(0, 120)
    const role = queryText(request, 'role')
    const api = await request.server.web.api(request)
    const [{ data }, ops] = await Promise.all([
      api.GET('/v1/users', {
        params: {
          query: {
            limit: 100,
            ...(q ? { q } : {}),
            ...(role in ROLE_LABELS ? { role: role as PlatformRole } : {}),
          },
        },
      }),
      operators(request),
    ])
    return render(request, reply, (ctx) =>
      usersPage(ctx, {
        users: (data?.items ?? []) as UserRow[],
        total: data?.total ?? 0,
        q,
        role: role in ROLE_LABELS ? role : '',
        operators: new Map(ops.map((o) => [o.id, o.name])),
      }),
    )
  })

  async function show(request: FastifyRequest<Params>, problem?: PageProblem) {
    if (!UUID.test(request.params.id)) return undefined
    const api = await request.server.web.api(request)
    const [{ data: user }, ops] = await Promise.all([
      api.GET('/v1/users/{id}', { params: { path: { id: request.params.id } } }),
      operators(request),
    ])
    if (!user) return undefined
    return {
      user: user as UserRow,
      operators: ops,
      assignable: assignable(request),
      platformAdmin: scopeOf(request).operatorId === null,
      problem,
    }
  }

  app.get<Params>(`${USERS_PATH}/:id`, async (request, reply) => {
    const data = await show(request)
    if (!data) return reply.callNotFound()
    return render(request, reply, (ctx) => userPage(ctx, data))
  })

  app.post<Params>(`${USERS_PATH}/:id`, async (request, reply) => {
    const body = (request.body ?? {}) as { roles?: unknown; operatorId?: unknown }
    const allowed = assignable(request)
    const roles = [body.roles ?? []]
      .flat()
      .filter((r): r is PlatformRole => allowed.includes(r as PlatformRole))
    const again = async (problem: PageProblem) => {
      const data = await show(request, problem)
      if (!data) return reply.callNotFound()
      return render(request, reply, (ctx) => ({ ...userPage(ctx, data), status: 400 }))
    }
    if (!confirmed(request.body, 'confirmer'))
      return again({
        message: 'Les rôles n’ont pas changé.',
        fields: [{ field: 'confirmer', message: 'Cochez la case pour confirmer le changement de rôles.' }],
      })
    const operatorId =
      scopeOf(request).operatorId === null
        ? typeof body.operatorId === 'string' && UUID.test(body.operatorId)
          ? body.operatorId
          : null
        : undefined
    const api = await request.server.web.api(request)
    const { error } = await api.PUT('/v1/users/{id}/roles', {
      params: { path: { id: request.params.id } },
      body: { roles, ...(operatorId !== undefined ? { operatorId } : {}) },
    })
    if (error) return again(pageProblem(error))
    flash(request, 'Rôles enregistrés.')
    return redirect(reply, `${USERS_PATH}/${request.params.id}`)
  })

  app.get(AUDIT_PATH, async (request, reply) => {
    const action = queryText(request, 'action').slice(0, 60)
    const from = queryText(request, 'du')
    const to = queryText(request, 'au')
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/audit-log', {
      params: {
        query: {
          limit: 100,
          ...(action ? { action } : {}),
          ...(DAY.test(from) ? { from: `${from}T00:00:00Z` } : {}),
          ...(DAY.test(to) ? { to: `${to}T23:59:59Z` } : {}),
        },
      },
    })
    const entries = (data?.items ?? []) as AuditRow[]
    const ids = [...new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))].slice(0, 100)
    const { data: people } = ids.length
      ? await api.GET('/v1/users', { params: { query: { ids, limit: 100 } } })
      : { data: undefined }
    const actors = new Map((people?.items ?? []).map((u) => [u.id, u.displayName ?? u.email]))
    return render(request, reply, (ctx) =>
      auditPage(ctx, {
        entries,
        total: data?.total ?? 0,
        filters: { action, from: DAY.test(from) ? from : '', to: DAY.test(to) ? to : '' },
        actors,
      }),
    )
  })
}
