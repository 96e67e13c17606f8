import { THEME_IDS } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from './seed/index.js'
import resourcesSeed from './seed/resources.json' with { type: 'json' }
import { draft, OP_A, seedOrganisations, startTestService, type TestService } from './testing.js'

interface Facet {
  value: string
  label: string
  count: number
  selected: boolean
}
interface SearchBody {
  items: Array<{
    slug: string
    type: string
    typeLabel: string
    themes: string[]
    viewCount: number
    bookmarkCount: number
    outdated: boolean
  }>
  total: number
  limit: number
  offset: number
  facets: Record<'type' | 'theme' | 'audience' | 'level' | 'operator', Facet[]>
}

describe('resource search', () => {
  let t: TestService
  const search = async (query: string, headers: Record<string, string> = {}) => {
    const res = await t.host.app.inject({ method: 'GET', url: `/v1/resources?${query}`, headers })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as SearchBody
  }

  beforeAll(async () => {
    t = await startTestService()
    await seedOrganisations(t.db)
    await seedDemo(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lists every seeded resource as published to anonymous readers, with French type labels', async () => {
    const body = await search('limit=100')
    expect(body.total).toBe(resourcesSeed.length)
    expect(body.items).toHaveLength(resourcesSeed.length)
    expect(body.items.find((r) => r.type === 'practical-sheet')?.typeLabel).toBe('Fiche pratique')
  })

  it('seeding twice changes nothing', async () => {
    await seedDemo(t.db)
    expect((await search('limit=1')).total).toBe(resourcesSeed.length)
  })

  it('finds words whatever their accents and inflection (French stemming)', async () => {
    const accented = await search(`q=${encodeURIComponent('données personnelles')}&limit=100`)
    const plain = await search(`q=${encodeURIComponent('donnee personnelle')}&limit=100`)
    expect(accented.total).toBeGreaterThan(0)
    // Same stems once accents are removed: every match of the plain spelling is a match of the accented one.
    expect(plain.total).toBeGreaterThanOrEqual(10)
    expect(accented.items.map((r) => r.slug)).toEqual(expect.arrayContaining(plain.items.map((r) => r.slug)))
    expect(plain.items.map((r) => r.slug)).toContain('guide-rgpd-cnil-collectivites')
    const singular = await search('q=sauvegarde&limit=100')
    const plural = await search('q=sauvegardes&limit=100')
    expect(singular.total).toBeGreaterThan(0)
    expect(plural.items.map((r) => r.slug).sort()).toEqual(singular.items.map((r) => r.slug).sort())
    const upper = await search(`q=${encodeURIComponent('CYBERSÉCURITÉ')}`)
    const lower = await search('q=cybersecurite')
    expect(upper.total).toBeGreaterThan(0)
    expect(lower.total).toBe(upper.total)
  })

  it('tolerates a typo in a title word', async () => {
    const body = await search(`q=${encodeURIComponent('sauvgarde')}`)
    expect(body.total).toBeGreaterThan(0)
  })

  it('ranks by relevance: a resource about the words comes first', async () => {
    const body = await search(`q=${encodeURIComponent('RGPD collectivités CNIL')}&sort=relevance`)
    expect(body.items[0]?.slug).toBe('guide-rgpd-cnil-collectivites')
  })

  it('counts facets disjunctively: a facet ignores its own filter, not the others', async () => {
    const all = await search('limit=1')
    const gdpr = all.facets.theme.find((f) => f.value === 'gdpr')!
    const expected = resourcesSeed.filter((r) => r.themes.includes('gdpr')).length
    expect(gdpr.count).toBe(expected)
    expect(gdpr.label).toBe('RGPD et données personnelles')

    const filtered = await search('theme=gdpr&limit=100')
    expect(filtered.total).toBe(expected)
    expect(filtered.items.every((r) => r.themes.includes('gdpr'))).toBe(true)
    // The theme facet still shows other themes' counts (it ignores its own filter)…
    expect(filtered.facets.theme.find((f) => f.value === 'gdpr')).toMatchObject({
      count: expected,
      selected: true,
    })
    expect(filtered.facets.theme.find((f) => f.value === 'open-data')!.count).toBe(
      resourcesSeed.filter((r) => r.themes.includes('open-data')).length,
    )
    // …while the type facet counts only GDPR resources.
    const guides = resourcesSeed.filter((r) => r.themes.includes('gdpr') && r.type === 'guide').length
    expect(filtered.facets.type.find((f) => f.value === 'guide')!.count).toBe(guides)
    expect(filtered.facets.theme.map((f) => f.value)).toEqual(THEME_IDS)
  })

  it('combines filters: OR within one, AND across them; both ?a=x&a=y and ?a=x,y work', async () => {
    const expected = resourcesSeed.filter(
      (r) => (r.themes.includes('gdpr') || r.themes.includes('open-data')) && r.audience.includes('elected'),
    ).length
    const repeated = await search('theme=gdpr&theme=open-data&audience=elected&limit=100')
    const comma = await search('theme=gdpr,open-data&audience=elected&limit=100')
    expect(repeated.total).toBe(expected)
    expect(comma.total).toBe(expected)
  })

  it('paginates with a stable total', async () => {
    const first = await search('sort=date&limit=10&offset=0')
    const second = await search('sort=date&limit=10&offset=10')
    expect(first.total).toBe(second.total)
    expect(first.limit).toBe(10)
    expect(second.offset).toBe(10)
    const overlap = first.items.filter((a) => second.items.some((b) => b.slug === a.slug))
    expect(overlap).toHaveLength(0)
  })

  it('sorts by date (latest first) and by popularity (views and bookmarks)', async () => {
    const byDate = await search('sort=date&limit=3')
    const latest = [...resourcesSeed].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]!
    expect(byDate.items[0]?.slug).toBe(latest.slug)

    const target = resourcesSeed[resourcesSeed.length - 1]!.slug
    for (let i = 0; i < 3; i++) await t.host.app.inject({ method: 'GET', url: `/v1/resources/${target}` })
    const byPopularity = await search('sort=popularity&limit=1')
    expect(byPopularity.items[0]).toMatchObject({ slug: target, viewCount: 3 })
  })

  it('refuses unknown filter values with a problem naming the parameter', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/resources?theme=astrologie' })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'OSI_VALIDATION', errors: [{ field: 'querystring.theme' }] })
    const sort = await t.host.app.inject({ method: 'GET', url: '/v1/resources?sort=random' })
    expect(sort.statusCode).toBe(400)
    const op = await t.host.app.inject({ method: 'GET', url: '/v1/resources?operator=not-a-uuid' })
    expect(op.json()).toMatchObject({ code: 'OSI_VALIDATION' })
  })

  it('"pour vous" returns resources on the weak themes, those covering more themes first', async () => {
    const res = await t.host.app.inject({
      method: 'GET',
      url: '/v1/resources/for-you?themes=gdpr,open-data&limit=100',
    })
    expect(res.statusCode).toBe(200)
    const body = res.json() as {
      items: Array<{ slug: string; themes: string[]; matchedThemes: string[] }>
      total: number
    }
    const expected = resourcesSeed.filter((r) => r.themes.includes('gdpr') || r.themes.includes('open-data'))
    expect(body.total).toBe(expected.length)
    const counts = body.items.map((r) => r.matchedThemes.length)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(body.items.every((r) => r.themes.some((th) => th === 'gdpr' || th === 'open-data'))).toBe(true)
    const bad = await t.host.app.inject({ method: 'GET', url: '/v1/resources/for-you?themes=nope' })
    expect(bad.statusCode).toBe(400)
  })

  it("shows an operator's local resource to its collectivités only, with an operator facet", async () => {
    const created = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: await t.auth('editorA'),
      payload: draft({ title: 'Permanence numérique du syndicat', slug: 'permanence-syndicat-a' }),
    })
    expect(created.statusCode, created.body).toBe(201)
    const published = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources/permanence-syndicat-a/transitions',
      headers: await t.auth('editorA'),
      payload: { to: 'in-review' },
    })
    expect(published.statusCode).toBe(200)
    await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources/permanence-syndicat-a/transitions',
      headers: await t.auth('editorA'),
      payload: { to: 'published' },
    })
    const q = `q=${encodeURIComponent('permanence syndicat')}`
    expect((await search(q)).total).toBe(0)
    expect((await search(q, await t.auth('memberB'))).total).toBe(0)
    const member = await search(q, await t.auth('memberA'))
    expect(member.items.map((r) => r.slug)).toEqual(['permanence-syndicat-a'])
    expect(member.facets.operator.find((f) => f.value === OP_A)?.count).toBe(1)
    const direct = await t.host.app.inject({
      method: 'GET',
      url: '/v1/resources/permanence-syndicat-a',
      headers: await t.auth('memberB'),
    })
    expect(direct.statusCode).toBe(404)
    const onlyNational = await search('operator=national&limit=1', await t.auth('memberA'))
    expect(onlyNational.total).toBe(resourcesSeed.length)
  })

  it('shows a resource in results and facet counts as soon as it is published or archived, cache or not', async () => {
    const editor = await t.auth('nationalEditor')
    const slug = 'ludotheque-logiciels-libres'
    const move = async (to: string) => {
      const res = await t.host.app.inject({
        method: 'POST',
        url: `/v1/resources/${slug}/transitions`,
        headers: editor,
        payload: { to },
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    const faqs = (body: SearchBody) => body.facets.type.find((f) => f.value === 'faq')!.count
    const text = `q=${encodeURIComponent('ludothèques')}`
    // Answered, hence cached: the same questions asked right after must not get these answers.
    const before = await search('theme=open-source&limit=100')
    const page2 = await search('theme=open-source&limit=5&offset=5&sort=title')
    expect((await search(text)).total).toBe(0)

    const created = await t.host.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: editor,
      payload: draft({
        slug,
        type: 'faq',
        title: 'Ludothèque des logiciels libres de la mairie',
        themes: ['open-source'],
      }),
    })
    expect(created.statusCode, created.body).toBe(201)
    await move('in-review')
    expect((await search('theme=open-source&limit=100')).total).toBe(before.total)
    await move('published')

    const after = await search('theme=open-source&limit=100')
    expect(after.total).toBe(before.total + 1)
    expect(after.items.map((r) => r.slug)).toContain(slug)
    expect(faqs(after)).toBe(faqs(before) + 1)
    expect(after.facets.theme.find((f) => f.value === 'open-source')!.count).toBe(before.total + 1)
    expect((await search('theme=open-source&limit=5&offset=5&sort=title')).total).toBe(page2.total + 1)
    const found = await search(text)
    expect(found.items.map((r) => r.slug)).toEqual([slug])

    await move('archived')
    const archived = await search('theme=open-source&limit=100')
    expect(archived.total).toBe(before.total)
    expect(faqs(archived)).toBe(faqs(before))
    expect((await search(text)).total).toBe(0)
  })
})
