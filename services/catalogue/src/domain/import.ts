import { FieldsError } from '@osinum/service-kit'
import { sql } from 'kysely'
import { type Static, type TSchema, Type } from 'typebox'
import { Value } from 'typebox/value'
import { v7 as uuidv7 } from 'uuid'
import type { ImportReport } from '../schemas.js'
import type { DbContext, HostingOption, ToolRow, Trx } from './db.js'
import { ImportUnsupported } from './errors.js'
import { isFreeLicence, normaliseLicence } from './licences.js'
import { normalise, slugify } from './text.js'
import { createTool, type ExternalIds, inputOfRow, type ToolInput, updateTool } from './tools.js'

/**
 * Import of public catalogues: the SILL's JSON dump (`/api/catalogi.json`, v1) and the
 * Comptoir du Libre export (`comptoir-du-libre_export_v1.json`). See test/fixtures/README.md.
 *
 * - The whole file is validated first; any problem refuses it with every problem listed
 *   (entry index and field), and nothing is written.
 * - Entries are matched to existing tools by external id (SILL, Wikidata, Comptoir du Libre),
 *   then by name. A match only gets its empty fields filled (ids, website, repository, logo,
 *   alternatives): curated content is never overwritten, so importing the same file twice
 *   changes nothing the second time.
 * - Unknown software becomes a **draft** for an editor to curate and publish; SILL entries
 *   marked as dereferenced are skipped.
 * - Everything runs in one transaction.
 */
export type ImportFormat = 'sill' | 'comptoir-du-libre'

const Opt = <T extends TSchema>(s: T) => Type.Optional(Type.Union([s, Type.Null()]))
const Localised = Type.Union([
  Type.String(),
  Type.Object({ fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
])
/** PHP serialises an absent object as an empty array. */
const OrEmpty = <T extends TSchema>(s: T) =>
  Type.Optional(Type.Union([s, Type.Array(Type.Unknown(), { maxItems: 0 }), Type.Null()]))

const CdlExternal = Type.Object({
  website: Opt(Type.String({ maxLength: 500 })),
  repository: Opt(Type.String({ maxLength: 500 })),
  wikidata: OrEmpty(Type.Object({ id: Type.String({ pattern: '^Q[0-9]+$' }) })),
  sill: OrEmpty(Type.Object({ id: Type.Integer({ minimum: 0 }) })),
  framalibre: OrEmpty(Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,120}$' }) })),
})
const CdlSoftware = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  licence: Type.String({ maxLength: 200 }),
  external_resources: Type.Optional(CdlExternal),
  providers: Type.Optional(Type.Array(Type.Object({ name: Type.String() }))),
})

const SillEntry = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 2000 }),
  license: Type.String({ maxLength: 200 }),
  keywords: Type.Array(Type.String({ maxLength: 200 })),
  softwareType: Type.Object({
    type: Type.Union([Type.Literal('cloud'), Type.Literal('stack'), Type.Literal('desktop/mobile')]),
  }),
  logoUrl: Opt(Type.String({ maxLength: 500 })),
  dereferencing: Opt(
    Type.Object({ time: Type.Optional(Type.Number()), reason: Type.Optional(Type.String()) }),
  ),
  serviceProviders: Type.Optional(Type.Array(Type.Object({ name: Type.String() }))),
  doRespectRgaa: Opt(Type.Boolean()),
  similarExternalSoftwares: Type.Optional(
    Type.Array(Type.Object({ label: Localised, isLibreSoftware: Opt(Type.Boolean()) })),
  ),
  comptoirDuLibreSoftware: Opt(
    Type.Object({ id: Type.Integer({ minimum: 0 }), external_resources: Type.Optional(CdlExternal) }),
  ),
  softwareExternalData: Opt(
    Type.Object({
      externalId: Type.String({ maxLength: 200 }),
      sourceSlug: Type.Optional(Type.String()),
      externalDataOrigin: Type.Optional(Type.String()),
      websiteUrl: Opt(Type.String({ maxLength: 500 })),
      sourceUrl: Opt(Type.String({ maxLength: 500 })),
    }),
  ),
})
type SillEntry = Static<typeof SillEntry>
type CdlSoftware = Static<typeof CdlSoftware>
const CdlExport = Type.Object({ softwares: Type.Array(Type.Unknown()) })

