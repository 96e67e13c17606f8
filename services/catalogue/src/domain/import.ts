import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { ImportEntry, ImportReport } from '../schemas.js'
import type { DbContext, Trx } from './db.js'
import { type Candidate, type EntryWarning, OWN_ID, type ParsedImport } from './import-parse.js'
import { normalise, STOP_WORDS } from './text.js'
import { type ExternalIds, inputOfRow, insertTools, type ToolInput, updateTool } from './tools.js'

export type { Candidate, ImportFormat, ParsedImport } from './import-parse.js'

/**
 * Applying an import file (read by import-parse.ts) to the catalogue.
 *
 * - Identity of tools, never a silent merge: an entry matches an existing tool by the source's
 *   own id (SILL id for SILL files, Comptoir du Libre id for its export, slug for our own
 *   exports); by another source's id (Wikidata, Comptoir du Libre, Framalibre) only when the
 *   names agree and the tool has no other id of this source; then by exact name. Every match says
 *   why. An id already held by another tool, entries of the file sharing an id, and names close to
 *   an existing tool's are reported (warnings per entry) and the entries kept apart, for an
 *   editor to merge or not.
 * - A match only gets its empty fields filled (ids, website, repository, logo, replaced
 *   products, and categories/themes when it has none): curated text is never overwritten, so
 *   importing the same file twice changes nothing the second time.
 * - Unknown software becomes a draft with suggested categories; refused entries (invalid) and
 *   skipped ones (dereferenced) are reported with their reasons, in French for the editor.
 * - A dry run does all of it in a transaction that is rolled back: the report tells what would
 *   be created, updated or refused. Reports are stored whole and answered page by page.
 */
const ID_KEYS: Array<keyof ExternalIds> = ['sill', 'wikidata', 'comptoirDuLibre', 'framalibre']
const ID_LABELS: Record<keyof ExternalIds, string> = {
  sill: 'SILL',
  wikidata: 'Wikidata',
  comptoirDuLibre: 'Comptoir du Libre',
  framalibre: 'Framalibre',
}
const BY_LABELS: Record<string, string> = {
  slug: 'même identifiant osinum',
  sill: 'même identifiant SILL',
  wikidata: 'même identifiant Wikidata et nom proche',
  comptoirDuLibre: 'même identifiant Comptoir du Libre',
  framalibre: 'même identifiant Framalibre et nom proche',
  name: 'même nom',
}

interface Known {
  id: string
  slug: string
  nameNorm: string
  ids: ExternalIds
  /** Words of the name (near-duplicate checks), computed once. */
  words?: Set<string>
}

/** The catalogue's tools as matching needs them, kept up to date while the file is applied. */
class Catalogue {
  readonly bySlug = new Map<string, Known>()
  readonly byId = new Map<keyof ExternalIds, Map<string, Known>>(ID_KEYS.map((k) => [k, new Map()]))
  readonly byName = new Map<string, Known>()
  readonly byWord = new Map<string, Known[]>()

  add(k: Known) {
    this.bySlug.set(k.slug, k)
    for (const key of ID_KEYS) {
      const v = k.ids[key]
      if (v && !this.byId.get(key)!.has(v)) this.byId.get(key)!.set(v, k)
    }
    if (!this.byName.has(k.nameNorm)) this.byName.set(k.nameNorm, k)
    k.words = nameWords(k.nameNorm)
    for (const w of k.words) {
      const list = this.byWord.get(w)
      if (list) list.push(k)
      else this.byWord.set(w, [k])
    }
  }

  setId(k: Known, key: keyof ExternalIds, value: string) {
    k.ids[key] = value
    if (!this.byId.get(key)!.has(value)) this.byId.get(key)!.set(value, k)
  }

  /** Tools whose name's words all appear in the other name (either way): "Collabora Online" and "LibreOffice (Collabora) online". */
  nearNames(nameNorm: string): Known[] {
    const words = nameWords(nameNorm)
    if (!words.size) return []
    const seen = new Set<Known>()
    for (const w of words) for (const k of this.byWord.get(w)?.slice(0, 200) ?? []) seen.add(k)
    return [...seen].filter((k) => {
      if (k.nameNorm === nameNorm) return false
      const other = k.words ?? nameWords(k.nameNorm)
      const [small, big] = other.size <= words.size ? [other, words] : [words, other]
      const letters = [...small].join('').length
      return small.size > 0 && letters >= 4 && [...small].every((w) => big.has(w))
    })
  }
}
const nameWords = (nameNorm: string) =>
  new Set(nameNorm.split(' ').filter((w) => w.length > 1 && !STOP_WORDS.has(w)))
const nearlySameName = (a: string, b: string) => {
  if (a === b) return true
  const [wa, wb] = [nameWords(a), nameWords(b)]
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa]
  return small.size > 0 && [...small].every((w) => big.has(w)) && big.size - small.size <= 1
}

