import { CATEGORY_IDS, THEME_IDS } from '@osinum/contracts'
import { FieldsError } from '@osinum/service-kit/domain-errors'
import Papa from 'papaparse'
import { type Static, type TSchema, Type } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'
import type { ImportReport } from '../schemas.js'
import type { HostingOption } from './db.js'
import { ImportUnsupported } from './errors.js'
import { isFreeLicence, normaliseLicenceText } from './licences.js'
import { normalise, slugify } from './text.js'
import type { ExternalIds, ToolInput } from './tools.js'

// Types only from tools.ts: its module graph (database, events, Fastify) stays out of the import worker.
const EMPTY_EXTERNAL_IDS: ExternalIds = {
  wikidata: null,
  sill: null,
  comptoirDuLibre: null,
  framalibre: null,
}

/**
 * Reading an import file as it is published: format detection, validation of each entry, mapping
 * to tool inputs. Pure CPU work without database nor server, so that it can run in a worker thread
 * (import-file.ts); applying it is import.ts's `runImport`.
 *
 * Formats (test/fixtures/README.md tells where each shape comes from):
 * - `sill`: Catalogi's public v1 dump (`/api/catalogi.json`, the SILL at code.gouv.fr);
 * - `catalogi-v2`: Catalogi's current public API (`/api/v2/catalogi.json`, `softwareV2Schema`);
 * - `sill-2022`: the SILL's `sill-softwares.json` of 2022 (codegouvfr/sill-api: `_id`, `_name`…);
 * - `sill-contents`: etalab/sill-contents `docs/sill.json` (short keys `id`, `i`, `l`, `f`…);
 * - `comptoir-du-libre`: the Comptoir du Libre export (`comptoir-du-libre_export_v1.json`);
 * - `osinum-json` / `osinum-csv`: this catalogue's own exports (round trip).
 *
 * A file that is not one of them is refused as a whole (422); inside a recognised file, each
 * entry is checked on its own: a bad entry is reported as refused, with its problems, and the
 * others are imported.
 */

export const IMPORT_FORMATS = [
  'sill',
  'catalogi-v2',
  'sill-2022',
  'sill-contents',
  'comptoir-du-libre',
  'osinum-json',
  'osinum-csv',
] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** Which ids a format's own entries carry: matching starts there. */
export const OWN_ID: Record<ImportFormat, keyof ExternalIds | 'slug'> = {
  sill: 'sill',
  'catalogi-v2': 'sill',
  'sill-2022': 'sill',
  'sill-contents': 'sill',
  'comptoir-du-libre': 'comptoirDuLibre',
  'osinum-json': 'slug',
  'osinum-csv': 'slug',
}

export interface EntryWarning {
  code: string
  message: string
}

export interface Candidate {
  index: number
  name: string
  input: ToolInput
  skip?: string
  /** Problems that refuse the entry (nothing written for it). */
  problems?: Array<{ field: string; message: string }>
  warnings: EntryWarning[]
  /** Whether the file brought curated content (our own export): fields it gives may fill ours. */
  curated?: boolean
}

const Opt = <T extends TSchema>(s: T) => Type.Optional(Type.Union([s, Type.Null()]))
const Localised = Type.Union([
  Type.String(),
  Type.Object({ fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
])
/** PHP serialises an absent object as an empty array. */
const OrEmpty = <T extends TSchema>(s: T) =>
  Type.Optional(Type.Union([s, Type.Array(Type.Unknown(), { maxItems: 0 }), Type.Null()]))
const Name = Type.String({ minLength: 1, maxLength: 120 })
const WikidataId = Type.String({ pattern: '^[Qq][0-9]{1,12}$' })

const CdlExternal = Type.Object({
  website: Opt(Type.String({ maxLength: 500 })),
  repository: Opt(Type.String({ maxLength: 500 })),
  wikidata: OrEmpty(Type.Object({ id: WikidataId })),
  sill: OrEmpty(Type.Object({ id: Type.Integer({ minimum: 0 }) })),
  framalibre: OrEmpty(Type.Object({ slug: Type.String({ pattern: '^[A-Za-z0-9-]{1,120}$' }) })),
})
const CdlSoftware = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  name: Name,
  licence: Type.String({ maxLength: 200 }),
  external_resources: Type.Optional(CdlExternal),
  providers: Type.Optional(Type.Array(Type.Object({ name: Type.String() }))),
})