/**
 * Refuses a file with invalid entries. The report is bounded like every problem: the problems of
 * the first invalid entries (20 listed by the kit), and how many entries are invalid in all (a
 * 5 MB file of wrong entries answered a 4.3 MB list).
 */
function invalidEntries(schema: TSchema, entries: unknown[], name: string): void {
  const problems: Array<{ field: string; message: string }> = []
  let invalid = 0
  for (const [i, entry] of entries.entries()) {
    if (Value.Check(schema, entry)) continue
    invalid++
    if (problems.length < 20) problems.push(...problemsOf(schema, entry, `${name}[${i}]`))
  }
  if (invalid)
    throw new FieldsError(problems, {
      code: 'OSI_CATALOGUE_IMPORT_INVALID',
      detail: `${invalid} of ${entries.length} ${name} are invalid; the first problems are listed`,
    })
}

/** Problems of one value against a schema, as `{ field, message }` with a readable path. */
function problemsOf(schema: TSchema, value: unknown, prefix: string) {
  const seen = new Set<string>()
  const out: Array<{ field: string; message: string }> = []
  for (const e of Value.Errors(schema, value)) {
    const path = e.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
    const missing = (e.params as { requiredProperties?: string[] }).requiredProperties
    const fields = missing?.length ? missing.map((m) => `${prefix}${path}.${m}`) : [`${prefix}${path}`]
    for (const field of fields) {
      const message = missing?.length ? 'is required' : (e.message ?? 'is invalid')
      const key = `${field}|${message}`
      // A union reports each branch; one message per field is enough.
      if (seen.has(field) || seen.has(key)) continue
      seen.add(field)
      out.push({ field, message })
    }
  }
  return out
}

interface Candidate {
  index: number
  name: string
  input: ToolInput
  skip?: string
}

const httpUrl = (url: string | null | undefined) =>
  url && /^https?:\/\/\S+$/.test(url) && url.length <= 500 ? url : null
const label = (l: Static<typeof Localised>) => (typeof l === 'string' ? l : (l.fr ?? l.en ?? ''))

/** Keywords of the source that reliably suggest one of our categories. */
const KEYWORD_CATEGORIES: Array<[string, string]> = [
  ['agenda', 'agenda'],
  ['calendrier', 'agenda'],
  ['contacts', 'contacts'],
  ['annuaire', 'contacts'],
  ['courriel', 'email'],
  ['messagerie', 'email'],
  ['webmail', 'email'],
  ['visioconference', 'videoconference'],
  ['visio', 'videoconference'],
  ['webinaire', 'videoconference'],
  ['partage de fichiers', 'file-sharing'],
  ['stockage', 'file-sharing'],
  ['bureautique', 'office-suite'],
  ['traitement de texte', 'office-suite'],
  ['tableur', 'office-suite'],
  ['sauvegarde', 'backup'],
  ['mot de passe', 'passwords-security'],
  ['sondage', 'forms-surveys'],
  ['formulaire', 'forms-surveys'],
  ['cartographie', 'mapping'],
  ['sig', 'mapping'],
  ['cms', 'website'],
  ['site web', 'website'],
  ['open data', 'open-data-publishing'],
  ['chat', 'chat'],
  ['navigateur', 'web-browser'],
]
function categoriesOf(keywords: string[]): string[] {
  const found = new Set<string>()
  for (const k of keywords) {
    const norm = normalise(k)
    for (const [keyword, category] of KEYWORD_CATEGORIES) if (norm === keyword) found.add(category)
  }
  return [...found].slice(0, 4)
}

