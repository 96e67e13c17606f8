import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bearer,
  id,
  identity,
  SETUP_TIMEOUT,
  startTestService,
  submitDiagnosticFor,
  type TestService,
  tokens,
} from './testing.js'

const PREFIXES =
  /^\/v1\/(support-requests|action-plans|action-items|advisor-notes|advisor-dashboard|gap-portfolio)/
/** The same, and the diagnostics themselves (for the operator-scope matrix). */
const SCOPED_PREFIXES = new RegExp(
  PREFIXES.source.replace('(support-requests', '(diagnostics|support-requests'),
)

/** Who may call what: 401 without a token on every route, 403/404 for the wrong person, problems for bad input. */
describe('accompaniment access control', () => {
  let world: TestService
  const OP = id(51, 1)
  const OTHER_OP = id(51, 2)
  const ADVISOR = id(52, 1)
  const OTHER_ADVISOR = id(52, 2)
  const MAYOR = id(53, 1)
  const STRANGER = id(53, 9)
  const ORG = id(54, 1)
  const OTHER_ORG = id(54, 2)
  // Staff scoped to each operator, and the platform admin (packages/contracts scope.ts).
  const ADMIN_A = id(52, 3)
  const ADMIN_B = id(52, 4)
  const EDITOR_A = id(52, 5)
  const PLATFORM_ADMIN = id(52, 6)
  let diagnosticId: string
  let requestId: string
  let itemId: string
  let noteId: string
  let ruleIds: string[]
  const t = () => tokens(world.keys)
  const as = (sub: string, roles: Array<'admin' | 'editor' | 'advisor'>, op: string | null) =>
    world.keys.token({ sub, roles, op })

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP, ['44'], null)
    await idy.operator(OTHER_OP, ['85'], null)
    await idy.user(ADVISOR, ['advisor'], OP)
    await idy.user(OTHER_ADVISOR, ['advisor'], OTHER_OP)
    await idy.user(MAYOR, [], null)
    await idy.organisation(ORG, { operatorId: OP, departement: '44' })
    await idy.organisation(OTHER_ORG, { operatorId: OTHER_OP, departement: '85' })
    await idy.member(ORG, MAYOR)
    await idy.assign(ORG, ADVISOR, OP)
    await idy.assign(OTHER_ORG, OTHER_ADVISOR, OTHER_OP)
    await idy.consent(ORG, MAYOR, true)
    await idy.consent(OTHER_ORG, MAYOR, true)
    ;({ ruleIds, diagnosticId } = await submitDiagnosticFor(world, ORG, MAYOR))
    const member = await t().member(MAYOR, ORG)
    const advisor = await t().advisor(ADVISOR, OP)
    const req = await world.host.app.inject({
      method: 'POST',
      url: '/v1/support-requests',
      headers: bearer(member),
      payload: { organisationId: ORG, topic: 'Site internet', message: 'Qui peut nous aider ?' },
    })
    requestId = (req.json() as { id: string }).id
    const item = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/items`,
      headers: bearer(member),
      payload: { title: 'Refaire le site' },
    })
    itemId = (item.json() as { id: string }).id
    const note = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/notes`,
      headers: bearer(advisor),
      payload: { body: 'Contact : secrétaire de mairie' },
    })
    noteId = (note.json() as { id: string }).id
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  async function routes(): Promise<Array<{ method: string; path: string }>> {
    const doc = (await world.host.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    return Object.entries(doc.paths)
      .filter(([path]) => PREFIXES.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })))
  }

  const fill = (path: string) =>
    path
      .replace('{organisationId}', ORG)
      .replace(
        '{id}',
        path.startsWith('/v1/support-requests')
          ? requestId
          : path.startsWith('/v1/advisor-notes')
            ? noteId
            : itemId,
      )

  const fillScoped = (path: string) =>
    path.startsWith('/v1/diagnostics') ? path.replace('{id}', diagnosticId) : fill(path)
  const get = async (token: string, url: string) =>
    world.host.app.inject({ method: 'GET', url, headers: bearer(token) })

  it('answers 401 problem+json to an anonymous caller on every route', async () => {
    const all = await routes()
    expect(all.length).toBeGreaterThanOrEqual(20)
    for (const r of all) {
      const res = await world.host.app.inject({
        method: r.method as 'GET',
        url: fill(r.path),
        ...(['POST', 'PATCH'].includes(r.method) ? { payload: {} } : {}),
      })
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(401)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect((res.json() as { code: string }).code).toBe('OSI_UNAUTHORIZED')
    }
  })

  it('refuses a signed-in stranger everything about the collectivité (403 or 404)', async () => {
    const stranger = await t().nobody(STRANGER)
    const payloads: Record<string, object> = {
      'POST /v1/support-requests': { organisationId: ORG, topic: 'Aide', message: 'Bonjour' },
      'POST /v1/support-requests/{id}/assign': {},
      'POST /v1/support-requests/{id}/status': { status: 'closed' },
      'POST /v1/support-requests/{id}/messages': { body: 'Bonjour' },
      'POST /v1/action-plans/{organisationId}/items': { title: 'Intrus' },
      'POST /v1/action-plans/{organisationId}/from-diagnostic': { ruleIds: [ruleIds[0]] },
      'POST /v1/action-plans/{organisationId}/notes': { body: 'Intrus' },
      'PATCH /v1/advisor-notes/{id}': { body: 'Intrus' },
      'PATCH /v1/action-items/{id}': { status: 'done' },
      'POST /v1/action-items/{id}/comments': { body: 'Intrus' },
    }
    for (const r of await routes()) {
      const key = `${r.method} ${r.path}`
      const res = await world.host.app.inject({
        method: r.method as 'GET',
        url: fill(r.path),
        headers: bearer(stranger),
        ...(payloads[key] ? { payload: payloads[key] } : {}),
      })
      if (key === 'GET /v1/support-requests') {
        // A list is filtered, not refused: the stranger sees none of the collectivité's requests.
        expect(res.statusCode).toBe(200)
        expect((res.json() as { total: number }).total).toBe(0)
        continue
      }
      expect([403, 404], `${key}: ${res.body}`).toContain(res.statusCode)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
  })

  it('keeps another operator’s advisor and a non-assigned advisor out of the plan and notes', async () => {
    const other = await t().advisor(OTHER_ADVISOR, OTHER_OP)
    for (const url of [
      `/v1/action-plans/${ORG}`,
      `/v1/action-plans/${ORG}/notes`,
      `/v1/action-plans/${ORG}/hints`,
      `/v1/action-items/${itemId}`,
      `/v1/support-requests/${requestId}`,
    ]) {
      const res = await world.host.app.inject({ method: 'GET', url, headers: bearer(other) })
      expect([403, 404], url).toContain(res.statusCode)
    }
    const dashboard = await world.host.app.inject({
      method: 'GET',
      url: `/v1/advisor-dashboard?advisorId=${ADVISOR}`,
      headers: bearer(other),
    })
    expect(dashboard.statusCode).toBe(403)
  })

  it('keeps members out of advisor-only routes and actions', async () => {
    const member = await t().member(MAYOR, ORG)
    for (const [method, url, payload] of [
      ['GET', '/v1/advisor-dashboard', undefined],
      ['GET', '/v1/gap-portfolio', undefined],
      ['GET', `/v1/action-plans/${ORG}/notes`, undefined],
      ['POST', `/v1/action-plans/${ORG}/notes`, { body: 'note' }],
      ['POST', `/v1/support-requests/${requestId}/assign`, {}],
      ['POST', `/v1/support-requests/${requestId}/status`, { status: 'in-progress' }],
    ] as const) {
      const res = await world.host.app.inject({
        method,
        url,
        headers: bearer(member),
        ...(payload ? { payload } : {}),
      })
      expect(res.statusCode, `${method} ${url}`).toBe(403)
    }
  })

  it('answers bad input with a problem naming the field and a stable code', async () => {
    const member = await t().member(MAYOR, ORG)
    const advisor = await t().advisor(ADVISOR, OP)
    const cases: Array<[string, string, string, object, number, string]> = [
      [member, 'POST', '/v1/support-requests', { organisationId: ORG, topic: 'x' }, 400, 'OSI_VALIDATION'],
      [
        member,
        'POST',
        '/v1/support-requests',
        { organisationId: 'not-a-uuid', topic: 'Aide', message: 'm' },
        400,
        'OSI_VALIDATION',
      ],
      [member, 'PATCH', `/v1/action-items/${itemId}`, { status: 'finished' }, 400, 'OSI_VALIDATION'],
      [member, 'PATCH', `/v1/action-items/${itemId}`, { dueDate: '2027-02-30' }, 400, 'OSI_VALIDATION'],
      [member, 'PATCH', `/v1/action-items/${itemId}`, {}, 400, 'OSI_VALIDATION'],
      [member, 'POST', `/v1/action-plans/${ORG}/items`, { title: 'x'.repeat(301) }, 400, 'OSI_VALIDATION'],
      [
        member,
        'POST',
        `/v1/action-plans/${ORG}/items`,
        { title: 'Outil', toolSlug: 'Pas Un Slug' },
        400,
        'OSI_VALIDATION',
      ],
      [
        member,
        'POST',
        `/v1/action-plans/${ORG}/from-diagnostic`,
        { ruleIds: ['no-such-rule'] },
        422,
        'OSI_DIAGNOSTICS_RULE_NOT_RECOMMENDED',
      ],
      [member, 'POST', `/v1/action-plans/${ORG}/from-diagnostic`, { ruleIds: [] }, 400, 'OSI_VALIDATION'],
      [
        advisor,
        'POST',
        `/v1/support-requests/${requestId}/assign`,
        { advisorId: MAYOR },
        422,
        'OSI_DIAGNOSTICS_NOT_AN_ADVISOR',
      ],
      [
        advisor,
        'POST',
        `/v1/action-plans/${ORG}/notes`,
        { body: 'n', itemId: requestId },
        422,
        'OSI_VALIDATION',
      ],
    ]
    for (const [token, method, url, payload, status, code] of cases) {
      const res = await world.host.app.inject({
        method: method as 'POST',
        url,
        headers: bearer(token),
        payload,
      })
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(status)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      const body = res.json() as { code: string; errors?: Array<{ field: string }> }
      expect(body.code).toBe(code)
    }
    const unknownRule = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/from-diagnostic`,
      headers: bearer(member),
      payload: { ruleIds: [ruleIds[0], 'no-such-rule'] },
    })
    expect((unknownRule.json() as { errors: Array<{ field: string }> }).errors).toEqual([
      expect.objectContaining({ field: 'body.ruleIds.1' }),
    ])
  })

  it('refuses a request for a collectivité the service does not know yet', async () => {
    const UNKNOWN = id(54, 9)
    const res = await world.host.app.inject({
      method: 'POST',
      url: '/v1/support-requests',
      headers: bearer(await t().member(MAYOR, UNKNOWN)),
      payload: { organisationId: UNKNOWN, topic: 'Aide', message: 'Bonjour' },
    })
    expect(res.statusCode).toBe(422)
    expect((res.json() as { code: string }).code).toBe('OSI_DIAGNOSTICS_ORGANISATION_UNKNOWN')
  })

  it('an admin of operator B gets 403 or 404 on every resource of a collectivité of operator A', async () => {
    const doc = (await world.host.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const adminB = await as(ADMIN_B, ['admin'], OTHER_OP)
    const bodies: Record<string, object> = {
      'POST /v1/diagnostics': { organisationId: ORG },
      'PATCH /v1/diagnostics/{id}/answers': { answers: {} },
      'POST /v1/support-requests': { organisationId: ORG, topic: 'Aide', message: 'Bonjour' },
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
      if (!SCOPED_PREFIXES.test(path)) continue
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const key = `${method} ${path}`
        const url =
          key === 'GET /v1/diagnostics' || key === 'GET /v1/support-requests'
            ? `${path}?organisationId=${ORG}`
            : key.startsWith('GET /v1/gap-portfolio')
              ? `${path}?operatorId=${OP}`
              : key === 'GET /v1/advisor-dashboard'
                ? `${path}?advisorId=${ADVISOR}`
                : fillScoped(path)
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
    const adminA = await as(ADMIN_A, ['admin'], OP)
    for (const url of [
      `/v1/diagnostics/${diagnosticId}/results`,
      `/v1/action-plans/${ORG}`,
      `/v1/action-plans/${ORG}/notes`,
      `/v1/support-requests/${requestId}`,
      `/v1/advisor-dashboard?advisorId=${ADVISOR}`,
      '/v1/gap-portfolio',
    ])
      expect((await get(adminA, url)).statusCode, url).toBe(200)
    const list = (await get(adminA, '/v1/support-requests')).json()
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([requestId])
    expect((await get(adminA, `/v1/gap-portfolio?operatorId=${OTHER_OP}`)).statusCode).toBe(403)
    expect((await get(adminA, `/v1/advisor-dashboard?advisorId=${OTHER_ADVISOR}`)).statusCode).toBe(403)
    // Editors of the operator are not advisors: nothing private of its collectivités.
    const editorA = await as(EDITOR_A, ['editor'], OP)
    for (const url of [`/v1/action-plans/${ORG}`, `/v1/diagnostics/${diagnosticId}/results`])
      expect([403, 404], url).toContain((await get(editorA, url)).statusCode)
  })

  it('once the collectivité withdraws its consent, its operator’s admins read no more than its advisors', async () => {
    await identity(world).consent(ORG, MAYOR, false)
    const adminA = await as(ADMIN_A, ['admin'], OP)
    expect([403, 404]).toContain((await get(adminA, `/v1/action-plans/${ORG}`)).statusCode)
    expect([403, 404]).toContain((await get(adminA, `/v1/diagnostics/${diagnosticId}/results`)).statusCode)
    const platformAdmin = await as(PLATFORM_ADMIN, ['admin'], null)
    expect((await get(platformAdmin, `/v1/action-plans/${ORG}`)).statusCode).toBe(200)
    expect((await get(platformAdmin, `/v1/gap-portfolio?operatorId=${OTHER_OP}`)).statusCode).toBe(200)
    await identity(world).consent(ORG, MAYOR, true)
  })
})