const SillEntry = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  name: Name,
  description: Type.String({ maxLength: 2000 }),
  license: Type.String({ maxLength: 200 }),
  keywords: Type.Array(Type.String({ maxLength: 200 })),
  softwareType: Type.Object({
    type: Type.Union([Type.Literal('cloud'), Type.Literal('stack'), Type.Literal('desktop/mobile')]),
  }),
  logoUrl: Opt(Type.String({ maxLength: 500 })),
  categories: Type.Optional(Type.Array(Type.String())),
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

const Identifier = Type.Object({
  value: Type.Optional(Type.String()),
  subjectOf: Type.Optional(Type.Object({ additionalType: Type.Optional(Type.String()) })),
})
const CatalogiV2Entry = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  name: Localised,
  description: Localised,
  image: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  codeRepositoryUrl: Type.Optional(Type.String()),
  license: Type.String({ maxLength: 200 }),
  addedTime: Type.String(),
  dereferencing: Type.Optional(Type.Object({ reason: Type.Optional(Type.String()) })),
  customAttributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  applicationCategories: Type.Array(Type.String()),
  keywords: Type.Array(Type.Unknown()),
  providers: Type.Optional(Type.Array(Type.Unknown())),
  runtimePlatforms: Type.Array(Type.String()),
  identifiers: Type.Optional(Type.Array(Identifier)),
  externalId: Type.Optional(Type.String()),
  sourceSlug: Type.Optional(Type.String()),
  similarSoftwares: Type.Optional(
    Type.Array(Type.Object({ name: Localised, isLibreSoftware: Opt(Type.Boolean()) })),
  ),
})

const Sill2022Entry = Type.Object({
  _id: Type.Integer({ minimum: 0 }),
  _name: Name,
  _function: Type.String({ maxLength: 2000 }),
  _license: Type.String({ maxLength: 200 }),
  recommendationStatus: Type.Optional(Type.String()),
  wikidataId: Type.Optional(WikidataId),
  comptoirDuLibreOrgId: Type.Optional(Type.Integer({ minimum: 0 })),
  parentSoftware: Type.Optional(Type.Object({ softwareId: Type.Optional(Type.Integer()) })),
  isPresentInSupportContract: Type.Optional(Type.Boolean()),
  whereAndInWhatContextIsItUsed: Type.Optional(Type.String()),
})

const SillContentsEntry = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,9}$' }),
  i: Name,
  f: Type.String({ maxLength: 2000 }),
  l: Type.String({ maxLength: 200 }),
  co: Type.Optional(Type.String({ pattern: '^[0-9]{0,9}$' })),
  st: Type.Optional(Type.String()),
  c: Type.Optional(Type.String()),
  se: Type.Optional(Type.String()),
  p: Type.Optional(Type.String()),
  su: Type.Optional(Type.String()),
  website: Opt(Type.String()),
  sources: Opt(Type.String()),
  logo: Opt(Type.String()),
  'fr-desc': Opt(Type.String()),
  frama: Opt(Type.Object({ 'encoded-name': Opt(Type.String()) })),
})

const OsinumTool = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
  name: Name,
  summary: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  website: Opt(Type.String({ maxLength: 500 })),
  repository: Opt(Type.String({ maxLength: 500 })),
  logoUrl: Opt(Type.String({ maxLength: 500 })),
  licence: Type.String({ maxLength: 200 }),
  categories: Type.Array(Type.String()),
  themes: Type.Optional(Type.Array(Type.String())),
  hosting: Type.Optional(
    Type.Array(
      Type.Object({
        mode: Type.Union([Type.Literal('saas'), Type.Literal('self-hosted'), Type.Literal('operator')]),
        dataLocation: Type.Union([
          Type.Literal('france'),
          Type.Literal('eu'),
          Type.Literal('outside-eu'),
          Type.Literal('depends'),
        ]),
        note: Opt(Type.String({ maxLength: 1000 })),
      }),
    ),
  ),
  standards: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }))),
  accessibility: Type.Optional(
    Type.Object({
      rgaaDeclaration: Type.Union([
        Type.Literal('full'),
        Type.Literal('partial'),
        Type.Literal('none'),
        Type.Literal('unknown'),
      ]),
      declarationUrl: Opt(Type.String({ maxLength: 500 })),
      note: Opt(Type.String({ maxLength: 1000 })),
    }),
  ),
  security: Type.Optional(
    Type.Object({
      twoFactor: Opt(Type.Boolean()),
      endToEndEncryption: Opt(Type.Boolean()),
      secNumCloud: Type.Optional(Type.Boolean()),
      note: Opt(Type.String({ maxLength: 1000 })),
    }),
  ),
  sobriety: Opt(Type.String({ maxLength: 1000 })),
  costModel: Type.String(),
  skillLevel: Type.Union([Type.Literal('beginner'), Type.Literal('intermediate'), Type.Literal('expert')]),
  alternativeTo: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }))),
  externalIds: Type.Optional(
    Type.Object({
      wikidata: Opt(WikidataId),
      sill: Opt(Type.String({ pattern: '^[0-9]{1,9}$' })),
      comptoirDuLibre: Opt(Type.String({ pattern: '^[0-9]{1,9}$' })),
      framalibre: Opt(Type.String({ pattern: '^[A-Za-z0-9-]{1,120}$' })),
    }),
  ),
})
type OsinumTool = Static<typeof OsinumTool>

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

