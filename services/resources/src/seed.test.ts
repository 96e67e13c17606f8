import { DEMO, THEME_IDS } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parisLocalToInstant } from './domain/paris-time.js'
import { AUDIENCE_IDS, LEVEL_IDS, RESOURCE_TYPE_IDS } from './domain/vocabulary.js'
import experiences from './seed/experiences.json' with { type: 'json' }
import { seedDemo } from './seed/index.js'
import resources from './seed/resources.json' with { type: 'json' }
import trainings from './seed/trainings.json' with { type: 'json' }
import { startTestService, type TestService } from './testing.js'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A source on a site's home page, not on the page it draws on (`https://www.cnil.fr/`). */
const isDomainRoot = (url: string) => {
  const u = new URL(url)
  return (u.pathname === '' || u.pathname === '/') && !u.search
}

/**
 * Resources whose exact source page is still to be found and confirmed (issue 20): they keep
 * their site's address until then. The list may only shrink: a resource given its exact page
 * must leave it, and no other resource may cite a home page.
 */
const SOURCE_PAGE_TO_FIND: readonly string[] = [
  'guide-rgpd-cnil-collectivites',
  'atelier-rgpd-mooc-cnil',
  'modele-registre-traitements',
  'kit-sensibilisation-cybermalveillance',
  'videos-sensibilisation-cyber',
  'cyberattaque-que-faire-en-mairie',
  'teletravail-nomadisme-anssi',
  'separer-usages-pro-perso',
  'data-gouv-fr-plateforme-nationale',
  'guides-data-gouv-publier',
  'schemas-donnees-locales',
  'opendatafrance-webinaires-ressources',
  'umap-carte-interactive-commune',
  'faq-cada-documents-administratifs',
  'comptoir-du-libre-adullact',
  'label-territoire-numerique-libre',
  'podcast-libre-a-vous-april',
  'degooglisons-internet-framasoft',
  'chatons-hebergeurs-alternatifs',
  'framadate-planifier-reunion',
  'coediter-plutot-que-pieces-jointes',
  'libreoffice-suite-bureautique-libre',
  'nextcloud-agenda-contacts-partages',
  'thunderbird-messagerie-agenda-contacts',
  'nom-de-domaine-adresse-mairie',
  'jitsi-meet-visio-sans-compte',
  'bigbluebutton-reunions-formations',
  'arcep-ma-connexion-internet',
  'arcep-mon-reseau-mobile',
  'rgaa-accessibilite-site-mairie',
  'peertube-videos-commune',
  'greenit-empreinte-numerique',
  'longue-vie-materiel-informatique',
  'linux-mint-seconde-vie-ordinateurs',
  'labo-societe-numerique-anct',
  'incubateur-des-territoires-anct',
  'cnfpt-webinaires-agents',
  'pix-competences-numeriques',
  'decidim-participation-citoyenne',
  'grist-tableurs-collaboratifs',
]

