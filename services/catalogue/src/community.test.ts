import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectOrganisation } from './domain/operators.js'
import { loadTools } from './domain/tools.js'
import type { ModerationReview, SearchResult, ToolDetail } from './schemas.js'
import { seedToolInputs } from './seed/index.js'
import { PROBLEM, startTestService, type TestService } from './testing.js'

const OPERATOR = '0193a000-0000-7000-8000-0000000a0001'
const COMMUNE_A = '0193a000-0000-7000-8000-0000000b0001'
const COMMUNE_B = '0193a000-0000-7000-8000-0000000b0002'
const COMMUNE_C = '0193a000-0000-7000-8000-0000000b0003'
const COMMUNE_D = '0193a000-0000-7000-8000-0000000b0004' // pending: its claim is not verified
const ALICE = '0193a000-0000-7000-8000-0000000c0001' // élue de A
const BOB = '0193a000-0000-7000-8000-0000000c0002' // agent de B
const CAROL = '0193a000-0000-7000-8000-0000000c0003' // élue de C
const EDITOR = '0193a000-0000-7000-8000-0000000c0009'

const organisation = (
  id: string,
  name: string,
  population: number,
  departement: string,
  verification: 'pending' | 'verified' = 'verified',
) => ({
  organisationId: id,
  kind: 'commune' as const,
  officialCode: '00000',
  name,
  population,
  populationBracket: null,
  departement,
  departementName: ({ '29': 'Finistère', '56': 'Morbihan' } as Record<string, string>)[departement] ?? null,
  region: '53',
  regionName: 'Bretagne',
  epci: null,
  operatorId: OPERATOR,
  verification,
})