async function loadCatalogue(trx: Trx): Promise<Catalogue> {
  const rows = await trx
    .selectFrom('tools')
    .select(['id', 'slug', 'name_norm', 'sill_id', 'wikidata_id', 'comptoir_id', 'framalibre_id'])
    .orderBy('created_at')
    .execute()
  const c = new Catalogue()
  for (const r of rows)
    c.add({
      id: r.id,
      slug: r.slug,
      nameNorm: r.name_norm,
      ids: {
        sill: r.sill_id,
        wikidata: r.wikidata_id,
        comptoirDuLibre: r.comptoir_id,
        framalibre: r.framalibre_id,
      },
    })
  return c
}

/** Entries of the file that share an id: each is told about the others. */
function sharedIds(candidates: Candidate[]): Map<number, EntryWarning[]> {
  const groups = new Map<string, Candidate[]>()
  for (const c of candidates) {
    if (c.problems || c.skip) continue
    for (const key of ID_KEYS) {
      const v = c.input.externalIds[key]
      if (!v) continue
      const k = `${key}|${v}`
      const g = groups.get(k)
      if (g) g.push(c)
      else groups.set(k, [c])
    }
  }
  const out = new Map<number, EntryWarning[]>()
  for (const [k, g] of groups) {
    if (g.length < 2) continue
    const [key, value] = k.split('|') as [keyof ExternalIds, string]
    for (const c of g) {
      const others = g.filter((o) => o !== c)
      const names = others
        .slice(0, 5)
        .map((o) => `« ${o.name} »`)
        .join(', ')
      const more = others.length > 5 ? ` et ${others.length - 5} autres` : ''
      const list = out.get(c.index) ?? []
      list.push({
        code: 'shared-id',
        message: `Même identifiant ${ID_LABELS[key]} (${value}) que ${names}${more} dans ce fichier : fiches gardées à part, à fusionner par un éditeur si c’est le même logiciel.`,
      })
      out.set(c.index, list)
    }
  }
  return out
}

type Match = { tool: Known; by: string }

/** Finds the tool an entry is, or reports why a candidate tool is not it. */
function findMatch(
  catalogue: Catalogue,
  c: Candidate,
  own: keyof ExternalIds | 'slug',
  warnings: EntryWarning[],
  dropIds: Set<keyof ExternalIds>,
): Match | null {
  const input = c.input
  const nameNorm = normalise(input.name)
  if (own === 'slug') {
    const bySlug = catalogue.bySlug.get(input.slug)
    if (bySlug) return { tool: bySlug, by: 'slug' }
  } else {
    const v = input.externalIds[own]
    const byOwn = v ? catalogue.byId.get(own)!.get(v) : undefined
    if (byOwn) return { tool: byOwn, by: own }
  }
  const ownValue = own === 'slug' ? null : input.externalIds[own]
  // Another tool of this source (its own id differs): a different software sharing a foreign id.
  const otherOfSource = (k: Known) => own !== 'slug' && ownValue && k.ids[own] && k.ids[own] !== ownValue
  let match = null as Match | null
  for (const key of ID_KEYS) {
    if (key === own) continue
    const v = input.externalIds[key]
    const holder = v ? catalogue.byId.get(key)!.get(v) : undefined
    if (!holder || holder === match?.tool) continue
    if (!match && !otherOfSource(holder) && nearlySameName(holder.nameNorm, nameNorm)) {
      match = { tool: holder, by: key }
      continue
    }
    dropIds.add(key)
    warnings.push({
      code: 'id-conflict',
      message: `L’identifiant ${ID_LABELS[key]} ${v} est déjà celui de la fiche « ${holder.slug} », dont le nom diffère : fiche gardée à part (identifiant non recopié), à fusionner par un éditeur si c’est le même logiciel.`,
    })
  }
  if (match) return match
  const byName = catalogue.byName.get(nameNorm)
  if (byName) {
    if (!otherOfSource(byName)) return { tool: byName, by: 'name' }
    warnings.push({
      code: 'name-conflict',
      message: `Même nom que la fiche « ${byName.slug} », mais un autre identifiant ${own === 'slug' ? '' : ID_LABELS[own]} : fiche gardée à part.`,
    })
    return null
  }
  const near = catalogue.nearNames(nameNorm).slice(0, 3)
  if (near.length)
    warnings.push({
      code: 'near-duplicate',
      message: `Nom proche de ${near.map((k) => `« ${k.slug} »`).join(', ')} : fiche créée à part, à fusionner ou garder par un éditeur.`,
    })
  return null
}

