import { FieldsError } from '@osinum/service-kit/domain-errors'
import { type Static, type TSchema, Type } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'
import type { ImportReport } from '../schemas.js'
import type { HostingOption } from './db.js'
import { ImportUnsupported } from './errors.js'
import { isFreeLicence, normaliseLicence } from './licences.js'
import { normalise, slugify } from './text.js'
import type { ToolInput } from './tools.js'

/**
 * Reading an import file (SILL v1 dump, Comptoir du Libre export): format detection, validation of
 * every entry, mapping to tool inputs. Pure CPU work without database nor server, so that it can
 * run in a worker thread (import-file.ts); applying it is import.ts's `runImport`.
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
async function invalidEntries(schema: TSchema, entries: unknown[], name: string): Promise<void> {
  const check = checkerOf(schema)
  const problems: Array<{ field: string; message: string }> = []
  let invalid = 0
  for (const [i, entry] of entries.entries()) {
    // A file of tens of thousands of entries: let other requests (and /livez) in now and then.
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    if (check(entry)) continue
    invalid++
    if (problems.length < 20) problems.push(...problemsOf(schema, entry, `${name}[${i}]`))
  }
  if (invalid)
    throw new FieldsError(problems, {
      code: 'OSI_CATALOGUE_IMPORT_INVALID',
      detail: `${invalid} of ${entries.length} ${name} are invalid; the first problems are listed`,
    })
}

/** Entries checked between two yields of the event loop (a few milliseconds of work). */
const YIELD_EVERY = 1_000

/** Compiled checks (much faster than interpreting the schema for every entry), built once. */
const checkers = new Map<TSchema, (value: unknown) => boolean>()
function checkerOf(schema: TSchema): (value: unknown) => boolean {
  let check = checkers.get(schema)
  if (!check) {
    const compiled = Compile(schema)
    check = (value) => compiled.Check(value)
    checkers.set(schema, check)
  }
  return check
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

export interface Candidate {
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
export interface ParsedImport {
  format: ImportFormat
  candidates: Candidate[]
  warnings: ImportReport['warnings']
}

export async function parseImport(body: unknown, format?: ImportFormat): Promise<ParsedImport> {
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
    await invalidEntries(SillEntry, entries, 'entries')
    return { format: chosen, candidates: fromSill(entries as SillEntry[], warnings), warnings }
  }
  const top = problemsOf(CdlExport, body, '')
  if (top.length) throw new FieldsError(top, { code: 'OSI_CATALOGUE_IMPORT_INVALID' })
  const softwares = (body as { softwares: unknown[] }).softwares
  await invalidEntries(CdlSoftware, softwares, 'softwares')
  return { format: chosen, candidates: fromComptoir(softwares as CdlSoftware[], warnings), warnings }
}