function licenceOf(raw: string, field: string, warnings: ImportReport['warnings']): string {
  const id = normaliseLicence(raw)
  if (id) return id
  warnings.push({
    field,
    message: `licence "${raw}" is not an SPDX id: recorded as NOASSERTION, to be checked`,
  })
  return 'NOASSERTION'
}

function fromSill(entries: SillEntry[], warnings: ImportReport['warnings']): Candidate[] {
  return entries.map((e, index) => {
    const cdl = e.comptoirDuLibreSoftware ?? null
    const cdlRes = cdl?.external_resources
    const ext = e.softwareExternalData ?? null
    const wikidata =
      ext && (ext.sourceSlug ?? ext.externalDataOrigin) === 'wikidata' && /^Q\d+$/.test(ext.externalId)
        ? ext.externalId
        : null
    const framalibre = cdlRes?.framalibre && !Array.isArray(cdlRes.framalibre) ? cdlRes.framalibre.slug : null
    const licence = licenceOf(e.license, `entries[${index}].license`, warnings)
    const desktop = e.softwareType.type === 'desktop/mobile'
    const hosting: HostingOption[] = [
      {
        mode: 'self-hosted',
        dataLocation: 'depends',
        note: desktop
          ? 'Logiciel installé sur les postes de travail : les données restent sur les postes ou le serveur de la collectivité.'
          : 'À installer sur un serveur de la collectivité ou de son prestataire : la localisation dépend de l’hébergeur.',
      },
    ]
    if (e.serviceProviders?.length)
      hosting.push({
        mode: 'operator',
        dataLocation: 'depends',
        note: 'Des prestataires référencés au SILL proposent cette solution : vérifier la localisation des données dans leur contrat.',
      })
    const free = isFreeLicence(licence)
    const input: ToolInput = {
      slug: slugify(e.name),
      name: e.name.trim(),
      summary: (e.description.trim() || e.name.trim()).slice(0, 300),
      description: '',
      website: httpUrl(ext?.websiteUrl) ?? httpUrl(cdlRes?.website),
      repository: httpUrl(ext?.sourceUrl) ?? httpUrl(cdlRes?.repository),
      logoUrl: httpUrl(e.logoUrl),
      licence,
      categories: categoriesOf(e.keywords),
      themes: [],
      hosting,
      standards: [],
      accessibility: {
        rgaaDeclaration: 'unknown',
        declarationUrl: null,
        note: e.doRespectRgaa
          ? 'Un référent du SILL indique que le logiciel respecte le RGAA ; aucune déclaration publiée n’a été vérifiée.'
          : null,
      },
      security: { twoFactor: null, endToEndEncryption: null, secNumCloud: false, note: null },
      sobriety: null,
      costModel: free ? (desktop ? 'free' : 'hosting-cost-only') : 'subscription',
      skillLevel: desktop ? 'beginner' : e.softwareType.type === 'stack' ? 'expert' : 'intermediate',
      alternativeTo: [
        ...new Set(
          (e.similarExternalSoftwares ?? [])
            .filter((s) => s.isLibreSoftware === false)
            .map((s) => label(s.label).trim().slice(0, 80))
            .filter(Boolean),
        ),
      ].slice(0, 30),
      externalIds: {
        wikidata,
        sill: String(e.id),
        comptoirDuLibre: cdl ? String(cdl.id) : null,
        framalibre,
      },
    }
    return {
      index,
      name: e.name,
      input,
      ...(e.dereferencing ? { skip: 'déréférencé du SILL' } : {}),
    }
  })
}