/** Problems of one value against a schema, as `{ field, message }` with a readable path (at most 10). */
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
      // A union reports each branch; one message per field is enough.
      if (seen.has(field)) continue
      seen.add(field)
      out.push({ field, message })
    }
    if (out.length >= 10) break
  }
  return out
}

/** Entries checked between two yields of the event loop (a few milliseconds of work). */
const YIELD_EVERY = 1_000

const httpUrl = (url: string | null | undefined) => {
  const u = url?.trim()
  return u && /^https?:\/\/\S+$/.test(u) && u.length <= 500 ? u : null
}
const label = (l: Static<typeof Localised> | undefined) =>
  (typeof l === 'string' ? l : (l?.fr ?? l?.en ?? '')).trim()
const wikidataOf = (id: string | null | undefined) =>
  id && /^[Qq]\d{1,12}$/.test(id) ? `Q${id.slice(1)}` : null
const digitsOnly = (id: string | number | null | undefined) =>
  id !== null && id !== undefined && /^\d{1,9}$/.test(String(id)) && String(id) !== '0' ? String(id) : null
const framalibreOf = (slug: string | null | undefined) =>
  slug && /^[A-Za-z0-9-]{1,120}$/.test(slug) ? slug.toLowerCase() : null

/**
 * Words of the source (SILL function, keywords, categories; Catalogi application categories)
 * that reliably suggest one of our categories, matched on whole normalised words or phrases.
 */
const CATEGORY_HINTS: Array<[string, (typeof CATEGORY_IDS)[number]]> = [
  ['agenda', 'agenda'],
  ['calendrier', 'agenda'],
  ['caldav', 'agenda'],
  ['contacts', 'contacts'],
  ['annuaire', 'contacts'],
  ['carnet d adresses', 'contacts'],
  ['courriel', 'email'],
  ['messagerie electronique', 'email'],
  ['client de messagerie', 'email'],
  ['webmail', 'email'],
  ['serveur de messagerie', 'email'],
  ['mail', 'email'],
  ['visioconference', 'videoconference'],
  ['visio', 'videoconference'],
  ['webinaire', 'videoconference'],
  ['conference', 'videoconference'],
  ['partage de fichiers', 'file-sharing'],
  ['synchronisation de fichiers', 'file-sharing'],
  ['stockage', 'file-sharing'],
  ['bureautique', 'office-suite'],
  ['traitement de texte', 'office-suite'],
  ['tableur', 'office-suite'],
  ['suite office', 'office-suite'],
  ['edition collaborative', 'collaborative-editing'],
  ['pad', 'collaborative-editing'],
  ['wiki', 'collaborative-editing'],
  ['sauvegarde', 'backup'],
  ['sauvegadre', 'backup'],
  ['backup', 'backup'],
  ['mot de passe', 'passwords-security'],
  ['mots de passe', 'passwords-security'],
  ['antivirus', 'passwords-security'],
  ['pare feu', 'passwords-security'],
  ['chiffrement', 'passwords-security'],
  ['authentification', 'passwords-security'],
  ['sondage', 'forms-surveys'],
  ['questionnaire', 'forms-surveys'],
  ['formulaire', 'forms-surveys'],
  ['enquete', 'forms-surveys'],
  ['participation citoyenne', 'citizen-participation'],
  ['concertation', 'citizen-participation'],
  ['cartographie', 'mapping'],
  ['sig', 'mapping'],
  ['systeme d information geographique', 'mapping'],
  ['carte', 'mapping'],
  ['cms', 'website'],
  ['site web', 'website'],
  ['site internet', 'website'],
  ['gestion de contenu', 'website'],
  ['open data', 'open-data-publishing'],
  ['donnees ouvertes', 'open-data-publishing'],
  ['gestion de projet', 'project-management'],
  ['gestion des tickets', 'citizen-relations'],
  ['chat', 'chat'],
  ['messagerie instantanee', 'chat'],
  ['tchat', 'chat'],
  ['navigateur', 'web-browser'],
  ['navigateurs', 'web-browser'],
  ['distribution gnu linux', 'operating-system'],
  ['systeme d exploitation', 'operating-system'],
  ['reseau social', 'social-media'],
  ['reseaux sociaux', 'social-media'],
  ['lettre d information', 'newsletter'],
  ['comptabilite', 'accounting-hr'],
  ['ressources humaines', 'accounting-hr'],
  ['paie', 'accounting-hr'],
]
const THEME_OF_CATEGORY: Partial<Record<(typeof CATEGORY_IDS)[number], (typeof THEME_IDS)[number]>> = {
  email: 'email',
  videoconference: 'videoconference',
  agenda: 'agenda',
  contacts: 'contacts',
  'collaborative-editing': 'collaboration',
  'file-sharing': 'data-storage',
  backup: 'data-storage',
  website: 'website',
  'passwords-security': 'security',
  'open-data-publishing': 'open-data',
  chat: 'collaboration',
}
/** Categories (and the survey themes they serve) suggested by the source's words. */
export function suggestCategories(texts: Array<string | null | undefined>): {
  categories: string[]
  themes: string[]
} {
  const haystack = ` ${texts
    .filter(Boolean)
    .map((t) => normalise(t!))
    .join(' | ')} `
  // In the order the source says them.
  const found: Array<[number, string]> = []
  for (const [hint, category] of CATEGORY_HINTS) {
    const at = haystack.indexOf(` ${hint} `)
    if (at >= 0) found.push([at, category])
  }
  found.sort((a, b) => a[0] - b[0])
  const list = [...new Set(found.map(([, c]) => c))].slice(0, 4)
  const themes = [
    ...new Set(list.map((c) => THEME_OF_CATEGORY[c as keyof typeof THEME_OF_CATEGORY]).filter(Boolean)),
  ] as string[]
  return { categories: list, themes }
}

