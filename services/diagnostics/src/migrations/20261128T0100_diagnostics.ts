import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Projections of identity and catalogue/resources events, diagnostics and their answers, and the
 * denormalised latest result of each collectivité (the panorama's input). Frozen.
 */
export const diagnosticsTablesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    const t = (name: string) => sql.table(`${schema}.${name}`)

    // ---- projections of identity events -------------------------------------------------
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('official_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('population', 'integer')
      .addColumn('population_bracket', 'text')
      .addColumn('departement', 'text')
      .addColumn('region', 'text')
      .addColumn('epci', 'text')
      .addColumn('operator_id', 'uuid')
      .addColumn('last_event_id', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createIndex('organisations_operator_idx')
      .on('organisations')
      .column('operator_id')
      .execute()

    await db.schema
      .createTable('operators')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('departements', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('coordinator_id', 'uuid')
      .addColumn('last_event_id', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()

    await db.schema
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('display_name', 'text')
      .addColumn('platform_roles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('operator_id', 'uuid')
      .addColumn('last_event_id', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()

    // Rows are kept when revoked (active = false): events of different subjects may arrive out of
    // order, and `last_event_id` (UUIDv7, time-ordered) lets a late older event be ignored.
    await db.schema
      .createTable('memberships')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('referent', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('active', 'boolean', (c) => c.notNull())
      .addColumn('last_event_id', 'uuid', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
      .execute()
    await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute()

    await db.schema
      .createTable('advisor_assignments')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('advisor_id', 'uuid', (c) => c.notNull())
      .addColumn('operator_id', 'uuid')
      .addColumn('active', 'boolean', (c) => c.notNull())
      .addColumn('last_event_id', 'uuid', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('advisor_assignments_pk', ['organisation_id', 'advisor_id'])
      .execute()
    await db.schema
      .createIndex('advisor_assignments_advisor_idx')
      .on('advisor_assignments')
      .column('advisor_id')
      .execute()

    await db.schema
      .createTable('consents')
      .addColumn('organisation_id', 'uuid', (c) => c.primaryKey())
      .addColumn('granted', 'boolean', (c) => c.notNull())
      .addColumn('by_user_id', 'uuid')
      .addColumn('last_event_id', 'uuid', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()

    // ---- projections of catalogue and resources events ---------------------------------
    await db.schema
      .createTable('tools')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('tool_id', 'uuid', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
      .addColumn('last_event_id', 'uuid')
      .execute()

    // What each operator (syndicate) offers its collectivités: "votre syndicat propose…".
    await db.schema
      .createTable('operator_offers')
      .addColumn('operator_id', 'uuid', (c) => c.notNull())
      .addColumn('tool_slug', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('url', 'text')
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('last_event_id', 'uuid')
      .addPrimaryKeyConstraint('operator_offers_pk', ['operator_id', 'tool_slug'])
      .execute()

    await db.schema
      .createTable('resources')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'uuid', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('operator_id', 'uuid')
      .addColumn('last_event_id', 'uuid')
      .execute()

    // ---- diagnostics ----------------------------------------------------------------------
    await db.schema
      .createTable('diagnostics')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
      .addColumn('started_by', 'uuid')
      .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('submitted_at', 'timestamptz')
      .addColumn('submitted_by', 'uuid')
      .addColumn('level', 'text')
      .addColumn('overall_score', 'double precision')
      .addColumn('result', 'jsonb')
      .execute()
    await db.schema
      .createIndex('diagnostics_org_idx')
      .on('diagnostics')
      .columns(['organisation_id', 'started_at'])
      .execute()
    // At most one draft per collectivité: starting again resumes it.
    await sql`create unique index diagnostics_one_draft_idx on ${t('diagnostics')} (organisation_id) where status = 'draft'`.execute(
      db,
    )

    await db.schema
      .createTable('answers')
      .addColumn('diagnostic_id', 'uuid', (c) => c.notNull().references('diagnostics.id').onDelete('cascade'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('value', 'jsonb', (c) => c.notNull())
      .addColumn('answered_by', 'uuid')
      .addColumn('answered_by_role', 'text')
      .addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('answers_pk', ['diagnostic_id', 'question_id'])
      .execute()
    await db.schema.createIndex('answers_answered_by_idx').on('answers').column('answered_by').execute()

    // ---- the latest submitted result of each collectivité (panorama, peers) ---------------
    await sql`create sequence ${t('latest_results_revision')}`.execute(db)
    await db.schema
      .createTable('latest_results')
      .addColumn('organisation_id', 'uuid', (c) => c.primaryKey())
      .addColumn('diagnostic_id', 'uuid', (c) => c.notNull())
      .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('operator_id', 'uuid')
      .addColumn('region', 'text')
      .addColumn('departement', 'text')
      .addColumn('population_bracket', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('overall_score', 'double precision', (c) => c.notNull())
      .addColumn('theme_scores', 'jsonb', (c) => c.notNull())
      .addColumn('lens_scores', 'jsonb', (c) => c.notNull())
      .addColumn('indicators', 'jsonb', (c) => c.notNull())
      .addColumn('revision', 'bigint', (c) =>
        c.notNull().defaultTo(sql`nextval('${sql.raw(`"${schema}"."latest_results_revision"`)}')`),
      )
      .execute()
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'latest_results',
      'answers',
      'diagnostics',
      'resources',
      'operator_offers',
      'tools',
      'consents',
      'advisor_assignments',
      'memberships',
      'users',
      'operators',
      'organisations',
    ])
      await db.schema.dropTable(table).ifExists().execute()
    await sql`drop sequence if exists ${sql.table(`${schema}.latest_results_revision`)}`.execute(db)
  },
})
