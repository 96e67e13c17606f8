import { IdentityEvents, SERVICES, type ServiceName } from '@osinum/contracts'
import { type Kysely, type Migration, sql, type Transaction } from 'kysely'
import type { ServiceDeps } from './service.js'

/**
 * Personal data (GDPR) across the services, one mechanism for all five (docs/security.md):
 * - each service knows the emails and names a person had (projection of UserRegistered and
 *   UserUpdated into `personal_identifiers`), so that on erasure it can find them in texts
 *   without the erasure event carrying them;
 * - on UserErased, the service's own policy deletes or anonymises what the person owns, then
 *   `forgetPerson` removes every remaining occurrence of their emails and names from every text
 *   and JSON column of the service's schema (outbox and dead letters included), deletes the
 *   identifiers and keeps a tombstone (the id only) so that a late event never brings them back;
 * - the export asks each service over request-reply (`personal-data.export`): answers travel on
 *   core NATS (or in process), never in a stream or an outbox.
 */

export const PERSONAL_DATA_EXPORT = 'personal-data.export'

/** Who is being exported or erased, as this service knows them. */
export interface Person {
  userId: string
  /** Every address and display name the service has seen for them (lower-cased emails). */
  emails: string[]
  names: string[]
}

export interface PersonalDataPolicy {
  /** What this service holds about the person (GDPR art. 15 and 20): plain JSON. */
  export(db: Kysely<any>, person: Person): Promise<Record<string, unknown>>
  /** Deletes or anonymises what the person owns, in the erasure's transaction (before the sweep). */
  erase(trx: Transaction<any>, person: Person): Promise<void>
  /**
   * Tables holding other people's identity (a projection of users): never swept, since a
   * namesake's own name is not the erased person's.
   */
  identityTables?: string[]
}

