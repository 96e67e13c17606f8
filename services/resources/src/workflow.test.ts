import { ResourcesEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, OP_A, seedOrganisations, startTestService, type TestService, USERS } from './testing.js'

type Who = Parameters<TestService['auth']>[0]

describe('editorial workflow', () => {
  let t: TestService
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who?: Who,
    payload?: object,
  ) =>
    t.host.app.inject({ method, url, headers: who ? await t.auth(who) : {}, ...(payload ? { payload } : {}) })
  const move = (slug: string, to: string, who: Who) =>
    call('POST', `/v1/resources/${slug}/transitions`, who, { to })

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('goes draft → in review → published → archived, and only editors publish', async () => {
    const created = await call('POST', '/v1/resources', 'advisorA', draft({ slug: 'fiche-advisor' }))
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({
      status: 'draft',
      statusLabel: 'Brouillon',
      operatorId: OP_A,
      canEdit: true,
    })

    // Nobody outside the staff sees a draft.
    expect((await call('GET', '/v1/resources/fiche-advisor')).statusCode).toBe(404)
    expect((await call('GET', '/v1/resources/fiche-advisor', 'memberA')).statusCode).toBe(404)

    const skip = await move('fiche-advisor', 'published', 'editorA')
    expect(skip.statusCode).toBe(409)
    expect(skip.json()).toMatchObject({ code: 'OSI_RESOURCES_INVALID_TRANSITION' })

    expect((await move('fiche-advisor', 'in-review', 'advisorA')).json()).toMatchObject({
      status: 'in-review',
    })
    const advisorPublishes = await move('fiche-advisor', 'published', 'advisorA')
    expect(advisorPublishes.statusCode).toBe(403)
    expect(advisorPublishes.headers['content-type']).toContain('application/problem+json')
    expect(advisorPublishes.json()).toMatchObject({ code: 'OSI_RESOURCES_PUBLISH_FORBIDDEN' })
    const memberPublishes = await move('fiche-advisor', 'published', 'memberA')
    expect(memberPublishes.statusCode).toBe(403)

    const published = await move('fiche-advisor', 'published', 'editorA')
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published' })
    expect((published.json() as { publishedAt: string | null }).publishedAt).not.toBeNull()
    expect((await call('GET', '/v1/resources/fiche-advisor', 'memberA')).statusCode).toBe(200)

    const event = await t.db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', ResourcesEvents.ResourcePublished.subject)
      .executeTakeFirstOrThrow()
    expect((event.envelope as { data: unknown }).data).toMatchObject({
      slug: 'fiche-advisor',
      themes: ['data-storage', 'security'],
      operatorId: OP_A,
    })

    // An advisor cannot change published content; an editor archives it.
    expect(
      (await call('PATCH', '/v1/resources/fiche-advisor', 'advisorA', { title: 'Autre titre' })).statusCode,
    ).toBe(403)
    expect((await move('fiche-advisor', 'archived', 'advisorA')).statusCode).toBe(403)
    expect((await move('fiche-advisor', 'archived', 'editorA')).json()).toMatchObject({ status: 'archived' })
    expect((await call('GET', '/v1/resources/fiche-advisor', 'memberA')).statusCode).toBe(404)
  })

  it("keeps an operator's editor away from another operator's local resources and from national ones", async () => {
    expect((await call('POST', '/v1/resources', 'editorA', draft({ slug: 'locale-a' }))).statusCode).toBe(201)
    await move('locale-a', 'in-review', 'editorA')
    await move('locale-a', 'published', 'editorA')

    for (const [method, url, payload] of [
      ['PATCH', '/v1/resources/locale-a', { title: 'Modifiée par B' }],
      ['POST', '/v1/resources/locale-a/transitions', { to: 'archived' }],
      ['DELETE', '/v1/resources/locale-a', undefined],
      ['GET', '/v1/resources/locale-a/history', undefined],
    ] as const) {
      const res = await call(method, url, 'editorB', payload)
      expect([403, 404], `${method} ${url}`).toContain(res.statusCode)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    const untouched = await t.db
      .selectFrom('resources')
      .select(['title', 'status'])
      .where('slug', '=', 'locale-a')
      .executeTakeFirstOrThrow()
    expect(untouched).toMatchObject({ status: 'published', title: 'Sauvegarder les données de la mairie' })

    // Creating content in another operator's scope is refused too.
    const intrude = await call(
      'POST',
      '/v1/resources',
      'editorB',
      draft({ slug: 'intrusion', operatorId: OP_A }),
    )
    expect(intrude.statusCode).toBe(403)
    expect(intrude.json()).toMatchObject({ code: 'OSI_RESOURCES_OPERATOR_FORBIDDEN' })

    // National content belongs to national editors.
    expect(
      (await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'nationale' }))).statusCode,
    ).toBe(201)
    await move('nationale', 'in-review', 'nationalEditor')
    await move('nationale', 'published', 'nationalEditor')
    const byA = await call('PATCH', '/v1/resources/nationale', 'editorA', { title: 'Changée' })
    expect(byA.statusCode).toBe(403)
    expect(byA.json()).toMatchObject({ code: 'OSI_RESOURCES_OPERATOR_FORBIDDEN' })
    // An admin may act everywhere.
    expect(
      (await call('PATCH', '/v1/resources/locale-a', 'admin', { summary: 'Corrigé par l’admin' })).statusCode,
    ).toBe(200)
  })

  it('records who changed what and when', async () => {
    await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'historique' }))
    await call('PATCH', '/v1/resources/historique', 'nationalEditor', {
      title: 'Nouveau titre',
      themes: ['security'],
    })
    await move('historique', 'in-review', 'nationalEditor')
    const res = await call('GET', '/v1/resources/historique/history', 'nationalEditor')
    expect(res.statusCode).toBe(200)
    const history = res.json() as Array<{
      action: string
      actorId: string
      changes: string[]
      toStatus: string | null
      at: string
    }>
    expect(history.map((h) => h.action)).toEqual(['created', 'updated', 'status-changed'])
    expect(history.every((h) => h.actorId === USERS.nationalEditor)).toBe(true)
    expect(history[1]!.changes.sort()).toEqual(['themes', 'title'])
    expect(history[2]!.toStatus).toBe('in-review')
    expect(Date.parse(history[0]!.at)).toBeLessThanOrEqual(Date.parse(history[2]!.at))
  })

  it('flags content whose review date has passed as outdated', async () => {
    await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'perimee', reviewBy: '2020-01-01' }))
    await move('perimee', 'in-review', 'nationalEditor')
    await move('perimee', 'published', 'nationalEditor')
    await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'a-jour', reviewBy: '2099-01-01' }))
    await move('a-jour', 'in-review', 'nationalEditor')
    await move('a-jour', 'published', 'nationalEditor')
    expect((await call('GET', '/v1/resources/perimee')).json()).toMatchObject({
      outdated: true,
      reviewBy: '2020-01-01',
    })
    expect((await call('GET', '/v1/resources/a-jour')).json()).toMatchObject({
      outdated: false,
      reviewBy: '2099-01-01',
    })
    const list = await call('GET', '/v1/resources?outdated=true&limit=100')
    const slugs = (list.json() as { items: Array<{ slug: string }> }).items.map((r) => r.slug)
    expect(slugs).toContain('perimee')
    expect(slugs).not.toContain('a-jour')
  })

  it('lets readers report a resource as outdated or wrong, and its editors see and close the reports', async () => {
    const first = await call('POST', '/v1/resources/locale-a/reports', 'memberA', {
      reason: 'outdated',
      message: 'Le lien ne marche plus',
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      reason: 'outdated',
      reasonLabel: 'Contenu obsolète',
      status: 'open',
    })
    const twice = await call('POST', '/v1/resources/locale-a/reports', 'memberA', { reason: 'wrong' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json()).toMatchObject({ code: 'OSI_RESOURCES_ALREADY_REPORTED' })
    expect(
      (await call('POST', '/v1/resources/locale-a/reports', 'memberB', { reason: 'wrong' })).statusCode,
    ).toBe(404)
    expect(
      (await call('POST', '/v1/resources/locale-a/reports', undefined, { reason: 'wrong' })).statusCode,
    ).toBe(401)
    // Its editors and admins moderate it; they cannot report it.
    for (const who of ['editorA', 'admin'] as const) {
      const staff = await call('POST', '/v1/resources/locale-a/reports', who, { reason: 'wrong' })
      expect(staff.statusCode).toBe(403)
      expect(staff.json().code).toBe('OSI_RESOURCES_STAFF_CANNOT_REPORT')
    }

    const reported = await t.db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', ResourcesEvents.ContentReported.subject)
      .execute()
    expect(
      reported.map((r) => (r.envelope as { data: { contentType: string; reason: string } }).data),
    ).toEqual([expect.objectContaining({ contentType: 'resource', reason: 'outdated' })])

    const queueA = await call('GET', '/v1/resources/reports', 'editorA')
    expect(queueA.json()).toMatchObject({
      total: 1,
      items: [{ resourceSlug: 'locale-a', message: 'Le lien ne marche plus' }],
    })
    const queueB = await call('GET', '/v1/resources/reports', 'editorB')
    expect(queueB.json()).toMatchObject({ total: 0 })
    expect((await call('GET', '/v1/resources/reports', 'memberA')).statusCode).toBe(403)
    expect((await call('GET', '/v1/resources/locale-a', 'editorA')).json()).toMatchObject({ openReports: 1 })

    const id = (queueA.json() as { items: Array<{ id: string }> }).items[0]!.id
    expect(
      (await call('POST', `/v1/resources/reports/${id}/resolution`, 'editorB', { status: 'resolved' }))
        .statusCode,
    ).toBe(404)
    expect(
      (
        await call('POST', `/v1/resources/reports/${id}/resolution`, 'editorA', {
          status: 'resolved',
          note: 'Lien corrigé',
        })
      ).statusCode,
    ).toBe(204)
    expect((await call('GET', '/v1/resources/reports', 'editorA')).json()).toMatchObject({ total: 0 })
    expect((await call('GET', '/v1/resources/reports?status=resolved', 'editorA')).json()).toMatchObject({
      total: 1,
      items: [{ status: 'resolved', resolutionNote: 'Lien corrigé' }],
    })
  })

  it('deletes drafts only, and validates what editors write', async () => {
    await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'a-supprimer' }))
    expect((await call('DELETE', '/v1/resources/a-supprimer', 'nationalEditor')).statusCode).toBe(204)
    expect((await call('DELETE', '/v1/resources/nationale', 'nationalEditor')).statusCode).toBe(409)

    const bad = await call(
      'POST',
      '/v1/resources',
      'nationalEditor',
      draft({ type: 'roman', themes: ['astrologie'], extra: 1 }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['body.type', 'body.themes.0']))
    const taken = await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'nationale' }))
    expect(taken.statusCode).toBe(409)
    expect(taken.json()).toMatchObject({ code: 'OSI_RESOURCES_SLUG_TAKEN' })
    const reserved = await call('POST', '/v1/resources', 'nationalEditor', draft({ slug: 'for-you' }))
    expect(reserved.statusCode).toBe(409)
    const generated = await call(
      'POST',
      '/v1/resources',
      'nationalEditor',
      draft({ title: 'Sauvegarder les données de la mairie' }),
    )
    expect(generated.json()).toMatchObject({ slug: 'sauvegarder-les-donnees-de-la-mairie' })
    const again = await call(
      'POST',
      '/v1/resources',
      'nationalEditor',
      draft({ title: 'Sauvegarder les données de la mairie' }),
    )
    expect(again.json()).toMatchObject({ slug: 'sauvegarder-les-donnees-de-la-mairie-2' })
  })
})
