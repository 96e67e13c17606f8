import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Statistics that resist re-identification: the verification state of collectivités (from
 * identity's OrganisationSnapshot; statistics count verified ones only) and the panorama's dated
 * releases with the contributions they were computed from (see src/domain/panorama-release.ts).
 * Frozen.
 */
export const verifiedAndReleasesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    await db.schema
      .alterTable('organisations')
      .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute()

    await db.schema
      .createTable('panorama_releases')
      .addColumn('number', 'integer', (c) => c.primaryKey())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('min_group_size', 'integer', (c) => c.notNull())
      .addColumn('contributions', 'integer', (c) => c.notNull())
      // [{operatorId, region, departement, populationBracket, atom, vec: number[]}]
      .addColumn('cells', 'jsonb', (c) => c.notNull())
      // [{size, parent}] — parent: the atom of the previous release it comes from (null: new)
      .addColumn('atoms', 'jsonb', (c) => c.notNull())
      // Changes waiting for a later release (counted, not named).
      .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()

    // One row per published contribution (a collectivité's result, in a cell, over the releases it was part of).
    await db.schema
      .createTable('panorama_contributions')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('diagnostic_id', 'uuid', (c) => c.notNull())
      .addColumn('operator_id', 'uuid')
      .addColumn('region', 'text')
      .addColumn('departement', 'text')
      .addColumn('population_bracket', 'text')
      .addColumn('vec', 'jsonb', (c) => c.notNull())
      .addColumn('start_node', 'text', (c) => c.notNull())
      .addColumn('end_node', 'text', (c) => c.notNull())
      .addColumn('first_release', 'integer', (c) => c.notNull())
      .addColumn('last_release', 'integer', (c) => c.notNull())
      .addColumn('active', 'boolean', (c) => c.notNull())
      .execute()
    await sql`create index panorama_contributions_active on ${t('panorama_contributions')} (organisation_id) where active`.execute(
      db,
    )
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('panorama_contributions').execute()
    await db.schema.dropTable('panorama_releases').execute()
    await db.schema.alterTable('organisations').dropColumn('verified').execute()
  },
})