function licenceOf(raw: string, warnings: EntryWarning[]): string {
  const { expression, list } = normaliseLicenceText(raw)
  if (!expression) {
    warnings.push({
      code: 'licence-unknown',
      message: `Licence « ${raw.trim() || '(vide)'} » non reconnue : notée NOASSERTION, à vérifier.`,
    })
    return 'NOASSERTION'
  }
  if (list)
    warnings.push({
      code: 'licence-list',
      message: `Plusieurs licences indiquées (« ${raw.trim()} ») : notées ${expression}, à vérifier.`,
    })
  else if (expression.toLowerCase() !== raw.trim().toLowerCase())
    warnings.push({
      code: 'licence-normalised',
      message: `Licence « ${raw.trim()} » notée ${expression} (identifiant SPDX à jour).`,
    })
  return expression
}

interface Draft {
  name: string
  summary: string
  website?: string | null
  repository?: string | null
  logoUrl?: string | null
  licence: string
  /** Words that suggest categories. */
  hints: Array<string | null | undefined>
  kind: 'desktop' | 'cloud' | 'stack' | null
  providers: boolean
  alternativeTo?: string[]
  externalIds: Partial<ExternalIds>
  rgaaNote?: string | null
  sourceLabel: string
}

/**
 * A draft tool from a public catalogue's entry: only what the source says, everything else
 * "to be checked". The cost model is not guessed from the licence (a free licence can be sold as
 * a subscription, a proprietary one given away): free desktop software is "free", any other is
 * "hosting-cost-only" when free and "subscription" only when the licence says it is not free.
 */