/** Fills what the tool lacks from the source, never overwriting curated content. */
function mergeInto(
  catalogue: Catalogue,
  known: Known,
  current: ToolInput,
  source: ToolInput,
  warnings: EntryWarning[],
  dropIds: Set<keyof ExternalIds>,
): ToolInput {
  const next: ToolInput = { ...current, externalIds: { ...current.externalIds } }
  for (const key of ID_KEYS) {
    const value = source.externalIds[key]
    if (!value || dropIds.has(key)) continue
    if (current.externalIds[key]) {
      if (current.externalIds[key] !== value)
        warnings.push({
          code: 'id-differs',
          message: `Identifiant ${ID_LABELS[key]} ${value} dans le fichier, ${current.externalIds[key]} sur la fiche : la fiche est gardée telle quelle.`,
        })
      continue
    }
    const owner = catalogue.byId.get(key)!.get(value)
    if (owner && owner !== known)
      warnings.push({
        code: 'id-conflict',
        message: `L’identifiant ${ID_LABELS[key]} ${value} est déjà celui de la fiche « ${owner.slug} » : non recopié.`,
      })
    else {
      next.externalIds[key] = value
      catalogue.setId(known, key, value)
    }
  }
  next.website ??= source.website
  next.repository ??= source.repository
  next.logoUrl ??= source.logoUrl
  if (!next.alternativeTo.length && source.alternativeTo.length) next.alternativeTo = source.alternativeTo
  if (!next.categories.length && source.categories.length) next.categories = source.categories
  if (!next.themes.length && source.themes.length) next.themes = source.themes
  return next
}

function freeSlug(catalogue: Catalogue, wanted: string): string {
  if (!catalogue.bySlug.has(wanted)) return wanted
  for (let n = 2; ; n++) if (!catalogue.bySlug.has(`${wanted}-${n}`)) return `${wanted}-${n}`
}

class DryRun extends Error {}

/** Largest page of a report's entries in one answer. */
export const REPORT_PAGE_MAX = 1000
/** Refused entries whose problems are kept in the report (a file of 60,000 bad entries stays small). */
const DETAILED_REFUSALS = 1000
/** Warnings listed at the top of a report (the entries carry all of theirs). */
const TOP_WARNINGS = 100

export interface ImportOptions {
  actor: string | null
  dryRun?: boolean
  reportOffset?: number
  reportLimit?: number
}

/** Applies a parsed file (`readImportFile`, or `parseImportOffThread` for an upload). */
export async function runImport(
  ctx: DbContext,
  parsed: ParsedImport,
  options: ImportOptions,
): Promise<ImportReport> {
  const { format, candidates } = parsed
  const id = uuidv7()
  const own = OWN_ID[format]
  const entries: ImportEntry[] = []
  const record = async (db: DbContext['db'] | Trx) => {
    const count = (a: ImportEntry['action']) => entries.filter((e) => e.action === a).length
    await db
      .insertInto('imports')
      .values({
        id,
        format,
        imported_by: options.actor,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        refused: count('refused'),
        warnings: entries.reduce((n, e) => n + (e.warnings?.length ?? 0), 0),
        dry_run: Boolean(options.dryRun),
        report: JSON.stringify(entries),
      })
      .execute()
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // One import at a time: concurrent imports of the same file would race to create the same drafts.
      await sql`select pg_advisory_xact_lock(hashtext(${`${ctx.schema}.imports`}))`.execute(trx)
      const catalogue = await loadCatalogue(trx)
      const shared = sharedIds(candidates)
      let refusals = 0
      // New drafts are inserted together at the end (tens of thousands in a few statements).
      const drafts: Array<{ id: string; input: ToolInput }> = []
      const pendingById = new Map<string, { id: string; input: ToolInput }>()
      for (const c of candidates) {
        const base = { index: c.index, name: c.name }
        if (c.problems) {
          // Bounded: the first refusals carry their problems; the others only their reason.
          const detailed = ++refusals <= DETAILED_REFUSALS
          entries.push({
            ...base,
            slug: null,
            action: 'refused',
            reason: `Entrée refusée : ${c.problems
              .slice(0, 3)
              .map((p) => p.field)
              .join(', ')} manquant ou invalide.`,
            ...(detailed ? { problems: c.problems } : {}),
          })
          continue
        }
        const warnings = [...c.warnings, ...(shared.get(c.index) ?? [])]
        if (c.skip) {
          entries.push({ ...base, slug: null, action: 'skipped', reason: c.skip, warnings })
          continue
        }
        const dropIds = new Set<keyof ExternalIds>()
        const match = findMatch(catalogue, c, own, warnings, dropIds)
        if (match) {
          let changed: boolean
          const pending = pendingById.get(match.tool.id)
          if (pending) {
            // A draft of this very file (the same software twice): merged before it is written.
            const merged = mergeInto(catalogue, match.tool, pending.input, c.input, warnings, dropIds)
            changed = JSON.stringify(merged) !== JSON.stringify(pending.input)
            pending.input = merged
          } else {
            const row = await trx
              .selectFrom('tools')
              .selectAll()
              .where('id', '=', match.tool.id)
              .executeTakeFirstOrThrow()
            const merged = mergeInto(catalogue, match.tool, inputOfRow(row), c.input, warnings, dropIds)
            changed = (
              await updateTool(
                ctx,
                match.tool.id,
                () => ({ input: merged }),
                { actor: options.actor, action: 'imported' },
                trx,
              )
            ).changed
          }
          entries.push({
            ...base,
            slug: match.tool.slug,
            action: changed ? 'updated' : 'unchanged',
            reason: `Correspond à la fiche existante « ${match.tool.slug} » (${BY_LABELS[match.by]})${changed ? ' : champs vides complétés.' : ' : rien à changer.'}`,
            match: { slug: match.tool.slug, by: match.by as NonNullable<ImportEntry['match']>['by'] },
            warnings,
          })
          continue
        }
        const externalIds = { ...c.input.externalIds }
        for (const key of dropIds) externalIds[key] = null
        for (const key of ID_KEYS)
          if (externalIds[key] && catalogue.byId.get(key)!.has(externalIds[key]!)) externalIds[key] = null
        const slug = freeSlug(catalogue, c.input.slug)
        const toolId = uuidv7()
        const draft = { id: toolId, input: { ...c.input, slug, externalIds } }
        drafts.push(draft)
        pendingById.set(toolId, draft)
        catalogue.add({ id: toolId, slug, nameNorm: normalise(c.input.name), ids: externalIds })
        if (!c.input.categories.length)
          warnings.push({
            code: 'no-category',
            message: 'Aucune catégorie trouvée dans le fichier : à classer.',
          })
        entries.push({
          ...base,
          slug,
          action: 'created',
          reason: 'Nouvelle fiche en brouillon, à relire avant publication.',
          suggestedCategories: c.input.categories,
          suggestedThemes: c.input.themes,
          warnings,
        })
      }
      await insertTools(trx, drafts, {
        status: 'draft',
        action: 'imported',
        actor: options.actor,
      })
      if (options.dryRun) throw new DryRun()
      await record(trx)
    })
  } catch (error) {
    if (!(error instanceof DryRun)) throw error
    await record(ctx.db)
  }
  return reportOf(
    { id, format, dryRun: Boolean(options.dryRun), entries },
    options.reportOffset ?? 0,
    options.reportLimit ?? 100,
  )
}

