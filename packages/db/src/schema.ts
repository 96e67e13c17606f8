import { type Kysely, type RawBuilder, sql } from 'kysely'

/**
 * A service's view of the database: every query it builds targets its own PostgreSQL schema.
 * Services sharing one embedded PGlite share the root instance (one connection queue), each
 * with its own schema.
 */
export function schemaDb<DB>(root: Kysely<any>, schema: string): Kysely<DB> {
  return root.withSchema(schema) as unknown as Kysely<DB>
}

/** `"schema"."table"` for raw SQL (which `withSchema` does not rewrite). */
export function qualified(schema: string, table: string): RawBuilder<unknown> {
  return sql.table(`${schema}.${table}`)
}