function draftOf(d: Draft, warnings: EntryWarning[]): ToolInput {
  const licence = licenceOf(d.licence, warnings)
  const free = isFreeLicence(licence)
  const hosting: HostingOption[] = [
    {
      mode: 'self-hosted',
      dataLocation: 'depends',
      note:
        d.kind === 'desktop'
          ? 'Logiciel installé sur les postes de travail : les données restent sur les postes ou le serveur de la collectivité.'
          : 'À installer sur un serveur de la collectivité ou de son prestataire : la localisation dépend de l’hébergeur.',
    },
  ]
  if (d.providers)
    hosting.push({
      mode: 'operator',
      dataLocation: 'depends',
      note: `Des prestataires référencés par ${d.sourceLabel} proposent cette solution : vérifier la localisation des données dans leur contrat.`,
    })
  const { categories, themes } = suggestCategories([d.name, ...d.hints])
  const name = d.name.trim().slice(0, 120)
  return {
    slug: slugify(name),
    name,
    summary: (d.summary.trim() || name).replace(/\s+/g, ' ').slice(0, 300),
    description: '',
    website: httpUrl(d.website),
    repository: httpUrl(d.repository),
    logoUrl: httpUrl(d.logoUrl),
    licence,
    categories,
    themes,
    hosting,
    standards: [],
    accessibility: { rgaaDeclaration: 'unknown', declarationUrl: null, note: d.rgaaNote ?? null },
    security: { twoFactor: null, endToEndEncryption: null, secNumCloud: false, note: null },
    sobriety: null,
    costModel: free
      ? d.kind === 'desktop'
        ? 'free'
        : 'hosting-cost-only'
      : licence === 'NOASSERTION'
        ? 'hosting-cost-only'
        : 'subscription',
    skillLevel: d.kind === 'desktop' ? 'beginner' : d.kind === 'stack' ? 'expert' : 'intermediate',
    alternativeTo: [
      ...new Set((d.alternativeTo ?? []).map((a) => a.trim().slice(0, 80)).filter(Boolean)),
    ].slice(0, 30),
    externalIds: { ...EMPTY_EXTERNAL_IDS, ...d.externalIds },
  }
}

const RGAA_NOTE =
  'Un référent du SILL indique que le logiciel respecte le RGAA ; aucune déclaration publiée n’a été vérifiée.'

function fromSill(e: Static<typeof SillEntry>, w: EntryWarning[]): Omit<Candidate, 'index' | 'warnings'> {
  const cdl = e.comptoirDuLibreSoftware ?? null
  const cdlRes = cdl?.external_resources
  const ext = e.softwareExternalData ?? null
  const wikidata =
    ext && (ext.sourceSlug ?? ext.externalDataOrigin) === 'wikidata' ? wikidataOf(ext.externalId) : null
  const framalibre = cdlRes?.framalibre && !Array.isArray(cdlRes.framalibre) ? cdlRes.framalibre.slug : null
  const kind = e.softwareType.type === 'desktop/mobile' ? 'desktop' : e.softwareType.type
  const input = draftOf(
    {
      name: e.name,
      summary: e.description,
      website: ext?.websiteUrl ?? cdlRes?.website,
      repository: ext?.sourceUrl ?? cdlRes?.repository,
      logoUrl: e.logoUrl,
      licence: e.license,
      hints: [...e.keywords, ...(e.categories ?? []), e.description],
      kind,
      providers: Boolean(e.serviceProviders?.length),
      alternativeTo: (e.similarExternalSoftwares ?? [])
        .filter((s) => s.isLibreSoftware === false)
        .map((s) => label(s.label)),
      externalIds: {
        wikidata,
        sill: digitsOnly(e.id),
        comptoirDuLibre: cdl ? digitsOnly(cdl.id) : null,
        framalibre: framalibreOf(framalibre),
      },
      rgaaNote: e.doRespectRgaa ? RGAA_NOTE : null,
      sourceLabel: 'le SILL',
    },
    w,
  )
  return { name: e.name, input, ...(e.dereferencing ? { skip: 'Déréférencé du SILL : non importé.' } : {}) }
}

function fromCatalogiV2(
  e: Static<typeof CatalogiV2Entry>,
  w: EntryWarning[],
): Omit<Candidate, 'index' | 'warnings'> {
  const ids = new Map<string, string>()
  for (const i of e.identifiers ?? [])
    if (i.value && i.subjectOf?.additionalType) ids.set(i.subjectOf.additionalType.toLowerCase(), i.value)
  const platforms = e.runtimePlatforms
  const kind = platforms.includes('cloud') ? 'cloud' : platforms.length ? 'desktop' : null
  const name = label(e.name)
  const input = draftOf(
    {
      name,
      summary: label(e.description),
      website: e.url,
      repository: e.codeRepositoryUrl,
      logoUrl: e.image,
      licence: e.license,
      hints: [
        ...e.applicationCategories,
        ...e.keywords.filter((k): k is string => typeof k === 'string'),
        label(e.description),
      ],
      kind,
      providers: Boolean(e.providers?.length),
      alternativeTo: (e.similarSoftwares ?? [])
        .filter((s) => s.isLibreSoftware === false)
        .map((s) => label(s.name)),
      externalIds: {
        wikidata: wikidataOf(e.sourceSlug === 'wikidata' ? e.externalId : ids.get('wikidata')),
        sill: digitsOnly(e.id),
        comptoirDuLibre: digitsOnly(ids.get('comptoirdulibre')),
        framalibre: framalibreOf(ids.get('framalibre')),
      },
      rgaaNote: e.customAttributes?.doRespectRgaa === true ? RGAA_NOTE : null,
      sourceLabel: 'Catalogi',
    },
    w,
  )
  return {
    name,
    input,
    ...(e.dereferencing
      ? {
          skip: `Déréférencé du catalogue${e.dereferencing.reason ? ` (${e.dereferencing.reason})` : ''} : non importé.`,
        }
      : {}),
  }
}

