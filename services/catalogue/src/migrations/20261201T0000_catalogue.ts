import { type Kysely, type Migration, sql } from 'kysely'

/**
 * The catalogue tables: tools and their history, editor-defined criteria, providers and offers,
 * operators' offers, the local projection of collectivités/operators, usage declarations,
 * reviews, contact requests, imports and the search vocabulary. Frozen: never import app code.
 */
export const catalogueMigration = (schema: string): Migration => {
  const t = (name: string) => sql.table(`${schema}.${name}`)
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tools')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('website', 'text')
        .addColumn('repository', 'text')
        .addColumn('logo_url', 'text')
        .addColumn('licence', 'text', (c) => c.notNull())
        .addColumn('is_free', 'boolean', (c) => c.notNull())
        .addColumn('categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('themes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('hosting', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('hosting_modes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('data_locations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('standards', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('accessibility', 'jsonb', (c) => c.notNull())
        .addColumn('rgaa_declaration', 'text', (c) => c.notNull().defaultTo('unknown'))
        .addColumn('security', 'jsonb', (c) => c.notNull())
        .addColumn('sobriety', 'text')
        .addColumn('cost_model', 'text', (c) => c.notNull())
        .addColumn('skill_level', 'text', (c) => c.notNull())
        .addColumn('alternative_to', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('wikidata_id', 'text')
        .addColumn('sill_id', 'text')
        .addColumn('comptoir_id', 'text')
        .addColumn('framalibre_id', 'text')
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'archived')`),
        )
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        // Normalised (lower-case, unaccented) text written by the application, weighted A/B/C.
        .addColumn('search_a', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('search_b', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('search_c', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('name_norm', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('published_at', 'timestamptz')
        .execute()
      await sql`alter table ${t('tools')} add column search tsvector generated always as (
          setweight(to_tsvector('french', public.osinum_unaccent(search_a)), 'A') ||
          setweight(to_tsvector('french', public.osinum_unaccent(search_b)), 'B') ||
          setweight(to_tsvector('french', public.osinum_unaccent(search_c)), 'C')
        ) stored`.execute(db)
      await sql`create index tools_search on ${t('tools')} using gin (search)`.execute(db)
      await sql`create index tools_name_trgm on ${t('tools')} using gin (name_norm public.gin_trgm_ops)`.execute(
        db,
      )
      await sql`create index tools_status on ${t('tools')} (status)`.execute(db)
      await sql`create index tools_categories on ${t('tools')} using gin (categories)`.execute(db)
      for (const column of ['wikidata_id', 'sill_id', 'comptoir_id', 'framalibre_id'])
        await sql`create unique index ${sql.id(`tools_${column}`)} on ${t('tools')} (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
          db,
        )

      await db.schema
        .createTable('tool_revisions')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'uuid')
        .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('changes', 'jsonb', (c) => c.notNull())
        .addUniqueConstraint('tool_revisions_tool_revision', ['tool_id', 'revision'])
        .execute()

      await db.schema
        .createTable('criteria')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(sql`kind in ('boolean', 'enum', 'number', 'text')`),
        )
        .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('unit', 'text')
        .addColumn('filterable', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('operator_id', 'uuid')
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute()
      await db.schema
        .createTable('tool_attribute_values')
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('criteria.id').onDelete('cascade'))
        .addColumn('value', 'jsonb', (c) => c.notNull())
        .addColumn('updated_by', 'uuid')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('tool_attribute_values_pk', ['tool_id', 'criterion_id'])
        .execute()

      await db.schema
        .createTable('providers')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('description', 'text')
        .addColumn('siren', 'text')
        .addColumn('regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute()
      await db.schema
        .createTable('provider_offers')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('provider_id', 'uuid', (c) => c.notNull().references('providers.id').onDelete('cascade'))
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('price_indication', 'text')
        .addColumn('url', 'text')
        .addColumn('description', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('provider_offers_provider_tool', ['provider_id', 'tool_id'])
        .execute()

      // Local projections of identity's operators and collectivités (fed by events).
      await db.schema
        .createTable('operators')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('departements', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('source_time', 'timestamptz', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('population_bracket', 'text')
        .addColumn('departement', 'text')
        .addColumn('region', 'text')
        .addColumn('operator_id', 'uuid')
        .addColumn('source_time', 'timestamptz', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('operator_offers')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('operator_id', 'uuid', (c) => c.notNull())
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('description', 'text')
        .addColumn('url', 'text')
        .addColumn('price_indication', 'text')
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('operator_offers_operator_tool', ['operator_id', 'tool_id'])
        .execute()

      await db.schema
        .createTable('tool_usages')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('organisation_id', 'uuid', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('uses', 'evaluating', 'abandoned')`),
        )
        .addColumn('comment', 'text')
        .addColumn('contact_consent', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('declared_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('tool_usages_tool_organisation', ['tool_id', 'organisation_id'])
        .execute()
      await sql`create index tool_usages_organisation on ${t('tool_usages')} (organisation_id)`.execute(db)

      await db.schema
        .createTable('contact_requests')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('from_organisation_id', 'uuid', (c) => c.notNull())
        .addColumn('to_organisation_id', 'uuid', (c) => c.notNull())
        .addColumn('from_user_id', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute()
      await sql`create index contact_requests_user on ${t('contact_requests')} (from_user_id, created_at)`.execute(
        db,
      )

      await db.schema
        .createTable('reviews')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('tool_id', 'uuid', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('organisation_id', 'uuid', (c) => c.notNull())
        .addColumn('author_id', 'uuid')
        .addColumn('author_role', 'text')
        .addColumn('rating', 'smallint', (c) => c.notNull().check(sql`rating between 1 and 5`))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('pending').check(sql`status in ('pending', 'published', 'rejected')`),
        )
        .addColumn('moderation_note', 'text')
        .addColumn('moderated_by', 'uuid')
        .addColumn('moderated_at', 'timestamptz')
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('reviews_tool_author', ['tool_id', 'author_id'])
        .execute()
      await sql`create index reviews_tool_status on ${t('reviews')} (tool_id, status)`.execute(db)
      await db.schema
        .createTable('review_reports')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('review_id', 'uuid', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('reporter_id', 'uuid')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('review_reports_review_reporter', ['review_id', 'reporter_id'])
        .execute()

      await db.schema
        .createTable('imports')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'uuid')
        .addColumn('created', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('skipped', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute()

      // Vocabulary of the indexed text, for spelling correction with pg_trgm.
      await db.schema
        .createTable('search_terms')
        .addColumn('word', 'text', (c) => c.primaryKey())
        .execute()
      await sql`create index search_terms_trgm on ${t('search_terms')} using gin (word public.gin_trgm_ops)`.execute(
        db,
      )

      // One row whose version changes with every write the search snapshot depends on.
      await db.schema
        .createTable('catalogue_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute()
      await sql`insert into ${t('catalogue_state')} (id, version) values (1, 1)`.execute(db)
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'catalogue_state',
        'search_terms',
        'imports',
        'review_reports',
        'reviews',
        'contact_requests',
        'tool_usages',
        'operator_offers',
        'organisations',
        'operators',
        'provider_offers',
        'providers',
        'tool_attribute_values',
        'criteria',
        'tool_revisions',
        'tools',
      ])
        await db.schema.dropTable(table).ifExists().execute()
    },
  }
}
