import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
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

/** The life of a support request, and the advisor dashboard that follows collectivités. */
describe('support request follow-up and advisor dashboard', () => {
  let world: TestService
  const OP = id(61, 1)
  const A1 = id(62, 1)
  const A2 = id(62, 2)
  const MAYOR = id(63, 1)
  const ORG = id(64, 1)
  const QUIET = id(64, 2) // assigned to A1, no consent
  let mayor: string
  let a1: string
  let a2: string
  let requestId: string
  const now = new Date()
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP, ['29'], null)
    await idy.user(A1, ['advisor'], OP)
    await idy.user(A2, ['advisor'], OP)
    await idy.organisation(ORG, { operatorId: OP, departement: '29', name: 'Plouzané-sur-Test' })
    await idy.organisation(QUIET, { operatorId: OP, departement: '29', name: 'Zonzon' })
    await idy.member(ORG, MAYOR)
    await idy.assign(ORG, A1, OP)
    await idy.assign(QUIET, A1, OP)
    await idy.consent(ORG, MAYOR, true)
    await submitDiagnosticFor(world, ORG, MAYOR)
    await submitDiagnosticFor(world, QUIET, MAYOR)
    const t = tokens(world.keys)
    mayor = await t.member(MAYOR, ORG)
    a1 = await t.advisor(A1, OP)
    a2 = await t.advisor(A2, OP)
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  const call = (token: string, method: string, url: string, payload?: object) =>
    world.host.app.inject({
      method: method as 'GET',
      url,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    })

  it('goes new → assigned → in progress → closed, recording every change', async () => {
    const created = await call(mayor, 'POST', '/v1/support-requests', {
      organisationId: ORG,
      topic: 'Visioconférence souveraine',
      message: 'Quel outil choisir pour le conseil municipal ?',
    })
    expect(created.statusCode).toBe(201)
    expect(created.headers.location).toMatch(/^\/v1\/support-requests\//)
    requestId = (created.json() as { id: string }).id

    // A member's message keeps the status; an advisor hands the request to a colleague.
    expect(
      (await call(mayor, 'POST', `/v1/support-requests/${requestId}/messages`, { body: 'Merci !' }))
        .statusCode,
    ).toBe(201)
    const handed = await call(a1, 'POST', `/v1/support-requests/${requestId}/assign`, { advisorId: A2 })
    expect(handed.json()).toMatchObject({ status: 'assigned', assigneeId: A2, advisorIds: [A1, A2] })
    // The colleague starts working on it, then answers.
    expect(
      (await call(a2, 'POST', `/v1/support-requests/${requestId}/status`, { status: 'in-progress' })).json(),
    ).toMatchObject({
      status: 'in-progress',
    })
    expect(
      (await call(a2, 'POST', `/v1/support-requests/${requestId}/messages`, { body: 'Voici trois pistes.' }))
        .statusCode,
    ).toBe(201)
    const messages = await call(mayor, 'GET', `/v1/support-requests/${requestId}/messages?limit=1&offset=1`)
    expect(messages.json()).toMatchObject({
      total: 2,
      limit: 1,
      offset: 1,
      items: [{ fromAdvisor: true, authorId: A2 }],
    })

    const closed = await call(mayor, 'POST', `/v1/support-requests/${requestId}/status`, { status: 'closed' })
    const detail = closed.json() as {
      status: string
      closedAt: string | null
      timeline: Array<{ kind: string; fromStatus: string | null; toStatus: string | null }>
    }
    expect(detail.status).toBe('closed')
    expect(detail.closedAt).not.toBeNull()
    expect(detail.timeline.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['requested', null, 'new'],
      ['routed', null, null],
      ['message', null, null],
      ['assigned', 'new', 'assigned'],
      ['status-changed', 'assigned', 'in-progress'],
      ['message', null, null],
      ['closed', 'in-progress', 'closed'],
    ])
    for (const [method, url, payload] of [
      ['POST', `/v1/support-requests/${requestId}/messages`, { body: 'Encore une question' }],
      ['POST', `/v1/support-requests/${requestId}/assign`, {}],
      ['POST', `/v1/support-requests/${requestId}/status`, { status: 'in-progress' }],
    ] as const) {
      const res = await call(a1, method, url, payload)
      expect(res.statusCode, url).toBe(409)
      expect((res.json() as { code: string }).code).toBe('OSI_DIAGNOSTICS_SUPPORT_REQUEST_CLOSED')
    }
    const open = await call(mayor, 'GET', `/v1/support-requests?organisationId=${ORG}&open=true`)
    expect((open.json() as { total: number }).total).toBe(0)
    const all = await call(mayor, 'GET', `/v1/support-requests?organisationId=${ORG}&status=closed`)
    expect((all.json() as { total: number }).total).toBe(1)
  })

  it('gives the advisor their collectivités with level, open and overdue items, last contact and pending requests', async () => {
    await call(mayor, 'POST', `/v1/action-plans/${ORG}/items`, { title: 'En retard', dueDate: day(-3) })
    await call(mayor, 'POST', `/v1/action-plans/${ORG}/items`, { title: 'À venir', dueDate: day(30) })
    await call(mayor, 'POST', `/v1/action-plans/${ORG}/items`, { title: 'Fait', status: 'done' })
    await call(mayor, 'POST', '/v1/support-requests', {
      organisationId: ORG,
      topic: 'Sauvegardes',
      message: 'Aide ?',
    })
    const res = await call(a1, 'GET', '/v1/advisor-dashboard')
    expect(res.statusCode, res.body).toBe(200)
    const d = res.json() as {
      total: number
      items: Array<Record<string, unknown>>
      pendingRequests: { total: number; items: Array<{ topic: string }> }
    }
    expect(d.total).toBe(2)
    const org = d.items.find((r) => r.organisationId === ORG)!
    expect(org).toMatchObject({
      name: 'Plouzané-sur-Test',
      consent: true,
      latestLevel: expect.stringMatching(/^[A-E]$/),
      openItems: 2,
      overdueItems: 1,
      progressPercent: 33,
      pendingRequests: 1,
    })
    expect(org.lastContactAt).not.toBeNull()
    // Without consent: listed, but no diagnostic or plan figure.
    expect(d.items.find((r) => r.organisationId === QUIET)).toMatchObject({
      consent: false,
      latestLevel: null,
      openItems: null,
      progressPercent: null,
    })
    expect(d.pendingRequests.items.map((r) => r.topic)).toEqual(['Sauvegardes'])
    // A2 is not assigned to any collectivité: an empty dashboard, and the new request is not theirs.
    const other = (await call(a2, 'GET', '/v1/advisor-dashboard')).json() as {
      total: number
      pendingRequests: { total: number }
    }
    expect(other).toMatchObject({ total: 0, pendingRequests: { total: 0 } })
  })

  it('forgets an erased person in requests, messages and plans', async () => {
    await publishTestEvent(world.host, IdentityEvents.UserErased, A2, { userId: A2 })
    await waitFor(async () => {
      const row = await world.db
        .selectFrom('support_requests')
        .select('assignee_id')
        .where('id', '=', requestId)
        .executeTakeFirst()
      return row?.assignee_id === null
    })
    const messages = await world.db
      .selectFrom('support_messages')
      .select('author_id')
      .where('request_id', '=', requestId)
      .execute()
    expect(messages.map((m) => m.author_id)).not.toContain(A2)
    const routed = await world.db
      .selectFrom('support_request_advisors')
      .select('advisor_id')
      .where('request_id', '=', requestId)
      .execute()
    expect(routed.map((r) => r.advisor_id)).toEqual([A1])
    const timeline = await world.db
      .selectFrom('support_request_timeline')
      .selectAll()
      .where('request_id', '=', requestId)
      .execute()
    expect(JSON.stringify(timeline)).not.toContain(A2)
  })
})