describe('who uses a tool, reviews and moderation', () => {
  let t: TestService
  let alice: string
  let bob: string
  let carol: string
  let dave: string
  let editor: string
  let stranger: string
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: unknown) =>
    t.host.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    alice = await t.token({ sub: ALICE, orgs: [{ id: COMMUNE_A, role: 'elected', ref: true }] })
    bob = await t.token({ sub: BOB, orgs: [{ id: COMMUNE_B, role: 'agent' }] })
    carol = await t.token({ sub: CAROL, orgs: [{ id: COMMUNE_C, role: 'elected' }] })
    dave = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0004',
      orgs: [{ id: COMMUNE_D, role: 'elected' }],
    })
    editor = await t.token({ sub: EDITOR, roles: ['editor'] })
    stranger = await t.token({ sub: '0193a000-0000-7000-8000-0000000c0010' })
    await publishTestEvent(
      t.host,
      IdentityEvents.OrganisationCreated,
      COMMUNE_A,
      organisation(COMMUNE_A, 'Saint-Exemple', 420, '29'),
    )
    await publishTestEvent(
      t.host,
      IdentityEvents.OrganisationCreated,
      COMMUNE_B,
      organisation(COMMUNE_B, 'Villedémo', 3200, '56'),
    )
    await publishTestEvent(
      t.host,
      IdentityEvents.OrganisationCreated,
      COMMUNE_D,
      organisation(COMMUNE_D, 'Prétendue', 300, '29', 'pending'),
    )
    await waitFor(async () => (await t.ctx.db.selectFrom('organisations').selectAll().execute()).length === 3)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('keeps the projection of collectivités current, newest event wins', async () => {
    const renamed = await publishTestEvent(
      t.host,
      IdentityEvents.OrganisationUpdated,
      COMMUNE_B,
      organisation(COMMUNE_B, 'Villedémo-sur-Mer', 3300, '56'),
    )
    await waitFor(async () => {
      const row = await t.ctx.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', COMMUNE_B)
        .executeTakeFirst()
      return row?.name === 'Villedémo-sur-Mer'
    })
    // A redelivered event (same event id, under another message id so that the bus does not drop
    // it) reaches the consumer and changes nothing.
    const events = t.host.services.get('catalogue')!.events
    const duplicates = events.outcomes('organisation-updated').duplicate
    await publishTestEvent(
      t.host,
      IdentityEvents.OrganisationUpdated,
      COMMUNE_B,
      organisation(COMMUNE_B, 'Ancien nom', 3300, '56'),
      { id: renamed.id, msgId: `${renamed.id}-redelivered` },
    )
    await waitFor(() => events.outcomes('organisation-updated').duplicate === duplicates + 1)
    // An event older than the projection's row (late delivery) does not overwrite it either.
    await projectOrganisation(
      t.ctx.db,
      organisation(COMMUNE_B, 'Nom périmé', 3300, '56'),
      '2020-01-01T00:00:00.000Z',
    )
    const row = await t.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', COMMUNE_B)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      name: 'Villedémo-sur-Mer',
      population_bracket: '1000-4999',
      departement: '56',
    })
  })

  it('lets members declare their collectivité’s usage, and counts verified ones by bracket and département', async () => {
    const declare = (token: string | undefined, body: Record<string, unknown>) =>
      inject('POST', '/v1/tool-usages', token, body)
    expect(
      (await declare(undefined, { toolSlug: 'nextcloud', organisationId: COMMUNE_A, status: 'uses' }))
        .statusCode,
    ).toBe(401)
    const foreign = await declare(bob, { toolSlug: 'nextcloud', organisationId: COMMUNE_A, status: 'uses' })
    expect(foreign.statusCode).toBe(403)
    expect(foreign.headers['content-type']).toMatch(PROBLEM)
    expect(foreign.json().code).toBe('OSI_CATALOGUE_NOT_MEMBER')
    const created = await declare(alice, {
      toolSlug: 'nextcloud',
      organisationId: COMMUNE_A,
      status: 'evaluating',
      comment: 'En test',
      contactConsent: true,
    })
    expect(created.statusCode).toBe(201)
    const changed = await declare(alice, {
      toolSlug: 'nextcloud',
      organisationId: COMMUNE_A,
      status: 'uses',
      contactConsent: true,
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().id).toBe(created.json().id)
    expect(
      (await declare(bob, { toolSlug: 'nextcloud', organisationId: COMMUNE_B, status: 'uses' })).statusCode,
    ).toBe(201)
    expect(
      (await declare(carol, { toolSlug: 'nextcloud', organisationId: COMMUNE_C, status: 'abandoned' }))
        .statusCode,
    ).toBe(201)
    // A pending collectivité declares for itself, but counts in no figure and is offered to nobody.
    expect(
      (
        await declare(dave, {
          toolSlug: 'nextcloud',
          organisationId: COMMUNE_D,
          status: 'uses',
          contactConsent: true,
        })
      ).statusCode,
    ).toBe(201)

    // Verified collectivités only (C is unknown to the projection, D is pending).
    const stats = (await inject('GET', '/v1/tools/nextcloud/usages')).json()
    expect(stats.total).toBe(2)
    expect(stats.byStatus).toEqual([
      { value: 'uses', label: 'Utilise', count: 2 },
      { value: 'evaluating', label: 'Évalue', count: 0 },
      { value: 'abandoned', label: 'A abandonné', count: 0 },
    ])
    const bracket = Object.fromEntries(
      stats.byPopulationBracket.map((b: { value: string; count: number }) => [b.value, b.count]),
    )
    expect(bracket).toMatchObject({ 'under-500': 1, '1000-4999': 1, '500-999': 0 })
    expect(stats.byDepartement).toEqual([
      { value: '29', label: 'Finistère', count: 1 },
      { value: '56', label: 'Morbihan', count: 1 },
    ])
    // And per région, by its name (official data carried by identity's events).
    expect(stats.byRegion).toEqual([{ value: '53', label: 'Bretagne', count: 2 }])
    // Only the consenting collectivité is listed, by name and département; never an email.
    expect(stats.contactable).toEqual([
      expect.objectContaining({
        organisationId: COMMUNE_A,
        name: 'Saint-Exemple',
        departement: '29',
        status: 'uses',
      }),
    ])
    expect(JSON.stringify(stats)).not.toContain('@')
    const search = (await inject('GET', '/v1/tools?q=nextcloud')).json() as SearchResult
    expect(search.items[0]).toMatchObject({ slug: 'nextcloud', usersCount: 2 })
    const own = await inject('GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, alice)
    expect(own.json().items).toEqual([
      expect.objectContaining({ toolSlug: 'nextcloud', status: 'uses', contactConsent: true }),
    ])
    expect((await inject('GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, bob)).statusCode).toBe(403)
  })

  it('relays "contact a commune that uses it" as an event, without exposing any email', async () => {
    const contact = (token: string, to: string) =>
      inject('POST', '/v1/tools/nextcloud/contact', token, {
        fromOrganisationId: COMMUNE_B,
        toOrganisationId: to,
        message: 'Bonjour, comment avez-vous organisé les partages ?',
      })
    expect((await contact(alice, COMMUNE_A)).statusCode).toBe(403) // Alice is not a member of B
    expect((await contact(bob, COMMUNE_C)).statusCode).toBe(404) // C did not consent
    expect((await contact(bob, COMMUNE_D)).statusCode).toBe(404) // D is pending: not offered
    // A pending collectivité cannot contact peers.
    const fromPending = await inject('POST', '/v1/tools/nextcloud/contact', dave, {
      fromOrganisationId: COMMUNE_D,
      toOrganisationId: COMMUNE_A,
      message: 'Bonjour, comment avez-vous organisé les partages ?',
    })
    expect(fromPending.statusCode).toBe(403)
    expect(fromPending.json().code).toBe('OSI_CATALOGUE_NOT_VERIFIED')
    const res = await contact(bob, COMMUNE_A)
    expect(res.statusCode).toBe(202)
    const event = await t.ctx.db
      .selectFrom('outbox')
      .select(['subject', 'envelope'])
      .where('aggregate_id', '=', res.json().contactId)
      .executeTakeFirstOrThrow()
    expect(event.subject).toBe('osinum.catalogue.contact.requested.v1')
    expect((event.envelope as { data: unknown }).data).toMatchObject({
      toolSlug: 'nextcloud',
      fromOrganisationId: COMMUNE_B,
      fromOrganisationName: 'Villedémo-sur-Mer',
      fromUserId: BOB,
      toOrganisationId: COMMUNE_A,
    })
    expect(JSON.stringify(event.envelope)).not.toMatch(/@/)
  })

  it('limits contact requests per person and day', async () => {
    const limited = await startTestService({ seed: 'none', env: { CATALOGUE_CONTACT_DAILY_LIMIT: '1' } })
    try {
      await loadTools(
        limited.ctx,
        seedToolInputs().filter((x) => x.slug === 'jitsi-meet'),
        {
          status: 'published',
          action: 'seeded',
        },
      )
      const tool = await limited.ctx.db.selectFrom('tools').select('id').executeTakeFirstOrThrow()
      for (const [id, name] of [
        [COMMUNE_A, 'Saint-Exemple'],
        [COMMUNE_B, 'Villedémo'],
      ] as const)
        await projectOrganisation(limited.ctx.db, organisation(id, name, 500, '29'), new Date().toISOString())
      await limited.ctx.db
        .insertInto('tool_usages')
        .values({
          id: COMMUNE_C,
          tool_id: tool.id,
          organisation_id: COMMUNE_A,
          status: 'uses',
          contact_consent: true,
          comment: null,
          declared_by: null,
        })
        .execute()
      const token = await limited.token({ sub: BOB, orgs: [{ id: COMMUNE_B, role: 'agent' }] })
      const send = () =>
        limited.host.app.inject({
          method: 'POST',
          url: '/v1/tools/jitsi-meet/contact',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            fromOrganisationId: COMMUNE_B,
            toOrganisationId: COMMUNE_A,
            message: 'Un premier message.',
          },
        })
      expect((await send()).statusCode).toBe(202)
      const second = await send()
      expect(second.statusCode).toBe(429)
      expect(second.json().code).toBe('OSI_RATE_LIMITED')
    } finally {
      await limited.close()
    }
  })

  it('accepts reviews only from members of a collectivité that declared using the tool', async () => {
    const review = (token: string | undefined, organisationId: string, slug = 'nextcloud') =>
      inject('POST', `/v1/tools/${slug}/reviews`, token, {
        organisationId,
        rating: 4,
        text: 'Très pratique pour partager les dossiers.',
      })
    expect((await review(undefined, COMMUNE_A)).statusCode).toBe(401)
    expect((await review(stranger, COMMUNE_A)).json().code).toBe('OSI_CATALOGUE_NOT_MEMBER')
    const undeclared = await review(alice, COMMUNE_A, 'jitsi-meet')
    expect(undeclared.statusCode).toBe(403)
    expect(undeclared.headers['content-type']).toMatch(PROBLEM)
    expect(undeclared.json().code).toBe('OSI_CATALOGUE_USAGE_REQUIRED')
    const bad = await inject('POST', '/v1/tools/nextcloud/reviews', alice, {
      organisationId: COMMUNE_A,
      rating: 6,
      text: 'x',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.rating', 'body.text']),
    )
    const ok = await review(alice, COMMUNE_A)
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({
      status: 'pending',
      authorRole: 'elected',
      organisationName: 'Saint-Exemple',
    })
    expect((await review(alice, COMMUNE_A)).statusCode).toBe(409)
    const submitted = await t.ctx.db
      .selectFrom('outbox')
      .select('subject')
      .where('aggregate_id', '=', ok.json().id)
      .execute()
    expect(submitted.map((s) => s.subject)).toEqual(['osinum.catalogue.review.submitted.v1'])
  })

  it('shows a review only once published, and hides a rejected one everywhere', async () => {
    const bobReview = await inject('POST', '/v1/tools/nextcloud/reviews', bob, {
      organisationId: COMMUNE_B,
      rating: 1,
      text: 'Contenu à refuser : propos injurieux.',
    })
    expect(bobReview.statusCode).toBe(201)
    const visible = async () => {
      const list = (await inject('GET', '/v1/tools/nextcloud/reviews')).json()
      const tool = (await inject('GET', '/v1/tools/nextcloud')).json() as ToolDetail
      const search = (await inject('GET', '/v1/tools?q=nextcloud')).json() as SearchResult
      const exported = (await inject('GET', '/v1/catalogue/export.json')).json() as {
        tools: Array<{ slug: string; rating: { average: number | null; count: number } }>
      }
      const csv = (await inject('GET', '/v1/catalogue/export.csv')).body
      return {
        texts: list.items.map((r: { text: string }) => r.text),
        tool: tool.rating,
        search: search.items.find((i) => i.slug === 'nextcloud')!.rating,
        export: exported.tools.find((x) => x.slug === 'nextcloud')!.rating,
        csvHasRejected: csv.includes('injurieux'),
      }
    }
    // Pending reviews are invisible.
    expect(await visible()).toEqual({
      texts: [],
      tool: { average: null, count: 0 },
      search: { average: null, count: 0 },
      export: { average: null, count: 0 },
      csvHasRejected: false,
    })
    const queue = (await inject('GET', '/v1/reviews?status=pending', editor)).json()
    expect(queue.total).toBe(2)
    const [aliceReview] = queue.items.filter((r: ModerationReview) => r.authorId === ALICE)
    expect(
      (await inject('POST', `/v1/reviews/${aliceReview.id}/moderation`, editor, { status: 'published' }))
        .statusCode,
    ).toBe(200)
    const rejected = await inject('POST', `/v1/reviews/${bobReview.json().id}/moderation`, editor, {
      status: 'rejected',
      note: 'Propos injurieux',
    })
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderationNote: 'Propos injurieux' })
    expect(await visible()).toEqual({
      texts: ['Très pratique pour partager les dossiers.'],
      tool: { average: 4, count: 1 },
      search: { average: 4, count: 1 },
      export: { average: 4, count: 1 },
      csvHasRejected: false,
    })
    const moderated = await t.ctx.db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', 'osinum.catalogue.review.moderated.v1')
      .execute()
    expect(moderated.map((m) => (m.envelope as { data: { status: string } }).data.status).sort()).toEqual([
      'published',
      'rejected',
    ])
    // A rejected review cannot be reported (it does not exist for the public).
    expect(
      (await inject('POST', `/v1/reviews/${bobReview.json().id}/reports`, carol, { reason: 'spam' }))
        .statusCode,
    ).toBe(404)
  })

  it('sends a review back to moderation after three reports by members; editors’ and admins’ reports are refused and never count', async () => {
    const [published] = (await inject('GET', '/v1/reviews?status=published', editor)).json()
      .items as ModerationReview[]
    expect(
      (await inject('POST', `/v1/reviews/${published!.id}/reports`, stranger, { reason: 'faux' })).statusCode,
    ).toBe(403)
    // Editors and admins moderate; their report is refused and never counts (even one who is a member).
    for (const roles of [['editor'], ['admin']] as const) {
      const staff = await t.token({
        sub: '0193a000-0000-7000-8000-0000000c0021',
        roles: [...roles],
        orgs: [{ id: COMMUNE_C, role: 'agent' }],
      })
      const refused = await inject('POST', `/v1/reviews/${published!.id}/reports`, staff, { reason: 'faux' })
      expect(refused.statusCode).toBe(403)
      expect(refused.json().code).toBe('OSI_CATALOGUE_STAFF_CANNOT_REPORT')
    }
    expect(await t.ctx.db.selectFrom('review_reports').selectAll().execute()).toHaveLength(0)
    for (const token of [bob, carol]) {
      const res = await inject('POST', `/v1/reviews/${published!.id}/reports`, token, {
        reason: 'Contenu trompeur',
      })
      expect(res.statusCode).toBe(204)
      expect(res.body).toBe('')
    }
    expect(
      (await inject('POST', `/v1/reviews/${published!.id}/reports`, bob, { reason: 'encore' })).statusCode,
    ).toBe(409)
    expect((await inject('GET', '/v1/tools/nextcloud/reviews')).json().total).toBe(1)
    const third = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0011',
      orgs: [{ id: COMMUNE_C, role: 'agent' }],
    })
    expect(
      (await inject('POST', `/v1/reviews/${published!.id}/reports`, third, { reason: 'Trompeur' }))
        .statusCode,
    ).toBe(204)
    expect((await inject('GET', '/v1/tools/nextcloud/reviews')).json().total).toBe(0)
    const reported = (await inject('GET', '/v1/reviews?reported=true', editor)).json()
      .items as ModerationReview[]
    expect(reported[0]).toMatchObject({ id: published!.id, status: 'pending', reportCount: 3 })
    // Its moderators read the reasons, never who reported; members and strangers get nothing.
    const detail = await inject('GET', `/v1/reviews/${published!.id}`, editor)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({ id: published!.id, toolName: 'Nextcloud', reportCount: 3 })
    expect(detail.json().reports.map((r: { reason: string }) => r.reason)).toEqual([
      'Contenu trompeur',
      'Contenu trompeur',
      'Trompeur',
    ])
    expect(detail.body).not.toContain(BOB)
    expect((await inject('GET', `/v1/reviews/${published!.id}`, bob)).statusCode).toBe(403)
    expect((await inject('GET', `/v1/reviews/${published!.id}`)).statusCode).toBe(401)
    expect((await inject('GET', '/v1/reviews/0193a000-0000-7000-8000-0000000ffff1', editor)).statusCode).toBe(
      404,
    )
    await inject('POST', `/v1/reviews/${published!.id}/moderation`, editor, { status: 'published' })
    expect((await inject('GET', '/v1/tools/nextcloud/reviews')).json().total).toBe(1)
  })

  it('anonymises reviews of an erased user and keeps declarations at collectivité level', async () => {
    await publishTestEvent(t.host, IdentityEvents.UserErased, ALICE, { userId: ALICE })
    await waitFor(async () => {
      const rows = await t.ctx.db
        .selectFrom('reviews')
        .select('author_id')
        .where('organisation_id', '=', COMMUNE_A)
        .execute()
      return rows.length > 0 && rows.every((r) => r.author_id === null)
    })
    const review = await t.ctx.db
      .selectFrom('reviews')
      .selectAll()
      .where('organisation_id', '=', COMMUNE_A)
      .executeTakeFirstOrThrow()
    expect(review).toMatchObject({ author_id: null, author_role: null, rating: 4, status: 'published' })
    const usage = await t.ctx.db
      .selectFrom('tool_usages')
      .selectAll()
      .where('organisation_id', '=', COMMUNE_A)
      .executeTakeFirstOrThrow()
    expect(usage).toMatchObject({ status: 'uses', declared_by: null })
    expect((await inject('GET', '/v1/tools/nextcloud/reviews')).json().items).toEqual([
      expect.objectContaining({ organisationName: 'Saint-Exemple', authorRole: null, rating: 4 }),
    ])
  })
})
