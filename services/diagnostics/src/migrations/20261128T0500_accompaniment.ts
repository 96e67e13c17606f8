import { type Kysely, type Migration, sql } from 'kysely'

/**
 * The accompaniment module's tables (support requests, action plans, private advisor notes,
 * reminders; see src/accompaniment/README.md), in the diagnostics schema. Identity projections
 * (organisations, operators, users, assignments, consents) are the core's. Frozen: never edit one
 * that has shipped; add a new one.
 */
export const accompanimentTablesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)
    const now = sql`now()`

    // Support requests, who they are routed to, their timeline and their messages.
    await db.schema
      .createTable('support_requests')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('operator_id', 'uuid')
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('diagnostic_id', 'uuid')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('new', 'assigned', 'in-progress', 'closed')`),
      )
      .addColumn('matched_via', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'uuid')
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('last_activity_by_advisor', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('closed_at', 'timestamptz')
      .execute()
    await sql`create index support_requests_organisation on ${t('support_requests')} (organisation_id, created_at desc)`.execute(
      db,
    )
    await sql`create index support_requests_operator on ${t('support_requests')} (operator_id, status)`.execute(
      db,
    )
    await sql`create index support_requests_open on ${t('support_requests')} (last_activity_at) where status <> 'closed'`.execute(
      db,
    )
    await db.schema
      .createTable('support_request_advisors')
      .addColumn('request_id', 'uuid', (c) =>
        c.notNull().references('support_requests.id').onDelete('cascade'),
      )
      .addColumn('advisor_id', 'uuid', (c) => c.notNull())
      .addPrimaryKeyConstraint('support_request_advisors_pk', ['request_id', 'advisor_id'])
      .execute()
    await db.schema
      .createIndex('support_request_advisors_advisor')
      .on('support_request_advisors')
      .column('advisor_id')
      .execute()
    await db.schema
      .createTable('support_request_timeline')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('request_id', 'uuid', (c) =>
        c.notNull().references('support_requests.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'uuid')
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('advisor_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute()
    await db.schema
      .createIndex('support_request_timeline_request')
      .on('support_request_timeline')
      .columns(['request_id', 'seq'])
      .execute()
    await db.schema
      .createTable('support_messages')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
      .addColumn('request_id', 'uuid', (c) =>
        c.notNull().references('support_requests.id').onDelete('cascade'),
      )
      .addColumn('author_id', 'uuid')
      .addColumn('from_advisor', 'boolean', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute()
    await db.schema
      .createIndex('support_messages_request')
      .on('support_messages')
      .columns(['request_id', 'seq'])
      .execute()

    // The action plan of each collectivité, shared with its advisor.
    await db.schema
      .createTable('action_items')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`status in ('proposed', 'in-progress', 'blocked', 'done', 'not-interested', 'already-done')`,
          ),
      )
      .addColumn('due_date', 'text', (c) => c.check(sql`due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
      .addColumn('owner', 'text')
      .addColumn('tool_slug', 'text')
      .addColumn('resource_slug', 'text')
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('diagnostic', 'manual')`))
      .addColumn('diagnostic_id', 'uuid')
      .addColumn('rule_id', 'text')
      .addColumn('priority', 'integer')
      .addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('completed_at', 'timestamptz')
      .execute()
    await sql`create unique index action_items_rule on ${t('action_items')} (organisation_id, rule_id) where rule_id is not null`.execute(
      db,
    )
    await sql`create index action_items_organisation on ${t('action_items')} (organisation_id, created_at)`.execute(
      db,
    )
    await sql`create index action_items_due on ${t('action_items')} (due_date) where status in ('proposed', 'in-progress', 'blocked') and due_date is not null`.execute(
      db,
    )
    await db.schema
      .createTable('action_item_comments')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
      .addColumn('item_id', 'uuid', (c) => c.notNull().references('action_items.id').onDelete('cascade'))
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('author_id', 'uuid')
      .addColumn('from_advisor', 'boolean', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute()
    await db.schema
      .createIndex('action_item_comments_item')
      .on('action_item_comments')
      .columns(['item_id', 'seq'])
      .execute()
    // PRIVATE: notes of advisors about a collectivité's plan. Never returned to its members.
    await db.schema
      .createTable('advisor_notes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('item_id', 'uuid', (c) => c.references('action_items.id').onDelete('cascade'))
      .addColumn('author_id', 'uuid')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .execute()
    await db.schema
      .createIndex('advisor_notes_organisation')
      .on('advisor_notes')
      .columns(['organisation_id', 'created_at'])
      .execute()

    // One reminder per kind, subject and day: the reminder job is idempotent.
    await db.schema
      .createTable('reminders')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'uuid', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('recipient_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addUniqueConstraint('reminders_kind_subject_day', ['kind', 'subject_id', 'day'])
      .execute()
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'reminders',
      'advisor_notes',
      'action_item_comments',
      'action_items',
      'support_messages',
      'support_request_timeline',
      'support_request_advisors',
      'support_requests',
    ])
      await db.schema.dropTable(table).ifExists().execute()
  },
})
