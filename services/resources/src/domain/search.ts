import { THEME_IDS, THEMES } from '@osinum/contracts'
import { type RawBuilder, sql } from 'kysely'
import type { DbOrTrx, ResourceListing } from './db.js'
import { RESOURCE_COLUMNS } from './resources.js'
import type { SearchCache } from './search-cache.js'
import { readableOperatorSql, type Viewer } from './viewer.js'
import {
  AUDIENCE_IDS,
  AUDIENCES,
  LEVEL_IDS,
  LEVELS,
  NATIONAL_LABEL,
  RESOURCE_TYPE_IDS,
  RESOURCE_TYPES,
  type ResourceStatus,
} from './vocabulary.js'

export type SearchSort = 'relevance' | 'date' | 'popularity' | 'title'

export interface SearchQuery {
  q?: string | undefined
  types: string[]
  themes: string[]
  audiences: string[]
  levels: string[]
  /** `national` or operator ids. */
  operators: string[]
  /** Null: published content only (what readers see); else staff asking for these statuses. */
  statuses: ResourceStatus[] | null
  outdated?: boolean | undefined
  sort: SearchSort
  limit: number
  offset: number
  facets: boolean
}

export interface FacetValue {
  value: string
  label: string
  count: number
  selected: boolean
}
export interface Facets {
  type: FacetValue[]
  theme: FacetValue[]
  audience: FacetValue[]
  level: FacetValue[]
  operator: FacetValue[]
}

export interface SearchResult {
  items: Array<ResourceListing & { score: number | null }>
  total: number
  facets: Facets | null
}

const TRUE = sql<boolean>`true`

/** Editors and administrators of a scope manage its content (the scope rule). */
const editsOwnScope = (viewer: Viewer) => viewer.edits(viewer.operatorId)

/** Reader visibility, or the staff view of the requested statuses. */
function visibilitySql(viewer: Viewer, statuses: ResourceStatus[] | null): RawBuilder<boolean> {
  const readable = readableOperatorSql(viewer, 'r.operator_id')
  if (statuses === null) return sql<boolean>`(r.status = 'published' and ${readable})`
  const manageable = viewer.isPlatformAdmin
    ? TRUE
    : sql<boolean>`(${editsOwnScope(viewer) ? sql`r.operator_id is not distinct from ${viewer.operatorId}::uuid` : sql`false`} or r.created_by = ${viewer.userId}::uuid)`
  return sql<boolean>`(r.status = any(${statuses}::text[]) and ((r.status = 'published' and ${readable}) or ${manageable}))`
}

/**
 * Runs `fn` with the word-similarity threshold of pg_trgm lowered for this transaction only, so
 * that a title word with a typo ("sauvgarde") still matches; without a text query, runs it as is.
 */
export async function withTypoTolerance<T>(
  db: DbOrTrx,
  q: string | undefined,
  fn: (db: DbOrTrx) => Promise<T>,
): Promise<T> {
  if (!q) return fn(db)
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(trx)
    return fn(trx)
  })
}

const normalisedQuery = (q: string | undefined) => {
  const trimmed = q?.trim().slice(0, 200)
  return trimmed ? trimmed : undefined
}

function textMatch(q: string | undefined): { match: RawBuilder<boolean>; score: RawBuilder<number> } {
  if (!q) return { match: TRUE, score: sql<number>`0` }
  const tsq = sql`websearch_to_tsquery('french', public.osinum_unaccent(${q}))`
  const lowered = sql`public.osinum_unaccent(lower(${q}))`
  const title = sql`public.osinum_unaccent(lower(r.title))`
  return {
    // Stemmed, accent-insensitive full text, or a title close to the words typed (typos).
    match: sql<boolean>`(r.search @@ ${tsq} or ${lowered} operator(public.<%) ${title})`,
    score: sql<number>`(ts_rank(r.search, ${tsq}) + 0.5 * public.word_similarity(${lowered}, ${title}))`,
  }
}

function facetFilters(query: SearchQuery) {
  const uuids = query.operators.filter((o) => o !== 'national')
  const national = query.operators.includes('national')
  return {
    type: query.types.length ? sql<boolean>`r.type = any(${query.types}::text[])` : TRUE,
    theme: query.themes.length ? sql<boolean>`r.themes && ${query.themes}::text[]` : TRUE,
    audience: query.audiences.length ? sql<boolean>`r.audience && ${query.audiences}::text[]` : TRUE,
    level: query.levels.length ? sql<boolean>`r.level = any(${query.levels}::text[])` : TRUE,
    operator: query.operators.length
      ? sql<boolean>`(${national ? sql`r.operator_id is null` : sql`false`} or r.operator_id = any(${uuids}::uuid[]))`
      : TRUE,
  }
}

function outdatedSql(outdated: boolean | undefined): RawBuilder<boolean> {
  if (outdated === undefined) return TRUE
  return outdated
    ? sql<boolean>`(r.review_by is not null and r.review_by < current_date)`
    : sql<boolean>`(r.review_by is null or r.review_by >= current_date)`
}

