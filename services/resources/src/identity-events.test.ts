import { randomUUID } from 'node:crypto'
import { IdentityEvents, ResourcesEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draft, OP_A, seedOrganisations, startTestService, type TestService, USERS } from './testing.js'

type Who = Parameters<TestService['auth']>[0]

describe('identity events', () => {
  let t: TestService
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who?: Who, payload?: object) =>
    t.host.app.inject({ method, url, headers: who ? await t.auth(who) : {}, ...(payload ? { payload } : {}) })

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
    for (const [slug, who] of [
      ['nationale', 'nationalEditor'],
      ['locale-a', 'editorA'],
    ] as const) {
      await call('POST', '/v1/resources', who, draft({ slug, title: `Ressource ${slug}` }))
      await call('POST', `/v1/resources/${slug}/transitions`, who, { to: 'in-review' })
      await call('POST', `/v1/resources/${slug}/transitions`, who, { to: 'published' })
    }
  })
  afterAll(async () => {
    await t?.close()
  })

  it('erasure anonymises posts and comments, removes registrations, votes and bookmarks, and frees the seat', async () => {
    const post = await call('POST', '/v1/experiences', 'memberA', {
      title: 'Notre passage au libre',
      body: 'Récit',
    })
    const postId = (post.json() as { id: string }).id
    const own = await call('POST', `/v1/experiences/${postId}/comments`, 'memberA', {
      body: 'Précision de l’auteur',
    })
    const ownComment = (own.json() as { id: string }).id
    await call('POST', `/v1/experiences/${postId}/comments`, 'memberB', { body: 'Bravo' })
    const other = await call('POST', '/v1/experiences', 'memberB', {
      title: 'Un autre retour',
      body: 'Texte',
    })
    const otherId = (other.json() as { id: string }).id
    await call('PUT', `/v1/experiences/${otherId}/useful`, 'memberA')
    const collection = await call('POST', '/v1/collections', 'memberA', { name: 'Favoris' })
    await call(
      'PUT',
      `/v1/collections/${(collection.json() as { id: string }).id}/items/nationale`,
      'memberA',
    )
    await call('POST', '/v1/resources/nationale/reports', 'memberA', { reason: 'outdated' })

    await call('POST', '/v1/trainings', 'nationalEditor', {
      slug: 'places-limitees',
      title: 'Places limitées',
      summary: 's',
      description: 'd',
      themes: ['security'],
      audience: ['agent'],
      level: 'beginner',
    })
    const session = await call('POST', '/v1/trainings/places-limitees/sessions', 'nationalEditor', {
      startsAt: '2027-02-04T09:00',
      endsAt: '2027-02-04T12:00',
      mode: 'in-person',
      place: 'Salle du conseil',
      capacity: 1,
    })
    const sessionId = (session.json() as { id: string }).id
    const seat = await call('POST', '/v1/registrations', 'memberA', { sessionId })
    expect(seat.json()).toMatchObject({ status: 'registered' })
    const waiting = await call('POST', '/v1/registrations', 'memberB', { sessionId })
    const waitingId = (waiting.json() as { id: string; status: string }).id
    expect(waiting.json()).toMatchObject({ status: 'waiting' })

    const event = await publishTestEvent(t.host, IdentityEvents.UserErased, USERS.memberA, {
      userId: USERS.memberA,
    })

    await waitFor(async () => {
      const row = await t.db
        .selectFrom('registrations')
        .select('status')
        .where('id', '=', waitingId)
        .executeTakeFirst()
      return row?.status === 'registered'
    })
    expect((await call('GET', `/v1/experiences/${postId}`)).json()).toMatchObject({
      authorId: null,
      anonymised: true,
      commentCount: 2,
    })
    expect((await call('GET', `/v1/comments/${ownComment}`)).json()).toMatchObject({
      authorId: null,
      anonymised: true,
    })
    expect((await call('GET', `/v1/experiences/${otherId}`)).json()).toMatchObject({ usefulCount: 0 })
    expect((await call('GET', '/v1/resources/nationale')).json()).toMatchObject({ bookmarkCount: 0 })
    const traces = await Promise.all(
      (['registrations', 'collections', 'useful_votes'] as const).map((table) =>
        t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(table === 'collections' ? 'owner_id' : 'user_id', '=', USERS.memberA)
          .executeTakeFirstOrThrow(),
      ),
    )
    expect(traces.map((r) => Number(r.n))).toEqual([0, 0, 0])
    const reports = await t.db.selectFrom('content_reports').select('reporter_id').execute()
    expect(reports.map((r) => r.reporter_id)).toEqual([null])
    const promoted = await t.db
      .selectFrom('outbox')
      .select('aggregate_id')
      .where('subject', '=', ResourcesEvents.RegistrationPromoted.subject)
      .execute()
    expect(promoted.map((p) => p.aggregate_id)).toEqual([waitingId])

    // The same event delivered again changes nothing (idempotent consumer): nobody is promoted twice.
    await publishTestEvent(
      t.host,
      IdentityEvents.UserErased,
      USERS.memberA,
      { userId: USERS.memberA },
      { id: event.id },
    )
    const newcomer = randomUUID()
    const late = await t.host.app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: await t.authAs(newcomer),
      payload: { sessionId },
    })
    expect(late.json()).toMatchObject({ status: 'waiting' })
    const second = await publishTestEvent(t.host, IdentityEvents.UserErased, USERS.memberA, {
      userId: USERS.memberA,
    })
    await waitFor(async () =>
      t.db.selectFrom('inbox').select('event_id').where('event_id', '=', second.id).executeTakeFirst(),
    )
    const rows = await t.db
      .selectFrom('registrations')
      .select(['user_id', 'status'])
      .where('session_id', '=', sessionId)
      .execute()
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(1)
  })

  it("keeps a projection of organisations so that members read their operator's local content", async () => {
    const org = randomUUID()
    const member = await t.authAs(randomUUID(), { sub: '', orgs: [{ id: org, role: 'agent' }] })
    const before = await t.host.app.inject({ method: 'GET', url: '/v1/resources/locale-a', headers: member })
    expect(before.statusCode).toBe(404)
    await publishTestEvent(t.host, IdentityEvents.OrganisationCreated, org, {
      organisationId: org,
      kind: 'commune',
      officialCode: '01001',
      name: 'L’Abergement-Clémenciat',
      population: 832,
      populationBracket: '500-999',
      departement: '01',
      region: '84',
      epci: null,
      operatorId: OP_A,
    })
    await waitFor(
      async () =>
        (await t.host.app.inject({ method: 'GET', url: '/v1/resources/locale-a', headers: member }))
          .statusCode === 200,
    )

    await publishTestEvent(t.host, IdentityEvents.OperatorCreated, OP_A, {
      operatorId: OP_A,
      name: 'Syndicat A',
      departements: ['01'],
      coordinatorId: null,
    })
    await waitFor(async () => {
      const res = await t.host.app.inject({ method: 'GET', url: '/v1/resources?limit=1', headers: member })
      const facets = (res.json() as { facets: { operator: Array<{ value: string; label: string }> } }).facets
      return facets.operator.find((f) => f.value === OP_A)?.label === 'Syndicat A'
    })

    // Moving the collectivité to another operator takes the local content away.
    await publishTestEvent(t.host, IdentityEvents.OrganisationUpdated, org, {
      organisationId: org,
      kind: 'commune',
      officialCode: '01001',
      name: 'L’Abergement-Clémenciat',
      population: 832,
      populationBracket: '500-999',
      departement: '01',
      region: '84',
      epci: null,
      operatorId: null,
    })
    await waitFor(
      async () =>
        (await t.host.app.inject({ method: 'GET', url: '/v1/resources/locale-a', headers: member }))
          .statusCode === 404,
    )
  })
})