function fromComptoir(softwares: CdlSoftware[], warnings: ImportReport['warnings']): Candidate[] {
  return softwares.map((s, index) => {
    const res = s.external_resources
    const pick = <T>(v: T | unknown[] | null | undefined): T | null =>
      v && !Array.isArray(v) ? (v as T) : null
    const licence = licenceOf(s.licence, `softwares[${index}].licence`, warnings)
    const input: ToolInput = {
      slug: slugify(s.name),
      name: s.name.trim(),
      summary: `${s.name.trim()} : fiche importée du Comptoir du Libre, à compléter.`,
      description: '',
      website: httpUrl(res?.website),
      repository: httpUrl(res?.repository),
      logoUrl: null,
      licence,
      categories: [],
      themes: [],
      hosting: s.providers?.length
        ? [
            {
              mode: 'operator',
              dataLocation: 'depends',
              note: 'Des prestataires référencés au Comptoir du Libre proposent cette solution : vérifier la localisation des données.',
            },
          ]
        : [],
      standards: [],
      accessibility: { rgaaDeclaration: 'unknown', declarationUrl: null, note: null },
      security: { twoFactor: null, endToEndEncryption: null, secNumCloud: false, note: null },
      sobriety: null,
      costModel: isFreeLicence(licence) ? 'hosting-cost-only' : 'subscription',
      skillLevel: 'intermediate',
      alternativeTo: [],
      externalIds: {
        wikidata: pick<{ id: string }>(res?.wikidata)?.id ?? null,
        sill: pick<{ id: number }>(res?.sill) ? String(pick<{ id: number }>(res?.sill)!.id) : null,
        comptoirDuLibre: String(s.id),
        framalibre: pick<{ slug: string }>(res?.framalibre)?.slug ?? null,
      },
    }
    return { index, name: s.name, input }
  })
}

/** Detects the format, validates the whole file and maps its entries (no database access). */
export function parseImport(
  body: unknown,
  format?: ImportFormat,
): { format: ImportFormat; candidates: Candidate[]; warnings: ImportReport['warnings'] } {
  const detected: ImportFormat | null = Array.isArray(body)
    ? 'sill'
    : body && typeof body === 'object' && 'softwares' in body
      ? 'comptoir-du-libre'
      : null
  const chosen = format ?? detected
  if (!chosen)
    throw new ImportUnsupported(
      'Unrecognised file: expected the SILL JSON dump (an array) or the Comptoir du Libre export (an object with "softwares")',
    )
  if (format && detected !== format)
    throw new FieldsError([{ field: 'body', message: `the file is not in the ${format} format` }], {
      code: 'OSI_CATALOGUE_IMPORT_INVALID',
    })
  const warnings: ImportReport['warnings'] = []
  if (chosen === 'sill') {
    const entries = body as unknown[]
    if (
      entries.some(
        (e) =>
          e && typeof e === 'object' && (typeof (e as any).addedTime === 'string' || 'runtimePlatforms' in e),
      )
    )
      throw new ImportUnsupported(
        'This is the SILL v2 format (/api/v2/catalogi.json), not supported yet: import the v1 dump /api/catalogi.json',
      )
    invalidEntries(SillEntry, entries, 'entries')
    return { format: chosen, candidates: fromSill(entries as SillEntry[], warnings), warnings }
  }
  const top = problemsOf(CdlExport, body, '')
  if (top.length) throw new FieldsError(top, { code: 'OSI_CATALOGUE_IMPORT_INVALID' })
  const softwares = (body as { softwares: unknown[] }).softwares
  invalidEntries(CdlSoftware, softwares, 'softwares')
  return { format: chosen, candidates: fromComptoir(softwares as CdlSoftware[], warnings), warnings }
}

const ID_COLUMNS: Array<[keyof ExternalIds, 'sill_id' | 'wikidata_id' | 'comptoir_id' | 'framalibre_id']> = [
  ['sill', 'sill_id'],
  ['wikidata', 'wikidata_id'],
  ['comptoirDuLibre', 'comptoir_id'],
  ['framalibre', 'framalibre_id'],
]

