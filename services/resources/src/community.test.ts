import { ResourcesEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  draft,
  ORG_A,
  ORG_B,
  seedOrganisations,
  startTestService,
  type TestService,
  USERS,
} from './testing.js'

type Who = Parameters<TestService['auth']>[0]
interface Experience {
  id: string
  title: string
  usefulCount: number
  commentCount: number
  votedByMe: boolean
  status: string
  organisation: { id: string; name: string | null }
  authorId: string | null
}

describe('community: experiences, comments, votes and moderation', () => {
  let t: TestService
  let hiddenPost: string
  let visiblePost: string
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who?: Who,
    payload?: object,
  ) =>
    t.host.app.inject({ method, url, headers: who ? await t.auth(who) : {}, ...(payload ? { payload } : {}) })
  const post = async (who: Who, title: string, over: Record<string, unknown> = {}) => {
    const res = await call('POST', '/v1/experiences', who, {
      title,
      body: 'Nous avons **abandonné les clés USB** pour un espace partagé.',
      themes: ['data-storage'],
      tools: ['nextcloud'],
      ...over,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as Experience
  }

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lets members of a collectivité post on its behalf, and nobody else', async () => {
    const e = await post('memberA', 'Montlibre range ses clés USB')
    expect(e).toMatchObject({
      organisation: { id: ORG_A, name: 'Commune A' },
      authorId: USERS.memberA,
      status: 'published',
    })
    visiblePost = e.id
    const outsider = await call('POST', '/v1/experiences', 'outsider', {
      title: 'Je ne suis membre de rien',
      body: 'x',
    })
    expect(outsider.statusCode).toBe(403)
    expect(outsider.json()).toMatchObject({ code: 'OSI_RESOURCES_NOT_A_MEMBER' })
    const forOther = await call('POST', '/v1/experiences', 'memberA', {
      organisationId: ORG_B,
      title: 'Au nom de B',
      body: 'x',
    })
    expect(forOther.statusCode).toBe(403)
    const anonymous = await call('POST', '/v1/experiences', undefined, { title: 'Anonyme', body: 'x' })
    expect(anonymous.statusCode).toBe(401)
    // Only the author edits a post.
    expect((await call('PATCH', `/v1/experiences/${e.id}`, 'memberA2', { title: 'Piraté' })).statusCode).toBe(
      403,
    )
    expect(
      (
        await call('PATCH', `/v1/experiences/${e.id}`, 'memberA', { title: 'Montlibre a rangé ses clés USB' })
      ).json(),
    ).toMatchObject({
      title: 'Montlibre a rangé ses clés USB',
    })
  })

  it('counts one "utile" vote per person', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await call('PUT', `/v1/experiences/${visiblePost}/useful`, 'memberB')
      expect(res.json()).toEqual({ usefulCount: 1, votedByMe: true })
    }
    expect((await call('PUT', `/v1/experiences/${visiblePost}/useful`, 'memberA2')).json()).toEqual({
      usefulCount: 2,
      votedByMe: true,
    })
    expect((await call('DELETE', `/v1/experiences/${visiblePost}/useful`, 'memberB')).json()).toEqual({
      usefulCount: 1,
      votedByMe: false,
    })
    expect((await call('GET', `/v1/experiences/${visiblePost}`, 'memberA2')).json()).toMatchObject({
      usefulCount: 1,
      votedByMe: true,
    })
    expect((await call('PUT', `/v1/experiences/${visiblePost}/useful`)).statusCode).toBe(401)
  })

  it('hides a moderated post everywhere: lists, search, counts, the post, its comments, votes', async () => {
    const e = await post('memberA', 'Une expérience à modérer : visioconférence souveraine', {
      themes: ['videoconference'],
    })
    hiddenPost = e.id
    const comment = await call('POST', `/v1/experiences/${e.id}/comments`, 'memberB', { body: 'Intéressant' })
    const commentId = (comment.json() as { id: string }).id

    const report = await call('POST', `/v1/experiences/${e.id}/reports`, 'memberB', {
      reason: 'abuse',
      message: 'Publicité déguisée',
    })
    expect(report.statusCode).toBe(201)
    const queue = await call('GET', '/v1/resources/reports?contentType=experience', 'editorA')
    expect(queue.json()).toMatchObject({
      total: 1,
      items: [{ contentId: e.id, title: e.title, reason: 'abuse' }],
    })
    const reported = await t.db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', ResourcesEvents.ContentReported.subject)
      .execute()
    expect(reported.map((r) => (r.envelope as { data: { contentType: string } }).data.contentType)).toContain(
      'experience',
    )

    const memberTries = await call('POST', `/v1/experiences/${e.id}/moderation`, 'memberA', {
      action: 'hide',
    })
    expect(memberTries.statusCode).toBe(403)
    const hide = await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', {
      action: 'hide',
      reason: 'Publicité',
    })
    expect(hide.statusCode).toBe(200)
    expect(hide.json()).toMatchObject({ status: 'hidden', hiddenReason: 'Publicité' })

    for (const who of [undefined, 'memberA', 'memberB'] as const) {
      const list = await call('GET', '/v1/experiences?limit=100', who)
      const body = list.json() as { items: Experience[]; total: number }
      expect(body.items.map((x) => x.id)).not.toContain(e.id)
      expect(body.total).toBe(body.items.length)
      const search = await call(
        'GET',
        `/v1/experiences?q=${encodeURIComponent('visioconférence souveraine')}`,
        who,
      )
      expect((search.json() as { total: number }).total).toBe(0)
      const byTheme = await call('GET', '/v1/experiences?theme=videoconference', who)
      expect((byTheme.json() as { total: number }).total).toBe(0)
      expect((await call('GET', `/v1/experiences/${e.id}`, who)).statusCode).toBe(404)
      expect((await call('GET', `/v1/experiences/${e.id}/comments`, who)).statusCode).toBe(404)
      expect((await call('GET', `/v1/comments/${commentId}`, who)).statusCode).toBe(404)
    }
    expect((await call('PUT', `/v1/experiences/${e.id}/useful`, 'memberB')).statusCode).toBe(404)
    expect(
      (await call('POST', `/v1/experiences/${e.id}/comments`, 'memberB', { body: 'encore' })).statusCode,
    ).toBe(404)
    expect(
      (await call('POST', `/v1/experiences/${e.id}/reports`, 'memberA2', { reason: 'spam' })).statusCode,
    ).toBe(404)
    // Even its author cannot bring it back; editors can still open it.
    expect(
      (await call('PATCH', `/v1/experiences/${e.id}`, 'memberA', { title: 'Je la remets' })).statusCode,
    ).toBe(404)
    expect((await call('GET', `/v1/experiences/${e.id}`, 'nationalEditor')).json()).toMatchObject({
      status: 'hidden',
    })
    // Hiding settled the report.
    expect(
      (await call('GET', '/v1/resources/reports?contentType=experience', 'editorA')).json(),
    ).toMatchObject({ total: 0 })

    const restore = await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', {
      action: 'restore',
    })
    expect(restore.json()).toMatchObject({ status: 'published', commentCount: 1 })
    expect((await call('GET', `/v1/experiences/${e.id}`)).statusCode).toBe(200)
    await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', { action: 'hide' })
  })

  it('hides a moderated comment from its thread and from the comment count', async () => {
    const c1 = await call('POST', `/v1/experiences/${visiblePost}/comments`, 'memberB', {
      body: 'Très utile, merci',
    })
    const c2 = await call('POST', `/v1/experiences/${visiblePost}/comments`, 'memberB', {
      body: 'Achetez mes clés USB !',
    })
    expect(c1.statusCode).toBe(201)
    const spam = (c2.json() as { id: string }).id
    expect((await call('GET', `/v1/experiences/${visiblePost}`)).json()).toMatchObject({ commentCount: 2 })

    const report = await call('POST', `/v1/comments/${spam}/reports`, 'memberA', { reason: 'spam' })
    expect(report.statusCode).toBe(201)
    expect(
      (await call('POST', `/v1/comments/${spam}/moderation`, 'memberA', { action: 'hide' })).statusCode,
    ).toBe(403)
    // The post is commune A's: moderated nationally or by operator A, not by operator B's editor.
    expect(
      (await call('POST', `/v1/comments/${spam}/moderation`, 'editorB', { action: 'hide' })).statusCode,
    ).toBe(404)
    expect(
      (await call('POST', `/v1/comments/${spam}/moderation`, 'nationalEditor', { action: 'hide' })).json(),
    ).toMatchObject({ status: 'hidden' })

    const thread = await call('GET', `/v1/experiences/${visiblePost}/comments`)
    expect(thread.json()).toMatchObject({ total: 1, items: [{ body: 'Très utile, merci' }] })
    expect((await call('GET', `/v1/experiences/${visiblePost}`)).json()).toMatchObject({ commentCount: 1 })
    expect((await call('GET', '/v1/experiences?limit=100')).json()).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: visiblePost, commentCount: 1 })]),
    })
    expect((await call('GET', `/v1/comments/${spam}`)).statusCode).toBe(404)
    expect((await call('GET', `/v1/comments/${spam}`, 'editorB')).statusCode).toBe(404)
    expect((await call('GET', `/v1/comments/${spam}`, 'editorA')).statusCode).toBe(200)
    // Only its author (or an editor) deletes a comment.
    const own = (c1.json() as { id: string }).id
    expect((await call('DELETE', `/v1/comments/${own}`, 'memberA')).statusCode).toBe(403)
    expect((await call('DELETE', `/v1/comments/${own}`, 'memberB')).statusCode).toBe(204)
  })

  it('refuses reports from editors and admins (they moderate instead): posts and comments', async () => {
    const e = await post('memberA', 'Un retour que des modérateurs voudraient signaler')
    const comment = await call('POST', `/v1/experiences/${e.id}/comments`, 'memberB', { body: 'Merci' })
    const targets = [
      `/v1/experiences/${e.id}/reports`,
      `/v1/comments/${(comment.json() as { id: string }).id}/reports`,
    ]
    const before = await t.db.selectFrom('content_reports').select('id').execute()
    for (const who of ['nationalEditor', 'editorA', 'admin'] as const)
      for (const url of targets) {
        const res = await call('POST', url, who, { reason: 'spam' })
        expect(res.statusCode, `${who} ${url}`).toBe(403)
        expect(res.json().code).toBe('OSI_RESOURCES_STAFF_CANNOT_REPORT')
      }
    expect(await t.db.selectFrom('content_reports').select('id').execute()).toHaveLength(before.length)
  })

  it('tells the author of a hidden post which rule it breaks (by event); restoring tells nothing', async () => {
    const e = await post('memberA', 'Notre messagerie, offre spéciale')
    const hide = await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', {
      action: 'hide',
      rule: 'spam',
      reason: 'Promotion d’une offre commerciale',
    })
    expect(hide.statusCode, hide.body).toBe(200)
    const restore = await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', {
      action: 'restore',
    })
    expect(restore.statusCode).toBe(200)
    const hidden = await t.db
      .selectFrom('outbox')
      .select('envelope')
      .where('subject', '=', ResourcesEvents.ContentHidden.subject)
      .where('aggregate_id', '=', e.id)
      .execute()
    expect(hidden.map((r) => (r.envelope as { data: unknown }).data)).toEqual([
      {
        contentType: 'experience',
        contentId: e.id,
        title: 'Notre messagerie, offre spéciale',
        authorId: USERS.memberA,
        rule: 'spam',
        ruleLabel: 'Spam ou publicité',
        note: 'Promotion d’une offre commerciale',
      },
    ])
    const bad = await call('POST', `/v1/experiences/${e.id}/moderation`, 'nationalEditor', {
      action: 'hide',
      rule: 'rien',
    })
    expect(bad.statusCode).toBe(400)
  })

  it('sorts posts by usefulness and filters them by tool', async () => {
    const second = await post('memberB', 'Val-Commun passe à Nextcloud', {
      tools: ['nextcloud', 'collabora-online'],
    })
    await call('PUT', `/v1/experiences/${second.id}/useful`, 'memberA')
    await call('PUT', `/v1/experiences/${second.id}/useful`, 'memberA2')
    const sorted = (await call('GET', '/v1/experiences?sort=useful')).json() as { items: Experience[] }
    expect(sorted.items[0]!.id).toBe(second.id)
    const byTool = (await call('GET', '/v1/experiences?tool=collabora-online')).json() as {
      items: Experience[]
      total: number
    }
    expect(byTool.total).toBe(1)
    expect(byTool.items.map((x) => x.id)).not.toContain(hiddenPost)
  })
})