function fromSill2022(
  e: Static<typeof Sill2022Entry>,
  w: EntryWarning[],
): Omit<Candidate, 'index' | 'warnings'> {
  const input = draftOf(
    {
      name: e._name,
      summary: e._function,
      licence: e._license,
      hints: [e._function, e.whereAndInWhatContextIsItUsed],
      kind: null,
      providers: Boolean(e.isPresentInSupportContract),
      externalIds: {
        wikidata: wikidataOf(e.wikidataId),
        sill: digitsOnly(e._id),
        comptoirDuLibre: digitsOnly(e.comptoirDuLibreOrgId),
      },
      sourceLabel: 'le marché de support du SILL',
    },
    w,
  )
  if (e.parentSoftware)
    w.push({
      code: 'plugin',
      message: `Module d’un autre logiciel du SILL (n° ${e.parentSoftware.softwareId ?? '?'}) : fiche à part, à relier par un éditeur.`,
    })
  return {
    name: e._name,
    input,
    ...(e.recommendationStatus === 'no longer recommended'
      ? { skip: 'Plus recommandé par le SILL : non importé.' }
      : {}),
  }
}

function fromSillContents(
  e: Static<typeof SillContentsEntry>,
  w: EntryWarning[],
): Omit<Candidate, 'index' | 'warnings'> {
  const input = draftOf(
    {
      name: e.i,
      summary: e['fr-desc'] || e.f,
      website: e.website,
      repository: e.sources,
      logoUrl: e.logo,
      licence: e.l,
      hints: [e.f, e.c, e.se],
      kind: null,
      providers: e.su === 'Oui',
      externalIds: {
        sill: digitsOnly(e.id),
        comptoirDuLibre: digitsOnly(e.co),
        framalibre: framalibreOf(e.frama?.['encoded-name']),
      },
      sourceLabel: 'le marché de support du SILL',
    },
    w,
  )
  if (e.p?.trim())
    w.push({
      code: 'plugin',
      message: `Module de « ${e.p.trim()} » : fiche à part, à relier par un éditeur.`,
    })
  // st: R recommended, O in observation, FR no longer recommended ("fin de recommandation").
  return {
    name: e.i,
    input,
    ...(e.st === 'FR' ? { skip: 'Plus recommandé par le SILL : non importé.' } : {}),
  }
}

function fromComptoir(
  s: Static<typeof CdlSoftware>,
  w: EntryWarning[],
): Omit<Candidate, 'index' | 'warnings'> {
  const res = s.external_resources
  const pick = <T>(v: T | unknown[] | null | undefined): T | null =>
    v && !Array.isArray(v) ? (v as T) : null
  const input = draftOf(
    {
      name: s.name,
      summary: `${s.name.trim()} : fiche importée du Comptoir du Libre, à compléter.`,
      website: res?.website,
      repository: res?.repository,
      licence: s.licence,
      hints: [],
      kind: null,
      providers: Boolean(s.providers?.length),
      externalIds: {
        wikidata: wikidataOf(pick<{ id: string }>(res?.wikidata)?.id),
        sill: digitsOnly(pick<{ id: number }>(res?.sill)?.id),
        comptoirDuLibre: digitsOnly(s.id),
        framalibre: framalibreOf(pick<{ slug: string }>(res?.framalibre)?.slug),
      },
      sourceLabel: 'le Comptoir du Libre',
    },
    w,
  )
  // A Comptoir du Libre entry is not a SILL recommendation: no hosting note from kind.
  if (!s.providers?.length) input.hosting = []
  else input.hosting = input.hosting.filter((h) => h.mode === 'operator')
  return { name: s.name, input }
}

