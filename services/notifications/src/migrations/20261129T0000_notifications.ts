import { type Kysely, type Migration, sql } from 'kysely'

/** Projection, preferences, inbox, deliveries (email outbox), digests and webhooks. Frozen. */
export const notificationsMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    // --- local projection of identity (users, memberships, organisations) ---
    await db.schema
      .createTable('users')
      .addColumn('user_id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('platform_roles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('operator_id', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createTable('erased_users')
      .addColumn('user_id', 'uuid', (c) => c.primaryKey())
      .addColumn('erased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createTable('organisations')
      .addColumn('organisation_id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('operator_id', 'uuid')
      .addColumn('weak_themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createTable('memberships')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('referent', 'boolean', (c) => c.notNull().defaultTo(false))
      .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
      .execute()
    await sql`create index memberships_user on ${t('memberships')} (user_id)`.execute(db)

    // --- preferences ---
    await db.schema
      .createTable('preferences')
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('email', 'boolean', (c) => c.notNull())
      .addColumn('in_app', 'boolean', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('preferences_pk', ['user_id', 'category'])
      .execute()
    await db.schema
      .createTable('digest_settings')
      .addColumn('user_id', 'uuid', (c) => c.primaryKey())
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('themes', 'jsonb')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()

    // --- notifications (inbox) and their deliveries (the email outbox) ---
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('cause_event_id', 'uuid', (c) => c.notNull())
      .addColumn('user_id', 'uuid')
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('in_app', 'boolean', (c) => c.notNull())
      .addColumn('read_at', 'timestamptz')
      .addColumn('relay', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('notifications_cause_recipient', ['cause_event_id', 'recipient'])
      .execute()
    await sql`create index notifications_inbox on ${t('notifications')} (user_id, created_at desc) where in_app`.execute(
      db,
    )
    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('notification_id', 'uuid', (c) =>
        c.notNull().references(`${schema}.notifications.id`).onDelete('cascade'),
      )
      .addColumn('cause_event_id', 'uuid', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz')
      .addColumn('last_error', 'text')
      .addColumn('message', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('sent_at', 'timestamptz')
      // Never two emails for one event and recipient, whatever the redeliveries.
      .addUniqueConstraint('deliveries_once', ['cause_event_id', 'recipient', 'channel'])
      .execute()
    await sql`create index deliveries_due on ${t('deliveries')} (next_attempt_at) where status = 'pending'`.execute(
      db,
    )
    await sql`create index deliveries_notification on ${t('deliveries')} (notification_id)`.execute(db)

    // --- digests ---
    await db.schema
      .createTable('digest_items')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('cause_event_id', 'uuid', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('digest_id', 'uuid')
      .addUniqueConstraint('digest_items_once', ['user_id', 'cause_event_id'])
      .execute()
    await sql`create index digest_items_pending on ${t('digest_items')} (user_id) where digest_id is null`.execute(
      db,
    )

    // --- webhooks ---
    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('operator_id', 'uuid')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('event_types', 'jsonb', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled_at', 'timestamptz')
      .addColumn('disabled_reason', 'text')
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('endpoint_id', 'uuid', (c) =>
        c.notNull().references(`${schema}.webhook_endpoints.id`).onDelete('cascade'),
      )
      .addColumn('event_id', 'uuid', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz')
      .addColumn('locked_until', 'timestamptz')
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('delivered_at', 'timestamptz')
      .addUniqueConstraint('webhook_deliveries_once', ['endpoint_id', 'event_id'])
      .execute()
    await sql`create index webhook_deliveries_due on ${t('webhook_deliveries')} (next_attempt_at) where status = 'pending'`.execute(
      db,
    )
    await sql`create index webhook_deliveries_endpoint on ${t('webhook_deliveries')} (endpoint_id, created_at desc)`.execute(
      db,
    )

    // --- settings (generated secrets of the embedded mode) ---
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'settings',
      'webhook_deliveries',
      'webhook_endpoints',
      'digest_items',
      'deliveries',
      'notifications',
      'digest_settings',
      'preferences',
      'memberships',
      'organisations',
      'erased_users',
      'users',
    ])
      await db.schema.dropTable(table).execute()
  },
})
