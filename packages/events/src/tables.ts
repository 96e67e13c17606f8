import type { Generated, Kysely, Migration } from 'kysely'
import { sql } from 'kysely'

/** Tables every service gets in its own schema for reliable events. */
export interface OutboxTable {
  seq: Generated<number>
  id: string
  subject: string
  aggregate_id: string
  envelope: unknown
  headers: Record<string, string>
  created_at: Generated<Date>
  published_at: Date | null
}
export interface InboxTable {
  consumer: string
  event_id: string
  processed_at: Generated<Date>
}
export interface DeadLetterTable {
  id: Generated<string>
  consumer: string
  event_id: string
  subject: string
  envelope: unknown
  headers: Record<string, string>
  error: string
  attempts: number
  created_at: Generated<Date>
  replay_count: Generated<number>
  replayed_at: Date | null
}
export interface EventTables {
  outbox: OutboxTable
  inbox: InboxTable
  dead_letters: DeadLetterTable
}

/**
 * The migration creating the event tables. Each service lists it first in its own migration set
 * (the name sorts before the service's own migrations).
 */
export const eventTablesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('outbox')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('id', 'uuid', (c) => c.notNull().unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('aggregate_id', 'text', (c) => c.notNull())
      .addColumn('envelope', 'jsonb', (c) => c.notNull())
      .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('published_at', 'timestamptz')
      .execute()
    await sql`create index outbox_unpublished on ${sql.table(`${schema}.outbox`)} (seq) where published_at is null`.execute(
      db,
    )
    await db.schema
      .createTable('inbox')
      .addColumn('consumer', 'text', (c) => c.notNull())
      .addColumn('event_id', 'uuid', (c) => c.notNull())
      .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('inbox_pk', ['consumer', 'event_id'])
      .execute()
    await db.schema
      .createTable('dead_letters')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('consumer', 'text', (c) => c.notNull())
      .addColumn('event_id', 'uuid', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('envelope', 'jsonb', (c) => c.notNull())
      .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('error', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('replay_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('replayed_at', 'timestamptz')
      .addUniqueConstraint('dead_letters_consumer_event', ['consumer', 'event_id'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('dead_letters').execute()
    await db.schema.dropTable('inbox').execute()
    await db.schema.dropTable('outbox').execute()
  },
})
