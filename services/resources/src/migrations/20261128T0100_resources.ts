import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Resources, editorial history, attachments, reports, trainings and registrations, community posts,
 * collections, and the projections of identity's organisations and operators. Frozen.
 */
export const resourcesMigration = (schema: string): Migration => {
  const t = (name: string) => sql.table(`${schema}.${name}`)
  // French search over unaccented text; the generated column keeps the index up to date.
  const tsv = (column: string, weight: 'A' | 'B' | 'C') =>
    sql`setweight(to_tsvector('french', public.osinum_unaccent(coalesce(${sql.ref(column)}, ''))), ${sql.lit(weight)})`
  return {
    async up(db: Kysely<any>) {
      const statements = [
        sql`create table ${t('organisations')} (
          id uuid primary key,
          name text,
          operator_id uuid,
          updated_at timestamptz not null default now()
        )`,
        sql`create table ${t('operators')} (
          id uuid primary key,
          name text not null,
          updated_at timestamptz not null default now()
        )`,
        sql`create table ${t('resources')} (
          id uuid primary key,
          slug text not null,
          type text not null,
          title text not null,
          summary text not null,
          body text not null,
          body_html text not null,
          themes text[] not null default '{}',
          audience text[] not null default '{}',
          level text not null,
          duration_minutes integer,
          licence text not null,
          source_licence text,
          source_url text,
          source_name text,
          related_tools text[] not null default '{}',
          operator_id uuid,
          status text not null default 'draft',
          review_by date,
          published_at timestamptz,
          created_by uuid,
          updated_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          view_count integer not null default 0,
          bookmark_count integer not null default 0,
          search tsvector generated always as (${tsv('title', 'A')} || ${tsv('summary', 'B')} || ${tsv('body', 'C')}) stored,
          constraint resources_slug_unique unique (slug),
          constraint resources_status_check check (status in ('draft', 'in-review', 'published', 'archived'))
        )`,
        sql`create index resources_search on ${t('resources')} using gin (search)`,
        sql`create index resources_title_trgm on ${t('resources')} using gin (public.osinum_unaccent(lower(title)) public.gin_trgm_ops)`,
        // Covering index: facet counts read it alone (index-only scan), never the wide rows.
        sql`create index resources_facets on ${t('resources')} (status, operator_id)
          include (type, level, themes, audience, review_by, created_by)`,
        sql`create index resources_recent on ${t('resources')} ((coalesce(published_at, updated_at)) desc, id desc)`,
        sql`create table ${t('resource_history')} (
          id uuid primary key default gen_random_uuid(),
          resource_id uuid not null references ${t('resources')} (id) on delete cascade,
          at timestamptz not null default clock_timestamp(),
          actor_id uuid,
          action text not null,
          from_status text,
          to_status text,
          changes jsonb not null default '[]'::jsonb,
          note text
        )`,
        sql`create index resource_history_resource on ${t('resource_history')} (resource_id, at)`,
        sql`create table ${t('attachments')} (
          id uuid primary key,
          resource_id uuid not null references ${t('resources')} (id) on delete cascade,
          filename text not null,
          mime_type text not null,
          size_bytes integer not null,
          storage text not null,
          storage_key text not null,
          created_by uuid,
          created_at timestamptz not null default now()
        )`,
        sql`create index attachments_resource on ${t('attachments')} (resource_id)`,
        sql`create table ${t('attachment_blobs')} (
          key text primary key,
          data bytea not null,
          created_at timestamptz not null default now()
        )`,
        sql`create table ${t('content_reports')} (
          id uuid primary key,
          content_type text not null check (content_type in ('resource', 'experience', 'comment')),
          content_id uuid not null,
          reporter_id uuid,
          reason text not null,
          message text,
          status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
          created_at timestamptz not null default now(),
          resolved_by uuid,
          resolved_at timestamptz,
          resolution_note text
        )`,
        sql`create unique index content_reports_one_open on ${t('content_reports')} (content_type, content_id, reporter_id) where status = 'open'`,
        sql`create index content_reports_status on ${t('content_reports')} (status, created_at)`,
        sql`create index content_reports_content on ${t('content_reports')} (content_type, content_id)`,
        sql`create table ${t('trainings')} (
          id uuid primary key,
          slug text not null unique,
          title text not null,
          summary text not null,
          description text not null,
          description_html text not null,
          themes text[] not null default '{}',
          audience text[] not null default '{}',
          level text not null,
          duration_minutes integer,
          operator_id uuid,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`,
        sql`create table ${t('training_sessions')} (
          id uuid primary key,
          training_id uuid not null references ${t('trainings')} (id) on delete cascade,
          starts_at timestamptz not null,
          ends_at timestamptz not null,
          mode text not null check (mode in ('online', 'in-person')),
          online_url text,
          place text,
          capacity integer not null check (capacity >= 0),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          constraint training_sessions_ends_after_start check (ends_at > starts_at),
          constraint training_sessions_unique_start unique (training_id, starts_at)
        )`,
        sql`create index training_sessions_starts_at on ${t('training_sessions')} (starts_at)`,
        sql`create table ${t('registrations')} (
          id uuid primary key,
          seq bigserial not null,
          session_id uuid not null references ${t('training_sessions')} (id) on delete cascade,
          user_id uuid not null,
          status text not null check (status in ('registered', 'waiting', 'cancelled')),
          created_at timestamptz not null default now(),
          promoted_at timestamptz,
          cancelled_at timestamptz
        )`,
        sql`create unique index registrations_one_active on ${t('registrations')} (session_id, user_id) where status <> 'cancelled'`,
        sql`create index registrations_session_status on ${t('registrations')} (session_id, status, seq)`,
        sql`create index registrations_user on ${t('registrations')} (user_id)`,
        sql`create table ${t('experiences')} (
          id uuid primary key,
          slug text unique,
          title text not null,
          body text not null,
          body_html text not null,
          excerpt text not null,
          themes text[] not null default '{}',
          tools text[] not null default '{}',
          organisation_id uuid not null,
          author_id uuid,
          status text not null default 'published' check (status in ('published', 'hidden')),
          hidden_at timestamptz,
          hidden_by uuid,
          hidden_reason text,
          demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          search tsvector generated always as (${tsv('title', 'A')} || ${tsv('body', 'B')}) stored
        )`,
        sql`create index experiences_search on ${t('experiences')} using gin (search)`,
        sql`create index experiences_created on ${t('experiences')} (status, created_at desc)`,
        sql`create index experiences_author on ${t('experiences')} (author_id)`,
        sql`create table ${t('comments')} (
          id uuid primary key,
          experience_id uuid not null references ${t('experiences')} (id) on delete cascade,
          author_id uuid,
          body text not null,
          body_html text not null,
          status text not null default 'published' check (status in ('published', 'hidden')),
          hidden_at timestamptz,
          hidden_by uuid,
          hidden_reason text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`,
        sql`create index comments_experience on ${t('comments')} (experience_id, created_at)`,
        sql`create index comments_author on ${t('comments')} (author_id)`,
        sql`create table ${t('useful_votes')} (
          experience_id uuid not null references ${t('experiences')} (id) on delete cascade,
          user_id uuid not null,
          created_at timestamptz not null default now(),
          primary key (experience_id, user_id)
        )`,
        sql`create index useful_votes_user on ${t('useful_votes')} (user_id)`,
        sql`create table ${t('collections')} (
          id uuid primary key,
          owner_id uuid not null,
          name text not null,
          description text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`,
        sql`create index collections_owner on ${t('collections')} (owner_id, created_at)`,
        sql`create table ${t('collection_items')} (
          collection_id uuid not null references ${t('collections')} (id) on delete cascade,
          resource_id uuid not null references ${t('resources')} (id) on delete cascade,
          added_at timestamptz not null default now(),
          primary key (collection_id, resource_id)
        )`,
        sql`create index collection_items_resource on ${t('collection_items')} (resource_id)`,
      ]
      for (const statement of statements) await statement.execute(db)
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'collection_items',
        'collections',
        'useful_votes',
        'comments',
        'experiences',
        'registrations',
        'training_sessions',
        'trainings',
        'content_reports',
        'attachment_blobs',
        'attachments',
        'resource_history',
        'resources',
        'operators',
        'organisations',
      ])
        await sql`drop table if exists ${t(table)} cascade`.execute(db)
    },
  }
}
