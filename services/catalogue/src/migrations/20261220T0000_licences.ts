import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Licences by the book, and import reports (issue 19).
 *
 * - SPDX deprecated the GNU ids without `-only` / `-or-later` (`GPL-3.0` means `GPL-3.0-only`,
 *   `GPL-3.0+` means `GPL-3.0-or-later`); imports kept them as they came, counted them as
 *   non-free and inferred a "subscription" cost model. This rewrites them and marks those tools
 *   free (every id below is OSI-approved and FSF-free); the cost model goes back to
 *   "hosting-cost-only" only for tools that an import created (the wrong inference), never for
 *   curated ones. The search snapshot is invalidated.
 * - Search corrects spelling from its in-memory index: the `search_terms` vocabulary table
 *   (pg_trgm) is no longer read nor written, and is dropped.
 * - `imports` keeps the counts of refused entries and warnings, whether it was a dry run, and
 *   the per-entry report, so that a long report is read page by page.
 *
 * Frozen: the mapping is written out here, not read from app code.
 */
const FAMILIES = ['GPL-2.0', 'GPL-3.0', 'LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0', 'AGPL-3.0']
const RENAMES: Array<[string, string]> = FAMILIES.flatMap(
  (f): Array<[string, string]> => [
    [f, `${f}-only`],
    [`${f}+`, `${f}-or-later`],
  ],
)

/** The data part of the migration (also run by its test on a populated catalogue). */
export async function renormaliseLicences(db: Kysely<any>, schema: string): Promise<void> {
  const tools = sql.table(`${schema}.tools`)
  const revisions = sql.table(`${schema}.tool_revisions`)
  for (const [from, to] of RENAMES)
    await sql`update ${tools} as t set
        licence = ${to},
        is_free = true,
        cost_model = case
          when t.cost_model = 'subscription' and exists (
            select 1 from ${revisions} r where r.tool_id = t.id and r.revision = 1 and r.action = 'imported'
          ) then 'hosting-cost-only'
          else t.cost_model end
      where t.licence = ${from}`.execute(db)
  await sql`update ${sql.table(`${schema}.catalogue_state`)} set version = version + 1 where id = 1`.execute(
    db,
  )
}

export const licencesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await renormaliseLicences(db, schema)
    await db.schema
      .alterTable('imports')
      .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('dry_run', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('report', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute()
    await db.schema.dropTable('search_terms').ifExists().execute()
  },
  async down(db: Kysely<any>) {
    // The old licence spellings were wrong: nothing to restore.
    await db.schema
      .createTable('search_terms')
      .ifNotExists()
      .addColumn('word', 'text', (c) => c.primaryKey())
      .execute()
    await db.schema
      .alterTable('imports')
      .dropColumn('refused')
      .dropColumn('warnings')
      .dropColumn('dry_run')
      .dropColumn('report')
      .execute()
  },
})
