import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { infrastructure, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { type MigrationSet, migrateSchema } from './migrate.js'
import { openDatabase } from './open.js'
import { ensurePgliteTemplate } from './pglite-template.js'
import { schemaDb } from './schema.js'

const counter: MigrationSet = () => ({
  '0001_things': {
    async up(db) {
      await db.schema
        .createTable('things')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('name', 'text')
        .execute()
      // Slow enough for concurrent migrators to overlap.
      await sql`select pg_sleep(0.2)`.execute(db)
    },
  },
})

describe('database', () => {
  const url = infrastructure().databaseUrl

  // Replicas share one server: meaningful on PostgreSQL (in-memory PGlite instances are separate databases).
  it.skipIf(!url.startsWith('postgres'))(
    'migrates a schema once when several replicas start together',
    async () => {
      const handles = [0, 1, 2].map(() => openDatabase({ url, poolSize: 2 }))
      const schema = uniqueName('mig')
      try {
        const results = await Promise.all(handles.map((h) => migrateSchema(h.db, schema, counter)))
        const applied = results.flatMap((r) => r.results ?? []).filter((r) => r.status === 'Success')
        expect(applied).toHaveLength(1)
        const db = schemaDb<any>(handles[0]!.db, schema)
        await db.insertInto('things').values({ name: 'ok' }).execute()
        expect(await db.selectFrom('things').selectAll().execute()).toHaveLength(1)
      } finally {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handles[0]!.db)
        await Promise.all(handles.map((h) => h.close()))
      }
    },
  )

  it('keeps embedded data across restarts in its data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osinum-pglite-'))
    try {
      const first = openDatabase({ url: `pglite://${dir}` })
      await migrateSchema(first.db, 'keep', counter)
      await schemaDb<any>(first.db, 'keep').insertInto('things').values({ name: 'persisted' }).execute()
      await first.close()
      const second = openDatabase({ url: `pglite://${dir}` })
      const rows = await schemaDb<any>(second.db, 'keep').selectFrom('things').select('name').execute()
      expect(rows).toEqual([{ name: 'persisted' }])
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('creates a new embedded database from the prepared cluster, in a folder or in memory', async () => {
    await ensurePgliteTemplate()
    const dir = mkdtempSync(join(tmpdir(), 'osinum-pglite-'))
    try {
      const inFolder = openDatabase({ url: `pglite://${dir}/pgdata` })
      // The cluster is in place before PGlite starts: no initdb, extensions already installed.
      expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true)
      const inMemory = openDatabase({ url: 'pglite://memory' })
      for (const db of [inFolder, inMemory]) {
        const { rows } = await sql<{ extensions: string[]; plain: string }>`
          select array_agg(extname::text order by extname) as extensions,
                 public.osinum_unaccent('Élus et agents') as plain
          from pg_extension where extname <> 'plpgsql'`.execute(db.db)
        expect(rows[0]).toEqual({ extensions: ['citext', 'pg_trgm', 'unaccent'], plain: 'Elus et agents' })
        await db.close()
      }
      expect(readdirSync(dir)).toEqual(['pgdata'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('offers accent-insensitive French text search on PostgreSQL and PGlite alike', async () => {
    const db = openDatabase({ url })
    try {
      await migrateSchema(db.db, 'public', () => ({}))
      const { rows } = await sql<{ hit: boolean; sim: number }>`
        select to_tsvector('french', public.osinum_unaccent('Visioconférences sécurisées'))
                 @@ websearch_to_tsquery('french', public.osinum_unaccent('visioconference securisee')) as hit,
               public.similarity('nextcloud', 'nexcloud') as sim`.execute(db.db)
      expect(rows[0]!.hit).toBe(true)
      expect(rows[0]!.sim).toBeGreaterThan(0.4)
    } finally {
      await db.close()
    }
  })

  it('refuses an unknown database URL scheme without echoing the password', () => {
    expect(() => openDatabase({ url: 'mysql://root:s3cret@db/x' })).toThrow(/postgres:\/\/ or pglite:\/\//)
    expect(() => openDatabase({ url: 'mysql://root:s3cret@db/x' })).not.toThrow(/s3cret/)
  })
})
