import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultReferential } from './domain/referential.js'
import {
  bearer,
  completeAnswers,
  createOrganisation,
  memberToken,
  patchBody,
  startTestService,
  type TestService,
} from './testing.js'

const v1 = defaultReferential().questionnaire(1)!

describe('metrics: osinum_diagnostics_submitted_total', () => {
  let env: TestService
  beforeAll(async () => {
    env = await startTestService()
  })
  afterAll(async () => {
    await env?.close()
  })

  const scrape = async () => {
    const res = await env.host.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    return res.body
  }
  const submit = (token: string, id: string) =>
    env.host.app.inject({ method: 'POST', url: `/v1/diagnostics/${id}/submit`, headers: bearer(token) })

  it('counts each committed submission, without any label naming the collectivité', async () => {
    // Exposed from the start (at 0), so that increase() sees the first submission.
    expect(await scrape()).toMatch(/^# TYPE osinum_diagnostics_submitted_total counter$/m)
    expect(await scrape()).toMatch(/^osinum_diagnostics_submitted_total 0$/m)

    const org = await createOrganisation(env)
    const token = await memberToken(env, org.organisationId)
    const id = (
      await env.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(token),
        payload: { organisationId: org.organisationId },
      })
    ).json().id as string

    // Refused (incomplete): not counted.
    expect((await submit(token, id)).statusCode).toBe(422)
    expect(await scrape()).toMatch(/^osinum_diagnostics_submitted_total 0$/m)

    const saved = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: patchBody(v1, completeAnswers(v1)),
    })
    expect(saved.statusCode).toBe(200)
    expect((await submit(token, id)).statusCode).toBe(200)
    // Already submitted (409): counted once only.
    expect((await submit(token, id)).statusCode).toBe(409)

    const body = await scrape()
    expect(body).toMatch(/^osinum_diagnostics_submitted_total 1$/m)
    expect(body).not.toContain(org.organisationId)
  })
})