function orderSql(sort: SearchSort, hasQuery: boolean): RawBuilder<unknown> {
  const recent = sql`coalesce(r.published_at, r.updated_at) desc, r.id desc`
  switch (sort) {
    case 'relevance':
      return hasQuery ? sql`score desc, ${recent}` : recent
    case 'popularity':
      return sql`(r.view_count + 10 * r.bookmark_count) desc, ${recent}`
    case 'title':
      return sql`public.osinum_unaccent(lower(r.title)) asc, r.id asc`
    default:
      return recent
  }
}

/** What lists show of a resource (everything but the bodies), built once. */
const LISTED_COLUMNS = sql.join(
  RESOURCE_COLUMNS.filter((c) => c !== 'body' && c !== 'body_html').map((c) =>
    typeof c === 'string' ? sql.ref(`r.${c}`) : sql`to_char(r.review_by, 'YYYY-MM-DD') as review_by`,
  ),
)

const FACET_NAMES = ['type', 'theme', 'audience', 'level', 'operator'] as const
type FacetName = (typeof FACET_NAMES)[number]

/** The filter flags of every facet but `facet` (all of them for null): what a count keeps. */
const othersThan = (facet: FacetName | null) =>
  sql.join(
    FACET_NAMES.filter((x) => x !== facet).map((x) => sql.ref(`b.m_${x}`)),
    sql` and `,
  )

/** The facets with a fixed vocabulary, and how a row holds a value. */
const VOCABULARY_FACETS = [
  {
    facet: 'type',
    ids: RESOURCE_TYPE_IDS,
    labels: RESOURCE_TYPES,
    has: (v: string) => sql`b.type = ${sql.lit(v)}`,
    selected: (q: SearchQuery) => q.types,
  },
  {
    facet: 'theme',
    ids: THEME_IDS,
    labels: THEMES,
    has: (v: string) => sql`${sql.lit(v)} = any(b.themes)`,
    selected: (q: SearchQuery) => q.themes,
  },
  {
    facet: 'audience',
    ids: AUDIENCE_IDS,
    labels: AUDIENCES,
    has: (v: string) => sql`${sql.lit(v)} = any(b.audience)`,
    selected: (q: SearchQuery) => q.audiences,
  },
  {
    facet: 'level',
    ids: LEVEL_IDS,
    labels: LEVELS,
    has: (v: string) => sql`b.level = ${sql.lit(v)}`,
    selected: (q: SearchQuery) => q.levels,
  },
] as const

/**
 * Every (facet, value) count of one pass, in VOCABULARY_FACETS order, then the total: each count
 * keeps the filters of the other facets (disjunctive facets). Static, so built once.
 */
const COUNTS = sql<number[]>`array[${sql.join([
  ...VOCABULARY_FACETS.flatMap((d) =>
    d.ids.map((v) => sql`count(*) filter (where ${d.has(v)} and ${othersThan(d.facet)})`),
  ),
  sql`count(*) filter (where ${othersThan(null)})`,
])}]::int[]`
const OPERATOR_COUNT = sql<number>`count(*) filter (where ${othersThan('operator')})::int`

/** The statements of one search: its page, its total, its facet counts. */
function searchStatements(schema: string, viewer: Viewer, query: SearchQuery, q: string | undefined) {
  const table = sql.table(`${schema}.resources`)
  const { match, score } = textMatch(q)
  const scope = sql<boolean>`${visibilitySql(viewer, query.statuses)} and ${match} and ${outdatedSql(query.outdated)}`
  const f = facetFilters(query)
  const filtered = sql<boolean>`${scope} and ${f.type} and ${f.theme} and ${f.audience} and ${f.level} and ${f.operator}`
  return {
    items: sql<ResourceListing & { score: number }>`
      select ${LISTED_COLUMNS}, ${score} as score
      from ${table} r where ${filtered}
      order by ${orderSql(query.sort, q !== undefined)}
      limit ${query.limit} offset ${query.offset}`,
    total: sql<{ n: number }>`select count(*)::int as n from ${table} r where ${filtered}`,
    // One pass over the covering index; each filter is evaluated once per row in the inner
    // select (`offset 0` is a fence), then one row of counts per operator (null: national):
    // the counts of all rows are their sums, the operator facet their `operator_n`.
    facets: sql<{ operator: string | null; n: number[]; operator_n: number }>`
      select b.operator_id::text as operator, ${COUNTS} as n, ${OPERATOR_COUNT} as operator_n
      from (
        select r.type, r.themes, r.audience, r.level, r.operator_id,
          ${f.type} as m_type, ${f.theme} as m_theme, ${f.audience} as m_audience,
          ${f.level} as m_level, ${f.operator} as m_operator
        from ${table} r where ${scope}
        offset 0
      ) b
      group by b.operator_id`,
  }
}

/** What `visibilitySql` depends on, as a cache key. */
function visibilityKey(viewer: Viewer, statuses: ResourceStatus[] | null): string {
  const readable = viewer.isPlatformAdmin ? '*' : [...viewer.readableOperators].sort().join(',')
  if (statuses === null) return readable
  return JSON.stringify([
    readable,
    statuses,
    viewer.isPlatformAdmin,
    editsOwnScope(viewer) && viewer.operatorId,
    viewer.userId,
  ])
}

