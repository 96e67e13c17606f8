import { DEMO, IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultReferential } from './domain/referential.js'
import { DEMO_DIAGNOSTICS, seedDemo } from './seed/index.js'
import {
  bearer,
  completeAnswers,
  createOrganisation,
  memberToken,
  patchBody,
  startTestService,
  type TestService,
} from './testing.js'

const referential = defaultReferential()
const v1 = referential.questionnaire(1)!

describe('evolution, erasure and the organisation projection', () => {
  let env: TestService
  beforeAll(async () => {
    env = await startTestService()
  })
  afterAll(async () => {
    await env?.close()
  })

  async function submit(token: string, organisationId: string, answers: Record<string, string[]>) {
    const id = (
      await env.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(token),
        payload: { organisationId },
      })
    ).json().id as string
    const saved = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: patchBody(v1, answers),
    })
    expect(saved.statusCode).toBe(200)
    const res = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${id}/submit`,
      headers: bearer(token),
    })
    expect(res.statusCode).toBe(200)
    return { id, results: res.json() }
  }

  it('shows the evolution since the previous diagnostic', async () => {
    const org = await createOrganisation(env)
    const token = await memberToken(env, org.organisationId)
    const first = await submit(
      token,
      org.organisationId,
      completeAnswers(v1, (q) => ({ 'agenda.online': 'no', 'security.passwords': 'same-everywhere' })[q]),
    )
    expect(first.results.benchmarks.evolution).toEqual({ previous: [], delta: null, changedAnswers: [] })
    const second = await submit(token, org.organisationId, completeAnswers(v1))
    const evo = second.results.benchmarks.evolution
    expect(evo.previous.map((p: { diagnosticId: string }) => p.diagnosticId)).toEqual([first.id])
    expect(evo.delta.overallScore).toBeCloseTo(second.results.overallScore - first.results.overallScore, 5)
    expect(evo.delta.overallScore).toBeGreaterThan(0)
    const agenda = evo.delta.themes.find((t: { theme: string }) => t.theme === 'agenda')
    // agenda theme: online "no" (0) hides count and shared → 0 before; 100 after
    expect(agenda).toMatchObject({ before: 0, after: 100 })
    expect(evo.changedAnswers.map((c: { questionId: string }) => c.questionId)).toEqual([
      'security.passwords',
      'agenda.online',
    ])
    // The earlier diagnostic's own results do not list the later one.
    const again = await env.host.app.inject({
      method: 'GET',
      url: `/v1/diagnostics/${first.id}/results`,
      headers: bearer(token),
    })
    expect(again.json().benchmarks.evolution.previous).toEqual([])
    const list = await env.host.app.inject({
      method: 'GET',
      url: `/v1/diagnostics?organisationId=${org.organisationId}&status=submitted&limit=1`,
      headers: bearer(token),
    })
    expect(list.json()).toMatchObject({ total: 2, limit: 1, offset: 0 })
    expect(list.json().items[0].id).toBe(second.id)
  })

  it('anonymises "answered by" when a person is erased, keeping the collectivité’s answers', async () => {
    const org = await createOrganisation(env)
    const userId = uuidv7()
    const token = await memberToken(env, org.organisationId, 'agent', userId)
    const { id } = await submit(token, org.organisationId, completeAnswers(v1))
    await publishTestEvent(env.host, IdentityEvents.UserErased, userId, { userId })
    const reader = await memberToken(env, org.organisationId)
    await waitFor(async () => {
      const d = (
        await env.host.app.inject({ method: 'GET', url: `/v1/diagnostics/${id}`, headers: bearer(reader) })
      ).json()
      return d.startedBy === null && d.submittedBy === null
    })
    const d = (
      await env.host.app.inject({ method: 'GET', url: `/v1/diagnostics/${id}`, headers: bearer(reader) })
    ).json()
    expect(d.answers.length).toBeGreaterThan(30)
    expect(
      d.answers.every(
        (a: { answeredBy: string | null; answeredByRole: string }) =>
          a.answeredBy === null && a.answeredByRole === 'agent',
      ),
    ).toBe(true)
    expect(JSON.stringify(d)).not.toContain(userId)
    expect(d.contributors).toEqual([expect.objectContaining({ userId: null, role: 'agent' })])
  })

  it('follows a collectivité that changes name or territory, in results and in the panorama', async () => {
    const org = await createOrganisation(env, { name: 'Ancien-Nom', departement: '24' })
    const token = await memberToken(env, org.organisationId)
    const { id } = await submit(token, org.organisationId, completeAnswers(v1))
    await publishTestEvent(env.host, IdentityEvents.OrganisationUpdated, org.organisationId, {
      ...org,
      name: 'Nouveau-Nom',
      departement: '47',
    })
    await waitFor(async () => {
      const r = await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${id}/results`,
        headers: bearer(token),
      })
      return r.json().organisation.name === 'Nouveau-Nom'
    })
    const row = await env.host.database.db
      .withSchema(env.schema)
      .selectFrom('latest_results')
      .select('departement')
      .where('organisation_id', '=', org.organisationId)
      .executeTakeFirstOrThrow()
    expect(row.departement).toBe('47')
  })

  it('seeds submitted diagnostics for the demo communes, idempotently', async () => {
    const ctx = env.host.commandContext('diagnostics')
    await seedDemo(ctx, referential)
    await seedDemo(ctx, referential)
    const rows = await env.host.database.db
      .withSchema(env.schema)
      .selectFrom('diagnostics')
      .select(['id', 'status', 'organisation_id'])
      .where('id', 'in', Object.values(DEMO_DIAGNOSTICS))
      .execute()
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.status === 'submitted')).toBe(true)
    // Identity's event brings the real name over the placeholder.
    await publishTestEvent(env.host, IdentityEvents.OrganisationCreated, DEMO.communeA.id, {
      organisationId: DEMO.communeA.id,
      kind: 'commune',
      officialCode: '00000',
      name: 'Commune de démonstration A',
      population: 640,
      populationBracket: '500-999',
      departement: '24',
      region: 'Nouvelle-Aquitaine',
      epci: null,
      operatorId: DEMO.operator.id,
    })
    const mayor = await env.keys.token({
      sub: DEMO.communeA.elected.id,
      orgs: [{ id: DEMO.communeA.id, role: 'elected' }],
    })
    await waitFor(async () => {
      const r = await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${DEMO_DIAGNOSTICS.communeA}/results`,
        headers: bearer(mayor),
      })
      return r.json().organisation?.name === 'Commune de démonstration A'
    })
    const results = (
      await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${DEMO_DIAGNOSTICS.communeA}/results`,
        headers: bearer(mayor),
      })
    ).json()
    expect(results.priorities).toHaveLength(5)
    expect(['C', 'D']).toContain(results.level)
    const detail = (
      await env.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${DEMO_DIAGNOSTICS.communeA}`,
        headers: bearer(mayor),
      })
    ).json()
    expect(new Set(detail.contributors.map((c: { role: string }) => c.role))).toEqual(
      new Set(['elected', 'agent']),
    )
  })
})