async function findMatch(trx: Trx, input: ToolInput): Promise<ToolRow | undefined> {
  for (const [key, column] of ID_COLUMNS) {
    const value = input.externalIds[key]
    if (!value) continue
    const row = await trx.selectFrom('tools').selectAll().where(column, '=', value).executeTakeFirst()
    if (row) return row
  }
  return trx.selectFrom('tools').selectAll().where('name_norm', '=', normalise(input.name)).executeTakeFirst()
}

/** Fills what the tool lacks from the source, never overwriting curated content. */
async function mergeInto(
  trx: Trx,
  current: ToolInput,
  toolId: string,
  source: ToolInput,
  warnings: ImportReport['warnings'],
  field: string,
): Promise<ToolInput> {
  const next: ToolInput = { ...current, externalIds: { ...current.externalIds } }
  for (const [key, column] of ID_COLUMNS) {
    const value = source.externalIds[key]
    if (!value || current.externalIds[key]) continue
    const owner = await trx
      .selectFrom('tools')
      .select('slug')
      .where(column, '=', value)
      .where('id', '!=', toolId)
      .executeTakeFirst()
    if (owner)
      warnings.push({ field, message: `${key} id ${value} already belongs to "${owner.slug}": not copied` })
    else next.externalIds[key] = value
  }
  next.website ??= source.website
  next.repository ??= source.repository
  next.logoUrl ??= source.logoUrl
  if (!next.alternativeTo.length && source.alternativeTo.length) next.alternativeTo = source.alternativeTo
  return next
}

async function freeSlug(trx: Trx, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await trx
        .selectFrom('tools')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', wanted), eb('slug', 'like', `${wanted}-%`)]))
        .execute()
    ).map((r) => r.slug),
  )
  if (!taken.has(wanted)) return wanted
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`
}

export async function runImport(
  ctx: DbContext,
  body: unknown,
  options: { format?: ImportFormat; actor: string | null },
): Promise<ImportReport> {
  const { format, candidates, warnings } = parseImport(body, options.format)
  const id = uuidv7()
  const entries: ImportReport['entries'] = []
  await ctx.db.transaction().execute(async (trx) => {
    // One import at a time: concurrent imports of the same file would race to create the same drafts.
    await sql`select pg_advisory_xact_lock(hashtext(${`${ctx.schema}.imports`}))`.execute(trx)
    for (const c of candidates) {
      const field = `${format === 'sill' ? 'entries' : 'softwares'}[${c.index}]`
      if (c.skip) {
        entries.push({ index: c.index, name: c.name, slug: null, action: 'skipped', reason: c.skip })
        continue
      }
      const match = await findMatch(trx, c.input)
      if (match) {
        const current = inputOfRow(match)
        const merged = await mergeInto(trx, current, match.id, c.input, warnings, field)
        const { changed } = await updateTool(
          ctx,
          match.id,
          () => ({ input: merged }),
          { actor: options.actor, action: 'imported' },
          trx,
        )
        entries.push({
          index: c.index,
          name: c.name,
          slug: match.slug,
          action: changed ? 'updated' : 'unchanged',
        })
      } else {
        const slug = await freeSlug(trx, c.input.slug)
        await createTool(
          ctx,
          { ...c.input, slug },
          { status: 'draft', actor: options.actor, action: 'imported' },
          trx,
        )
        entries.push({ index: c.index, name: c.name, slug, action: 'created' })
      }
    }
    const count = (a: string) => entries.filter((e) => e.action === a).length
    await trx
      .insertInto('imports')
      .values({
        id,
        format,
        imported_by: options.actor,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
      })
      .execute()
  })
  const count = (a: string) => entries.filter((e) => e.action === a).length
  return {
    id,
    format,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    entries,
    warnings,
  }
}

export async function listImports(ctx: DbContext, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    ctx.db
      .selectFrom('imports')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    ctx.db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => ({
      id: r.id,
      format: r.format,
      importedBy: r.imported_by,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    total: Number(total.n),
    limit,
    offset,
  }
}
