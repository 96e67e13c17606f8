import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
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

describe('who may read a diagnostic', () => {
  let env: TestService
  let orgId: string
  let diagnosticId: string
  let draftId: string
  const advisorId = uuidv7()
  let advisor: string
  beforeAll(async () => {
    env = await startTestService()
    const org = await createOrganisation(env, { name: 'Bourg-Témoin' })
    orgId = org.organisationId
    const member = await memberToken(env, orgId)
    const start = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(member),
      payload: { organisationId: orgId },
    })
    diagnosticId = start.json().id
    await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${diagnosticId}/answers`,
      headers: bearer(member),
      payload: patchBody(v1, completeAnswers(v1)),
    })
    const submitted = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${diagnosticId}/submit`,
      headers: bearer(member),
    })
    expect(submitted.statusCode).toBe(200)
    const draft = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(member),
      payload: { organisationId: orgId },
    })
    draftId = draft.json().id
    advisor = await env.keys.token({ sub: advisorId, roles: ['advisor'] })
  })
  afterAll(async () => {
    await env?.close()
  })

  const readRoutes = (id: string) => [
    `/v1/diagnostics/${id}`,
    `/v1/diagnostics/${id}/results`,
    `/v1/diagnostics/${id}/report`,
    `/v1/diagnostics/${id}/report.pdf`,
  ]
  const statusOf = async (
    token: string | null,
    url: string,
    method: 'GET' | 'POST' | 'PATCH' = 'GET',
    payload?: object,
  ) =>
    (
      await env.host.app.inject({
        method,
        url,
        ...(token ? { headers: bearer(token) } : {}),
        ...(payload ? { payload } : {}),
      })
    ).statusCode

  it('answers 401 to anonymous callers on every protected route', async () => {
    for (const url of [...readRoutes(diagnosticId), `/v1/diagnostics?organisationId=${orgId}`])
      expect(await statusOf(null, url), url).toBe(401)
    const res = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      payload: { organisationId: orgId },
    })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe('OSI_UNAUTHORIZED')
    expect(await statusOf(null, `/v1/diagnostics/${draftId}/answers`, 'PATCH', { answers: {} })).toBe(401)
    expect(await statusOf(null, `/v1/diagnostics/${draftId}/submit`, 'POST')).toBe(401)
  })

  it('hides a diagnostic from a member of another collectivité (404) and refuses to start one for it (403)', async () => {
    const other = await createOrganisation(env)
    const stranger = await memberToken(env, other.organisationId)
    for (const url of readRoutes(diagnosticId)) expect(await statusOf(stranger, url), url).toBe(404)
    expect(await statusOf(stranger, `/v1/diagnostics?organisationId=${orgId}`)).toBe(403)
    const start = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(stranger),
      payload: { organisationId: orgId },
    })
    expect(start.statusCode).toBe(403)
    expect(start.json().code).toBe('OSI_DIAGNOSTICS_NOT_A_MEMBER')
    expect(
      await statusOf(stranger, `/v1/diagnostics/${draftId}/answers`, 'PATCH', {
        answers: { 'agenda.online': 'yes' },
      }),
    ).toBe(404)
    expect(await statusOf(stranger, `/v1/diagnostics/${draftId}/submit`, 'POST')).toBe(404)
  })

  it('hides it from an advisor who is not assigned to the collectivité', async () => {
    const other = uuidv7()
    await publishTestEvent(env.host, IdentityEvents.AdvisorAssigned, other, {
      organisationId: orgId,
      advisorId: uuidv7(),
      operatorId: null,
    })
    await publishTestEvent(env.host, IdentityEvents.ConsentGranted, orgId, {
      organisationId: orgId,
      byUserId: uuidv7(),
    })
    await waitFor(() =>
      env.host.database.db
        .withSchema(env.schema)
        .selectFrom('consents')
        .selectAll()
        .where('organisation_id', '=', orgId)
        .executeTakeFirst(),
    )
    for (const url of readRoutes(diagnosticId)) expect(await statusOf(advisor, url), url).toBe(404)
  })

  it('lets the assigned advisor read only while the collectivité consents, and never write', async () => {
    await publishTestEvent(env.host, IdentityEvents.ConsentRevoked, orgId, {
      organisationId: orgId,
      byUserId: uuidv7(),
    })
    await publishTestEvent(env.host, IdentityEvents.AdvisorAssigned, orgId, {
      organisationId: orgId,
      advisorId,
      operatorId: null,
    })
    await waitFor(async () => {
      const rows = await env.host.database.db
        .withSchema(env.schema)
        .selectFrom('advisor_assignments')
        .innerJoin('consents', 'consents.organisation_id', 'advisor_assignments.organisation_id')
        .select(['consents.granted'])
        .where('advisor_id', '=', advisorId)
        .execute()
      return rows.length === 1 && rows[0]!.granted === false
    })
    // Assigned, without consent: nothing.
    for (const url of readRoutes(diagnosticId)) expect(await statusOf(advisor, url), url).toBe(404)
    expect(await statusOf(advisor, `/v1/diagnostics?organisationId=${orgId}`)).toBe(403)

    // With consent: reads everything.
    await publishTestEvent(env.host, IdentityEvents.ConsentGranted, orgId, {
      organisationId: orgId,
      byUserId: uuidv7(),
    })
    await waitFor(async () => (await statusOf(advisor, `/v1/diagnostics/${diagnosticId}`)) === 200)
    for (const url of readRoutes(diagnosticId)) expect(await statusOf(advisor, url), url).toBe(200)
    expect(await statusOf(advisor, `/v1/diagnostics?organisationId=${orgId}`)).toBe(200)
    // …but does not answer in the collectivité's name.
    const write = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${draftId}/answers`,
      headers: bearer(advisor),
      payload: { answers: { 'agenda.online': 'yes' } },
    })
    expect(write.statusCode).toBe(403)
    expect(write.json().code).toBe('OSI_DIAGNOSTICS_NOT_A_MEMBER')

    // Revocation takes effect at once.
    await publishTestEvent(env.host, IdentityEvents.ConsentRevoked, orgId, {
      organisationId: orgId,
      byUserId: uuidv7(),
    })
    await waitFor(async () => (await statusOf(advisor, `/v1/diagnostics/${diagnosticId}`)) === 404)
    // Unassigned advisors lose access even with consent.
    await publishTestEvent(env.host, IdentityEvents.ConsentGranted, orgId, {
      organisationId: orgId,
      byUserId: uuidv7(),
    })
    await waitFor(async () => (await statusOf(advisor, `/v1/diagnostics/${diagnosticId}`)) === 200)
    await publishTestEvent(env.host, IdentityEvents.AdvisorUnassigned, orgId, {
      organisationId: orgId,
      advisorId,
      operatorId: null,
    })
    await waitFor(async () => (await statusOf(advisor, `/v1/diagnostics/${diagnosticId}`)) === 404)
  })

  it('lets admins read', async () => {
    const admin = await env.keys.token({ sub: uuidv7(), roles: ['admin'] })
    for (const url of readRoutes(diagnosticId)) expect(await statusOf(admin, url), url).toBe(200)
  })

  it('ignores an older consent event that arrives after a newer one', async () => {
    const org = await createOrganisation(env)
    const assigned = uuidv7()
    const token = await env.keys.token({ sub: assigned, roles: ['advisor'] })
    await publishTestEvent(env.host, IdentityEvents.AdvisorAssigned, org.organisationId, {
      organisationId: org.organisationId,
      advisorId: assigned,
      operatorId: null,
    })
    const grantedId = uuidv7()
    const revokedId = uuidv7() // later than the grant
    await publishTestEvent(
      env.host,
      IdentityEvents.ConsentRevoked,
      org.organisationId,
      { organisationId: org.organisationId, byUserId: assigned },
      { id: revokedId },
    )
    await waitFor(() =>
      env.host.database.db
        .withSchema(env.schema)
        .selectFrom('consents')
        .selectAll()
        .where('organisation_id', '=', org.organisationId)
        .executeTakeFirst(),
    )
    await publishTestEvent(
      env.host,
      IdentityEvents.ConsentGranted,
      org.organisationId,
      { organisationId: org.organisationId, byUserId: assigned },
      { id: grantedId },
    )
    // Processed, but older than the revocation: consent stays revoked.
    await waitFor(async () => {
      const inbox = await env.host.database.db
        .withSchema(env.schema)
        .selectFrom('inbox')
        .select('event_id')
        .where('event_id', '=', grantedId)
        .executeTakeFirst()
      return inbox !== undefined
    })
    const consent = await env.host.database.db
      .withSchema(env.schema)
      .selectFrom('consents')
      .select('granted')
      .where('organisation_id', '=', org.organisationId)
      .executeTakeFirstOrThrow()
    expect(consent.granted).toBe(false)
    expect(await statusOf(token, `/v1/diagnostics?organisationId=${org.organisationId}`)).toBe(403)
  })
})
