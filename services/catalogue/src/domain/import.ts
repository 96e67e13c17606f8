import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { ImportReport } from '../schemas.js'
import type { DbContext, ToolRow, Trx } from './db.js'
import type { ParsedImport } from './import-parse.js'
import { normalise } from './text.js'
import { createTool, type ExternalIds, inputOfRow, type ToolInput, updateTool } from './tools.js'

export type { Candidate, ImportFormat, ParsedImport } from './import-parse.js'

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

/** Applies a parsed file (`readImportFile`, or `parseImportOffThread` for an upload). */
export async function runImport(
  ctx: DbContext,
  parsed: ParsedImport,
  options: { actor: string | null },
): Promise<ImportReport> {
  const { format, candidates, warnings } = parsed
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