function fromOsinum(t: OsinumTool, w: EntryWarning[]): Omit<Candidate, 'index' | 'warnings'> {
  const licence = licenceOf(t.licence, w)
  const categories = t.categories.filter((c) => (CATEGORY_IDS as readonly string[]).includes(c))
  const themes = (t.themes ?? []).filter((c) => (THEME_IDS as readonly string[]).includes(c))
  if (categories.length < t.categories.length || themes.length < (t.themes ?? []).length)
    w.push({ code: 'unknown-category', message: 'Catégories ou usages inconnus de ce catalogue : ignorés.' })
  const input: ToolInput = {
    slug: t.slug,
    name: t.name.trim(),
    summary: t.summary.trim(),
    description: t.description ?? '',
    website: httpUrl(t.website),
    repository: httpUrl(t.repository),
    logoUrl: httpUrl(t.logoUrl),
    licence,
    categories,
    themes,
    hosting: (t.hosting ?? []).map((h) => ({
      mode: h.mode,
      dataLocation: h.dataLocation,
      note: h.note ?? null,
    })),
    standards: [...new Set(t.standards ?? [])],
    accessibility: {
      rgaaDeclaration: t.accessibility?.rgaaDeclaration ?? 'unknown',
      declarationUrl: httpUrl(t.accessibility?.declarationUrl),
      note: t.accessibility?.note ?? null,
    },
    security: {
      twoFactor: t.security?.twoFactor ?? null,
      endToEndEncryption: t.security?.endToEndEncryption ?? null,
      secNumCloud: t.security?.secNumCloud ?? false,
      note: t.security?.note ?? null,
    },
    sobriety: t.sobriety ?? null,
    costModel: t.costModel,
    skillLevel: t.skillLevel,
    alternativeTo: [...new Set(t.alternativeTo ?? [])],
    externalIds: {
      wikidata: wikidataOf(t.externalIds?.wikidata),
      sill: digitsOnly(t.externalIds?.sill),
      comptoirDuLibre: digitsOnly(t.externalIds?.comptoirDuLibre),
      framalibre: framalibreOf(t.externalIds?.framalibre),
    },
  }
  return { name: t.name, input, curated: true }
}

/** Our CSV export, back to the export's JSON shape (lists joined with " | ", `'`-escaped cells). */
function csvRows(text: string): { rows: Record<string, string>[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  })
  return {
    rows: parsed.data,
    problems: parsed.errors.slice(0, 5).map((e) => `ligne ${(e.row ?? 0) + 2} : ${e.message}`),
  }
}
const unescapeCell = (v: string | undefined) => (v && /^'[=+\-@]/.test(v) ? v.slice(1) : (v ?? ''))
const list = (v: string | undefined) =>
  unescapeCell(v)
    .split(' | ')
    .map((s) => s.trim())
    .filter(Boolean)
const bool = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : null)
function toolOfCsv(r: Record<string, string>): unknown {
  const cell = (k: string) => unescapeCell(r[k]).trim()
  const modes = list(r.hosting_modes)
  const locations = list(r.data_locations)
  return {
    slug: cell('slug'),
    name: cell('name'),
    summary: cell('summary'),
    description: unescapeCell(r.description),
    website: cell('website') || null,
    repository: cell('repository') || null,
    licence: cell('licence'),
    categories: list(r.categories),
    themes: list(r.themes),
    // The CSV has modes and locations apart: one option per mode, located when only one location is given.
    hosting: modes.map((mode) => ({ mode, dataLocation: locations.length === 1 ? locations[0] : 'depends' })),
    standards: list(r.standards),
    accessibility: { rgaaDeclaration: cell('rgaa_declaration') || 'unknown' },
    security: {
      twoFactor: bool(cell('two_factor')),
      endToEndEncryption: bool(cell('end_to_end_encryption')),
      secNumCloud: cell('secnumcloud') === 'true',
    },
    sobriety: cell('sobriety') || null,
    costModel: cell('cost_model'),
    skillLevel: cell('skill_level'),
    alternativeTo: list(r.alternative_to),
    externalIds: {
      wikidata: cell('wikidata') || null,
      sill: cell('sill') || null,
      comptoirDuLibre: cell('comptoir_du_libre') || null,
      framalibre: cell('framalibre') || null,
    },
  }
}

/** Detects the format, validates each entry and maps it (no database access). */
export interface ParsedImport {
  format: ImportFormat
  candidates: Candidate[]
  /** Entries in the file (refused ones included). */
  total: number
}

