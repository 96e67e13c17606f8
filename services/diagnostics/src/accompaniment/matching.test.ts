import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchAdvisors } from './domain/matching.js'
import { bearer, id, identity, SETUP_TIMEOUT, startTestService, type TestService, tokens } from './testing.js'

describe('matchAdvisors (pure)', () => {
  const org = { organisationId: 'o1', operatorId: 'op1', departement: '01' }
  const operator = { operatorId: 'op1', coordinatorId: 'coord' }
  const advisors = [
    { advisorId: 'a1', operatorId: 'op1', isAdvisor: true },
    { advisorId: 'a2', operatorId: 'op1', isAdvisor: true },
    { advisorId: 'b1', operatorId: 'op2', isAdvisor: true },
    { advisorId: 'ex', operatorId: 'op1', isAdvisor: false },
  ]

  it('prefers the advisors assigned to the collectivité', () => {
    const m = matchAdvisors({
      organisation: org,
      operator,
      advisors,
      assignments: [
        { advisorId: 'a1', organisationId: 'o1', departement: '01', operatorId: 'op1' },
        { advisorId: 'a2', organisationId: 'o2', departement: '01', operatorId: 'op1' },
      ],
    })
    expect(m).toEqual({ via: 'assigned', advisorIds: ['a1'] })
  })

  it('never keeps an advisor of another operator or a former advisor, even when assigned', () => {
    const m = matchAdvisors({
      organisation: org,
      operator,
      advisors,
      assignments: [
        { advisorId: 'b1', organisationId: 'o1', departement: '01', operatorId: 'op1' },
        { advisorId: 'ex', organisationId: 'o1', departement: '01', operatorId: 'op1' },
      ],
    })
    expect(m).toEqual({ via: 'coordinator', advisorIds: ['coord'] })
  })

  it('has nobody to route to without an operator', () => {
    expect(
      matchAdvisors({
        organisation: { ...org, operatorId: null },
        operator: null,
        advisors,
        assignments: [],
      }),
    ).toEqual({ via: 'none', advisorIds: [] })
  })
})

