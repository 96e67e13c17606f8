import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bearer,
  id,
  identity,
  openWorld,
  SETUP_TIMEOUT,
  submitDiagnosticFor,
  type TestWorld,
  tokens,
} from './testing.js'

const PREFIXES =
  /^\/v1\/(diagnostics|support-requests|action-plans|action-items|advisor-notes|advisor-dashboard|gap-portfolio)/

/**
 * Two operators and every scoped role in diagnostics: an administrator scoped to operator B gets
 * 403/404 on everything of a collectivité of operator A (its diagnostics, results, plan, notes,
 * support requests, A's advisors' dashboards and A's gap portfolio); A's administrators read what
 * A's advisors read (with the collectivité's consent); the platform admin stays global.
 */
describe('diagnostics operator scopes: two operators, every scoped role', () => {
  let world: TestWorld
  const OP_A = id(61, 1)
  const OP_B = id(61, 2)
  const ADVISOR_A = id(62, 1)
  const ADVISOR_B = id(62, 2)
  const ADMIN_A = id(62, 3)
  const ADMIN_B = id(62, 4)
  const EDITOR_A = id(62, 5)
  const PLATFORM_ADMIN = id(62, 6)
  const MAYOR_A = id(63, 1)
  const ORG_A = id(64, 1)
  const ORG_B = id(64, 2)
  let diagnosticId: string
  let requestId: string
  let itemId: string
  let noteId: string
  const as = (sub: string, roles: Array<'admin' | 'editor' | 'advisor'>, op: string | null) =>
    world.keys.token({ sub, roles, op })

  beforeAll(async () => {
    world = await openWorld()
    const idy = identity(world)
    await idy.operator(OP_A, ['23'], null)
    await idy.operator(OP_B, ['19'], null)
    await idy.user(ADVISOR_A, ['advisor'], OP_A)
    await idy.user(ADVISOR_B, ['advisor'], OP_B)
    await idy.user(ADMIN_A, ['admin'], OP_A)
    await idy.user(ADMIN_B, ['admin'], OP_B)
    await idy.user(MAYOR_A, [], null)
    await idy.organisation(ORG_A, { operatorId: OP_A, departement: '23' })
    await idy.organisation(ORG_B, { operatorId: OP_B, departement: '19' })
    await idy.member(ORG_A, MAYOR_A)
    await idy.assign(ORG_A, ADVISOR_A, OP_A)
    await idy.consent(ORG_A, MAYOR_A, true)
    ;({ diagnosticId } = await submitDiagnosticFor(world, ORG_A, MAYOR_A))
    const member = await tokens(world.keys).member(MAYOR_A, ORG_A)
    const inject = (token: string, url: string, payload: object) =>
      world.host.app.inject({ method: 'POST', url, headers: bearer(token), payload })
    requestId = (
      await inject(member, '/v1/support-requests', {
        organisationId: ORG_A,
        topic: 'Messagerie',
        message: 'Nos boîtes sont pleines.',
      })
    ).json().id
    itemId = (
      await inject(member, `/v1/action-plans/${ORG_A}/items`, { title: 'Changer de messagerie' })
    ).json().id
    noteId = (
      await inject(await as(ADVISOR_A, ['advisor'], OP_A), `/v1/action-plans/${ORG_A}/notes`, {
        body: 'Rappeler la secrétaire de mairie',
      })
    ).json().id
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  const fill = (path: string) =>
    path
      .replace('{organisationId}', ORG_A)
      .replace(
        '{id}',
        path.startsWith('/v1/support-requests')
          ? requestId
          : path.startsWith('/v1/advisor-notes')
            ? noteId
            : path.startsWith('/v1/diagnostics')
              ? diagnosticId
              : itemId,
      )

  const get = async (token: string, url: string) =>
    world.host.app.inject({ method: 'GET', url, headers: bearer(token) })

  it('an admin of operator B gets 403 or 404 on every resource of a collectivité of operator A', async () => {
    const doc = (await world.host.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const adminB = await as(ADMIN_B, ['admin'], OP_B)
    const bodies: Record<string, object> = {
      'POST /v1/diagnostics': { organisationId: ORG_A },
      'PATCH /v1/diagnostics/{id}/answers': { answers: {} },
      'POST /v1/support-requests': { organisationId: ORG_A, topic: 'Aide', message: 'Bonjour' },
      'POST /v1/support-requests/{id}/assign': {},
      'POST /v1/support-requests/{id}/status': { status: 'closed' },
      'POST /v1/support-requests/{id}/messages': { body: 'Bonjour' },
      'POST /v1/action-plans/{organisationId}/items': { title: 'Intrus' },
      'POST /v1/action-plans/{organisationId}/from-diagnostic': { ruleIds: ['x'] },
      'POST /v1/action-plans/{organisationId}/notes': { body: 'Intrus' },
      'PATCH /v1/advisor-notes/{id}': { body: 'Intrus' },
      'PATCH /v1/action-items/{id}': { status: 'done' },
      'POST /v1/action-items/{id}/comments': { body: 'Intrus' },
    }
    let checked = 0
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!PREFIXES.test(path)) continue
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const key = `${method} ${path}`
        const url =
          key === 'GET /v1/diagnostics' || key === 'GET /v1/support-requests'
            ? `${path}?organisationId=${ORG_A}`
            : key.startsWith('GET /v1/gap-portfolio')
              ? `${path}?operatorId=${OP_A}`
              : key === 'GET /v1/advisor-dashboard'
                ? `${path}?advisorId=${ADVISOR_A}`
                : fill(path)
        const res = await world.host.app.inject({
          method: method as 'GET',
          url,
          headers: bearer(adminB),
          ...(['POST', 'PATCH', 'PUT'].includes(method) ? { payload: bodies[key] ?? {} } : {}),
        })
        checked++
        if (key === 'GET /v1/support-requests') {
          // A list is filtered, not refused: none of A's requests.
          expect(res.statusCode).toBe(200)
          expect(res.json().total, key).toBe(0)
          continue
        }
        expect([403, 404], `${key} ${url}: ${res.body}`).toContain(res.statusCode)
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25)
  })

  it('an admin of operator A reads what its advisors read, with the collectivité’s consent', async () => {
    const adminA = await as(ADMIN_A, ['admin'], OP_A)
    for (const url of [
      `/v1/diagnostics/${diagnosticId}/results`,
      `/v1/action-plans/${ORG_A}`,
      `/v1/action-plans/${ORG_A}/notes`,
      `/v1/support-requests/${requestId}`,
      `/v1/advisor-dashboard?advisorId=${ADVISOR_A}`,
      '/v1/gap-portfolio',
    ])
      expect((await get(adminA, url)).statusCode, url).toBe(200)
    const list = (await get(adminA, '/v1/support-requests')).json()
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([requestId])
    expect((await get(adminA, `/v1/gap-portfolio?operatorId=${OP_B}`)).statusCode).toBe(403)
    expect((await get(adminA, `/v1/advisor-dashboard?advisorId=${ADVISOR_B}`)).statusCode).toBe(403)
    // Editors of the operator are not advisors: nothing private of its collectivités.
    const editorA = await as(EDITOR_A, ['editor'], OP_A)
    for (const url of [`/v1/action-plans/${ORG_A}`, `/v1/diagnostics/${diagnosticId}/results`])
      expect([403, 404], url).toContain((await get(editorA, url)).statusCode)
  })

  it('once the collectivité withdraws its consent, its operator’s admins read no more than its advisors', async () => {
    await identity(world).consent(ORG_A, MAYOR_A, false)
    const adminA = await as(ADMIN_A, ['admin'], OP_A)
    expect([403, 404]).toContain((await get(adminA, `/v1/action-plans/${ORG_A}`)).statusCode)
    expect([403, 404]).toContain((await get(adminA, `/v1/diagnostics/${diagnosticId}/results`)).statusCode)
    const platformAdmin = await as(PLATFORM_ADMIN, ['admin'], null)
    expect((await get(platformAdmin, `/v1/action-plans/${ORG_A}`)).statusCode).toBe(200)
    expect((await get(platformAdmin, `/v1/gap-portfolio?operatorId=${OP_B}`)).statusCode).toBe(200)
    await identity(world).consent(ORG_A, MAYOR_A, true)
  })
})
