import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Search by title order (`sort=title`) reads the first rows of this index instead of
 * unaccenting and sorting every visible title. Frozen.
 */
export const resourcesSearchIndexesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await sql`create index resources_title_order on ${sql.table(`${schema}.resources`)}
      (public.osinum_unaccent(lower(title)), id)`.execute(db)
  },
  async down(db: Kysely<any>) {
    await sql`drop index if exists ${sql.table(`${schema}.resources_title_order`)}`.execute(db)
  },
})
