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
  weakAnswers,
} from './testing.js'

interface Portfolio {
  operatorId: string
  collectivites: number
  byDepartement: Array<{ key: string; count: number }>
  byPopulationBracket: Array<{ key: string; count: number }>
  gaps: Array<{
    kind: string
    id: string
    count: number
    byDepartement: Array<{ key: string; count: number }>
    byPopulationBracket: Array<{ key: string; count: number }>
  }>
}

describe('gap portfolio of an operator', () => {
  let world: TestService
  const OP1 = id(31, 1)
  const OP2 = id(31, 2)
  const ADV1 = id(32, 1)
  const ADV2 = id(32, 2)
  const ADMIN = id(32, 9)
  const MAYOR = id(33, 1)
  const C1 = id(34, 1) // OP1, 01, submits twice
  const C2 = id(34, 2) // OP1, 02
  const C3 = id(34, 3) // no operator, in 02 which only OP1 covers
  const C4 = id(34, 4) // OP1, no diagnostic
  const D1 = id(35, 1) // OP2, 01 (the département both operators cover)
  const D2 = id(35, 2) // no operator, in 01 (covered by both: belongs to nobody here)
  const P1 = id(34, 5) // OP1, 01, pending: its claim is not verified, it counts nowhere

  const gdpr = weakAnswers({ 'governance.training-wishes': ['gdpr'] })
  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP1, ['01', '02'], null)
    await idy.operator(OP2, ['01', '03'], null)
    await idy.user(ADV1, ['advisor'], OP1)
    await idy.user(ADV2, ['advisor'], OP2)
    await idy.organisation(C1, { operatorId: OP1, departement: '01', population: 300 })
    await idy.organisation(C2, { operatorId: OP1, departement: '02', population: 700 })
    await idy.organisation(C3, { operatorId: null, departement: '02', population: 2500 })
    await idy.organisation(C4, { operatorId: OP1, departement: '01', population: 300 })
    await idy.organisation(D1, { operatorId: OP2, departement: '01', population: 300 })
    await idy.organisation(D2, { operatorId: null, departement: '01', population: 300 })
    await idy.organisation(P1, { operatorId: OP1, departement: '01', population: 300, verified: false })
    await submitDiagnosticFor(world, C1, MAYOR, weakAnswers({ 'governance.training-wishes': ['website'] }))
    await submitDiagnosticFor(world, C1, MAYOR, gdpr)
    await submitDiagnosticFor(world, C2, MAYOR, gdpr)
    await submitDiagnosticFor(world, C3, MAYOR, gdpr)
    // Another operator's collectivités wish for something no collectivité of OP1 wishes for.
    await submitDiagnosticFor(world, D1, MAYOR, weakAnswers({ 'governance.training-wishes': ['sobriety'] }))
    await submitDiagnosticFor(world, D2, MAYOR, weakAnswers({ 'governance.training-wishes': ['sobriety'] }))
    await submitDiagnosticFor(world, P1, MAYOR, weakAnswers({ 'governance.training-wishes': ['website'] }))
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  async function portfolio(token: string, query = '') {
    const res = await world.host.app.inject({
      method: 'GET',
      url: `/v1/gap-portfolio${query}`,
      headers: bearer(token),
    })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as Portfolio
  }

  it('counts each verified collectivité once, from its latest diagnostic (a pending one counts nowhere)', async () => {
    const p = await portfolio(await tokens(world.keys).advisor(ADV1, OP1))
    expect(p.operatorId).toBe(OP1)
    expect(p.collectivites).toBe(3)
    for (const gap of p.gaps) {
      expect(gap.count, `${gap.kind}:${gap.id}`).toBeLessThanOrEqual(3)
      expect(gap.byDepartement.reduce((s, d) => s + d.count, 0)).toBe(gap.count)
      expect(gap.byPopulationBracket.reduce((s, d) => s + d.count, 0)).toBe(gap.count)
    }
    const wishes = p.gaps.filter((g) => g.kind === 'training-wish')
    // C1's first diagnostic wished for website training; only its latest (GDPR) counts.
    expect(wishes.map((w) => [w.id, w.count])).toEqual([['gdpr', 3]])
    const gdprWish = wishes[0]!
    expect(gdprWish.byDepartement).toEqual([
      { key: '01', count: 1 },
      { key: '02', count: 2 },
    ])
    expect(gdprWish.byPopulationBracket).toEqual([
      { key: 'under-500', count: 1 },
      { key: '500-999', count: 1 },
      { key: '1000-4999', count: 1 },
    ])
    expect(p.gaps.some((g) => g.kind === 'weak-theme')).toBe(true)
    expect(p.gaps.some((g) => g.kind === 'rule')).toBe(true)
  })

  it('never shows another operator’s collectivités', async () => {
    const p = await portfolio(await tokens(world.keys).advisor(ADV1, OP1))
    expect(p.gaps.find((g) => g.id === 'sobriety' && g.kind === 'training-wish')).toBeUndefined()
    expect(p.byDepartement).toEqual([
      { key: '01', count: 1 },
      { key: '02', count: 2 },
    ])
    const other = await portfolio(await tokens(world.keys).advisor(ADV2, OP2))
    expect(other.collectivites).toBe(1)
    expect(other.gaps.filter((g) => g.kind === 'training-wish').map((g) => g.id)).toEqual(['sobriety'])
    // An advisor cannot ask for another operator's portfolio.
    const res = await world.host.app.inject({
      method: 'GET',
      url: `/v1/gap-portfolio?operatorId=${OP2}`,
      headers: bearer(await tokens(world.keys).advisor(ADV1, OP1)),
    })
    expect(res.statusCode).toBe(403)
    const csv = await world.host.app.inject({
      method: 'GET',
      url: `/v1/gap-portfolio.csv?operatorId=${OP2}`,
      headers: bearer(await tokens(world.keys).advisor(ADV1, OP1)),
    })
    expect(csv.statusCode).toBe(403)
  })

  it('filters by département and population bracket', async () => {
    const token = await tokens(world.keys).advisor(ADV1, OP1)
    expect((await portfolio(token, '?departement=02')).collectivites).toBe(2)
    expect((await portfolio(token, '?populationBracket=under-500')).collectivites).toBe(1)
    const onlyWishes = await portfolio(token, '?kind=training-wish')
    expect(new Set(onlyWishes.gaps.map((g) => g.kind))).toEqual(new Set(['training-wish']))
  })

  it('exports the same figures as CSV', async () => {
    const res = await world.host.app.inject({
      method: 'GET',
      url: '/v1/gap-portfolio.csv',
      headers: bearer(await tokens(world.keys).advisor(ADV1, OP1)),
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'type,type_libelle,id,libelle,collectivites,part,tranche_under-500,tranche_500-999,tranche_1000-4999,departement_01,departement_02',
    )
    const gdprLine = lines.find((l) => l.startsWith('training-wish,'))!
    expect(gdprLine.split(',').slice(-5)).toEqual(['1', '1', '1', '1', '2'])
    expect(res.body).not.toMatch(/^training-wish,[^,]*,sobriety,/m)
  })

  it('is for the operator’s advisors and admins only', async () => {
    const t = tokens(world.keys)
    for (const url of ['/v1/gap-portfolio', '/v1/gap-portfolio.csv']) {
      const anonymous = await world.host.app.inject({ method: 'GET', url })
      expect(anonymous.statusCode).toBe(401)
      expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/)
      const member = await world.host.app.inject({
        method: 'GET',
        url,
        headers: bearer(await t.member(MAYOR, C1)),
      })
      expect(member.statusCode).toBe(403)
      const noOperator = await world.host.app.inject({
        method: 'GET',
        url,
        headers: bearer(await t.advisor(ADV1, null)),
      })
      expect(noOperator.statusCode).toBe(403)
      const admin = await world.host.app.inject({ method: 'GET', url, headers: bearer(await t.admin(ADMIN)) })
      expect(admin.statusCode).toBe(422)
      expect((admin.json() as { code: string }).code).toBe('OSI_DIAGNOSTICS_OPERATOR_REQUIRED')
      const adminOp = await world.host.app.inject({
        method: 'GET',
        url: `${url}?operatorId=${OP1}`,
        headers: bearer(await t.admin(ADMIN)),
      })
      expect(adminOp.statusCode).toBe(200)
    }
  })
})
