import { type Kysely, type Migration, sql } from 'kysely'

/** Identity tables: people, collectivités, operators, roles, sessions and keys. Frozen. */
export const identityTablesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    const now = sql`now()`
    const emptyArray = sql`'[]'::jsonb`

    await db.schema
      .createTable('operators')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('departements', 'jsonb', (c) => c.notNull().defaultTo(emptyArray))
      .addColumn('logo_url', 'text')
      .addColumn('primary_color', 'text')
      .addColumn('website', 'text')
      .addColumn('coordinator_id', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute()

    await db.schema
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text')
      .addColumn('email_verified_at', 'timestamptz')
      .addColumn('display_name', 'text')
      .addColumn('job_title', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('password_changed_at', 'timestamptz')
      .addColumn('platform_roles', 'jsonb', (c) => c.notNull().defaultTo(emptyArray))
      .addColumn('operator_id', 'uuid', (c) => c.references('operators.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('last_login_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('erased_at', 'timestamptz')
      .execute()
    // Emails are stored normalised (trimmed, lower case); an erased account has none.
    await sql`create unique index users_email on ${t('users')} (email) where email is not null`.execute(db)

    await db.schema
      .createTable('user_identities')
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
      .execute()

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text')
      .addColumn('ip', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('revoked_reason', 'text')
      .execute()
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'uuid', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('refresh_tokens_session').on('refresh_tokens').column('session_id').execute()

    await db.schema
      .createTable('one_time_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('one_time_tokens_user').on('one_time_tokens').column('user_id').execute()

    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('alg', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('retired_at', 'timestamptz')
      .addColumn('expires_at', 'timestamptz')
      .execute()

    await db.schema
      .createTable('organisations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('official_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('population', 'integer')
      .addColumn('population_bracket', 'text')
      .addColumn('departement', 'text')
      .addColumn('departement_name', 'text')
      .addColumn('region', 'text')
      .addColumn('region_name', 'text')
      .addColumn('epci', 'text')
      .addColumn('epci_name', 'text')
      .addColumn('postcodes', 'jsonb', (c) => c.notNull().defaultTo(emptyArray))
      .addColumn('operator_id', 'uuid', (c) => c.references('operators.id').onDelete('set null'))
      .addColumn('advisor_consent_at', 'timestamptz')
      .addColumn('advisor_consent_by', 'uuid')
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addUniqueConstraint('organisations_official_code', ['kind', 'official_code'])
      .execute()
    await db.schema.createIndex('organisations_operator').on('organisations').column('operator_id').execute()

    await db.schema
      .createTable('memberships')
      .addColumn('organisation_id', 'uuid', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('referent', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
      .execute()
    await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute()

    await db.schema
      .createTable('invitations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('organisation_id', 'uuid', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('email', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('accepted_at', 'timestamptz')
      .addColumn('accepted_by', 'uuid')
      .addColumn('revoked_at', 'timestamptz')
      .execute()
    await db.schema
      .createIndex('invitations_organisation')
      .on('invitations')
      .column('organisation_id')
      .execute()

    await db.schema
      .createTable('advisor_assignments')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('advisor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('operator_id', 'uuid')
      .addColumn('assigned_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addUniqueConstraint('advisor_assignments_unique', ['organisation_id', 'advisor_id'])
      .execute()
    await db.schema
      .createIndex('advisor_assignments_advisor')
      .on('advisor_assignments')
      .column('advisor_id')
      .execute()

    await db.schema
      .createTable('oidc_states')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('actor_id', 'uuid')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute()
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
    await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute()
    await db.schema.createIndex('audit_log_target').on('audit_log').column('target_id').execute()
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'audit_log',
      'oidc_states',
      'advisor_assignments',
      'invitations',
      'memberships',
      'organisations',
      'signing_keys',
      'one_time_tokens',
      'refresh_tokens',
      'sessions',
      'user_identities',
      'users',
      'operators',
    ])
      await db.schema.dropTable(table).execute()
  },
})
