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

/** An advisor reads a collectivité's diagnostics and plan only while it consents. */
describe('consent of the collectivité', () => {
  let world: TestService
  const OP = id(21, 1)
  const ADVISOR = id(22, 1)
  const MAYOR = id(23, 1)
  const ORG = id(24, 1)
  let advisorToken: string
  let diagnosticId: string
  let itemId: string

  beforeAll(async () => {
    world = await startTestService()
    const idy = identity(world)
    await idy.operator(OP, ['38'], null)
    await idy.user(ADVISOR, ['advisor'], OP)
    await idy.organisation(ORG, { operatorId: OP, departement: '38' })
    await idy.member(ORG, MAYOR)
    await idy.assign(ORG, ADVISOR, OP)
    await idy.consent(ORG, MAYOR, true)
    const submitted = await submitDiagnosticFor(world, ORG, MAYOR)
    diagnosticId = submitted.diagnosticId
    advisorToken = await tokens(world.keys).advisor(ADVISOR, OP)
    const created = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/from-diagnostic`,
      headers: bearer(advisorToken),
      payload: { diagnosticId, ruleIds: submitted.ruleIds.slice(0, 1) },
    })
    expect(created.statusCode, created.body).toBe(201)
    itemId = (created.json() as { created: Array<{ id: string }> }).created[0]!.id
  }, SETUP_TIMEOUT)
  afterAll(async () => world?.close())

  const reads = () => [
    `/v1/diagnostics/${diagnosticId}`,
    `/v1/diagnostics/${diagnosticId}/results`,
    `/v1/action-plans/${ORG}`,
    `/v1/action-plans/${ORG}/hints`,
    `/v1/action-plans/${ORG}/notes`,
    `/v1/action-items/${itemId}`,
    `/v1/action-items/${itemId}/comments`,
  ]

  async function statuses() {
    const out: Record<string, number> = {}
    for (const url of reads()) {
      const res = await world.host.app.inject({ method: 'GET', url, headers: bearer(advisorToken) })
      out[url] = res.statusCode
    }
    return out
  }

  it('lets the assigned advisor read diagnostics and plan while the collectivité consents', async () => {
    for (const [url, status] of Object.entries(await statuses())) expect(status, url).toBe(200)
  })

  it('removes that access as soon as consent is revoked, and gives it back when granted again', async () => {
    await identity(world).consent(ORG, MAYOR, false)
    // No cache, no delay: the next request already sees the revocation.
    for (const [url, status] of Object.entries(await statuses())) expect([403, 404], url).toContain(status)
    const write = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/items`,
      headers: bearer(advisorToken),
      payload: { title: 'Action ajoutée sans consentement' },
    })
    expect(write.statusCode).toBe(403)
    const note = await world.host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${ORG}/notes`,
      headers: bearer(advisorToken),
      payload: { body: 'note' },
    })
    expect(note.statusCode).toBe(403)
    // The dashboard still lists the collectivité, without its level and plan figures.
    const dashboard = await world.host.app.inject({
      method: 'GET',
      url: '/v1/advisor-dashboard',
      headers: bearer(advisorToken),
    })
    const row = (dashboard.json() as { items: Array<Record<string, unknown>> }).items.find(
      (r) => r.organisationId === ORG,
    )
    expect(row).toMatchObject({ consent: false, latestLevel: null, openItems: null, overdueItems: null })

    await identity(world).consent(ORG, MAYOR, true)
    for (const [url, status] of Object.entries(await statuses())) expect(status, url).toBe(200)
  })

  it('keeps the collectivité’s own members’ access whatever the consent says', async () => {
    await identity(world).consent(ORG, MAYOR, false)
    const token = await tokens(world.keys).member(MAYOR, ORG)
    const res = await world.host.app.inject({
      method: 'GET',
      url: `/v1/action-plans/${ORG}`,
      headers: bearer(token),
    })
    expect(res.statusCode).toBe(200)
  })
})