describe('personal collections (bookmarks)', () => {
  let t: TestService
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who?: Who,
    payload?: object,
  ) =>
    t.host.app.inject({ method, url, headers: who ? await t.auth(who) : {}, ...(payload ? { payload } : {}) })

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
    for (const slug of ['favori-1', 'favori-2']) {
      await call('POST', '/v1/resources', 'nationalEditor', draft({ slug }))
      await call('POST', `/v1/resources/${slug}/transitions`, 'nationalEditor', { to: 'in-review' })
      await call('POST', `/v1/resources/${slug}/transitions`, 'nationalEditor', { to: 'published' })
    }
  })
  afterAll(async () => {
    await t?.close()
  })

  it('keeps bookmarks private to their owner and counts them for popularity', async () => {
    const created = await call('POST', '/v1/collections', 'memberA', { name: 'À lire <b>vite</b>' })
    expect(created.statusCode, created.body).toBe(201)
    const { id, name } = created.json() as { id: string; name: string }
    expect(name).toBe('À lire vite')
    for (let i = 0; i < 2; i++)
      expect((await call('PUT', `/v1/collections/${id}/items/favori-1`, 'memberA')).statusCode).toBe(204)
    await call('PUT', `/v1/collections/${id}/items/favori-2`, 'memberA')
    expect((await call('GET', `/v1/collections/${id}`, 'memberA')).json()).toMatchObject({ itemCount: 2 })
    expect((await call('GET', '/v1/resources/favori-1')).json()).toMatchObject({ bookmarkCount: 1 })
    const popular = (await call('GET', '/v1/resources?sort=popularity&limit=1')).json() as {
      items: Array<{ slug: string }>
    }
    expect(['favori-1', 'favori-2']).toContain(popular.items[0]!.slug)

    expect((await call('GET', `/v1/collections/${id}`, 'memberB')).statusCode).toBe(404)
    expect((await call('PUT', `/v1/collections/${id}/items/favori-1`, 'memberB')).statusCode).toBe(404)
    expect((await call('GET', '/v1/collections', 'memberB')).json()).toMatchObject({ total: 0 })
    expect((await call('GET', '/v1/collections', 'memberA')).json()).toMatchObject({
      total: 1,
      items: [{ itemCount: 2 }],
    })
    expect((await call('PUT', `/v1/collections/${id}/items/inconnue`, 'memberA')).statusCode).toBe(404)
    // A resource's page asks once where the resource is kept.
    const other = (await call('POST', '/v1/collections', 'memberA', { name: 'Plus tard' })).json() as {
      id: string
    }
    const holding = (await call('GET', '/v1/collections?resource=favori-2', 'memberA')).json() as {
      items: Array<{ id: string; holdsResource: boolean }>
    }
    expect(holding.items.map((c) => [c.id, c.holdsResource])).toEqual([
      [id, true],
      [other.id, false],
    ])
    expect((await call('GET', '/v1/collections', 'memberA')).json().items[0]).not.toHaveProperty(
      'holdsResource',
    )
    await call('DELETE', `/v1/collections/${other.id}`, 'memberA')

    expect((await call('DELETE', `/v1/collections/${id}/items/favori-1`, 'memberA')).statusCode).toBe(204)
    expect((await call('GET', '/v1/resources/favori-1')).json()).toMatchObject({ bookmarkCount: 0 })
    expect((await call('DELETE', `/v1/collections/${id}`, 'memberA')).statusCode).toBe(204)
    expect((await call('GET', '/v1/resources/favori-2')).json()).toMatchObject({ bookmarkCount: 0 })
  })
})
