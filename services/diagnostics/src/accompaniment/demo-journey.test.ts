import { DEMO } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnosticsService } from '../service.js'
import { bearer, identity, SETUP_TIMEOUT, startTestService, type TestService } from './testing.js'

interface Plan {
  view: string
  items: Array<{ id: string; ruleId: string | null; status: string; title: string }>
  progress: { total: number; done: number; percent: number }
  privateNotes?: Array<{ body: string }>
}

/**
 * "Done means": in the demo, commune A asks for help, the demo advisor picks it up, turns three
 * recommendations into plan items, and both see the same plan (the advisor also their private note).
 * The diagnostics demo seed provides commune A's submitted diagnostic; identity's events are
 * published as identity's demo seed does.
 */
describe('demo journey: from a help request to a shared action plan', () => {
  let world: TestService
  let mayor: string
  let advisor: string
  let requestId: string
  let diagnosticId: string
  let ruleIds: string[]
  const NOTE = 'Mairie motivée ; prévoir un atelier RGPD commun avec la commune B.'

  beforeAll(async () => {
    world = await startTestService()
    await diagnosticsService.seed!(world.host.commandContext('diagnostics') as never)
    const idy = identity(world)
    await idy.operator(DEMO.operator.id, ['26', '07'], null)
    await idy.user(DEMO.advisor.id, ['advisor'], DEMO.operator.id)
    await idy.organisation(DEMO.communeA.id, {
      operatorId: DEMO.operator.id,
      departement: '26',
      population: 850,
      name: 'Commune A',
    })
    await idy.member(DEMO.communeA.id, DEMO.communeA.elected.id, 'elected')
    await idy.member(DEMO.communeA.id, DEMO.communeA.agent.id, 'agent')
    await idy.assign(DEMO.communeA.id, DEMO.advisor.id, DEMO.operator.id)
    await idy.consent(DEMO.communeA.id, DEMO.communeA.elected.id, true)
    mayor = await world.keys.token({
      sub: DEMO.communeA.elected.id,
      email: DEMO.communeA.elected.email,
      orgs: [{ id: DEMO.communeA.id, role: 'elected', ref: true }],
    })
    advisor = await world.keys.token({
      sub: DEMO.advisor.id,
      email: DEMO.advisor.email,
      roles: ['advisor'],
      op: DEMO.operator.id,
    })
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  const call = (token: string, method: string, url: string, payload?: object) =>
    world.host.app.inject({
      method: method as 'GET',
      url,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    })

  it('1. the commune reads its results and asks for help', async () => {
    const list = await call(
      mayor,
      'GET',
      `/v1/diagnostics?organisationId=${DEMO.communeA.id}&status=submitted`,
    )
    expect(list.statusCode, list.body).toBe(200)
    diagnosticId = (list.json() as { items: Array<{ id: string }> }).items[0]!.id
    const results = await call(mayor, 'GET', `/v1/diagnostics/${diagnosticId}/results`)
    expect(results.statusCode, results.body).toBe(200)
    ruleIds = (results.json() as { priorities: Array<{ ruleId: string }> }).priorities
      .map((p) => p.ruleId)
      .slice(0, 3)
    expect(ruleIds).toHaveLength(3)

    const res = await call(mayor, 'POST', '/v1/support-requests', {
      organisationId: DEMO.communeA.id,
      topic: 'Construire notre plan d’action',
      message: 'Pouvez-vous nous aider à prioriser les recommandations de notre diagnostic ?',
      diagnosticId,
    })
    expect(res.statusCode, res.body).toBe(201)
    const request = res.json() as { id: string; status: string; advisorIds: string[]; matchedVia: string }
    expect(request).toMatchObject({ status: 'new', advisorIds: [DEMO.advisor.id], matchedVia: 'assigned' })
    requestId = request.id
  })

  it('2. the advisor sees it on their dashboard and picks it up', async () => {
    const dashboard = await call(advisor, 'GET', '/v1/advisor-dashboard')
    expect(dashboard.statusCode, dashboard.body).toBe(200)
    const d = dashboard.json() as {
      items: Array<{ organisationId: string; latestLevel: string | null; pendingRequests: number }>
      pendingRequests: { total: number; items: Array<{ id: string }> }
    }
    expect(d.items).toEqual([
      expect.objectContaining({
        organisationId: DEMO.communeA.id,
        latestLevel: expect.any(String),
        pendingRequests: 1,
      }),
    ])
    expect(d.pendingRequests.items.map((r) => r.id)).toEqual([requestId])

    const picked = await call(advisor, 'POST', `/v1/support-requests/${requestId}/assign`, {})
    expect(picked.statusCode, picked.body).toBe(200)
    expect(picked.json()).toMatchObject({ status: 'assigned', assigneeId: DEMO.advisor.id })
    const reply = await call(advisor, 'POST', `/v1/support-requests/${requestId}/messages`, {
      body: 'Bonjour ! Je vous propose de commencer par trois actions. Je les ajoute à votre plan.',
    })
    expect(reply.statusCode, reply.body).toBe(201)
  })

  it('3. the advisor turns three recommendations into plan items and writes a private note', async () => {
    const res = await call(advisor, 'POST', `/v1/action-plans/${DEMO.communeA.id}/from-diagnostic`, {
      diagnosticId,
      ruleIds,
      dueDate: '2027-03-31',
    })
    expect(res.statusCode, res.body).toBe(201)
    const created = (res.json() as { created: Array<{ ruleId: string; source: string }> }).created
    expect(created.map((c) => c.ruleId)).toEqual(ruleIds)
    expect(new Set(created.map((c) => c.source))).toEqual(new Set(['diagnostic']))
    const note = await call(advisor, 'POST', `/v1/action-plans/${DEMO.communeA.id}/notes`, { body: NOTE })
    expect(note.statusCode, note.body).toBe(201)
  })

  it('4. both see the same plan; only the advisor sees the private note', async () => {
    const asMayor = (await call(mayor, 'GET', `/v1/action-plans/${DEMO.communeA.id}`)).json() as Plan
    const asAdvisor = (await call(advisor, 'GET', `/v1/action-plans/${DEMO.communeA.id}`)).json() as Plan
    expect(asMayor.items).toHaveLength(3)
    expect(asMayor.items).toEqual(asAdvisor.items)
    expect(asMayor.progress).toEqual(asAdvisor.progress)
    expect(asAdvisor.privateNotes?.map((n) => n.body)).toEqual([NOTE])
    expect(asMayor.privateNotes).toBeUndefined()
    expect(JSON.stringify(asMayor)).not.toContain(NOTE)
  })

  it('5. the commune follows up: marks an item done, reads the hints, closes the request', async () => {
    const plan = (await call(mayor, 'GET', `/v1/action-plans/${DEMO.communeA.id}`)).json() as Plan
    const first = plan.items[0]!
    const done = await call(mayor, 'PATCH', `/v1/action-items/${first.id}`, {
      status: 'done',
      owner: 'Secrétariat',
    })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'done', statusLabel: 'Terminé', owner: 'Secrétariat' })
    const after = (await call(advisor, 'GET', `/v1/action-plans/${DEMO.communeA.id}`)).json() as Plan
    expect(after.progress).toMatchObject({ total: 3, done: 1, percent: 33 })
    const hints = (await call(mayor, 'GET', `/v1/action-plans/${DEMO.communeA.id}/hints`)).json() as {
      hints: Array<{ items: Array<{ itemId: string }> }>
    }
    expect(hints.hints.length).toBeGreaterThan(0)
    expect(hints.hints.every((h) => h.items.every((i) => i.itemId === first.id))).toBe(true)

    const closed = await call(mayor, 'POST', `/v1/support-requests/${requestId}/status`, { status: 'closed' })
    expect(closed.statusCode, closed.body).toBe(200)
    const detail = closed.json() as { status: string; timeline: Array<{ kind: string }> }
    expect(detail.status).toBe('closed')
    expect(detail.timeline.map((t) => t.kind)).toEqual([
      'requested',
      'routed',
      'assigned',
      'status-changed',
      'message',
      'closed',
    ])
    const subjects = await world.db
      .selectFrom('outbox' as never)
      .select('subject' as never)
      .where('subject' as never, 'like', '%support-request%' as never)
      .orderBy('seq' as never)
      .execute()
    expect(subjects.map((s) => (s as { subject: string }).subject.replace(/^.*diagnostics\./, ''))).toEqual([
      'support-request.requested.v1',
      'support-request.assigned.v1',
      'support-request.message-posted.v1',
      'support-request.closed.v1',
    ])
  })
})
