import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult, ToolDetail } from './schemas.js'
import seedTools from './seed/tools.json' with { type: 'json' }
import { PROBLEM, startTestService, type TestService } from './testing.js'

const tools = seedTools as Array<{ slug: string; categories: string[]; standards: string[]; name: string }>
const videoconference = tools.filter((t) => t.categories.includes('videoconference')).map((t) => t.slug)
const caldavAgendas = tools
  .filter((t) => t.categories.includes('agenda') && t.standards.includes('CalDAV'))
  .map((t) => t.slug)

describe('catalogue search in French', () => {
  let t: TestService
  const search = async (query: string) => {
    const res = await t.host.app.inject({ method: 'GET', url: `/v1/tools?${query}` })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as SearchResult
  }
  const slugs = (r: SearchResult) => r.items.map((i) => i.slug)

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('finds the videoconference tools for "visio", "visioconference", "vidéo conférence" and "visioconférence"', async () => {
    expect(videoconference.length).toBeGreaterThanOrEqual(3)
    for (const q of ['visio', 'visioconference', 'vidéo conférence', 'visioconférence', 'Visio-conférence']) {
      const result = await search(`q=${encodeURIComponent(q)}&limit=50`)
      for (const slug of videoconference) expect(slugs(result), `${q} → ${slug}`).toContain(slug)
      // The best answers are videoconference tools.
      for (const slug of slugs(result).slice(0, 3))
        expect(videoconference, `${q}: top result ${slug}`).toContain(slug)
    }
  })

  it('finds CalDAV agendas for "agenda partagé", with shared agendas first', async () => {
    expect(caldavAgendas.length).toBeGreaterThanOrEqual(3)
    const result = await search(`q=${encodeURIComponent('agenda partagé')}&limit=50`)
    for (const slug of caldavAgendas) expect(slugs(result)).toContain(slug)
    const agendaTools = tools.filter((x) => x.categories.includes('agenda')).map((x) => x.slug)
    for (const slug of slugs(result).slice(0, 3)) expect(agendaTools).toContain(slug)
    // "calendrier" is a synonym of agenda
    const calendrier = await search('q=calendrier&limit=50')
    for (const slug of caldavAgendas) expect(slugs(calendrier)).toContain(slug)
  })

  it('still finds the tool when the query has a typo', async () => {
    expect(slugs(await search('q=nextclod'))[0]).toBe('nextcloud')
    expect(slugs(await search('q=libreofice'))[0]).toBe('libreoffice')
    expect(slugs(await search('q=jitsy'))[0]).toBe('jitsi-meet')
    const typo = await search(`q=${encodeURIComponent('visioconférance')}&limit=50`)
    for (const slug of videoconference) expect(slugs(typo)).toContain(slug)
  })

  it('corrects transpositions, missing letters and concatenated words, without the database', async () => {
    for (const q of ['visoi', 'vison', 'viso']) {
      const result = await search(`q=${q}&limit=50`)
      for (const slug of slugs(result).slice(0, 3))
        expect(videoconference, `${q}: top result ${slug}`).toContain(slug)
      expect(result.total, q).toBeGreaterThan(0)
    }
    expect(slugs(await search('q=motdepasse'))).toEqual(
      expect.arrayContaining(['keepassxc', 'vaultwarden', 'bitwarden']),
    )
  })

  it('answers no result, with suggestions, rather than noise for words no tool is about', async () => {
    for (const q of ['firewall', 'état civil', 'zzzzqqq']) {
      const result = await search(`q=${encodeURIComponent(q)}`)
      expect([q, result.total]).toEqual([q, 0])
      expect(Array.isArray(result.suggestions), q).toBe(true)
    }
    // A near miss proposes the word it is close to.
    const near = await search(`q=${encodeURIComponent('sondagz civil')}`)
    expect(near.total).toBe(0)
  })

  it('ignores accents and case, and stems French words', async () => {
    const a = await search(`q=${encodeURIComponent('sécurité')}&limit=100`)
    const b = await search('q=SECURITE&limit=100')
    expect(a.total).toBeGreaterThan(0)
    expect(slugs(b)).toEqual(slugs(a))
    // "sondages" (plural) finds the survey tools
    expect(slugs(await search('q=sondages&limit=50'))).toContain('limesurvey')
  })

  it('matches phrases across stop words, and relaxes a query that no tool fully matches', async () => {
    expect(slugs(await search(`q=${encodeURIComponent('mot de passe')}`))).toEqual(
      expect.arrayContaining(['keepassxc', 'vaultwarden', 'bitwarden']),
    )
    expect(slugs(await search(`q=${encodeURIComponent('lettre d’information')}`))).toEqual(
      expect.arrayContaining(['listmonk', 'sympa']),
    )
    const relaxed = await search(`q=${encodeURIComponent('cloud souverain')}&limit=50`)
    expect(slugs(relaxed)).toContain('nextcloud')
  })

  it('finds free alternatives by the proprietary product they replace', async () => {
    expect(slugs(await search('q=zoom&limit=50'))).toEqual(
      expect.arrayContaining(['jitsi-meet', 'bigbluebutton']),
    )
    expect(slugs(await search('q=doodle'))).toContain('framadate')
  })

  it('returns facet counts that match the filtered results', async () => {
    const base = 'q=visio&freeLicence=true'
    const result = await search(`${base}&limit=100`)
    expect(result.total).toBe(result.items.length)
    expect(result.items.every((i) => i.isFree)).toBe(true)
    const facets = result.facets
    const checks: Array<[string, Array<{ value: string; count: number }>]> = [
      ['costModel', facets.costModel],
      ['hostingMode', facets.hostingMode],
      ['dataLocation', facets.dataLocation],
      ['skillLevel', facets.skillLevel],
      ['category', facets.category],
      ['theme', facets.theme],
      ['accessibility', facets.accessibility],
    ]
    let checked = 0
    for (const [facet, values] of checks)
      for (const v of values.filter((x) => x.count > 0)) {
        const filtered = await search(`${base}&${facet}=${v.value}&limit=100`)
        expect(filtered.total, `${facet}=${v.value}`).toBe(v.count)
        checked++
      }
    expect(checked).toBeGreaterThan(5)
    // The free-licence facet ignores its own filter: its "true" count is the current total.
    expect(facets.freeLicence.find((v) => v.value === 'true')?.count).toBe(result.total)
    const nonFree = facets.freeLicence.find((v) => v.value === 'false')!.count
    expect((await search('q=visio&freeLicence=false')).total).toBe(nonFree)
    // Without a query, category counts are the number of published tools of each category.
    const all = await search('limit=1')
    expect(all.total).toBe(tools.length)
    for (const c of all.facets.category)
      expect(c.count, c.value).toBe(tools.filter((x) => x.categories.includes(c.value)).length)
  })

  it('combines filters (AND across facets, OR inside one) and paginates consistently', async () => {
    const or = await search('category=videoconference&category=chat&limit=100')
    expect(
      or.items.every((i) => i.categories.includes('videoconference') || i.categories.includes('chat')),
    ).toBe(true)
    const and = await search('category=videoconference&costModel=hosting-cost-only&limit=100')
    expect(
      and.items.every((i) => i.categories.includes('videoconference') && i.costModel === 'hosting-cost-only'),
    ).toBe(true)
    expect(and.total).toBeLessThan(or.total)
    const byName = await search('sort=name&limit=100')
    const names = byName.items.map((i) => i.name)
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true })),
    )
    const pages = [
      ...(await search('sort=name&limit=25&offset=0')).items,
      ...(await search('sort=name&limit=25&offset=25')).items,
      ...(await search('sort=name&limit=25&offset=50')).items,
    ].map((i) => i.slug)
    expect(pages).toEqual(byName.items.map((i) => i.slug))
    const updated = await search('sort=updated&limit=100')
    const times = updated.items.map((i) => i.updatedAt)
    expect(times).toEqual([...times].sort().reverse())
  })

  it('refuses invalid search parameters with problem+json', async () => {
    for (const query of ['category=nope', 'limit=1000', 'sort=random', `q=${'x'.repeat(201)}`, 'unknown=1']) {
      const res = await t.host.app.inject({ method: 'GET', url: `/v1/tools?${query}` })
      expect(res.statusCode, query).toBe(400)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.json().code).toBe('OSI_VALIDATION')
    }
    const attr = await t.host.app.inject({ method: 'GET', url: '/v1/tools?attribute=nope:true' })
    expect(attr.statusCode).toBe(422)
    expect(attr.json().code).toBe('OSI_CATALOGUE_INVALID_FILTER')
    const drafts = await t.host.app.inject({ method: 'GET', url: '/v1/tools?status=draft' })
    expect(drafts.statusCode).toBe(403)
    expect(drafts.headers['content-type']).toMatch(PROBLEM)
  })

  it('shows similar tools and alternatives on a tool page', async () => {
    const jitsi = (
      await t.host.app.inject({ method: 'GET', url: '/v1/tools/jitsi-meet' })
    ).json() as ToolDetail
    expect(jitsi.similar.map((s) => s.slug)).toEqual(expect.arrayContaining(['bigbluebutton', 'galene']))
    expect(jitsi.alternatives.map((s) => s.slug)).toContain('bigbluebutton')
    expect(jitsi.description.html).toContain('<p>')
    const m365 = (
      await t.host.app.inject({ method: 'GET', url: '/v1/tools/microsoft-365' })
    ).json() as ToolDetail
    expect(m365.isFree).toBe(false)
    expect(m365.alternatives.map((s) => s.slug)).toEqual(
      expect.arrayContaining(['collabora-online', 'onlyoffice-docs']),
    )
    expect(m365.alternatives.every((a) => a.isFree)).toBe(true)
    const missing = await t.host.app.inject({ method: 'GET', url: '/v1/tools/does-not-exist' })
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toMatch(PROBLEM)
  })

  it('compares two to four tools on every criterion and refuses other counts or unknown slugs', async () => {
    const res = await t.host.app.inject({
      method: 'GET',
      url: '/v1/tools/compare?slugs=jitsi-meet,bigbluebutton,galene',
    })
    expect(res.statusCode).toBe(200)
    const body = res.json() as {
      tools: ToolDetail[]
      rows: Array<{ key: string; values: Array<{ slug: string }> }>
    }
    expect(body.tools.map((x) => x.slug)).toEqual(['jitsi-meet', 'bigbluebutton', 'galene'])
    const keys = body.rows.map((r) => r.key)
    for (const key of [
      'licence',
      'isFree',
      'dataLocations',
      'standards',
      'rgaaDeclaration',
      'twoFactor',
      'costModel',
      'skillLevel',
      'usersCount',
    ])
      expect(keys).toContain(key)
    expect(body.rows.every((r) => r.values.length === 3)).toBe(true)
    for (const slugs of [
      'jitsi-meet',
      'jitsi-meet,bigbluebutton,galene,nextcloud,thunderbird',
      'jitsi-meet,jitsi-meet',
    ]) {
      const bad = await t.host.app.inject({ method: 'GET', url: `/v1/tools/compare?slugs=${slugs}` })
      expect(bad.statusCode, slugs).toBe(422)
      expect(bad.json().code).toBe('OSI_CATALOGUE_COMPARE_COUNT')
    }
    const unknown = await t.host.app.inject({ method: 'GET', url: '/v1/tools/compare?slugs=jitsi-meet,nope' })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.headers['content-type']).toMatch(PROBLEM)
    expect(unknown.json().errors).toEqual([{ field: 'querystring.slugs', message: 'unknown tool "nope"' }])
  })

  it('lists categories with their number of published tools', async () => {
    const res = await t.host.app.inject({ method: 'GET', url: '/v1/categories' })
    const videoconf = (res.json() as Array<{ id: string; toolCount: number }>).find(
      (c) => c.id === 'videoconference',
    )
    expect(videoconf?.toolCount).toBe(videoconference.length)
  })
})
