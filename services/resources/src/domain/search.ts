import { THEME_IDS, THEMES } from '@osinum/contracts'
import { type RawBuilder, sql } from 'kysely'
import type { DbOrTrx, Resource } from './db.js'
import { RESOURCE_COLUMNS } from './resources.js'
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
  items: Array<Resource & { score: number | null }>
  total: number
  facets: Facets | null
}

const TRUE = sql<boolean>`true`

/** Reader visibility, or the staff view of the requested statuses. */
function visibilitySql(viewer: Viewer, statuses: ResourceStatus[] | null): RawBuilder<boolean> {
  const readable = readableOperatorSql(viewer, 'r.operator_id')
  if (statuses === null) return sql<boolean>`(r.status = 'published' and ${readable})`
  const manageable = viewer.isAdmin
    ? TRUE
    : sql<boolean>`(${viewer.isEditor ? sql`r.operator_id is not distinct from ${viewer.operatorId}::uuid` : sql`false`} or r.created_by = ${viewer.userId}::uuid)`
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

/** Runs the queries side by side on the pool, or one after the other inside a transaction. */
async function runAll<T extends readonly unknown[]>(
  parallel: boolean,
  ...tasks: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (parallel) return (await Promise.all(tasks.map((task) => task()))) as unknown as T
  const out: unknown[] = []
  for (const task of tasks) out.push(await task())
  return out as unknown as T
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

/**
 * Faceted search. Facet counts are disjunctive: each facet counts the matches of every other
 * filter, so that a reader sees how many results picking one more value would add.
 */
export async function searchResources(
  db: DbOrTrx,
  schema: string,
  viewer: Viewer,
  query: SearchQuery,
): Promise<SearchResult> {
  return withTypoTolerance(db, normalisedQuery(query.q), (scoped) => search(scoped, schema, viewer, query))
}

async function search(
  db: DbOrTrx,
  schema: string,
  viewer: Viewer,
  query: SearchQuery,
): Promise<SearchResult> {
  const table = sql.table(`${schema}.resources`)
  const q = normalisedQuery(query.q)
  const { match, score } = textMatch(q)
  const visible = visibilitySql(viewer, query.statuses)
  const outdated = outdatedSql(query.outdated)
  const f = facetFilters(query)
  // Without a text query we are on the pool (parallel); with one, inside the typo-tolerance transaction.
  const parallel = q === undefined
  const columns = sql.join(
    RESOURCE_COLUMNS.map((c) =>
      typeof c === 'string' ? sql.ref(`r.${c}`) : sql`to_char(r.review_by, 'YYYY-MM-DD') as review_by`,
    ),
  )
  const itemsQuery = sql<Resource & { score: number }>`
    select ${columns}, ${score} as score
    from ${table} r
    where ${visible} and ${match} and ${outdated}
      and ${f.type} and ${f.theme} and ${f.audience} and ${f.level} and ${f.operator}
    order by ${orderSql(query.sort, q !== undefined)}
    limit ${query.limit} offset ${query.offset}`

  if (!query.facets) {
    const [items, count] = await runAll(
      parallel,
      () => itemsQuery.execute(db),
      () =>
        sql<{ n: number }>`
      select count(*)::int as n from ${table} r
      where ${visible} and ${match} and ${outdated}
        and ${f.type} and ${f.theme} and ${f.audience} and ${f.level} and ${f.operator}`.execute(db),
    )
    return { items: items.rows, total: count.rows[0]?.n ?? 0, facets: null }
  }

  // One pass computes every (facet, value) count; filters are evaluated once per row in the
  // inner select, each count keeps the filters of the other facets (disjunctive facets).
  const dimensions = {
    type: { ids: RESOURCE_TYPE_IDS, has: (v: string) => sql`b.type = ${sql.lit(v)}` },
    theme: { ids: THEME_IDS, has: (v: string) => sql`${sql.lit(v)} = any(b.themes)` },
    audience: { ids: AUDIENCE_IDS, has: (v: string) => sql`${sql.lit(v)} = any(b.audience)` },
    level: { ids: LEVEL_IDS, has: (v: string) => sql`b.level = ${sql.lit(v)}` },
  } as const
  const flags = ['type', 'theme', 'audience', 'level', 'operator'] as const
  const othersThan = (facet: (typeof flags)[number]) =>
    sql.join(
      flags.filter((x) => x !== facet).map((x) => sql.ref(`b.m_${x}`)),
      sql` and `,
    )
  const cells: Array<{ key: string; expression: RawBuilder<unknown> }> = []
  for (const [facet, d] of Object.entries(dimensions) as Array<
    [keyof typeof dimensions, (typeof dimensions)[keyof typeof dimensions]]
  >)
    for (const value of d.ids)
      cells.push({
        key: `${facet}:${value}`,
        expression: sql`count(*) filter (where ${d.has(value)} and ${othersThan(facet)})`,
      })
  cells.push({
    key: 'total',
    expression: sql`count(*) filter (where ${othersThan('operator')} and b.m_operator)`,
  })
  const inner = sql`select r.type, r.themes, r.audience, r.level, r.operator_id,
      ${f.type} as m_type, ${f.theme} as m_theme, ${f.audience} as m_audience,
      ${f.level} as m_level, ${f.operator} as m_operator
    from ${table} r where ${visible} and ${match} and ${outdated}
    offset 0` // a fence: each filter is evaluated once per row, not once per count
  // rollup(operator_id): one row per operator (for the operator facet) and a grand-total row
  // with every other count, all from a single scan.
  const facetCounts = sql<{ grand: boolean; operator: string | null; n: number[]; operator_n: number }>`
    select grouping(b.operator_id) = 1 as grand, b.operator_id::text as operator,
      array[${sql.join(cells.map((c) => c.expression))}]::int[] as n,
      count(*) filter (where ${othersThan('operator')})::int as operator_n
    from (${inner}) b group by rollup (b.operator_id)`
  const [itemRows, facetRows] = await runAll(
    parallel,
    () => itemsQuery.execute(db),
    () => facetCounts.execute(db),
  )
  const counts = new Map<string, number>()
  for (const row of facetRows.rows) {
    if (row.grand) {
      for (const [i, c] of cells.entries()) counts.set(c.key, Number(row.n[i] ?? 0))
    } else if (Number(row.operator_n) > 0)
      counts.set(`operator:${row.operator ?? 'national'}`, Number(row.operator_n))
  }
  const total = counts.get('total') ?? 0

  const vocabulary = (
    facet: string,
    ids: readonly string[],
    labels: Record<string, string>,
    selected: string[],
  ): FacetValue[] =>
    ids.map((value) => ({
      value,
      label: labels[value] ?? value,
      count: counts.get(`${facet}:${value}`) ?? 0,
      selected: selected.includes(value),
    }))

  const operatorIds = new Set<string>(query.operators)
  for (const key of counts.keys())
    if (key.startsWith('operator:')) operatorIds.add(key.slice('operator:'.length))
  const names = await operatorNames(
    db,
    [...operatorIds].filter((o) => o !== 'national'),
  )
  const operator = [...operatorIds]
    .map((value) => ({
      value,
      label: value === 'national' ? NATIONAL_LABEL : (names.get(value) ?? 'Opérateur local'),
      count: counts.get(`operator:${value}`) ?? 0,
      selected: query.operators.includes(value),
    }))
    .sort((a, b) => (a.value === 'national' ? -1 : b.value === 'national' ? 1 : b.count - a.count))

  return {
    items: itemRows.rows,
    total,
    facets: {
      type: vocabulary('type', RESOURCE_TYPE_IDS, RESOURCE_TYPES, query.types),
      theme: vocabulary('theme', THEME_IDS, THEMES, query.themes),
      audience: vocabulary('audience', AUDIENCE_IDS, AUDIENCES, query.audiences),
      level: vocabulary('level', LEVEL_IDS, LEVELS, query.levels),
      operator,
    },
  }
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
): Promise<{ items: Array<Resource & { matched: string[] }>; total: number }> {
  const table = sql.table(`${schema}.resources`)
  const visible = visibilitySql(viewer, null)
  const columns = sql.join(
    RESOURCE_COLUMNS.map((c) =>
      typeof c === 'string' ? sql.ref(`r.${c}`) : sql`to_char(r.review_by, 'YYYY-MM-DD') as review_by`,
    ),
  )
  const rows = await sql<Resource & { matched: string[]; total: number }>`
    select ${columns},
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
