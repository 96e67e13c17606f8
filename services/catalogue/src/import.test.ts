import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport, ToolDetail } from './schemas.js'
import { type CatalogueTestHost, openCatalogueHost, PROBLEM } from './test-host.js'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8')) as unknown

const EDITOR = '0193a000-0000-7000-8000-00000000e002'

describe('catalogue import of public catalogues (SILL, Comptoir du Libre)', () => {
  let t: CatalogueTestHost
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
    t = await openCatalogueHost({ seed: 'tools' })
    editor = await t.token({ sub: EDITOR, roles: ['editor'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refuses a malformed file with a report of every problem, and writes nothing', async () => {
    const before = await state()
    const res = await post(fixture('sill-malformed.json'))
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(PROBLEM)
    const problem = res.json() as { code: string; errors: Array<{ field: string; message: string }> }
    expect(problem.code).toBe('OSI_CATALOGUE_IMPORT_INVALID')
    const fields = problem.errors.map((e) => e.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        'entries[1].name',
        'entries[2].id',
        'entries[2].license',
        'entries[3].name',
        'entries[3].softwareType',
        'entries[3].keywords',
      ]),
    )
    // Entry 0 (QGIS) is valid and is not reported, nor written.
    expect(fields.some((f) => f.startsWith('entries[0]'))).toBe(false)
    expect(await state()).toEqual(before)
    // Neither a file of another shape nor the unsupported SILL v2.
    const shapeless = await post({ hello: 'world' })
    expect(shapeless.statusCode).toBe(422)
    expect(shapeless.json().code).toBe('OSI_CATALOGUE_IMPORT_UNSUPPORTED')
    const v2 = await post([
      { id: 1, name: 'X', addedTime: '2025-01-01T00:00:00Z', runtimePlatforms: ['cloud'] },
    ])
    expect(v2.statusCode).toBe(422)
    expect(v2.json().detail).toContain('v2')
    const wrongFormat = await post(fixture('comptoir-du-libre.json'), '?format=sill')
    expect(wrongFormat.statusCode).toBe(422)
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
    // A new entry whose name is already taken by an unrelated tool gets a free slug; no duplicate on re-import.
    const homonym = { ...unknown, id: 99_002, name: 'Carto Exemple ', license: 'Freeware maison' }
    const second = (await post([unknown, homonym])).json() as ImportReport
    expect(second.entries.map((e) => e.action)).toEqual(['unchanged', 'unchanged'])
    const third = (await post([{ ...homonym, name: 'Autre Carto' }])).json() as ImportReport
    expect(third.entries[0]).toMatchObject({ action: 'created', slug: 'autre-carto' })
    expect(third.warnings).toEqual([
      {
        field: 'entries[0].license',
        message: 'licence "Freeware maison" is not an SPDX id: recorded as NOASSERTION, to be checked',
      },
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
      const file = Buffer.from(JSON.stringify({ softwares: [{ id: 1, name: 42 }] }))
      try { await parseImportOffThread(file); console.log('accepted') }
      catch (e) { console.log(JSON.stringify({ code: e.code, status: e.statusCode, fields: e.errors?.length })) }
      const ok = await parseImportOffThread(Buffer.from(JSON.stringify({ softwares: [] })))
      console.log(JSON.stringify({ format: ok.format, candidates: ok.candidates.length }))`
    const dir = mkdtempSync(join(tmpdir(), 'osinum-import-'))
    const file = join(dir, 'worker-check.mjs')
    writeFileSync(file, script)
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8', env: { PATH: process.env.PATH } })
      .trim()
      .split('\n')
    rmSync(dir, { recursive: true, force: true })
    expect(JSON.parse(out[0]!)).toMatchObject({ code: 'OSI_CATALOGUE_IMPORT_INVALID', status: 422 })
    expect(JSON.parse(out[1]!)).toEqual({ format: 'comptoir-du-libre', candidates: 0 })
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
})
