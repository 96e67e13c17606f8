import { DiagnosticsEvents } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
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

describe('diagnostic lifecycle', () => {
  let env: TestService
  beforeAll(async () => {
    env = await startTestService()
  })
  afterAll(async () => {
    await env?.close()
  })

  it('lets the élu and the agent fill a diagnostic together, autosaving partial answers, then submit it', async () => {
    const org = await createOrganisation(env, { name: 'Saint-Exemple-sur-Vézère' })
    const elected = await memberToken(env, org.organisationId, 'elected')
    const agent = await memberToken(env, org.organisationId, 'agent')

    const started = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(elected),
      payload: { organisationId: org.organisationId },
    })
    expect(started.statusCode).toBe(201)
    const draft = started.json()
    expect(draft.status).toBe('draft')
    expect(draft.questionnaire).toEqual({ id: 'osinum-autodiagnostic', version: 1 })
    expect(draft.progress.answered).toBe(0)

    // Starting again resumes the same draft.
    const resumed = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(agent),
      payload: { organisationId: org.organisationId },
    })
    expect(resumed.statusCode).toBe(200)
    expect(resumed.json().id).toBe(draft.id)

    const answers = completeAnswers(v1)
    const entries = Object.entries(answers)
    const half = Math.floor(entries.length / 2)
    const first = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${draft.id}/answers`,
      headers: bearer(elected),
      payload: patchBody(v1, Object.fromEntries(entries.slice(0, half))),
    })
    expect(first.statusCode).toBe(200)
    expect(first.json().progress.answered).toBe(half)
    expect(first.json().progress.complete).toBe(false)

    // Submitting an incomplete diagnostic lists the missing required questions.
    const early = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${draft.id}/submit`,
      headers: bearer(elected),
    })
    expect(early.statusCode).toBe(422)
    expect(early.headers['content-type']).toContain('application/problem+json')
    expect(early.json().code).toBe('OSI_DIAGNOSTICS_INCOMPLETE')
    const missing = early.json().errors.map((e: { field: string }) => e.field)
    expect(missing).toContain(`answers.${entries[half]![0]}`)
    expect(missing).not.toContain(`answers.${entries[0]![0]}`)

    const second = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${draft.id}/answers`,
      headers: bearer(agent),
      payload: patchBody(v1, Object.fromEntries(entries.slice(half))),
    })
    expect(second.statusCode).toBe(200)
    const detail = second.json()
    expect(detail.progress.complete).toBe(true)
    const roles = new Set(detail.answers.map((a: { answeredByRole: string }) => a.answeredByRole))
    expect(roles).toEqual(new Set(['elected', 'agent']))
    expect(detail.contributors).toHaveLength(2)

    const submitted = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${draft.id}/submit`,
      headers: bearer(agent),
    })
    expect(submitted.statusCode).toBe(200)
    const results = submitted.json()
    expect(results.organisation.name).toBe('Saint-Exemple-sur-Vézère')
    expect(results.level).toBe('A')
    expect(results.overallScore).toBe(100)

    // Frozen: no more answers, no second submission.
    const late = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${draft.id}/answers`,
      headers: bearer(elected),
      payload: { answers: { 'agenda.online': 'no' } },
    })
    expect(late.statusCode).toBe(409)
    expect(late.json().code).toBe('OSI_DIAGNOSTICS_ALREADY_SUBMITTED')

    // The submission event carries the scores and the top measures.
    const outbox = await env.host.database.db
      .withSchema(env.schema)
      .selectFrom('outbox')
      .select(['subject', 'envelope'])
      .where('aggregate_id', '=', draft.id)
      .execute()
    const subjects = outbox.map((o) => o.subject)
    expect(subjects).toContain(DiagnosticsEvents.DiagnosticStarted.subject)
    expect(subjects).toContain(DiagnosticsEvents.DiagnosticSubmitted.subject)
    await waitFor(async () => {
      const rows = await env.host.database.db
        .withSchema(env.schema)
        .selectFrom('outbox')
        .select('published_at')
        .where('aggregate_id', '=', draft.id)
        .execute()
      return rows.every((r) => r.published_at !== null)
    })
  })

  it('documents its routes in OpenAPI, with tags, operation ids and problem responses', async () => {
    const res = await env.host.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    )
    const mine = ops.filter((o) => /^\/v1\/(questionnaires|diagnostics|benchmarks|panorama)/.test(o.path))
    expect(mine.map((o) => o.op.operationId).sort()).toEqual(
      [
        'getDiagnostic',
        'getDiagnosticReport',
        'getDiagnosticReportPdf',
        'getDiagnosticResults',
        'getNationalBenchmark',
        'getPanorama',
        'getPanoramaCsv',
        'getQuestionnaire',
        'listDiagnostics',
        'listQuestionnaires',
        'saveAnswers',
        'startDiagnostic',
        'submitDiagnostic',
      ].sort(),
    )
    for (const o of mine) expect(o.op.tags, o.path).toEqual(['diagnostics'])
    expect(doc.paths['/v1/diagnostics/{id}/report.pdf'].get.responses['200'].content).toHaveProperty([
      'application/pdf',
    ])
    expect(doc.paths['/v1/diagnostics/{id}'].get.security).toEqual([{ bearerAuth: [] }])
    expect(doc.paths['/v1/panorama'].get.security).toBeUndefined()
  })
})
