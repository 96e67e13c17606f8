import { type DatabaseHandle, migrateSchema } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { openTestDatabase } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accompanimentTablesMigration } from '../migrations/20261128T0500_accompaniment.js'

describe('accompaniment migrations', () => {
  let database: DatabaseHandle
  const schema = uniqueName('acc_mig')
  const set = (s: string) => ({
    '20261128T0000_events': eventTablesMigration(s),
    '20261128T0500_accompaniment': accompanimentTablesMigration(s),
  })
  beforeAll(() => {
    database = openTestDatabase()
  })
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => {})
    await database?.close()
  })

  it('creates every table in the service schema and drops them again', async () => {
    await migrateSchema(database.db, schema, set)
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${schema} order by table_name`.execute(
      database.db,
    )
    const names = tables.rows.map((r) => r.table_name)
    for (const t of ['support_requests', 'action_items', 'advisor_notes', 'reminders'])
      expect(names).toContain(t)
    const migrator = new Migrator({
      db: database.db.withSchema(schema),
      provider: { getMigrations: async () => set(schema) },
      migrationTableSchema: schema,
    })
    const down = await migrator.migrateDown()
    expect(down.error).toBeUndefined()
    const after = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = ${schema} and table_name = 'action_items'`.execute(
      database.db,
    )
    expect(after.rows[0]?.n).toBe(0)
  })
})