type Mapper = (entry: any, warnings: EntryWarning[]) => Omit<Candidate, 'index' | 'warnings'>
const SHAPES: Record<ImportFormat, { schema: TSchema; map: Mapper; name: (e: any) => unknown }> = {
  sill: { schema: SillEntry, map: fromSill, name: (e) => e?.name },
  'catalogi-v2': { schema: CatalogiV2Entry, map: fromCatalogiV2, name: (e) => label(e?.name ?? '') },
  'sill-2022': { schema: Sill2022Entry, map: fromSill2022, name: (e) => e?._name },
  'sill-contents': { schema: SillContentsEntry, map: fromSillContents, name: (e) => e?.i },
  'comptoir-du-libre': { schema: CdlSoftware, map: fromComptoir, name: (e) => e?.name },
  'osinum-json': { schema: OsinumTool, map: fromOsinum, name: (e) => e?.name },
  'osinum-csv': { schema: OsinumTool, map: fromOsinum, name: (e) => e?.name },
}

/** Which SILL-like shape an array entry has (by the keys only its shape has). */
function arrayShape(entries: unknown[]): ImportFormat | null {
  const votes = new Map<ImportFormat, number>()
  for (const e of entries.slice(0, 50)) {
    if (!e || typeof e !== 'object') continue
    const o = e as Record<string, unknown>
    const shape: ImportFormat | null =
      '_name' in o || '_id' in o
        ? 'sill-2022'
        : 'i' in o && 'l' in o
          ? 'sill-contents'
          : typeof o.addedTime === 'string' || 'runtimePlatforms' in o
            ? 'catalogi-v2'
            : 'softwareType' in o || 'license' in o
              ? 'sill'
              : null
    if (shape) votes.set(shape, (votes.get(shape) ?? 0) + 1)
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

export function detectFormat(body: unknown): { format: ImportFormat; entries: unknown[] } | null {
  if (Array.isArray(body)) {
    const format = arrayShape(body)
    return format ? { format, entries: body } : null
  }
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>
    if (Array.isArray(o.softwares)) return { format: 'comptoir-du-libre', entries: o.softwares }
    if (Array.isArray(o.tools) && 'generatedAt' in o) return { format: 'osinum-json', entries: o.tools }
  }
  return null
}

/** SILL formats are one family: `?format=sill` accepts any of them. */
const compatible = (asked: ImportFormat, found: ImportFormat) =>
  asked === found || (asked === 'sill' && ['catalogi-v2', 'sill-2022', 'sill-contents'].includes(found))

export async function parseImport(body: unknown, format?: ImportFormat): Promise<ParsedImport> {
  const detected =
    typeof body === 'string'
      ? { format: 'osinum-csv' as const, entries: csvEntries(body) }
      : detectFormat(body)
  if (!detected)
    throw new ImportUnsupported(
      'Unrecognised file: expected a SILL file (Catalogi v1 or v2, sill-softwares.json, sill.json), a Comptoir du Libre export, or this catalogue’s export.json / export.csv',
    )
  if (format && !compatible(format, detected.format))
    throw new FieldsError(
      [
        {
          field: 'body',
          message: `the file is not in the ${format} format (it looks like ${detected.format})`,
        },
      ],
      { code: 'OSI_CATALOGUE_IMPORT_INVALID' },
    )
  const shape = SHAPES[detected.format]
  const check = checkerOf(shape.schema)
  const candidates: Candidate[] = []
  for (const [index, entry] of detected.entries.entries()) {
    // A file of tens of thousands of entries: let other work in now and then.
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    const rawName = shape.name(entry)
    const name =
      typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 120) : `(entrée ${index})`
    if (!check(entry)) {
      candidates.push({
        index,
        name,
        input: undefined as unknown as ToolInput,
        problems: problemsOf(shape.schema, entry, `[${index}]`),
        warnings: [],
      })
      continue
    }
    const warnings: EntryWarning[] = []
    candidates.push({ index, warnings, ...shape.map(entry, warnings) })
  }
  return { format: detected.format, candidates, total: detected.entries.length }
}

function csvEntries(text: string): unknown[] {
  const { rows, problems } = csvRows(text)
  if (!rows.length || !('slug' in (rows[0] ?? {})) || !('licence' in (rows[0] ?? {})))
    throw new ImportUnsupported(
      `Unrecognised CSV file: expected this catalogue’s export.csv (columns slug, name, summary, licence…)${problems.length ? `; ${problems.join('; ')}` : ''}`,
    )
  return rows.map(toolOfCsv)
}

export type { ImportReport }
