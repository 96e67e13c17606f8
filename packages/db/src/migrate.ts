import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import { isUniqueViolation } from './errors.js'

/**
 * A service's migrations. A factory receives the schema name so that raw SQL can qualify
 * names; the Kysely instance a migration gets already targets that schema.
 * Migrations are frozen in time: they never import application code.
 */
export type MigrationSet = (schema: string) => Record<string, Migration>

/**
 * Extensions shared by the services (French accent-insensitive search, trigram similarity),
 * installed once in `public`, plus an IMMUTABLE unaccent wrapper usable in indexes.
 * Safe to call concurrently.
 */
export async function ensureExtensions(root: Kysely<any>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await root.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('osinum.extensions'))`.execute(trx)
        await sql`create extension if not exists unaccent schema public`.execute(trx)
        await sql`create extension if not exists pg_trgm schema public`.execute(trx)
        await sql`create extension if not exists citext schema public`.execute(trx)
        await sql`create or replace function public.osinum_unaccent(text) returns text
          language sql immutable parallel safe strict
          as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(trx)
      })
      return
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 3) throw error
    }
  }
}

/**
 * Brings `schema` to the latest migration. Lock-safe: Kysely's PostgreSQL adapter takes a
 * transaction-scoped advisory lock, so replicas starting together migrate once.
 */
export async function migrateSchema(
  root: Kysely<any>,
  schema: string,
  migrations: MigrationSet,
): Promise<MigrationResultSet> {
  await ensureExtensions(root)
  await sql`create schema if not exists ${sql.id(schema)}`.execute(root)
  const set = migrations(schema)
  const migrator = new Migrator({
    db: root.withSchema(schema),
    provider: { getMigrations: async () => set },
    migrationTableSchema: schema,
  })
  let result = await migrator.migrateToLatest()
  // Kysely's migrator introspects every schema of the database to find its own tables; a table or
  // schema dropped at that moment by someone else (parallel test runs, another service) fails the
  // introspection (3F000, 42P01, 42703…) although nothing is wrong with ours: try again. A failure
  // inside one of our migrations is reported at once.
  for (let attempt = 0; attempt < 5 && result.error && beforeAnyMigration(result); attempt++) {
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)))
    result = await migrator.migrateToLatest()
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const error = new Error(
      `migration of schema "${schema}" failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(
        (result.error as Error).message ?? result.error,
      )}`,
    )
    ;(error as Error & { cause: unknown }).cause = result.error
    throw error
  }
  return result
}

/** The failure happened while the migrator looked around (introspection), not in one of our migrations. */
function beforeAnyMigration(result: MigrationResultSet): boolean {
  return !result.results?.some((r) => r.status === 'Error')
}
