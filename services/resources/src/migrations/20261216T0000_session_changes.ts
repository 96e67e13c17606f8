import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Session changes that reach people: a session can be cancelled (kept, with its registrations
 * cancelled, as history), and each registration counts the versions of the invitation it was
 * sent (iCalendar SEQUENCE), so a calendar applies a reschedule or a cancellation. Frozen.
 */
export const sessionChangesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    await sql`alter table ${t('training_sessions')} add column cancelled_at timestamptz`.execute(db)
    await sql`alter table ${t('registrations')} add column ics_sequence integer not null default 0`.execute(
      db,
    )
    await sql`alter table ${t('registrations')} add column cancelled_by_session boolean not null default false`.execute(
      db,
    )
  },
  async down(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    await sql`alter table ${t('registrations')} drop column cancelled_by_session`.execute(db)
    await sql`alter table ${t('registrations')} drop column ics_sequence`.execute(db)
    await sql`alter table ${t('training_sessions')} drop column cancelled_at`.execute(db)
  },
})
