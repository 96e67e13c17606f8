import { type Kysely, type Migration, sql } from 'kysely'

/** Emails being sent (`status = 'sending'`, lease in next_attempt_at) are found by their lease. Frozen. */
export const emailSendingMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await sql`create index deliveries_sending on ${sql.table(`${schema}.deliveries`)} (next_attempt_at) where status = 'sending'`.execute(
      db,
    )
  },
  async down(db: Kysely<any>) {
    await sql`drop index ${sql.table(`${schema}.deliveries_sending`)}`.execute(db)
  },
})