describe('support request matching by territory', () => {
  let world: TestService
  // Operator 1 covers 01 and 09; operator 2 also covers 01 (an overlap) and 05.
  const OP1 = id(1, 1)
  const OP2 = id(1, 2)
  const OP3 = id(1, 3)
  const COORD1 = id(2, 1)
  const COORD2 = id(2, 2)
  const A1 = id(3, 1) // operator 1, assigned to O1 (01)
  const A2 = id(3, 2) // operator 1, assigned to O2 (01)
  const A3 = id(3, 3) // operator 1, assigned to O3 (02)
  const B1 = id(3, 4) // operator 2, assigned to X1 (01)
  const O1 = id(4, 1)
  const O2 = id(4, 2)
  const O3 = id(4, 3)
  const O4 = id(4, 4) // operator 1, 01, no advisor of its own
  const O5 = id(4, 5) // operator 1, 09, nobody covers 09
  const X1 = id(5, 1)
  const X2 = id(5, 2) // operator 2, 01, no advisor of its own
  const X3 = id(5, 3) // operator 2, 05, wrongly assigned to A1 (operator 1)
  const Z1 = id(5, 9) // operator 3: no coordinator, no advisor
  const MAYOR = id(6, 1)

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP1, ['01', '02', '09'], COORD1)
    await idy.operator(OP2, ['01', '05'], COORD2)
    await idy.operator(OP3, ['07'], null)
    for (const [user, op] of [
      [A1, OP1],
      [A2, OP1],
      [A3, OP1],
      [B1, OP2],
    ] as const)
      await idy.user(user, ['advisor'], op)
    await idy.user(COORD1, ['advisor'], OP1)
    await idy.user(COORD2, ['advisor'], OP2)
    for (const [org, op, dep] of [
      [O1, OP1, '01'],
      [O2, OP1, '01'],
      [O3, OP1, '02'],
      [O4, OP1, '01'],
      [O5, OP1, '09'],
      [X1, OP2, '01'],
      [X2, OP2, '01'],
      [X3, OP2, '05'],
      [Z1, OP3, '07'],
    ] as const)
      await idy.organisation(org, { operatorId: op, departement: dep })
    await idy.assign(O1, A1, OP1)
    await idy.assign(O2, A2, OP1)
    await idy.assign(O3, A3, OP1)
    await idy.assign(X1, B1, OP2)
    await idy.assign(X3, A1, OP1)
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  async function ask(organisationId: string) {
    const token = await tokens(world.keys).member(MAYOR, organisationId)
    const res = await world.host.app.inject({
      method: 'POST',
      url: '/v1/support-requests',
      headers: bearer(token),
      payload: { organisationId, topic: 'Messagerie', message: 'Nous voulons une adresse en .fr' },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; matchedVia: string; advisorIds: string[]; status: string }
  }

  it('routes to the advisors assigned to the collectivité first', async () => {
    const r = await ask(O1)
    expect(r).toMatchObject({ matchedVia: 'assigned', advisorIds: [A1], status: 'new' })
  })

  it('else routes to the operator’s advisors of the same département (never those of another département)', async () => {
    const r = await ask(O4)
    expect(r.matchedVia).toBe('departement')
    expect(r.advisorIds).toEqual([A1, A2].sort())
    expect(r.advisorIds).not.toContain(A3)
    expect(r.advisorIds).not.toContain(B1)
  })

  it('falls back to the operator’s coordinator when no advisor covers the département', async () => {
    const r = await ask(O5)
    expect(r).toMatchObject({ matchedVia: 'coordinator', advisorIds: [COORD1] })
  })

  it('never routes a collectivité of another operator to this operator’s advisors', async () => {
    const sameDepartement = await ask(X2)
    expect(sameDepartement).toMatchObject({ matchedVia: 'departement', advisorIds: [B1] })
    // X3 is (wrongly) assigned to A1 of operator 1: operator 2's coordinator gets it, not A1.
    const misassigned = await ask(X3)
    expect(misassigned).toMatchObject({ matchedVia: 'coordinator', advisorIds: [COORD2] })

    // Operator 1's advisors neither list nor read operator 2's requests.
    const a1 = await tokens(world.keys).advisor(A1, OP1)
    const list = await world.host.app.inject({
      method: 'GET',
      url: '/v1/support-requests?limit=100',
      headers: bearer(a1),
    })
    expect(list.statusCode).toBe(200)
    const ids = (list.json() as { items: Array<{ id: string; organisationId: string }> }).items
    expect(ids.map((i) => i.organisationId)).not.toContain(X2)
    expect(ids.map((i) => i.organisationId)).not.toContain(X3)
    for (const r of [sameDepartement, misassigned]) {
      const read = await world.host.app.inject({
        method: 'GET',
        url: `/v1/support-requests/${r.id}`,
        headers: bearer(a1),
      })
      expect(read.statusCode).toBe(404)
      const pick = await world.host.app.inject({
        method: 'POST',
        url: `/v1/support-requests/${r.id}/assign`,
        headers: bearer(a1),
        payload: {},
      })
      expect(pick.statusCode).toBe(404)
    }
  })

  it('waits unrouted when the operator has neither advisors nor coordinator', async () => {
    const r = await ask(Z1)
    expect(r).toMatchObject({ matchedVia: 'none', advisorIds: [], status: 'new' })
  })

  it('records the routing in the timeline and emits SupportRequested in the same transaction', async () => {
    const r = await ask(O2)
    const token = await tokens(world.keys).member(MAYOR, O2)
    const res = await world.host.app.inject({
      method: 'GET',
      url: `/v1/support-requests/${r.id}`,
      headers: bearer(token),
    })
    const detail = res.json() as { timeline: Array<{ kind: string; advisorIds: string[] }> }
    expect(detail.timeline.map((t) => t.kind)).toEqual(['requested', 'routed'])
    expect(detail.timeline[1]!.advisorIds).toEqual([A2])
    const outbox = await world.db
      .selectFrom('outbox' as never)
      .select(['subject' as never, 'envelope' as never])
      .where('aggregate_id' as never, '=', r.id as never)
      .execute()
    expect(outbox).toHaveLength(1)
    const envelope = (outbox[0] as { envelope: { data: { advisorIds: string[]; requestedBy: string } } })
      .envelope
    expect(envelope.data).toMatchObject({ advisorIds: [A2], requestedBy: MAYOR })
  })
})
