import { callsAs } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, OP_A, OP_B, seedOrganisations, startTestService, type TestService } from './testing.js'

const ADMIN_A = '0193b000-0000-7000-8000-000000000da1'
const ADMIN_B = '0193b000-0000-7000-8000-000000000db1'

const training = (slug: string) => ({
  slug,
  title: `Formation ${slug}`,
  summary: 'Une formation locale.',
  description: 'Deux heures pour les agents.',
  themes: ['gdpr'],
  audience: ['agent'],
  level: 'beginner',
})

/**
 * Two operators and every scoped role in resources: an operator's administrator manages its local
 * resources, trainings and the community posts of its collectivités, like its editors; nothing of
 * another operator's (404 when it cannot even see it, 403 otherwise), nor national content.
 */
describe('resources operator scopes: two operators, every scoped role', () => {
  let t: TestService
  let headers: Record<
    'adminA' | 'adminB' | 'editorA' | 'editorB' | 'nationalEditor' | 'memberA' | 'admin',
    Record<string, string>
  >
  let postA: string
  let sessionA: string

  const { expectStatus } = callsAs<keyof typeof headers>(
    () => t.host.app,
    (who) => headers[who],
  )

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
    headers = {
      adminA: await t.authAs(ADMIN_A, { sub: ADMIN_A, roles: ['admin'], op: OP_A }),
      adminB: await t.authAs(ADMIN_B, { sub: ADMIN_B, roles: ['admin'], op: OP_B }),
      editorA: await t.auth('editorA'),
      editorB: await t.auth('editorB'),
      nationalEditor: await t.auth('nationalEditor'),
      memberA: await t.auth('memberA'),
      admin: await t.auth('admin'),
    }
    // A's local guide (in review), a national guide, a local training of A with a session, a post of commune A.
    await expectStatus('editorA', 'POST', '/v1/resources', 201, draft({ slug: 'guide-a', operatorId: OP_A }))
    await expectStatus('nationalEditor', 'POST', '/v1/resources', 201, draft({ slug: 'guide-national' }))
    await expectStatus('editorA', 'POST', '/v1/trainings', 201, {
      ...training('formation-a'),
      operatorId: OP_A,
    })
    sessionA = (
      await expectStatus('editorA', 'POST', '/v1/trainings/formation-a/sessions', 201, {
        startsAt: '2027-03-01T10:00',
        endsAt: '2027-03-01T12:00',
        mode: 'in-person',
        place: 'Guéret',
        capacity: 10,
      })
    ).json().id
    postA = (
      await expectStatus('memberA', 'POST', '/v1/experiences', 201, {
        title: 'Notre passage au cloud souverain',
        body: 'Un an après, le bilan.',
      })
    ).json().id
    await expectStatus('memberA', 'POST', `/v1/experiences/${postA}/reports`, 201, { reason: 'other' })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('an operator admin manages its own local resources, never another operator’s nor national ones', async () => {
    await expectStatus('adminB', 'GET', '/v1/resources/guide-a', 404)
    await expectStatus('adminB', 'PATCH', '/v1/resources/guide-a', 404, { title: 'Pris par B' })
    await expectStatus('adminB', 'DELETE', '/v1/resources/guide-a', 404)
    await expectStatus('adminB', 'POST', '/v1/resources', 403, draft({ slug: 'pour-a', operatorId: OP_A }))
    await expectStatus('adminA', 'PATCH', '/v1/resources/guide-a', 200, { title: 'Guide du syndicat A' })
    await expectStatus('adminA', 'POST', '/v1/resources/guide-a/transitions', 200, { to: 'in-review' })
    await expectStatus('adminA', 'POST', '/v1/resources/guide-a/transitions', 200, { to: 'published' })
    // Published, A's guide is read by A's people only; B's staff still cannot change it.
    await expectStatus('adminB', 'GET', '/v1/resources/guide-a', 404)
    await expectStatus('editorB', 'PATCH', '/v1/resources/guide-a', 404, { title: 'Pris par B' })
    for (const who of ['adminA', 'adminB', 'editorA'] as const)
      await expectStatus(who, 'PATCH', '/v1/resources/guide-national', 403, { title: 'Local' })
    await expectStatus('admin', 'PATCH', '/v1/resources/guide-national', 200, { title: 'Guide national' })
  })

  it('an operator admin manages its own local trainings and their registrations, not another operator’s', async () => {
    await expectStatus('adminB', 'PATCH', '/v1/trainings/formation-a', 404, { title: 'Pris' })
    await expectStatus('adminB', 'DELETE', '/v1/trainings/formation-a', 404)
    await expectStatus('adminB', 'POST', '/v1/trainings', 403, { ...training('pour-a'), operatorId: OP_A })
    await expectStatus('adminB', 'GET', `/v1/training-sessions/${sessionA}/registrations`, 404)
    await expectStatus('adminB', 'PATCH', `/v1/training-sessions/${sessionA}`, 404, { capacity: 1 })
    await expectStatus('adminA', 'PATCH', '/v1/trainings/formation-a', 200, {
      title: 'Formation du syndicat A',
    })
    await expectStatus('adminA', 'GET', `/v1/training-sessions/${sessionA}/registrations`, 200)
    // A's local training is not national content: national editors do not even see it.
    await expectStatus('nationalEditor', 'PATCH', '/v1/trainings/formation-a', 404, { title: 'National' })
  })

  it('community posts of a collectivité are moderated by its operator (or nationally), not by another operator', async () => {
    for (const who of ['adminB', 'editorB'] as const) {
      await expectStatus(who, 'POST', `/v1/experiences/${postA}/moderation`, 404, { action: 'hide' })
      await expectStatus(who, 'DELETE', `/v1/experiences/${postA}`, 403)
      const reports = (await expectStatus(who, 'GET', '/v1/resources/reports', 200)).json()
      expect(reports.items.map((r: { contentId: string }) => r.contentId)).not.toContain(postA)
    }
    const reportsA = (await expectStatus('adminA', 'GET', '/v1/resources/reports', 200)).json()
    expect(reportsA.items.map((r: { contentId: string }) => r.contentId)).toContain(postA)
    await expectStatus('adminA', 'POST', `/v1/experiences/${postA}/moderation`, 200, { action: 'hide' })
    await expectStatus('adminB', 'GET', `/v1/experiences/${postA}`, 404)
    await expectStatus('editorA', 'GET', `/v1/experiences/${postA}`, 200)
    await expectStatus('nationalEditor', 'POST', `/v1/experiences/${postA}/moderation`, 200, {
      action: 'restore',
    })
  })
})