/** A report with one page of its entries and its warnings capped. */
function reportOf(
  r: { id: string; format: ParsedImport['format']; dryRun: boolean; entries: ImportEntry[] },
  offset: number,
  limit: number,
): ImportReport {
  const count = (a: ImportEntry['action']) => r.entries.filter((e) => e.action === a).length
  const warnings = r.entries.flatMap((e) =>
    (e.warnings ?? []).map((w) => ({
      field: `entries[${e.index}]`,
      message: `${e.name} : ${w.message}`,
      code: w.code,
    })),
  )
  const page = Math.min(Math.max(limit, 0), REPORT_PAGE_MAX)
  return {
    id: r.id,
    format: r.format,
    dryRun: r.dryRun,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    refused: count('refused'),
    conflicts: r.entries.filter((e) =>
      e.warnings?.some((w) =>
        ['shared-id', 'id-conflict', 'name-conflict', 'near-duplicate'].includes(w.code),
      ),
    ).length,
    entriesTotal: r.entries.length,
    entriesOffset: offset,
    entriesLimit: page,
    entries: r.entries.slice(offset, offset + page),
    warningsTotal: warnings.length,
    warnings: warnings.slice(0, TOP_WARNINGS),
  }
}

/** A stored report, one page of entries at a time (404 when unknown). */
export async function readImport(
  ctx: DbContext,
  id: string,
  offset: number,
  limit: number,
  action?: ImportEntry['action'],
): Promise<ImportReport | null> {
  const row = await ctx.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const all = (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) as ImportEntry[]
  const report = reportOf(
    { id: row.id, format: row.format as ParsedImport['format'], dryRun: row.dry_run, entries: all },
    offset,
    limit,
  )
  if (!action) return report
  const filtered = all.filter((e) => e.action === action)
  return {
    ...report,
    entriesTotal: filtered.length,
    entries: filtered.slice(offset, offset + report.entriesLimit),
  }
}

export async function listImports(ctx: DbContext, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    ctx.db
      .selectFrom('imports')
      .select([
        'id',
        'format',
        'imported_by',
        'created',
        'updated',
        'unchanged',
        'skipped',
        'refused',
        'warnings',
        'dry_run',
        'created_at',
      ])
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
      refused: r.refused,
      warnings: r.warnings,
      dryRun: r.dry_run,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    total: Number(total.n),
    limit,
    offset,
  }
}