/**
 * Faceted search. Facet counts are disjunctive: each facet counts the matches of every other
 * filter, so that a reader sees how many results picking one more value would add. Pages, totals
 * and facet counts come from `cache` when the same question was answered a moment ago (facet
 * counts and totals are shared by every page and sort of the question).
 */
export async function searchResources(
  db: DbOrTrx,
  schema: string,
  viewer: Viewer,
  query: SearchQuery,
  cache: SearchCache,
): Promise<SearchResult> {
  const q = normalisedQuery(query.q)
  const statements = searchStatements(schema, viewer, query, q)
  const run =
    <T>(work: (db: DbOrTrx) => Promise<T>) =>
    () =>
      withTypoTolerance(db, q, work)
  // The question: everything the answer depends on but the page and the sort.
  const question = JSON.stringify([
    visibilityKey(viewer, query.statuses),
    q ?? null,
    query.types,
    query.themes,
    query.audiences,
    query.levels,
    query.operators,
    query.outdated ?? null,
  ])
  const [items, counted] = await Promise.all([
    cache.get(
      `items ${question} ${query.sort} ${query.limit} ${query.offset}`,
      run(async (trx) => (await statements.items.execute(trx)).rows),
    ),
    query.facets
      ? cache.get(
          `facets ${question}`,
          run((trx) => facetCounts(trx, statements.facets, query)),
        )
      : cache.get(
          `total ${question}`,
          run(async (trx) => ({
            total: (await statements.total.execute(trx)).rows[0]?.n ?? 0,
            facets: null,
          })),
        ),
  ])
  return { items, total: counted.total, facets: counted.facets }
}

async function facetCounts(
  db: DbOrTrx,
  statement: ReturnType<typeof searchStatements>['facets'],
  query: SearchQuery,
): Promise<{ total: number; facets: Facets }> {
  const { rows } = await statement.execute(db)
  const sums: number[] = []
  const byOperator = new Map<string, number>()
  for (const row of rows) {
    for (const [i, n] of row.n.entries()) sums[i] = (sums[i] ?? 0) + Number(n)
    if (Number(row.operator_n) > 0) byOperator.set(row.operator ?? 'national', Number(row.operator_n))
  }
  let cell = 0
  const [type, theme, audience, level] = VOCABULARY_FACETS.map((d) => {
    const selected: readonly string[] = d.selected(query)
    return d.ids.map((value) => ({
      value,
      label: (d.labels as Record<string, string>)[value] ?? value,
      count: sums[cell++] ?? 0,
      selected: selected.includes(value),
    }))
  }) as [FacetValue[], FacetValue[], FacetValue[], FacetValue[]]
  const total = sums[cell] ?? 0

  // Selected operators first, then in id order (equal counts keep that order).
  const operatorIds = new Set<string>([...query.operators, ...[...byOperator.keys()].sort()])
  const names = await operatorNames(
    db,
    [...operatorIds].filter((o) => o !== 'national'),
  )
  const operator = [...operatorIds]
    .map((value) => ({
      value,
      label: value === 'national' ? NATIONAL_LABEL : (names.get(value) ?? 'Opérateur local'),
      count: byOperator.get(value) ?? 0,
      selected: query.operators.includes(value),
    }))
    .sort((a, b) => (a.value === 'national' ? -1 : b.value === 'national' ? 1 : b.count - a.count))
  return { total, facets: { type, theme, audience, level, operator } }
}

export async function operatorNames(db: DbOrTrx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('operators').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/**
 * "Pour vous": published resources on the given themes (what a diagnostic found weak), those
 * covering more of them first, then the most read, then the most recent.
 */
export async function resourcesForThemes(
  db: DbOrTrx,
  schema: string,
  viewer: Viewer,
  themes: string[],
  limit: number,
  offset: number,
): Promise<{ items: Array<ResourceListing & { matched: string[] }>; total: number }> {
  const table = sql.table(`${schema}.resources`)
  const visible = visibilitySql(viewer, null)
  const rows = await sql<ResourceListing & { matched: string[]; total: number }>`
    select ${LISTED_COLUMNS},
      array(select x from unnest(r.themes) as x where x = any(${themes}::text[])) as matched,
      count(*) over ()::int as total
    from ${table} r
    where ${visible} and r.themes && ${themes}::text[]
    order by cardinality(array(select x from unnest(r.themes) as x where x = any(${themes}::text[]))) desc,
      (r.review_by is not null and r.review_by < current_date) asc,
      (r.view_count + 10 * r.bookmark_count) desc,
      r.published_at desc nulls last, r.id
    limit ${limit} offset ${offset}`.execute(db)
  let total = rows.rows[0]?.total ?? 0
  if (rows.rows.length === 0 && offset > 0) {
    const count = await sql<{ n: number }>`
      select count(*)::int as n from ${table} r where ${visible} and r.themes && ${themes}::text[]`.execute(
      db,
    )
    total = count.rows[0]?.n ?? 0
  }
  return { items: rows.rows.map(({ total: _t, ...r }) => r), total: Number(total) }
}
