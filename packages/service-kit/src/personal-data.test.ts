import { migrateSchema, schemaDb } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERASED_EMAIL, ERASED_NAME, forgetPerson, personalDataMigration } from './personal-data.js'
import { openTestDatabase } from './testing.js'

const person = {
  userId: '0193a000-0000-7000-8000-000000000001',
  emails: ['anne.dupre@mairie.example'],
  names: ['Anne Dupré', 'Anne D. Dupré'],
}

describe('forgetting a person removes their email and name from every text of a schema', () => {
  const database = openTestDatabase()
  const schema = uniqueName('pd')
  let db: Kysely<any>
  beforeAll(async () => {
    await migrateSchema(database.db, schema, (s) => ({
      '0000_events': eventTablesMigration(s),
      '0001_pd': personalDataMigration(s),
      '0002_things': {
        async up(d) {
          await sql`create table ${sql.table(`${s}.posts`)} (id int primary key, title text, body text, tags text[], meta jsonb, contact public.citext)`.execute(
            d,
          )
          await sql`create table ${sql.table(`${s}.users`)} (id int primary key, name text)`.execute(d)
        },
      },
    }))
    db = schemaDb(database.db, schema)
    await db
      .insertInto('posts')
      .values([
        {
          id: 1,
          title: 'Retour d’Anne Dupré',
          body: 'Écrivez à ANNE.DUPRE@mairie.example ou à anne  dupré, la secrétaire. Annecy reste Annecy.',
          tags: '{a,b}',
          meta: JSON.stringify({ by: 'Anne Dupré', nested: [{ email: 'anne.dupre@mairie.example' }] }),
          contact: 'Anne.Dupre@Mairie.example',
        },
        {
          id: 2,
          title: 'Rien à voir',
          body: 'Une autre Annette Dupréau',
          tags: '{}',
          meta: '{}',
          contact: null,
        },
      ])
      .execute()
    // A namesake's own profile, in the projection of users: not hers, never touched.
    await db.insertInto('users').values({ id: 1, name: 'Anne Dupré' }).execute()
    const envelope = (data: object) => JSON.stringify({ id: crypto.randomUUID(), data })
    await db
      .insertInto('outbox')
      .values([
        {
          id: crypto.randomUUID(),
          subject: 's',
          aggregate_id: 'x',
          envelope: envelope({ name: 'Anne Dupré' }),
          published_at: new Date(),
        },
        {
          id: crypto.randomUUID(),
          subject: 's',
          aggregate_id: 'x',
          envelope: envelope({ email: 'anne.dupre@mairie.example', url: 'u' }),
          published_at: null,
        },
        {
          id: crypto.randomUUID(),
          subject: 's',
          aggregate_id: 'x',
          envelope: envelope({ invitedBy: 'Anne Dupré', email: 'other@x.example' }),
          published_at: null,
        },
        {
          id: crypto.randomUUID(),
          subject: 's',
          aggregate_id: 'x',
          envelope: envelope({ userId: person.userId }),
          published_at: new Date(),
        },
      ])
      .execute()
  })
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db)
    await database.close()
  })

  it('replaces them as whole words, case-insensitively, in text, citext and JSON, and purges the outbox', async () => {
    await forgetPerson(db, schema, person, { identityTables: ['users'] })
    const posts = await db.selectFrom('posts').selectAll().orderBy('id').execute()
    expect(posts[0]).toMatchObject({
      title: `Retour d’${ERASED_NAME}`,
      body: `Écrivez à ${ERASED_EMAIL} ou à ${ERASED_NAME}, la secrétaire. Annecy reste Annecy.`,
      meta: { by: ERASED_NAME, nested: [{ email: ERASED_EMAIL }] },
      contact: ERASED_EMAIL,
    })
    expect(posts[1]).toMatchObject({ title: 'Rien à voir', body: 'Une autre Annette Dupréau' })
    expect(await db.selectFrom('users').select('name').execute()).toEqual([{ name: 'Anne Dupré' }])
    const outbox = await db.selectFrom('outbox').select(['envelope', 'published_at']).orderBy('seq').execute()
    // Published with her name: gone. Addressed to her: gone. Mentioning her: scrubbed. Ids only: kept.
    expect(outbox.map((r) => r.envelope.data)).toEqual([
      { invitedBy: ERASED_NAME, email: 'other@x.example' },
      { userId: person.userId },
    ])
  })

  it('is idempotent (a redelivered erasure changes nothing more)', async () => {
    expect(await forgetPerson(db, schema, person, { identityTables: ['users'] })).toEqual({
      outbox: 0,
      dead_letters: 0,
    })
  })
})
