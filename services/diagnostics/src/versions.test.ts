import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Referential } from './domain/referential.js'
import { createDiagnosticsService } from './service.js'
import {
  bearer,
  completeAnswers,
  createOrganisation,
  memberToken,
  patchBody,
  startTestService,
  type TestService,
} from './testing.js'

// The v2 questionnaire exists only as a test fixture: it is loaded here and nowhere else.
const v2Data = JSON.parse(
  readFileSync(new URL('../test/fixtures/questionnaire-v2.json', import.meta.url), 'utf8'),
)
const withV2 = new Referential({ questionnaires: [v2Data] })
const v1 = withV2.questionnaire(1)!
const v2 = withV2.questionnaire(2)!

describe('questionnaire versions', () => {
  it('translates v1 answers into v2 through the declared mapping', () => {
    const translated = withV2.translate(
      {
        'telework.frequency': ['regularly'],
        'data-storage.locations': ['local-disk', 'remote-server'],
        'agenda.online': ['no'],
        'gdpr.dpo': ['no'],
      },
      1,
      2,
    )
    expect(translated).toEqual({
      'telework.practice': ['regularly'],
      'data-storage.locations': ['computer-disk', 'online-service'],
      'agenda.online': ['no'],
    })
    // Newer → older is not declared.
    expect(withV2.translate({ 'agenda.online': ['no'] }, 2, 1)).toBeNull()
  })

  it('expresses the national indicators in v2 ids, and leaves out those without counterpart', () => {
    const byId = new Map(withV2.indicators(2).map((i) => [i.id, i]))
    expect(byId.get('data-storage.local-disk')).toMatchObject({
      question: 'data-storage.locations',
      answers: ['computer-disk'],
      available: true,
    })
    expect(byId.get('telework.practice')).toMatchObject({ question: 'telework.practice', available: true })
    expect(byId.get('collaboration.co-editing')?.available).toBe(false)
  })

  describe('on one database, before and after v2 ships', () => {
    let before: TestService
    let after: TestService
    let orgId: string
    let token: string
    let firstId: string
    let firstResults: Record<string, unknown>
    beforeAll(async () => {
      before = await startTestService()
      const org = await createOrganisation(before, { name: 'Versionville' })
      orgId = org.organisationId
      token = await memberToken(before, orgId)
      firstId = (
        await before.host.app.inject({
          method: 'POST',
          url: '/v1/diagnostics',
          headers: bearer(token),
          payload: { organisationId: orgId },
        })
      ).json().id
      await before.host.app.inject({
        method: 'PATCH',
        url: `/v1/diagnostics/${firstId}/answers`,
        headers: bearer(token),
        payload: patchBody(
          v1,
          completeAnswers(
            v1,
            (q) => ({ 'data-storage.locations': ['local-disk'], 'security.usb-encryption': 'no' })[q],
          ),
        ),
      })
      const submitted = await before.host.app.inject({
        method: 'POST',
        url: `/v1/diagnostics/${firstId}/submit`,
        headers: bearer(token),
      })
      expect(submitted.statusCode).toBe(200)
      firstResults = submitted.json()
      // The same data, served by a build that also ships questionnaire v2.
      after = await startTestService({
        module: createDiagnosticsService({ questionnaires: [v2Data] }),
        database: before.database,
        schema: before.schema,
        keys: before.keys,
      })
    })
    afterAll(async () => {
      await after?.close()
      await before?.close()
    })

    it('starts new diagnostics with v2 and still serves v1', async () => {
      const list = (await after.host.app.inject({ method: 'GET', url: '/v1/questionnaires' })).json()
      expect(list.map((q: { version: number; current: boolean }) => [q.version, q.current])).toEqual([
        [1, false],
        [2, true],
      ])
      expect(
        (await after.host.app.inject({ method: 'GET', url: '/v1/questionnaires/1' })).json().questions,
      ).toHaveLength(61)
      expect(
        (await after.host.app.inject({ method: 'GET', url: '/v1/questionnaires/2' })).json().questions,
      ).toHaveLength(7)
      expect((await after.host.app.inject({ method: 'GET', url: '/v1/questionnaires/3' })).statusCode).toBe(
        404,
      )
    })

    it('never changes a v1 result', async () => {
      const res = await after.host.app.inject({
        method: 'GET',
        url: `/v1/diagnostics/${firstId}/results`,
        headers: bearer(token),
      })
      const now = res.json()
      for (const key of [
        'questionnaire',
        'level',
        'overallScore',
        'themes',
        'lenses',
        'strengths',
        'weaknesses',
        'priorities',
        'annex',
      ])
        expect(now[key], key).toEqual(firstResults[key])
      expect(now.questionnaire.version).toBe(1)
    })

    it('compares a v2 diagnostic with the earlier v1 one through the mapping', async () => {
      const started = await after.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(token),
        payload: { organisationId: orgId },
      })
      expect(started.statusCode).toBe(201)
      const id = started.json().id
      expect(started.json().questionnaire.version).toBe(2)
      // A v1-only question id is refused in a v2 diagnostic.
      const wrong = await after.host.app.inject({
        method: 'PATCH',
        url: `/v1/diagnostics/${id}/answers`,
        headers: bearer(token),
        payload: { answers: { 'telework.frequency': 'regularly' } },
      })
      expect(wrong.statusCode).toBe(422)
      expect(wrong.json().errors[0].field).toBe('answers.telework.frequency')
      const answers = completeAnswers(
        v2,
        (q) => ({ 'data-storage.locations': ['computer-disk'], 'security.passwords': 'written-down' })[q],
      )
      await after.host.app.inject({
        method: 'PATCH',
        url: `/v1/diagnostics/${id}/answers`,
        headers: bearer(token),
        payload: patchBody(v2, answers),
      })
      const submitted = await after.host.app.inject({
        method: 'POST',
        url: `/v1/diagnostics/${id}/submit`,
        headers: bearer(token),
      })
      expect(submitted.statusCode).toBe(200)
      const r = submitted.json()
      expect(r.questionnaire.version).toBe(2)
      const evolution = r.benchmarks.evolution
      expect(evolution.previous).toHaveLength(1)
      expect(evolution.previous[0]).toMatchObject({ diagnosticId: firstId, questionnaireVersion: 1 })
      expect(evolution.delta.since).toBe(firstResults.submittedAt)
      // local-disk (v1) is computer-disk (v2): unchanged; the passwords answer changed.
      const changed = evolution.changedAnswers.map((c: { questionId: string }) => c.questionId)
      expect(changed).toEqual(['security.passwords'])
      expect(evolution.changedAnswers[0]).toMatchObject({
        before: ['Avec un gestionnaire de mots de passe'],
      })
      // The national indicators work through the mapping too.
      const local = r.benchmarks.national.indicators.find(
        (i: { id: string }) => i.id === 'data-storage.local-disk',
      )
      expect(local.yours).toBe('yes')
    })
  })
})
