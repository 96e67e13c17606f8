import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Verified membership (who speaks for a collectivité): a verification state on collectivités,
 * the claims people make to speak for one, and the SIRET an OpenID provider (ProConnect) asserted
 * for a linked identity. Collectivités registered before this migration were claimed by whoever
 * asked first: they become `pending`, and each of their referents gets a pending claim for their
 * syndicate to confirm (syndicats, registered by admins, are verified). Frozen.
 */
export const verifiedMembershipMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    await db.schema
      .alterTable('organisations')
      .addColumn('verification', 'text', (c) => c.notNull().defaultTo('pending'))
      .execute()
    await db.schema.alterTable('organisations').addColumn('verified_at', 'timestamptz').execute()
    await sql`update ${t('organisations')} set verification = 'verified', verified_at = now() where kind = 'syndicat'`.execute(
      db,
    )

    await db.schema
      .createTable('membership_claims')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('method', 'text')
      .addColumn('decided_by', 'uuid')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('reason', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await sql`create unique index membership_claims_one_pending on ${t('membership_claims')} (organisation_id, user_id) where status = 'pending'`.execute(
      db,
    )
    await db.schema
      .createIndex('membership_claims_organisation')
      .on('membership_claims')
      .columns(['organisation_id', 'status'])
      .execute()
    await db.schema.createIndex('membership_claims_user').on('membership_claims').column('user_id').execute()
    await sql`insert into ${t('membership_claims')} (id, organisation_id, user_id, role, status, created_at)
      select gen_random_uuid(), m.organisation_id, m.user_id, m.role, 'pending', m.created_at
      from ${t('memberships')} m join ${t('organisations')} o on o.id = m.organisation_id
      where o.verification = 'pending' and m.referent`.execute(db)

    await db.schema.alterTable('user_identities').addColumn('siret', 'text').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('user_identities').dropColumn('siret').execute()
    await db.schema.dropTable('membership_claims').execute()
    await db.schema.alterTable('organisations').dropColumn('verified_at').execute()
    await db.schema.alterTable('organisations').dropColumn('verification').execute()
  },
})
