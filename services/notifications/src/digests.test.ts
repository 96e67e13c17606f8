import { CatalogueEvents, ResourcesEvents } from '@osinum/contracts'
import { publishTestEvent } from '@osinum/service-kit/testing'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDigests } from './domain/digests.js'
import { UnsubscribeSecret } from './domain/unsubscribe.js'
import {
  addMember,
  addOrganisation,
  addUser,
  eventually,
  HOOK_TIMEOUT_MS,
  headerText,
  mailTo,
  PUBLIC_URL,
  person,
  startSmtp,
  startTestService,
  TEST_SECRET,
  type TestService,
  type TestSmtp,
} from './testing.js'

/** New resources and tools matching a person's themes: at once, or in a daily/weekly digest. */
describe('digests of new resources and tools', () => {
  let smtp: TestSmtp
  let s: TestService
  const operatorA = uuidv7()
  const operatorB = uuidv7()
  const commune = { id: uuidv7(), name: 'Lecture-les-Bains', operatorId: operatorA }
  const eager = person('Inès Immédiate')
  const weekly = person('Willy Hebdo')
  const elsewhere = person('Rémi Ailleurs')
  const follower = person('Fanny Diagnostic')
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })

  const setPrefs = async (userId: string, payload: Record<string, unknown>) => {
    const token = await s.keys.token({ sub: userId })
    const res = await s.host.app.inject({
      method: 'PATCH',
      url: '/v1/notification-preferences',
      headers: auth(token),
      payload,
    })
    expect(res.statusCode).toBe(200)
  }

  const publishResource = (title: string, themes: string[], operatorId: string | null = null) => {
    const resourceId = uuidv7()
    return publishTestEvent(s.host, ResourcesEvents.ResourcePublished, resourceId, {
      resourceId,
      slug: title.toLowerCase().replace(/[^a-z]+/g, '-'),
      title,
      summary: `Résumé de ${title}`,
      themes: themes as never,
      operatorId,
    })
  }

  beforeAll(async () => {
    smtp = await startSmtp()
    s = await startTestService({ smtp })
    await addOrganisation(s, commune)
    for (const p of [eager, weekly, elsewhere, follower]) await addUser(s, p)
    await addMember(s, commune.id, eager.id)
    await addMember(s, commune.id, follower.id)
    await setPrefs(eager.id, { digest: { frequency: 'immediately', themes: ['open-source'] } })
    await setPrefs(weekly.id, { digest: { frequency: 'weekly', themes: ['open-source', 'gdpr'] } })
    await setPrefs(elsewhere.id, { digest: { frequency: 'immediately', themes: ['open-source'] } })
    // follower chose no theme: they follow their collectivité's weak themes.
    await s.db
      .updateTable('organisations')
      .set({ weak_themes: JSON.stringify(['gdpr']) })
      .where('organisation_id', '=', commune.id)
      .execute()
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await s?.close()
    await smtp?.close()
  }, HOOK_TIMEOUT_MS)

  it('emails a matching resource at once to those who chose "immediately", with one-click unsubscribe headers', async () => {
    const event = await publishResource('Guide des logiciels libres', ['open-source'])
    const [mail] = await mailTo(smtp, eager.email)
    expect(mail!.parsed.subject).toBe('Nouvelle ressource : Guide des logiciels libres')
    expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/ressources/guide-des-logiciels-libres`)
    expect(headerText(mail!, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/osinum\.example\.fr\/v1\/unsubscribe\?token=u1\.[^>]+>$/,
    )
    expect(headerText(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    // The weekly reader gets it later; people following other themes never.
    const queued = await eventually(async () => {
      const rows = await s.db
        .selectFrom('digest_items')
        .select('user_id')
        .where('cause_event_id', '=', event.id)
        .execute()
      return rows.length ? rows : null
    })
    expect(queued.map((r) => r.user_id)).toEqual([weekly.id])
    await mailTo(smtp, elsewhere.email)
    expect(smtp.to(follower.email)).toHaveLength(0)
  })

  it('keeps an operator’s own resource for the people of that operator', async () => {
    await publishResource('Offre de messagerie du syndicat B', ['open-source'], operatorB)
    const mine = await publishResource('Offre de sauvegarde du syndicat A', ['open-source'], operatorA)
    await eventually(() => smtp.to(eager.email).find((m) => m.parsed.subject?.includes('syndicat A')))
    await eventually(async () =>
      s.db.selectFrom('inbox').select('event_id').where('event_id', '=', mine.id).executeTakeFirst(),
    )
    expect(smtp.to(eager.email).some((m) => m.parsed.subject?.includes('syndicat B'))).toBe(false)
    // Rémi has no collectivité nor operator: an operator's own resource is not for him.
    expect(smtp.to(elsewhere.email).some((m) => m.parsed.subject?.includes('syndicat'))).toBe(false)
  })

  it('sends the weekly digest once per week, whatever reruns, with the unsubscribe link working in one click', async () => {
    const toolId = uuidv7()
    const tool = await publishTestEvent(s.host, CatalogueEvents.ToolPublished, toolId, {
      toolId,
      slug: 'cryptpad',
      name: 'CryptPad',
      summary: 'Édition collaborative chiffrée',
      categories: ['collaborative-editing'],
      themes: ['gdpr', 'collaboration'],
    })
    await eventually(async () =>
      s.db
        .selectFrom('digest_items')
        .select('id')
        .where('cause_event_id', '=', tool.id)
        .where('user_id', '=', weekly.id)
        .executeTakeFirst(),
    )
    // The follower (weak theme gdpr, weekly by default) gets the tool in their digest too.
    const followerItem = await s.db
      .selectFrom('digest_items')
      .select('id')
      .where('cause_event_id', '=', tool.id)
      .where('user_id', '=', follower.id)
      .executeTakeFirst()
    expect(followerItem).toBeDefined()

    const secret = new UnsubscribeSecret(TEST_SECRET)
    await secret.load(s.db)
    const rt = { publicUrl: PUBLIC_URL, mailFromAddress: 'ne-pas-repondre@osinum.example.fr', secret }
    const nextWeek = new Date(Date.now() + 8 * 24 * 3600_000)
    expect(await runDigests(s.db, rt, nextWeek, 8)).toBe(2)
    expect(await runDigests(s.db, rt, nextWeek, 8)).toBe(0)
    const [digest] = await mailTo(smtp, weekly.email)
    expect(digest!.parsed.subject).toBe('Les nouveautés de la semaine sur osinum (2)')
    const text = digest!.parsed.text ?? ''
    expect(text).toContain('Guide des logiciels libres')
    expect(text).toContain('CryptPad')
    expect(text).toContain(`${PUBLIC_URL}/catalogue/cryptpad`)
    const unsubscribe = headerText(digest!, 'List-Unsubscribe')!.slice(1, -1)
    expect(headerText(digest!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    await mailTo(smtp, follower.email)
    expect(smtp.to(weekly.email)).toHaveLength(1)

    // One click, as a mail client does it (RFC 8058), without any login.
    const url = new URL(unsubscribe)
    const res = await s.host.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ category: 'digest', unsubscribed: true })
    const later = await publishResource('Le RGPD en 10 questions', ['gdpr'])
    await eventually(async () =>
      s.db.selectFrom('inbox').select('event_id').where('event_id', '=', later.id).executeTakeFirst(),
    )
    const items = await s.db
      .selectFrom('digest_items')
      .select('user_id')
      .where('cause_event_id', '=', later.id)
      .execute()
    expect(items.map((i) => i.user_id)).toEqual([follower.id])
  })
})
