import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult, ToolDetail } from './schemas.js'
import { PROBLEM, startTestService, type TestService } from './testing.js'

const EDITOR = '0193a000-0000-7000-8000-00000000e001'

const validTool = (overrides: Record<string, unknown> = {}) => ({
  slug: 'outil-de-test',
  name: 'Outil de test',
  summary: 'Un outil de visioconférence pour les tests.',
  description: 'Une **description**.',
  licence: 'AGPL-3.0-or-later',
  categories: ['videoconference'],
  themes: ['videoconference'],
  hosting: [{ mode: 'saas', dataLocation: 'france', note: 'Hébergé en France.' }],
  standards: ['WebRTC'],
  costModel: 'free',
  skillLevel: 'beginner',
  alternativeTo: ['Zoom'],
  ...overrides,
})

describe('catalogue tool records', () => {
  let t: TestService
  let editor: string
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, token?: string) =>
    t.host.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    editor = await t.token({ sub: EDITOR, roles: ['editor'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('neutralises scripts, event handlers and javascript: links in Markdown descriptions', async () => {
    const markdown = [
      'Texte **important**.',
      '<script>alert("x")</script>',
      '<img src="x" onerror="alert(1)">',
      '[clic](javascript:alert(1))',
      '<a href="https://example.org" onclick="steal()">lien</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<p style="color:red" onmouseover="alert(2)">survol</p>',
    ].join('\n\n')
    const res = await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'outil-xss', name: 'Outil XSS', description: markdown }),
      editor,
    )
    expect(res.statusCode, res.body).toBe(201)
    const tool = res.json() as ToolDetail
    expect(tool.description.markdown).toBe(markdown)
    const html = tool.description.html
    expect(html).toContain('<strong>important</strong>')
    expect(html).not.toMatch(/<script|onerror|onclick|onmouseover|javascript:|<iframe|style=|<img/i)
    expect(html).toContain('href="https://example.org"')
  })

  it('puts every criterion of a tool in plain French, as its page and the comparison show them', async () => {
    const res = await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'outil-criteres', name: 'Outil critères' }),
      editor,
    )
    expect(res.statusCode, res.body).toBe(201)
    const criteria = (res.json() as ToolDetail).criteria
    const display = (key: string) => criteria.find((c) => c.key === key)
    expect(display('costModel')).toEqual({
      key: 'costModel',
      label: 'Modèle de coût',
      group: 'Général',
      display: 'Gratuit',
    })
    expect(display('dataLocations')?.display).toBe('France')
    expect(display('hostingModes')?.display).toBe('En ligne (service hébergé)')
    expect(display('categories')?.display).toBe('Visioconférence')
    expect(display('isFree')?.display).toBe('Oui')
    const compared = (
      await inject('GET', '/v1/tools/compare?slugs=outil-criteres,nextcloud', undefined, editor)
    ).json() as {
      rows: Array<{ key: string; label: string }>
    }
    expect(criteria.map((c) => c.label)).toEqual(compared.rows.map((r) => r.label).slice(0, criteria.length))
  })

  it('says which facts of a tool sheet are not documented yet, until an editor fills them', async () => {
    const created = await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'outil-a-completer', standards: [] }),
      editor,
    )
    expect(created.statusCode, created.body).toBe(201)
    const before = (await inject('GET', '/v1/tools/outil-a-completer', undefined, editor)).json()
    const missing = (c: { missing: Array<{ key: string }> }) => c.missing.map((m) => m.key)
    expect(missing(before.completeness)).toEqual(
      expect.arrayContaining(['standards', 'rgaaDeclaration', 'twoFactor', 'endToEndEncryption', 'sobriety']),
    )
    expect(missing(before.completeness)).not.toContain('licence')
    expect(before.completeness.documented + before.completeness.missing.length).toBe(
      before.completeness.total,
    )
    expect(before.completeness.missing).toContainEqual({
      key: 'rgaaDeclaration',
      label: 'Accessibilité (RGAA)',
    })

    const patched = await inject(
      'PATCH',
      '/v1/tools/outil-a-completer',
      {
        standards: ['WebRTC'],
        accessibility: { rgaaDeclaration: 'partial' },
        security: { twoFactor: true, endToEndEncryption: false, secNumCloud: false },
        sobriety: 'Fonctionne dans un navigateur, sans installation.',
      },
      editor,
    )
    expect(patched.statusCode, patched.body).toBe(200)
    const after = (await inject('GET', '/v1/tools/outil-a-completer', undefined, editor)).json()
    expect(after.completeness.missing).toEqual([])
    expect(after.completeness.documented).toBe(after.completeness.total)
  })

  it('refuses oversized or invalid fields with problem+json listing each field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [validTool({ name: 'x'.repeat(121) }), 'body.name'],
      [validTool({ licence: 'not a licence!' }), 'body.licence'],
      [validTool({ website: 'javascript:alert(1)' }), 'body.website'],
      [validTool({ categories: [] }), 'body.categories'],
      [validTool({ categories: ['not-a-category'] }), 'body.categories.0'],
      [validTool({ slug: 'Pas Un Slug' }), 'body.slug'],
      [validTool({ colour: 'blue' }), 'body.colour'],
      [validTool({ description: 'x'.repeat(20_001) }), 'body.description'],
      [validTool({ hosting: [{ mode: 'cloud', dataLocation: 'france' }] }), 'body.hosting.0.mode'],
    ]
    for (const [body, field] of cases) {
      const res = await inject('POST', '/v1/tools', body, editor)
      expect(res.statusCode, field).toBe(400)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      const problem = res.json()
      expect(problem.code).toBe('OSI_VALIDATION')
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
    }
    const huge = await inject('POST', '/v1/tools', validTool({ description: 'x'.repeat(1_100_000) }), editor)
    expect(huge.statusCode).toBe(413)
    expect(huge.headers['content-type']).toMatch(PROBLEM)
    const emptyPatch = await inject('PATCH', '/v1/tools/nextcloud', {}, editor)
    expect(emptyPatch.statusCode).toBe(400)
  })

  it('keeps drafts from the public, publishes them with an event and records who changed what', async () => {
    const created = await inject('POST', '/v1/tools', validTool(), editor)
    expect(created.statusCode).toBe(201)
    expect(created.headers.location).toBe('/v1/tools/outil-de-test')
    expect(created.json().status).toBe('draft')
    expect((await inject('GET', '/v1/tools/outil-de-test')).statusCode).toBe(404)
    expect((await inject('GET', '/v1/tools/outil-de-test', undefined, editor)).statusCode).toBe(200)
    const publicSearch = (await inject('GET', '/v1/tools?q=outil%20de%20test')).json() as SearchResult
    expect(publicSearch.items.map((i) => i.slug)).not.toContain('outil-de-test')
    const drafts = (await inject('GET', '/v1/tools?status=draft', undefined, editor)).json() as SearchResult
    expect(drafts.items.map((i) => i.slug)).toContain('outil-de-test')

    const published = await inject(
      'PATCH',
      '/v1/tools/outil-de-test',
      { status: 'published', summary: 'Résumé revu.' },
      editor,
    )
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published', summary: 'Résumé revu.', revision: 2 })
    expect((await inject('GET', '/v1/tools/outil-de-test')).statusCode).toBe(200)
    const found = (await inject('GET', '/v1/tools?q=outil%20de%20test')).json() as SearchResult
    expect(found.items[0]?.slug).toBe('outil-de-test')

    const outbox = await t.ctx.db
      .selectFrom('outbox')
      .select(['subject', 'envelope'])
      .where('aggregate_id', '=', created.json().id)
      .execute()
    expect(outbox.map((o) => o.subject)).toEqual(['osinum.catalogue.tool.published.v1'])
    expect((outbox[0]!.envelope as { data: { slug: string } }).data.slug).toBe('outil-de-test')

    // An identical PATCH changes nothing: no revision, no event.
    await inject('PATCH', '/v1/tools/outil-de-test', { summary: 'Résumé revu.' }, editor)
    await inject('PATCH', '/v1/tools/outil-de-test', { costModel: 'freemium' }, editor)
    const history = await inject('GET', '/v1/tools/outil-de-test/history', undefined, editor)
    expect(history.statusCode).toBe(200)
    const revisions = history.json().items as Array<{
      revision: number
      action: string
      changedBy: string
      changes: Record<string, { from: unknown; to: unknown }>
    }>
    expect(revisions.map((r) => [r.revision, r.action])).toEqual([
      [3, 'updated'],
      [2, 'published'],
      [1, 'created'],
    ])
    expect(revisions[0]!.changes).toEqual({ costModel: { from: 'free', to: 'freemium' } })
    expect(revisions[1]!.changes.status).toEqual({ from: 'draft', to: 'published' })
    expect(revisions.every((r) => r.changedBy === EDITOR)).toBe(true)
    const subjects = await t.ctx.db
      .selectFrom('outbox')
      .select('subject')
      .where('aggregate_id', '=', created.json().id)
      .orderBy('seq')
      .execute()
    expect(subjects.map((s) => s.subject)).toEqual([
      'osinum.catalogue.tool.published.v1',
      'osinum.catalogue.tool.updated.v1',
    ])
  })

  it('publishes several drafts at once, all or nothing, each recorded in its history', async () => {
    for (const [slug, name] of [
      ['brouillon-un', 'Brouillon un'],
      ['brouillon-deux', 'Brouillon deux'],
    ])
      expect((await inject('POST', '/v1/tools', validTool({ slug, name }), editor)).statusCode).toBe(201)
    const slugs = ['brouillon-un', 'brouillon-deux']
    // An unknown slug refuses the batch: nothing is published.
    const refused = await inject('POST', '/v1/tools/publication', { slugs: [...slugs, 'inconnu'] }, editor)
    expect(refused.statusCode).toBe(404)
    expect(refused.headers['content-type']).toMatch(/problem\+json/)
    expect((await inject('GET', '/v1/tools/brouillon-un')).statusCode).toBe(404)
    expect((await inject('POST', '/v1/tools/publication', { slugs })).statusCode).toBe(401)
    const done = await inject('POST', '/v1/tools/publication', { slugs: [...slugs, 'outil-de-test'] }, editor)
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toEqual({ published: slugs, unchanged: ['outil-de-test'] })
    for (const slug of slugs) {
      expect((await inject('GET', `/v1/tools/${slug}`)).json().status).toBe('published')
      const history = (await inject('GET', `/v1/tools/${slug}/history`, undefined, editor)).json().items
      expect(history[0]).toMatchObject({ action: 'published', changedBy: EDITOR })
    }
  })

  it('stores null, false and 0-like values exactly as sent (no type coercion of bodies)', async () => {
    const res = await inject(
      'POST',
      '/v1/tools',
      validTool({
        slug: 'outil-valeurs',
        website: null,
        sobriety: null,
        security: { twoFactor: null, endToEndEncryption: false, secNumCloud: false, note: null },
        accessibility: { rgaaDeclaration: 'partial', declarationUrl: null },
      }),
      editor,
    )
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      website: null,
      sobriety: null,
      security: { twoFactor: null, endToEndEncryption: false, secNumCloud: false, note: null },
      accessibility: { rgaaDeclaration: 'partial', declarationUrl: null, note: null },
    })
  })

  it('refuses a slug or an external id that another tool already has', async () => {
    const slug = await inject('POST', '/v1/tools', validTool({ slug: 'nextcloud' }), editor)
    expect(slug.statusCode).toBe(409)
    expect(slug.json().code).toBe('OSI_CATALOGUE_SLUG_TAKEN')
    const wikidata = await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'copie-nextcloud', externalIds: { wikidata: 'Q25874683' } }),
      editor,
    )
    expect(wikidata.statusCode).toBe(409)
    expect(wikidata.headers['content-type']).toMatch(PROBLEM)
    expect(wikidata.json().code).toBe('OSI_CATALOGUE_EXTERNAL_ID_TAKEN')
  })

  it('removes an archived tool from search, export and the public page', async () => {
    await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'outil-archive', name: 'Outil archivé', status: 'published' }),
      editor,
    )
    const slugs = async () =>
      ((await inject('GET', '/v1/tools?q=outil%20archive&limit=100')).json() as SearchResult).items.map(
        (i) => i.slug,
      )
    expect(await slugs()).toContain('outil-archive')
    const archived = await inject('PATCH', '/v1/tools/outil-archive', { status: 'archived' }, editor)
    expect(archived.json().status).toBe('archived')
    expect(await slugs()).not.toContain('outil-archive')
    expect((await inject('GET', '/v1/tools/outil-archive')).statusCode).toBe(404)
    const exported = (await inject('GET', '/v1/catalogue/export.json')).json() as {
      tools: Array<{ slug: string }>
    }
    expect(exported.tools.map((x) => x.slug)).not.toContain('outil-archive')
  })

  it('exports the published catalogue as JSON and CSV with documented columns', async () => {
    const json = await inject('GET', '/v1/catalogue/export.json')
    expect(json.statusCode).toBe(200)
    const doc = json.json() as { count: number; licence: string; tools: Array<Record<string, unknown>> }
    const published = (await inject('GET', '/v1/tools?limit=1')).json().total
    expect(doc.count).toBe(published)
    expect(doc.licence).toContain('Licence Ouverte')
    expect(doc.tools.find((x) => x.slug === 'nextcloud')).toMatchObject({
      licence: 'AGPL-3.0-or-later',
      isFree: true,
    })

    const csv = await inject('GET', '/v1/catalogue/export.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/)
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['slug', 'name', 'summary', 'description'])
    const nextcloud = lines.find((l) => l.startsWith('nextcloud,'))!
    expect(nextcloud).toContain('AGPL-3.0-or-later,true,file-sharing | agenda | contacts')
    // Formula-like cells cannot run in a spreadsheet.
    await inject(
      'POST',
      '/v1/tools',
      validTool({ slug: 'outil-formule', name: '=HYPERLINK("x")', status: 'published' }),
      editor,
    )
    const again = (await inject('GET', '/v1/catalogue/export.csv')).body
    expect(again).toContain(`"'=HYPERLINK(""x"")"`)
  })
})