/** `personal_identifiers` and `erased_people`, in each service that projects identity's users. */
/** (The schema argument keeps the MigrationSet shape; the tables need no qualified name.) */
export const personalDataMigration = (_schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('personal_identifiers')
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'name')`))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('personal_identifiers_pk', ['user_id', 'kind', 'value'])
      .execute()
    await db.schema
      .createTable('erased_people')
      .addColumn('user_id', 'uuid', (c) => c.primaryKey())
      .addColumn('erased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('erased_people').ifExists().execute()
    await db.schema.dropTable('personal_identifiers').ifExists().execute()
  },
})

/**
 * Wires a service's policy: the identifiers projection, the one UserErased handler (durable
 * consumer `<service>-user-erased`) and the export responder.
 */
export async function handlePersonalData(deps: ServiceDeps, policy: PersonalDataPolicy): Promise<void> {
  const { events, db, schema } = deps
  const remember = async (
    trx: Transaction<any>,
    u: { userId: string; email: string; displayName: string | null },
  ) => {
    const erased = await trx
      .selectFrom('erased_people')
      .select('user_id')
      .where('user_id', '=', u.userId)
      .executeTakeFirst()
    if (erased) return
    const rows = [
      { user_id: u.userId, kind: 'email', value: u.email.trim().toLowerCase() },
      ...(u.displayName?.trim() ? [{ user_id: u.userId, kind: 'name', value: u.displayName.trim() }] : []),
    ].filter((r) => r.value)
    if (rows.length)
      await trx
        .insertInto('personal_identifiers')
        .values(rows)
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'value']).doNothing())
        .execute()
  }
  events.on(IdentityEvents.UserRegistered, 'personal-identifiers-registered', ({ trx, event }) =>
    remember(trx, event.data),
  )
  events.on(IdentityEvents.UserUpdated, 'personal-identifiers-updated', ({ trx, event }) =>
    remember(trx, event.data),
  )
  events.on(IdentityEvents.UserErased, 'user-erased', async ({ trx, event }) => {
    const person = await knownPerson(trx, event.data.userId)
    await policy.erase(trx, person)
    await forgetPerson(trx, schema, person, { identityTables: policy.identityTables })
    await trx.deleteFrom('personal_identifiers').where('user_id', '=', person.userId).execute()
    await trx
      .insertInto('erased_people')
      .values({ user_id: person.userId })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute()
  })
  await events.respond(PERSONAL_DATA_EXPORT, async (data) => {
    const { userId } = data as { userId: string }
    return policy.export(db, await knownPerson(db, userId))
  })
}

/** The person as this service's projection knows them. */
export async function knownPerson(db: Kysely<any>, userId: string): Promise<Person> {
  const rows = await db
    .selectFrom('personal_identifiers')
    .select(['kind', 'value'])
    .where('user_id', '=', userId)
    .orderBy('seen_at')
    .execute()
  return {
    userId,
    emails: rows.filter((r) => r.kind === 'email').map((r) => r.value as string),
    names: rows.filter((r) => r.kind === 'name').map((r) => r.value as string),
  }
}

/** What stands in for an erased email or name in a text that stays. */
export const ERASED_EMAIL = '[adresse effacée]'
export const ERASED_NAME = '[nom effacé]'

/** Names shorter than this are not searched in texts: too likely to be an ordinary word. */
const MIN_NAME_LENGTH = 4

/** A PostgreSQL regular expression (ARE) matching any of `needles` as whole words, case-insensitively. */
export function wordsPattern(needles: string[], options: { json?: boolean } = {}): string | undefined {
  const parts = [...new Set(needles.map((n) => n.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      const text = options.json ? JSON.stringify(n).slice(1, -1) : n
      return text
        .replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
        .split(/\s+/)
        .join('\\s+')
    })
  if (!parts.length) return undefined
  return `(?<![[:alnum:]])(${parts.join('|')})(?![[:alnum:]])`
}

/** Tables no sweep touches: migrations' bookkeeping, and the identifiers themselves (deleted after). */
const NEVER_SWEPT = new Set(['kysely_migration', 'kysely_migration_lock', 'personal_identifiers'])

/**
 * Removes the person from the transport tables and every text of the schema:
 * - published outbox rows that name them are deleted (they have left; the stream keeps its copy
 *   until its retention ends, see docs/security.md);
 * - unpublished outbox rows and dead letters addressed to them (`data.email`) are deleted: nothing
 *   must be sent to an erased person;
 * - then every text, varchar, citext, json and jsonb column of every table (outbox, dead letters
 *   and delivery logs included) has the person's emails and names replaced by a placeholder.
 * Returns the number of rows changed, per table.
 */
export async function forgetPerson(
  trx: Transaction<any> | Kysely<any>,
  schema: string,
  person: Person,
  options: { identityTables?: string[] } = {},
): Promise<Record<string, number>> {
  const emails = [...new Set(person.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))]
  const names = [...new Set(person.names.map((n) => n.trim()).filter((n) => n.length >= MIN_NAME_LENGTH))]
  const changed: Record<string, number> = {}
  const t = (name: string) => sql.table(`${schema}.${name}`)
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(trx)
  const present = new Set(tables.rows.map((r) => r.table_name))
  const all = wordsPattern([...emails, ...names])
  const allJson = wordsPattern([...emails, ...names], { json: true })

  if (present.has('outbox') && allJson) {
    const published = await sql`
      delete from ${t('outbox')}
      where published_at is not null and envelope::text ~* ${allJson}`.execute(trx)
    changed.outbox = Number(published.numAffectedRows ?? 0)
  }
  for (const table of ['outbox', 'dead_letters'])
    if (present.has(table) && emails.length) {
      const addressed = await sql`
        delete from ${t(table)}
        where lower(envelope->'data'->>'email') in (${sql.join(emails)})`.execute(trx)
      changed[table] = (changed[table] ?? 0) + Number(addressed.numAffectedRows ?? 0)
    }
  if (!all || !allJson) return changed

  const columns = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string }>`
    select c.table_name, c.column_name, c.data_type, c.udt_name
    from information_schema.columns c
    where c.table_schema = ${schema} and c.is_generated = 'NEVER'
      and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or c.udt_name = 'citext')
    order by c.table_name, c.ordinal_position`.execute(trx)
  const byTable = new Map<string, Array<{ name: string; json: 'json' | 'jsonb' | undefined }>>()
  const skip = new Set([...NEVER_SWEPT, ...(options.identityTables ?? [])])
  for (const c of columns.rows) {
    if (!present.has(c.table_name) || skip.has(c.table_name)) continue
    const list = byTable.get(c.table_name) ?? []
    list.push({
      name: c.column_name,
      json: c.data_type === 'json' || c.data_type === 'jsonb' ? c.data_type : undefined,
    })
    byTable.set(c.table_name, list)
  }
  for (const [table, cols] of byTable) {
    for (const [needles, placeholder] of [
      [emails, ERASED_EMAIL],
      [names, ERASED_NAME],
    ] as const) {
      const plain = wordsPattern([...needles])
      const json = wordsPattern([...needles], { json: true })
      if (!plain || !json) continue
      const sets = cols.map((c) => {
        const ref = sql.ref(c.name)
        return c.json
          ? sql`${ref} = case when ${ref}::text ~* ${json} then regexp_replace(${ref}::text, ${json}, ${placeholder}, 'gi')::${sql.raw(c.json)} else ${ref} end`
          : sql`${ref} = case when ${ref} ~* ${plain} then regexp_replace(${ref}, ${plain}, ${placeholder}, 'gi') else ${ref} end`
      })
      const where = cols.map((c) =>
        c.json ? sql`${sql.ref(c.name)}::text ~* ${json}` : sql`${sql.ref(c.name)} ~* ${plain}`,
      )
      const result = await sql`
        update ${t(table)} set ${sql.join(sets)} where ${sql.join(where, sql` or `)}`.execute(trx)
      const n = Number(result.numAffectedRows ?? 0)
      if (n) changed[table] = (changed[table] ?? 0) + n
    }
  }
  return changed
}

/** The services identity asks for their part of an export (every one but itself). */
export const EXPORTING_SERVICES: ServiceName[] = SERVICES.filter((s) => s !== 'identity')
