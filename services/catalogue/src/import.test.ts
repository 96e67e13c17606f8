import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport, ToolDetail } from './schemas.js'
import { PROBLEM, startTestService, type TestService } from './testing.js'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8')) as unknown

const EDITOR = '0193a000-0000-7000-8000-00000000e002'

describe('catalogue import of public catalogues (SILL, Comptoir du Libre)', () => {
  let t: TestService
  let editor: string
  const post = (payload: unknown, query = '', token = editor) =>
    t.host.app.inject({
      method: 'POST',
      url: `/v1/catalogue/imports${query}`,
      payload: payload as object,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  /** Everything an import could change, to prove that nothing did. */
  const state = async () => {
    const db = t.ctx.db
    const [tools, revisions, outbox, version] = await Promise.all([
      db
        .selectFrom('tools')
        .select(['slug', 'revision', 'updated_at', 'sill_id', 'wikidata_id', 'comptoir_id'])
        .orderBy('slug')
        .execute(),
      db
        .selectFrom('tool_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db.selectFrom('catalogue_state').select('version').executeTakeFirstOrThrow(),
    ])
    return {
      tools,
      revisions: Number(revisions.n),
      outbox: Number(outbox.n),
      version: Number(version.version),
    }
  }

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    editor = await t.token({ sub: EDITOR, roles: ['editor'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refuses the bad entries of a file with their problems and imports the others', async () => {
    const res = await post(fixture('sill-malformed.json'))
    expect(res.statusCode, res.body).toBe(200)
    const report = res.json() as ImportReport
    expect(report.refused).toBe(3)
    const refused = report.entries.filter((e) => e.action === 'refused')
    expect(refused.map((e) => e.index)).toEqual([1, 2, 3])
    const fields = refused.flatMap((e) => e.problems!.map((p) => p.field))
    expect(fields).toEqual(
      expect.arrayContaining([
        '[1].name',
        '[2].id',
        '[2].license',
        '[3].name',
        '[3].softwareType',
        '[3].keywords',
      ]),
    )
    for (const e of refused) expect(e.reason).toMatch(/^Entrée refusée/)
    // Entry 0 (QGIS) is valid: matched with the seed's QGIS, not refused.
    expect(report.entries[0]).toMatchObject({ name: 'QGIS', slug: 'qgis', match: { slug: 'qgis' } })
  })

  it('refuses with 422 a file of no known shape, or of another format than the one asked, and writes nothing', async () => {
    const before = await state()
    const shapeless = await post({ hello: 'world' })
    expect(shapeless.statusCode).toBe(422)
    expect(shapeless.headers['content-type']).toMatch(PROBLEM)
    expect(shapeless.json().code).toBe('OSI_CATALOGUE_IMPORT_UNSUPPORTED')
    const wrongFormat = await post(fixture('comptoir-du-libre.json'), '?format=sill')
    expect(wrongFormat.statusCode).toBe(422)
    expect(wrongFormat.json().code).toBe('OSI_CATALOGUE_IMPORT_INVALID')
    expect(await state()).toEqual(before)
  })

  it('imports a SILL file, and importing the same file again changes nothing', async () => {
    const first = await post(fixture('sill.json'))
    expect(first.statusCode, first.body).toBe(200)
    const report = first.json() as ImportReport
    expect(report.format).toBe('sill')
    expect(report.entries).toHaveLength(7)
    // Roundcube is dereferenced in the SILL: skipped, never published as recommended.
    expect(report.entries.find((e) => e.name === 'Roundcube')).toMatchObject({ action: 'skipped' })
    // Known software is matched by its SILL id, never duplicated.
    expect(report.entries.find((e) => e.name === 'Nextcloud')?.slug).toBe('nextcloud')
    expect(report.created + report.updated + report.unchanged + report.skipped).toBe(7)
    const after = await state()
    for (const name of ['Nextcloud', 'LibreOffice', 'QGIS', 'Thunderbird', 'uMap', 'BigBlueButton'])
      expect(
        after.tools.filter((x) => x.slug === report.entries.find((e) => e.name === name)?.slug),
      ).toHaveLength(1)

    const second = await post(fixture('sill.json'))
    expect(second.statusCode).toBe(200)
    const again = second.json() as ImportReport
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 1, unchanged: 6 })
    const afterSecond = await state()
    expect({ ...afterSecond, version: 0 }).toEqual({ ...after, version: 0 })
  })

  it('creates unknown software as drafts and fills only what curated tools lack', async () => {
    // A curated tool without its SILL id gets it from the import; curated text is kept.
    await t.ctx.db.updateTable('tools').set({ sill_id: null }).where('slug', '=', 'qgis').execute()
    const curated = await t.ctx.db
      .selectFrom('tools')
      .select(['summary', 'description_md'])
      .where('slug', '=', 'qgis')
      .executeTakeFirstOrThrow()
    const res = await post(fixture('sill.json'))
    const report = res.json() as ImportReport
    expect(report.entries.find((e) => e.name === 'QGIS')).toMatchObject({ slug: 'qgis', action: 'updated' })
    const qgis = await t.ctx.db
      .selectFrom('tools')
      .selectAll()
      .where('slug', '=', 'qgis')
      .executeTakeFirstOrThrow()
    expect(qgis.sill_id).toBe('120')
    expect({ summary: qgis.summary, description_md: qgis.description_md }).toEqual(curated)
    const history = await t.ctx.db
      .selectFrom('tool_revisions')
      .selectAll()
      .where('tool_id', '=', qgis.id)
      .orderBy('revision', 'desc')
      .executeTakeFirstOrThrow()
    expect(history.action).toBe('imported')
    expect(history.changes).toEqual({
      externalIds: expect.objectContaining({ to: expect.objectContaining({ sill: '120' }) }),
    })
  })

  it('imports the Comptoir du Libre export idempotently, merging with known tools by external id', async () => {
    const first = await post(fixture('comptoir-du-libre.json'))
    expect(first.statusCode, first.body).toBe(200)
    const report = first.json() as ImportReport
    expect(report.format).toBe('comptoir-du-libre')
    expect(report.entries).toHaveLength(7)
    expect(report.entries.find((e) => e.name === 'Nextcloud')?.slug).toBe('nextcloud')
    expect(report.entries.find((e) => e.name === 'uMap')?.slug).toBe('umap')
    const before = await state()
    const second = (
      await post(fixture('comptoir-du-libre.json'), '?format=comptoir-du-libre')
    ).json() as ImportReport
    expect(second).toMatchObject({ created: 0, updated: 0 })
    expect({ ...(await state()), version: 0 }).toEqual({ ...before, version: 0 })
    const names = await t.ctx.db
      .selectFrom('tools')
      .select(['name_norm', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('name_norm')
      .having(sql`count(*)`, '>', 1)
      .execute()
    expect(names).toEqual([])
  })

  it('creates unknown software as a private draft with the mapped fields', async () => {
    const sill = fixture('sill.json') as Array<Record<string, any>>
    const umap = sill.find((e) => e.name === 'uMap')!
    const unknown = {
      ...umap,
      id: 99_001,
      name: 'Carto Exemple',
      license: 'GNU GPL v3',
      keywords: ['cartographie', 'agenda'],
      comptoirDuLibreSoftware: null,
      softwareExternalData: null,
      serviceProviders: [{ name: 'Exemple Hébergement' }],
      similarExternalSoftwares: [{ label: { fr: 'Google My Maps' }, isLibreSoftware: false }],
    }
    const res = await post([unknown])
    expect(res.statusCode, res.body).toBe(200)
    const report = res.json() as ImportReport
    expect(report.entries[0]).toMatchObject({ action: 'created', slug: 'carto-exemple' })
    const anonymous = await t.host.app.inject({ method: 'GET', url: '/v1/tools/carto-exemple' })
    expect(anonymous.statusCode).toBe(404)
    const seen = await t.host.app.inject({
      method: 'GET',
      url: '/v1/tools/carto-exemple',
      headers: { authorization: `Bearer ${editor}` },
    })
    expect(seen.json() as ToolDetail).toMatchObject({
      status: 'draft',
      licence: 'GPL-3.0-only',
      isFree: true,
      categories: ['mapping', 'agenda'],
      alternativeTo: ['Google My Maps'],
      externalIds: { sill: '99001', wikidata: null, comptoirDuLibre: null, framalibre: null },
      hosting: [
        expect.objectContaining({ mode: 'self-hosted', dataLocation: 'depends' }),
        expect.objectContaining({ mode: 'operator' }),
      ],
    })
    // Another SILL entry with the same name is another software of the SILL: kept apart, and said so.
    const homonym = { ...unknown, id: 99_002, name: 'Carto Exemple ', license: 'Freeware maison' }
    const second = (await post([unknown, homonym])).json() as ImportReport
    expect(second.entries.map((e) => e.action)).toEqual(['unchanged', 'created'])
    expect(second.entries[1]!.slug).toBe('carto-exemple-2')
    expect(second.entries[1]!.warnings!.map((w) => w.code)).toEqual(
      expect.arrayContaining(['licence-unknown', 'name-conflict']),
    )
    expect(second.warnings.find((w) => w.code === 'licence-unknown')).toMatchObject({
      field: 'entries[1]',
      message: expect.stringContaining('« Freeware maison » non reconnue : notée NOASSERTION'),
    })
    // Re-importing it matches each by its own SILL id.
    const third = (await post([unknown, homonym])).json() as ImportReport
    expect(third.entries.map((e) => [e.action, e.match?.by])).toEqual([
      ['unchanged', 'sill'],
      ['unchanged', 'sill'],
    ])
  })

  it('refuses a file that is not JSON, carries a prototype-poisoning key or a NUL character with 400, and writes nothing', async () => {
    const before = await state()
    const raw = (body: string) =>
      t.host.app.inject({
        method: 'POST',
        url: '/v1/catalogue/imports',
        payload: body,
        headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      })
    for (const [body, code] of [
      ['{"softwares": [', 'OSI_INVALID_JSON'],
      ['{"softwares": [], "__proto__": {"admin": true}}', 'OSI_INVALID_JSON'],
      ['{"softwares": [{"id": 1, "name": "Libre\\u0000Office"}]}', 'OSI_VALIDATION'],
    ] as const) {
      const res = await raw(body)
      expect(res.statusCode, body).toBe(400)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.json().code).toBe(code)
    }
    expect(await state()).toEqual(before)
  })

  it('reads an uploaded file in a worker thread when compiled, with the same answers (other requests are not stalled)', async () => {
    const compiled = new URL('../dist/domain/import-file.js', import.meta.url)
    if (!existsSync(compiled)) return // `pnpm test` builds dist/ before the tests; a bare vitest run may not
    const script = `
      const { parseImportOffThread, readsInWorker } = await import(${JSON.stringify(compiled.href)})
      if (!readsInWorker()) throw new Error('the compiled import does not use its worker')
      try { await parseImportOffThread(Buffer.from(JSON.stringify({ hello: 1 }))); console.log('accepted') }
      catch (e) { console.log(JSON.stringify({ code: e.code, status: e.statusCode })) }
      const file = Buffer.from(JSON.stringify({ softwares: [{ id: 1, name: 42 }] }))
      const ok = await parseImportOffThread(file)
      console.log(JSON.stringify({ format: ok.format, candidates: ok.candidates.length, refused: ok.candidates.filter((c) => c.problems).length }))`
    const dir = mkdtempSync(join(tmpdir(), 'osinum-import-'))
    const file = join(dir, 'worker-check.mjs')
    writeFileSync(file, script)
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8', env: { PATH: process.env.PATH } })
      .trim()
      .split('\n')
    rmSync(dir, { recursive: true, force: true })
    expect(JSON.parse(out[0]!)).toMatchObject({ code: 'OSI_CATALOGUE_IMPORT_UNSUPPORTED', status: 422 })
    expect(JSON.parse(out[1]!)).toEqual({ format: 'comptoir-du-libre', candidates: 1, refused: 1 })
  })

  it('lets only editors import', async () => {
    expect((await post(fixture('sill.json'), '', '')).statusCode).toBe(401)
    const member = await t.token({ sub: '0193a000-0000-7000-8000-00000000e003', orgs: [] })
    const res = await post(fixture('sill.json'), '', member)
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toMatch(PROBLEM)
    const list = await t.host.app.inject({
      method: 'GET',
      url: '/v1/catalogue/imports',
      headers: { authorization: `Bearer ${editor}` },
    })
    expect(list.json().total).toBeGreaterThanOrEqual(4)
  })

  it('imports the 2022 SILL file (sill-softwares.json) as published: ids normalised, licences by the book, plugins and shared ids kept apart', async () => {
    const file = fixture('sill-softwares-2022.json') as Array<Record<string, unknown>>
    const dry = await post(file, '?dryRun=true')
    expect(dry.statusCode, dry.body).toBe(200)
    const preview = dry.json() as ImportReport
    expect(preview).toMatchObject({ format: 'sill-2022', dryRun: true, refused: 0 })
    const byName = (r: ImportReport, name: string) => r.entries.find((e) => e.name === name)!
    // Known tools are matched explicitly; GLPI and Jitsi by their SILL ids.
    expect(byName(preview, 'GLPI')).toMatchObject({ slug: 'glpi', match: { slug: 'glpi', by: 'sill' } })
    expect(byName(preview, 'Jitsi')).toMatchObject({ slug: 'jitsi-meet', match: { by: 'sill' } })
    // Audacity is no longer recommended: skipped.
    expect(byName(preview, 'Audacity')).toMatchObject({ action: 'skipped' })
    // A GLPI plugin sharing GLPI's Wikidata id is not folded into glpi.
    const survey = byName(preview, 'Survey (questionnaire)')
    expect(survey).toMatchObject({ action: 'created', slug: 'survey-questionnaire' })
    expect(survey.warnings!.map((w) => w.code)).toContain('id-conflict')
    // Squash TF and its runner share a Comptoir du Libre id: two drafts, each told about the other.
    for (const name of ['Squash TF', 'Squash TF Java Junit Runner']) {
      expect(byName(preview, name).action).toBe('created')
      expect(byName(preview, name).warnings!.map((w) => w.code)).toContain('shared-id')
    }
    // "LibreOffice (Collabora) online" is close to the seed's collabora-online: a draft and a warning.
    const collabora = byName(preview, 'LibreOffice (Collabora) online')
    expect(collabora.action).toBe('created')
    expect(collabora.warnings!.find((w) => w.code === 'near-duplicate')?.message).toContain(
      'collabora-online',
    )
    expect(preview.conflicts).toBeGreaterThanOrEqual(5)
    // Suggested categories from the SILL function ("Webconférence" is not a keyword we know, "Navigateurs" is).
    expect(byName(preview, 'Moodle').suggestedCategories).toEqual([])

    // Nothing was written by the dry run; its report is kept and read page by page.
    expect(
      await t.ctx.db.selectFrom('tools').select('id').where('slug', '=', 'survey-questionnaire').execute(),
    ).toEqual([])
    const page = await t.host.app.inject({
      method: 'GET',
      url: `/v1/catalogue/imports/${preview.id}?offset=2&limit=3`,
      headers: { authorization: `Bearer ${editor}` },
    })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json()).toMatchObject({
      dryRun: true,
      entriesTotal: file.length,
      entriesOffset: 2,
      entries: preview.entries.slice(2, 5),
    })

    const real = (await post(file, '?reportLimit=2')).json() as ImportReport
    expect(real).toMatchObject({ dryRun: false, entriesTotal: file.length, entriesLimit: 2 })
    expect(real.entries).toHaveLength(2)
    expect({ created: real.created, updated: real.updated + real.unchanged }).toEqual({
      created: preview.created,
      updated: preview.updated + preview.unchanged,
    })
    // Licences by the book: the deprecated ids of the file are free software.
    const tools = await t.ctx.db
      .selectFrom('tools')
      .select(['name', 'licence', 'is_free', 'cost_model', 'wikidata_id', 'sill_id'])
      .where('sill_id', 'in', ['1', '12', '18', '19', '208'])
      .execute()
    const tool = (name: string) => tools.find((x) => x.name === name)!
    expect(tool('7zip')).toMatchObject({ licence: 'LGPL-2.0-only', is_free: true, wikidata_id: 'Q215051' })
    expect(tool('Asqatasun')).toMatchObject({
      licence: 'AGPL-3.0-only',
      is_free: true,
      cost_model: 'hosting-cost-only',
    })
    expect(tool('Moodle')).toMatchObject({ licence: 'GPL-3.0-only', is_free: true })
    expect(tool('BlueGriffon')).toMatchObject({
      licence: 'LGPL-3.0-only AND GPL-3.0-only AND MPL-2.0',
      is_free: true,
    })
    // "N/A" is no licence: recorded as NOASSERTION, not free, and the cost model is not guessed as a subscription.
    expect(tool('CentOS')).toMatchObject({
      licence: 'NOASSERTION',
      is_free: false,
      cost_model: 'hosting-cost-only',
    })
    const again = (await post(file)).json() as ImportReport
    expect(again).toMatchObject({ created: 0, updated: 0, refused: 0 })
  })

  it('imports etalab/sill-contents sill.json and Catalogi v2 files as published', async () => {
    const contents = (await post(fixture('sill-contents-2022.json'), '?format=sill')).json() as ImportReport
    expect(contents).toMatchObject({ format: 'sill-contents', refused: 0 })
    expect(contents.entries.find((e) => e.name === 'Audacity')).toMatchObject({ action: 'skipped' })
    expect(contents.entries.find((e) => e.name === 'Moodle')).toMatchObject({ match: { by: 'sill' } })
    const plugin = contents.entries.find((e) => e.name === 'Additional Alerts')!
    expect(plugin.warnings!.map((w) => w.code)).toContain('plugin')
    // Bareos' deprecated "AGPL-3.0" is read as AGPL-3.0-only, and the editor is told.
    expect(contents.entries.find((e) => e.name === 'Bareos')!.warnings).toContainEqual({
      code: 'licence-normalised',
      message: 'Licence « AGPL-3.0 » notée AGPL-3.0-only (identifiant SPDX à jour).',
    })

    const v2 = (await post(fixture('catalogi-v2.json'))).json() as ImportReport
    expect(v2).toMatchObject({ format: 'catalogi-v2', skipped: 1, refused: 0 })
    expect(v2.entries[0]).toMatchObject({ name: '7zip', match: { by: 'sill' } })
    const sevenZip = await t.ctx.db
      .selectFrom('tools')
      .selectAll()
      .where('sill_id', '=', '1')
      .executeTakeFirstOrThrow()
    expect(sevenZip).toMatchObject({ framalibre_id: '7-zip', comptoir_id: '72', wikidata_id: 'Q215051' })
  })

  it('accepts a lowercase Wikidata id in a Comptoir du Libre file and stores it upper-case', async () => {
    // Jitsi Meet as the Comptoir du Libre lists it (id 65), with the lowercase Wikidata id found in the SILL.
    await t.ctx.db.updateTable('tools').set({ wikidata_id: null }).where('slug', '=', 'jitsi-meet').execute()
    const cdl = fixture('comptoir-du-libre.json') as { softwares: Array<Record<string, any>> }
    const jitsi = {
      id: 65,
      name: 'Jitsi Meet',
      licence: 'Apache-2.0',
      external_resources: {
        website: 'https://jitsi.org/jitsi-meet/',
        repository: null,
        wikidata: { id: 'q87849488' },
        sill: [],
        framalibre: [],
      },
      providers: [],
    }
    const res = await post({ ...cdl, softwares: [jitsi] })
    expect(res.statusCode, res.body).toBe(200)
    expect((res.json() as ImportReport).entries[0]).toMatchObject({
      slug: 'jitsi-meet',
      match: { by: 'comptoirDuLibre' },
    })
    const row = await t.ctx.db
      .selectFrom('tools')
      .select('wikidata_id')
      .where('slug', '=', 'jitsi-meet')
      .executeTakeFirstOrThrow()
    expect(row.wikidata_id).toBe('Q87849488')
  })

  it('re-imports its own export.json and export.csv unchanged (round trip)', async () => {
    const json = await t.host.app.inject({ method: 'GET', url: '/v1/catalogue/export.json' })
    const exported = json.json() as { tools: unknown[] }
    expect(exported.tools.length).toBeGreaterThan(50)
    const back = (await post(exported)).json() as ImportReport
    expect(back).toMatchObject({ format: 'osinum-json', created: 0, updated: 0, refused: 0 })
    expect(back.unchanged).toBe(exported.tools.length)
    expect(back.entries[0]!.match?.by).toBe('slug')
    const csv = await t.host.app.inject({ method: 'GET', url: '/v1/catalogue/export.csv' })
    const fromCsv = await t.host.app.inject({
      method: 'POST',
      url: '/v1/catalogue/imports',
      payload: csv.body,
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'text/csv' },
    })
    expect(fromCsv.statusCode, fromCsv.body).toBe(200)
    expect(fromCsv.json()).toMatchObject({ format: 'osinum-csv', created: 0, refused: 0 })
  })

  it('answers a bounded report for a large file of bad entries', async () => {
    const bad = Array.from({ length: 5000 }, (_, i) => ({
      _id: i + 1,
      _name: '',
      _function: 'x'.repeat(500),
      _license: 42,
    }))
    const res = await post(bad, '?dryRun=true')
    expect(res.statusCode).toBe(200)
    const report = res.json() as ImportReport
    expect(report).toMatchObject({ refused: 5000, entriesTotal: 5000, entriesLimit: 100 })
    expect(report.entries).toHaveLength(100)
    expect(res.body.length).toBeLessThan(100_000)
  })

  it('re-normalises the licences already stored: deprecated GNU ids become -only / -or-later and free', async () => {
    const { renormaliseLicences } = await import('./migrations/20261220T0000_licences.js')
    // As a former import left them: deprecated ids counted as non-free, a subscription inferred.
    await t.ctx.db
      .updateTable('tools')
      .set({ licence: 'AGPL-3.0', is_free: false, cost_model: 'subscription' })
      .where('slug', '=', 'asqatasun')
      .execute()
    await t.ctx.db
      .updateTable('tools')
      .set({ licence: 'GPL-2.0+', is_free: false, cost_model: 'subscription' })
      .where('slug', '=', 'nextcloud')
      .execute()
    await renormaliseLicences(t.ctx.db, t.ctx.schema)
    const rows = await t.ctx.db
      .selectFrom('tools')
      .select(['slug', 'licence', 'is_free', 'cost_model'])
      .where('slug', 'in', ['asqatasun', 'nextcloud'])
      .orderBy('slug')
      .execute()
    expect(rows).toEqual([
      // Imported: its cost model had been inferred from the wrong flag.
      { slug: 'asqatasun', licence: 'AGPL-3.0-only', is_free: true, cost_model: 'hosting-cost-only' },
      // Curated (seeded): its cost model is the editors' and stays.
      { slug: 'nextcloud', licence: 'GPL-2.0-or-later', is_free: true, cost_model: 'subscription' },
    ])
  })
})