describe('seed data files', () => {
  it('hold at least 30 resources with valid vocabularies, unique slugs and https sources', () => {
    expect(resources.length).toBeGreaterThanOrEqual(30)
    const slugs = [...resources, ...trainings, ...experiences].map((x) => x.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const r of resources) {
      expect(r.slug, r.slug).toMatch(SLUG)
      expect(RESOURCE_TYPE_IDS, r.slug).toContain(r.type)
      expect(r.themes.length, r.slug).toBeGreaterThan(0)
      for (const theme of r.themes) expect(THEME_IDS, r.slug).toContain(theme)
      for (const a of r.audience) expect(AUDIENCE_IDS, r.slug).toContain(a)
      expect(LEVEL_IDS, r.slug).toContain(r.level)
      expect(r.sourceUrl, r.slug).toMatch(/^https:\/\//)
      for (const tool of r.relatedTools) expect(tool).toMatch(SLUG)
      expect(r.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    for (const e of experiences) for (const theme of e.themes) expect(THEME_IDS).toContain(theme)
  })

  it('cite the exact page each resource draws on, never a bare site root', () => {
    const atRoot = resources.filter((r) => isDomainRoot(r.sourceUrl)).map((r) => r.slug)
    expect(atRoot.filter((slug) => !SOURCE_PAGE_TO_FIND.includes(slug))).toEqual([])
    // A resource given its exact page leaves the list to find.
    expect(SOURCE_PAGE_TO_FIND.filter((slug) => !atRoot.includes(slug))).toEqual([])
    expect(isDomainRoot('https://www.cnil.fr/')).toBe(true)
    expect(isDomainRoot('https://www.cnil.fr')).toBe(true)
    expect(isDomainRoot('https://code.gouv.fr/sill')).toBe(false)
  })

  it('plan training sessions at valid Paris times, ending after they start', () => {
    for (const t of trainings) {
      for (const theme of t.themes) expect(THEME_IDS).toContain(theme)
      for (const s of t.sessions) {
        const start = parisLocalToInstant(s.startsAt)
        const end = parisLocalToInstant(s.endsAt)
        expect(start, `${t.slug} ${s.startsAt}`).not.toBeNull()
        expect(end!.getTime()).toBeGreaterThan(start!.getTime())
        expect(s.mode === 'online' ? s.onlineUrl : s.place).toBeTruthy()
      }
    }
  })
})

describe('embedded demo seed', () => {
  let t: TestService
  beforeAll(async () => {
    t = await startTestService()
    await seedDemo(t.db)
    await seedDemo(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('publishes every resource once, even when run twice', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/resources?limit=1' })
    expect(res.json()).toMatchObject({ total: resources.length })
  })

  it("plans the trainings' sessions, local ones visible to the demo operator's communes only", async () => {
    const sessions = await t.db.selectFrom('training_sessions').select('id').execute()
    expect(sessions).toHaveLength(trainings.reduce((n, tr) => n + tr.sessions.length, 0))
    const anonymous = (await t.host.app.inject({ method: 'GET', url: '/v1/trainings?limit=100' })).json() as {
      total: number
    }
    const mayor = await t.authAs(DEMO.communeA.elected.id, {
      sub: '',
      orgs: [{ id: DEMO.communeA.id, role: 'elected', ref: true }],
    })
    const member = (
      await t.host.app.inject({ method: 'GET', url: '/v1/trainings?limit=100', headers: mayor })
    ).json() as {
      total: number
      items: Array<{ slug: string; operatorId: string | null; nextSessionAt: string | null }>
    }
    expect(member.total).toBe(trainings.length)
    expect(anonymous.total).toBeLessThan(trainings.length)
    expect(member.items.filter((i) => i.operatorId === DEMO.operator.id).length).toBeGreaterThan(0)
    const first = trainings[0]!
    const detail = await t.host.app.inject({ method: 'GET', url: `/v1/trainings/${first.slug}` })
    expect(detail.json()).toMatchObject({
      sessions: first.sessions.map((s) => ({
        startsAtLocal: s.startsAt,
        capacity: s.capacity,
        timeZone: 'Europe/Paris',
      })),
    })
  })

  it('counts the trainings of each theme, keeping the other filters but not the chosen theme', async () => {
    const mayor = await t.authAs(DEMO.communeA.elected.id, {
      sub: '',
      orgs: [{ id: DEMO.communeA.id, role: 'elected', ref: true }],
    })
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/trainings?theme=gdpr', headers: mayor })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as {
      total: number
      facets: { theme: Array<{ value: string; label: string; count: number; selected: boolean }> }
    }
    const withTheme = (theme: string) => trainings.filter((tr) => tr.themes.includes(theme)).length
    expect(body.total).toBe(withTheme('gdpr'))
    const facet = (value: string) => body.facets.theme.find((f) => f.value === value)
    expect(facet('gdpr')).toEqual({
      value: 'gdpr',
      label: 'RGPD et données personnelles',
      count: withTheme('gdpr'),
      selected: true,
    })
    // Choosing a theme leaves the others countable (disjunctive facet).
    expect(facet('governance')).toMatchObject({ count: withTheme('governance'), selected: false })
    expect(facet('website')?.count).toBe(withTheme('website'))
    const searched = (
      await t.host.app.inject({ method: 'GET', url: '/v1/trainings?q=rgpd', headers: mayor })
    ).json() as typeof body
    expect(searched.facets.theme.find((f) => f.value === 'open-data')?.count).toBe(0)
  })

  it("publishes the demo commune's experience posts, authored by its mayor", async () => {
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/experiences?limit=100' })
    const body = res.json() as {
      total: number
      items: Array<{ authorId: string; organisation: { id: string }; demo: boolean }>
    }
    expect(body.total).toBe(experiences.length)
    expect(
      body.items.every(
        (e) => e.authorId === DEMO.communeA.elected.id && e.organisation.id === DEMO.communeA.id && e.demo,
      ),
    ).toBe(true)
  })
})
