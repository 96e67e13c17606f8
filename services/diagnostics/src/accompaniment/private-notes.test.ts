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

const SECRET_PLAN = 'NOTE-PRIVEE-PLAN-7f3a'
const SECRET_ITEM = 'NOTE-PRIVEE-ACTION-91bc'

/**
 * Private advisor notes never reach a member of the collectivité: every route that returns plan
 * data is called as a member and its body searched for the notes (and the `privateNotes` field).
 */
describe('private advisor notes', () => {
  let world: TestService
  const OP = id(11, 1)
  const ADVISOR = id(12, 1)
  const MAYOR = id(13, 1)
  const AGENT = id(13, 2)
  const DOUBLE = id(13, 3) // a member of the commune who is also an advisor elsewhere
  const ORG = id(14, 1)
  let memberToken: string
  let agentToken: string
  let doubleToken: string
  let advisorToken: string
  let itemId: string
  let otherItemId: string
  let planNoteId: string
  let ruleIds: string[]

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP, ['26'], null)
    await idy.user(ADVISOR, ['advisor'], OP)
    await idy.organisation(ORG, { operatorId: OP, departement: '26' })
    await idy.member(ORG, MAYOR)
    await idy.assign(ORG, ADVISOR, OP)
    await idy.consent(ORG, MAYOR, true)
    ;({ ruleIds } = await submitDiagnosticFor(world, ORG, MAYOR))
    const t = tokens(world.keys)
    memberToken = await t.member(MAYOR, ORG)
    agentToken = await t.member(AGENT, ORG, 'agent')
    doubleToken = await world.keys.token({
      sub: DOUBLE,
      roles: ['advisor'],
      op: OP,
      orgs: [{ id: ORG, role: 'agent' }],
    })
    advisorToken = await t.advisor(ADVISOR, OP)

    const created = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/from-diagnostic`,
      headers: bearer(advisorToken),
      payload: { ruleIds: ruleIds.slice(0, 2) },
    })
    expect(created.statusCode, created.body).toBe(201)
    ;[itemId, otherItemId] = (created.json() as { created: Array<{ id: string }> }).created.map(
      (c) => c.id,
    ) as [string, string]
    const n1 = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/notes`,
      headers: bearer(advisorToken),
      payload: { body: SECRET_PLAN },
    })
    expect(n1.statusCode, n1.body).toBe(201)
    planNoteId = (n1.json() as { id: string }).id
    const n2 = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/notes`,
      headers: bearer(advisorToken),
      payload: { body: SECRET_ITEM, itemId },
    })
    expect(n2.statusCode, n2.body).toBe(201)
    // Mark one item done so that the hints have something to say.
    await world.host.app.inject({
      method: 'PATCH',
      url: `/v1/action-items/${otherItemId}`,
      headers: bearer(advisorToken),
      payload: { status: 'done' },
    })
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  /** Every route that reads or returns plan data, as a member would call it. */
  const memberCalls = () => [
    { method: 'GET', url: `/v1/action-plans/${ORG}` },
    { method: 'GET', url: `/v1/action-plans/${ORG}?status=proposed&limit=5` },
    {
      method: 'POST',
      url: `/v1/action-plans/${ORG}/items`,
      payload: { title: 'Faire l’inventaire des comptes' },
    },
    { method: 'POST', url: `/v1/action-plans/${ORG}/from-diagnostic`, payload: { ruleIds: [ruleIds[2]] } },
    { method: 'GET', url: `/v1/action-plans/${ORG}/hints` },
    { method: 'GET', url: `/v1/action-plans/${ORG}/notes` },
    { method: 'POST', url: `/v1/action-plans/${ORG}/notes`, payload: { body: 'tentative' } },
    { method: 'PATCH', url: `/v1/advisor-notes/${planNoteId}`, payload: { body: 'modifiée' } },
    { method: 'DELETE', url: `/v1/advisor-notes/${planNoteId}` },
    { method: 'GET', url: `/v1/action-items/${itemId}` },
    {
      method: 'PATCH',
      url: `/v1/action-items/${itemId}`,
      payload: { status: 'in-progress', owner: 'Secrétariat' },
    },
    { method: 'GET', url: `/v1/action-items/${itemId}/comments` },
    { method: 'POST', url: `/v1/action-items/${itemId}/comments`, payload: { body: 'On s’en occupe' } },
    { method: 'DELETE', url: `/v1/action-items/${otherItemId}` },
  ]

  it('covers every route of the action plan', async () => {
    const res = await world.host.app.inject({ method: 'GET', url: '/openapi.json' })
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> }
    const planPaths = Object.entries(doc.paths)
      .filter(([path]) => /^\/v1\/(action-plans|action-items|advisor-notes)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    const called = new Set(
      memberCalls().map(
        (c) =>
          `${c.method} ${c.url
            .split('?')[0]!
            .replace(ORG, '{organisationId}')
            .replace(itemId, '{id}')
            .replace(otherItemId, '{id}')
            .replace(planNoteId, '{id}')}`,
      ),
    )
    expect([...called].sort()).toEqual([...new Set(planPaths)].sort())
  })

  for (const who of ['élu', 'agent', 'member who is also an advisor'] as const)
    it(`never returns them to a member (${who}) on any route`, async () => {
      const token = who === 'élu' ? memberToken : who === 'agent' ? agentToken : doubleToken
      for (const call of memberCalls()) {
        const res = await world.host.app.inject({
          method: call.method as 'GET',
          url: call.url,
          headers: bearer(token),
          ...(call.payload ? { payload: call.payload } : {}),
        })
        expect(res.statusCode, `${call.method} ${call.url}: ${res.body}`).toBeLessThan(500)
        expect(res.body, `${call.method} ${call.url}`).not.toContain(SECRET_PLAN)
        expect(res.body, `${call.method} ${call.url}`).not.toContain(SECRET_ITEM)
        expect(res.body, `${call.method} ${call.url}`).not.toContain('privateNotes')
        if (call.url.includes('/notes') || call.url.includes('advisor-notes'))
          expect([403, 404], `${call.method} ${call.url}`).toContain(res.statusCode)
      }
    })

  it('shows them to the assigned advisor, with the same plan as the collectivité', async () => {
    const asAdvisor = await world.host.app.inject({
      method: 'GET',
      url: `/v1/action-plans/${ORG}?limit=100`,
      headers: bearer(advisorToken),
    })
    const asMember = await world.host.app.inject({
      method: 'GET',
      url: `/v1/action-plans/${ORG}?limit=100`,
      headers: bearer(memberToken),
    })
    const a = asAdvisor.json() as { view: string; items: unknown[]; privateNotes: Array<{ body: string }> }
    const m = asMember.json() as { view: string; items: unknown[] }
    expect(a.view).toBe('advisor')
    expect(m.view).toBe('member')
    expect(a.items).toEqual(m.items)
    expect(a.privateNotes.map((n) => n.body)).toEqual(expect.arrayContaining([SECRET_PLAN, SECRET_ITEM]))
    const item = await world.host.app.inject({
      method: 'GET',
      url: `/v1/action-items/${itemId}`,
      headers: bearer(advisorToken),
    })
    expect(
      (item.json() as { privateNotes: Array<{ body: string }> }).privateNotes.map((n) => n.body),
    ).toEqual([SECRET_ITEM])
  })
})
