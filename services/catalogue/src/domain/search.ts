import { CATEGORIES, CATEGORY_IDS, THEME_IDS, THEMES } from '@osinum/contracts'
import { FieldsError } from '@osinum/service-kit'
import type { Facets, SearchQuery, SearchResult, ToolSummary } from '../schemas.js'
import type { CriterionRow, DbContext } from './db.js'
import { normalise } from './text.js'
import { TextIndex } from './text-index.js'
import { seesCriterion, type Viewer } from './viewer.js'
import {
  COST_MODEL_IDS,
  COST_MODELS,
  DATA_LOCATION_IDS,
  DATA_LOCATIONS,
  FREE_LICENCE_LABELS,
  HOSTING_MODE_IDS,
  HOSTING_MODES,
  RGAA_DECLARATION_IDS,
  RGAA_DECLARATIONS,
  SKILL_LEVEL_IDS,
  SKILL_LEVELS,
} from './vocabulary.js'

/** A tool as the search snapshot holds it: everything search filters, counts, sorts and lists. */
export interface IndexedTool {
  id: string
  slug: string
  name: string
  summary: string
  logoUrl: string | null
  licence: string
  isFree: boolean
  categories: string[]
  themes: string[]
  hostingModes: string[]
  dataLocations: string[]
  costModel: string
  skillLevel: string
  rgaa: string
  status: 'draft' | 'published' | 'archived'
  usersCount: number
  ratingAverage: number | null
  ratingCount: number
  updatedAt: string
  updatedAtMs: number
  /** Position in French alphabetical order (sorting by name without a collator per comparison). */
  nameRank: number
  /** Normalised names of the products it replaces. */
  alternativeTo: string[]
  /** Custom attribute values by criterion id. */
  attributes: Map<string, boolean | number | string>
  /** Facet values as positions in their vocabulary, for counting with arrays. */
  codes: FacetCodes
}

/** The fixed facets, each with its vocabulary (ids in display order). */
const FIXED_FACETS = {
  category: CATEGORY_IDS as readonly string[],
  theme: THEME_IDS as readonly string[],
  freeLicence: ['true', 'false'],
  dataLocation: DATA_LOCATION_IDS,
  hostingMode: HOSTING_MODE_IDS,
  costModel: COST_MODEL_IDS,
  skillLevel: SKILL_LEVEL_IDS,
  accessibility: RGAA_DECLARATION_IDS,
} as const
type FixedFacet = keyof typeof FIXED_FACETS
type FacetCodes = Record<FixedFacet, number[]>
const FIXED_FACET_NAMES = Object.keys(FIXED_FACETS) as FixedFacet[]
const positions = Object.fromEntries(
  FIXED_FACET_NAMES.map((f) => [f, new Map(FIXED_FACETS[f].map((id, i) => [id, i]))]),
) as Record<FixedFacet, Map<string, number>>
const codesOf = (facet: FixedFacet, values: string[]) =>
  values.map((v) => positions[facet].get(v)).filter((i): i is number => i !== undefined)

export interface OfferSummary {
  id: string
  operatorId: string
  operatorName: string | null
  description: string | null
  url: string | null
  priceIndication: string | null
}

export interface Snapshot {
  version: number
  tools: IndexedTool[]
  bySlug: Map<string, IndexedTool>
  byId: Map<string, IndexedTool>
  criteria: CriterionRow[]
  /** operator id → tool id → offer */
  offers: Map<string, Map<string, OfferSummary>>
  /** organisation id → operator id (projection of identity's collectivités) */
  organisationOperator: Map<string, string | null>
  /** Full-text index of every tool (text-index.ts). */
  text: TextIndex
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** A small LRU map. */
class Lru<V> {
  private readonly map = new Map<string, V>()
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key)
    if (value !== undefined) {
      this.map.delete(key)
      this.map.set(key, value)
    }
    return value
  }
  set(key: string, value: V) {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string)
  }
  clear() {
    this.map.clear()
  }
}

/**
 * The catalogue as search sees it, held in memory: a few thousand tools fit easily, and faceted
 * search then costs no database round trip once a query's text matches are known.
 * Freshness: every write bumps `catalogue_state.version` in its transaction; this process
 * re-checks the version at most every `refreshMs` (and at once after its own writes), so other
 * replicas converge within that delay.
 */
export class SearchIndex {
  private snapshot: Snapshot | null = null
  private checkedAt = 0
  /** Bumped by local writes; a snapshot checked before the last bump is not trusted. */
  private generation = 0
  private checkedGeneration = -1
  private loading: { generation: number; promise: Promise<Snapshot> } | null = null
  private readonly matches = new Lru<Map<string, number>>(500)
  private readonly results = new Lru<SearchResult>(500)
  private readonly ranked = new Lru<Ranked>(500)

  constructor(
    private readonly ctx: DbContext,
    private readonly refreshMs: number,
  ) {}

  /** Called after a local write: the next read re-checks the version. */
  markStale(): void {
    this.generation++
  }

  async current(): Promise<Snapshot> {
    const generation = this.generation
    if (
      this.snapshot &&
      this.checkedGeneration === generation &&
      Date.now() - this.checkedAt < this.refreshMs
    )
      return this.snapshot
    if (this.loading?.generation === generation) return this.loading.promise
    const previous = this.loading?.promise
    const promise = (async () => {
      if (previous) await previous.catch(() => {})
      return this.refresh(generation)
    })()
    this.loading = { generation, promise }
    try {
      return await promise
    } finally {
      if (this.loading?.promise === promise) this.loading = null
    }
  }

  private async refresh(generation: number): Promise<Snapshot> {
    const { version } = await this.ctx.db
      .selectFrom('catalogue_state')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
    if (!this.snapshot || Number(version) !== this.snapshot.version) {
      this.snapshot = await loadSnapshot(this.ctx, Number(version))
      this.matches.clear()
      this.results.clear()
      this.ranked.clear()
    }
    this.checkedAt = Date.now()
    this.checkedGeneration = generation
    return this.snapshot
  }

  /** Tools matching a text query, with a relevance score (in memory; cached per catalogue version). */
  textMatches(snapshot: Snapshot, q: string): Map<string, number> {
    const key = `${snapshot.version}|${normalise(q)}`
    const cached = this.matches.get(key)
    if (cached) return cached
    const found = snapshot.text.match(q)
    this.matches.set(key, found)
    return found
  }

  async search(query: SearchQuery, viewer: Viewer): Promise<SearchResult> {
    const snapshot = await this.current()
    const who = `${snapshot.version}|${viewer.isEditor}|${viewer.operatorIds.join(',')}`
    const key = `${who}|${JSON.stringify(query)}`
    const cached = this.results.get(key)
    if (cached) return cached
    // A question's ranking and facets do not depend on the page: computed once, every page sliced.
    const { offset: _offset, limit: _limit, ...question } = query
    const rankKey = `${who}|${JSON.stringify(question)}`
    let ranked = this.ranked.get(rankKey)
    if (!ranked) {
      const matches = query.q && normalise(query.q) ? this.textMatches(snapshot, query.q) : null
      ranked = rankSnapshot(snapshot, query, viewer, matches)
      // Nothing found for a text: propose close words rather than noise.
      if (matches && ranked.results.length === 0) ranked.suggestions = snapshot.text.suggest(query.q!)
      this.ranked.set(rankKey, ranked)
    }
    const result = pageOf(snapshot, viewer, ranked, query.offset ?? 0, query.limit ?? 20)
    this.results.set(key, result)
    return result
  }
}

async function loadSnapshot({ db }: DbContext, version: number): Promise<Snapshot> {
  const [rows, usage, ratings, criteria, values, offers, organisations] = await Promise.all([
    db
      .selectFrom('tools')
      .select([
        'id',
        'slug',
        'name',
        'summary',
        'logo_url',
        'licence',
        'is_free',
        'categories',
        'themes',
        'hosting_modes',
        'data_locations',
        'cost_model',
        'skill_level',
        'rgaa_declaration',
        'status',
        'updated_at',
        'alternative_to',
        'standards',
        'description_md',
      ])
      .execute(),
    // "Used by": verified collectivités only (a pending claim cannot inflate a tool's figures).
    db
      .selectFrom('tool_usages')
      .innerJoin('organisations', 'organisations.id', 'tool_usages.organisation_id')
      .select(['tool_usages.tool_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tool_usages.status', '=', 'uses')
      .where('organisations.verified', '=', true)
      .groupBy('tool_usages.tool_id')
      .execute(),
    db
      .selectFrom('reviews')
      .select([
        'tool_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.avg<number>('rating').as('avg'),
      ])
      .where('status', '=', 'published')
      .groupBy('tool_id')
      .execute(),
    db.selectFrom('criteria').selectAll().orderBy('label').execute(),
    db.selectFrom('tool_attribute_values').select(['tool_id', 'criterion_id', 'value']).execute(),
    db
      .selectFrom('operator_offers as o')
      .leftJoin('operators as op', 'op.id', 'o.operator_id')
      .select([
        'o.id',
        'o.operator_id',
        'o.tool_id',
        'o.description',
        'o.url',
        'o.price_indication',
        'op.name',
      ])
      .execute(),
    db.selectFrom('organisations').select(['id', 'operator_id']).execute(),
  ])
  const usersCount = new Map(usage.map((u) => [u.tool_id, Number(u.n)]))
  const rating = new Map(ratings.map((r) => [r.tool_id, { n: Number(r.n), avg: Number(r.avg) }]))
  const attributes = new Map<string, Map<string, boolean | number | string>>()
  for (const v of values) {
    let m = attributes.get(v.tool_id)
    if (!m) {
      m = new Map()
      attributes.set(v.tool_id, m)
    }
    m.set(v.criterion_id, v.value)
  }
  const tools: IndexedTool[] = rows.map((r) => {
    const updated = new Date(r.updated_at)
    const avg = rating.get(r.id)
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      summary: r.summary,
      logoUrl: r.logo_url,
      licence: r.licence,
      isFree: r.is_free,
      categories: r.categories,
      themes: r.themes,
      hostingModes: r.hosting_modes,
      dataLocations: r.data_locations,
      costModel: r.cost_model,
      skillLevel: r.skill_level,
      rgaa: r.rgaa_declaration,
      status: r.status,
      usersCount: usersCount.get(r.id) ?? 0,
      ratingAverage: avg ? Math.round(avg.avg * 10) / 10 : null,
      ratingCount: avg?.n ?? 0,
      updatedAt: updated.toISOString(),
      updatedAtMs: updated.getTime(),
      nameRank: 0,
      codes: {
        category: codesOf('category', r.categories),
        theme: codesOf('theme', r.themes),
        freeLicence: codesOf('freeLicence', [String(r.is_free)]),
        dataLocation: codesOf('dataLocation', r.data_locations),
        hostingMode: codesOf('hostingMode', r.hosting_modes),
        costModel: codesOf('costModel', [r.cost_model]),
        skillLevel: codesOf('skillLevel', [r.skill_level]),
        accessibility: codesOf('accessibility', [r.rgaa_declaration]),
      },
      alternativeTo: r.alternative_to.map(normalise),
      attributes: attributes.get(r.id) ?? new Map(),
    }
  })
  tools.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1))
  tools.forEach((t, i) => {
    t.nameRank = i
  })
  const offerMap = new Map<string, Map<string, OfferSummary>>()
  for (const o of offers) {
    let m = offerMap.get(o.operator_id)
    if (!m) {
      m = new Map()
      offerMap.set(o.operator_id, m)
    }
    m.set(o.tool_id, {
      id: o.id,
      operatorId: o.operator_id,
      operatorName: o.name ?? null,
      description: o.description,
      url: o.url,
      priceIndication: o.price_indication,
    })
  }
  return {
    version,
    tools,
    bySlug: new Map(tools.map((t) => [t.slug, t])),
    byId: new Map(tools.map((t) => [t.id, t])),
    criteria,
    offers: offerMap,
    organisationOperator: new Map(organisations.map((o) => [o.id, o.operator_id])),
    // Indexed like the former tsvector: name; summary, category and theme labels, replaced
    // products and standards; description.
    text: new TextIndex(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        secondary: [
          r.summary,
          ...r.categories.map((c) => CATEGORIES[c as keyof typeof CATEGORIES]),
          ...r.themes.map((c) => THEMES[c as keyof typeof THEMES]),
          ...r.alternative_to,
          ...r.standards,
        ],
        description: r.description_md,
      })),
    ),
  }
}

interface Dimension {
  key: string
  /** Whether the tool passes this dimension's filter. */
  test: (t: IndexedTool) => boolean
}

function parseAttributeFilters(
  snapshot: Snapshot,
  viewer: Viewer,
  filters: string[],
): Array<{ criterion: CriterionRow; test: (t: IndexedTool) => boolean }> {
  const problems: Array<{ field: string; message: string }> = []
  const byKey = new Map<string, { criterion: CriterionRow; tests: Array<(v: unknown) => boolean> }>()
  for (const [index, filter] of filters.entries()) {
    const field = `querystring.attribute.${index}`
    const colon = filter.indexOf(':')
    const key = filter.slice(0, colon)
    const raw = filter.slice(colon + 1)
    const criterion = snapshot.criteria.find((c) => c.key === key && seesCriterion(viewer, c.operator_id))
    const problem = (message: string) => problems.push({ field, message })
    if (!criterion) {
      problem(`unknown criterion "${key}"`)
      continue
    }
    if (!criterion.filterable) {
      problem(`criterion "${key}" is not filterable`)
      continue
    }
    let test: (v: unknown) => boolean
    if (criterion.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') {
        problem('must be true or false')
        continue
      }
      test = (v) => v === (raw === 'true')
    } else if (criterion.kind === 'number') {
      const m = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/.exec(raw) ?? /^(-?\d+(?:\.\d+)?)()$/.exec(raw)
      if (!m) {
        problem('must be a number or a range min..max')
        continue
      }
      const exact = !raw.includes('..')
      const min = m[1] ? Number(m[1]) : -Infinity
      const max = exact ? min : m[2] ? Number(m[2]) : Infinity
      test = (v) => typeof v === 'number' && v >= min && v <= max
    } else if (criterion.kind === 'enum') {
      if (!criterion.options.some((o) => o.value === raw)) {
        problem(`"${raw}" is not an option of "${key}"`)
        continue
      }
      test = (v) => v === raw
    } else {
      test = (v) => typeof v === 'string' && normalise(v) === normalise(raw)
    }
    const entry = byKey.get(key) ?? { criterion, tests: [] }
    entry.tests.push(test)
    byKey.set(key, entry)
  }
  if (problems.length) throw new FieldsError(problems, { status: 422, code: 'OSI_CATALOGUE_INVALID_FILTER' })
  return [...byKey.values()].map(({ criterion, tests }) => ({
    criterion,
    test: (t: IndexedTool) => {
      const v = t.attributes.get(criterion.id)
      return v !== undefined && tests.some((f) => f(v))
    },
  }))
}

const anyOf = (selected: readonly string[] | undefined, values: (t: IndexedTool) => string[]) => {
  if (!selected?.length) return null
  const set = new Set(selected)
  return (t: IndexedTool) => values(t).some((v) => set.has(v))
}

export function offerFor(snapshot: Snapshot, viewer: Viewer, toolId: string): OfferSummary | null {
  for (const op of viewer.operatorIds) {
    const offer = snapshot.offers.get(op)?.get(toolId)
    if (offer) return offer
  }
  return null
}

export function summaryOf(snapshot: Snapshot, viewer: Viewer, t: IndexedTool): ToolSummary {
  const offer = offerFor(snapshot, viewer, t.id)
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    summary: t.summary,
    logoUrl: t.logoUrl,
    licence: t.licence,
    isFree: t.isFree,
    categories: t.categories,
    themes: t.themes,
    hostingModes: t.hostingModes,
    dataLocations: t.dataLocations,
    costModel: t.costModel,
    skillLevel: t.skillLevel,
    rgaaDeclaration: t.rgaa,
    status: t.status,
    usersCount: t.usersCount,
    rating: { average: t.ratingAverage, count: t.ratingCount },
    updatedAt: t.updatedAt,
    offeredByMyOperator: offer !== null,
    operatorOffer: offer,
  }
}

/**
 * Faceted search over the snapshot. Filters combine with AND across facets and OR inside one
 * facet; each facet's counts apply every filter except its own, so a count is exactly the
 * number of results that selecting that value (alone, in that facet) would give.
 */
/** A question's answer before pagination: the sorted results and the facet counts. */
interface Ranked {
  results: IndexedTool[]
  facets: Facets
  suggestions?: string[]
}

function pageOf(
  snapshot: Snapshot,
  viewer: Viewer,
  ranked: Ranked,
  offset: number,
  limit: number,
): SearchResult {
  return {
    items: ranked.results.slice(offset, offset + limit).map((t) => summaryOf(snapshot, viewer, t)),
    total: ranked.results.length,
    limit,
    offset,
    facets: ranked.facets,
    ...(ranked.suggestions ? { suggestions: ranked.suggestions } : {}),
  }
}

function rankSnapshot(
  snapshot: Snapshot,
  query: SearchQuery,
  viewer: Viewer,
  matches: Map<string, number> | null,
): Ranked {
  const status = query.status ?? 'published'
  if (status !== 'published' && !viewer.isEditor)
    throw new FieldsError(
      [{ field: 'querystring.status', message: 'only editors may list unpublished tools' }],
      {
        status: 403,
        code: 'OSI_FORBIDDEN',
      },
    )
  const offered = (t: IndexedTool) =>
    viewer.operatorIds.some((op) => snapshot.offers.get(op)?.has(t.id) ?? false)
  const attributeFilters = parseAttributeFilters(snapshot, viewer, query.attribute ?? [])
  const dims: Dimension[] = []
  const add = (key: string, test: ((t: IndexedTool) => boolean) | null) => {
    if (test) dims.push({ key, test })
  }
  add(
    'category',
    anyOf(query.category, (t) => t.categories),
  )
  add(
    'theme',
    anyOf(query.theme, (t) => t.themes),
  )
  add('freeLicence', query.freeLicence === undefined ? null : (t) => t.isFree === query.freeLicence)
  add(
    'dataLocation',
    anyOf(query.dataLocation, (t) => t.dataLocations),
  )
  add(
    'hostingMode',
    anyOf(query.hostingMode, (t) => t.hostingModes),
  )
  add(
    'costModel',
    anyOf(query.costModel, (t) => [t.costModel]),
  )
  add(
    'skillLevel',
    anyOf(query.skillLevel, (t) => [t.skillLevel]),
  )
  add(
    'accessibility',
    anyOf(query.accessibility, (t) => [t.rgaa]),
  )
  add(
    'offeredByMyOperator',
    query.offeredByMyOperator === undefined ? null : (t) => offered(t) === query.offeredByMyOperator,
  )
  for (const f of attributeFilters) add(`attr:${f.criterion.key}`, f.test)
  const bit = new Map(dims.map((d, i) => [d.key, 1 << i]))

  // Candidates: status and text; then the failure mask of each candidate over the filters. With a
  // text, only its matches are visited (in name order, as the snapshot is).
  const pool = matches
    ? [...matches.keys()]
        .map((id) => snapshot.byId.get(id))
        .filter((t): t is IndexedTool => t !== undefined)
        .sort((a, b) => a.nameRank - b.nameRank)
    : snapshot.tools
  const candidates: Array<{ tool: IndexedTool; mask: number }> = []
  for (const tool of pool) {
    if (status !== 'any' && tool.status !== status) continue
    let mask = 0
    for (let i = 0; i < dims.length; i++) if (!dims[i]!.test(tool)) mask |= 1 << i
    candidates.push({ tool, mask })
  }
  const visibleCriteria = snapshot.criteria.filter(
    (c) => c.filterable && seesCriterion(viewer, c.operator_id),
  )
  const facets = countFacets(candidates, bit, viewer, visibleCriteria, offered)

  const results = candidates.filter((c) => c.mask === 0).map((c) => c.tool)
  const sort = query.sort ?? 'relevance'
  const byName = (a: IndexedTool, b: IndexedTool) => a.nameRank - b.nameRank
  const byUsers = (a: IndexedTool, b: IndexedTool) => b.usersCount - a.usersCount || byName(a, b)
  // The snapshot is in name order: sorting by name needs no work.
  if (sort === 'users') results.sort(byUsers)
  else if (sort === 'updated') results.sort((a, b) => b.updatedAtMs - a.updatedAtMs || byName(a, b))
  else if (sort === 'relevance' && matches) {
    const score = (t: IndexedTool) => matches.get(t.id) ?? 0
    results.sort((a, b) => score(b) - score(a) || byUsers(a, b))
  } else if (sort === 'relevance') results.sort(byUsers)

  return { results, facets }
}

function countFacets(
  candidates: Array<{ tool: IndexedTool; mask: number }>,
  bit: Map<string, number>,
  viewer: Viewer,
  criteria: CriterionRow[],
  offered: (t: IndexedTool) => boolean,
): Facets {
  // Fixed facets count into arrays indexed by vocabulary position; custom criteria into maps.
  const fixed = Object.fromEntries(
    FIXED_FACET_NAMES.map((f) => [f, new Int32Array(FIXED_FACETS[f].length)]),
  ) as Record<FixedFacet, Int32Array>
  const counters = new Map<string, Map<string, number>>()
  const numbers = new Map<string, { min: number; max: number }>()
  const inc = (facet: string, value: string) => {
    let m = counters.get(facet)
    if (!m) {
      m = new Map()
      counters.set(facet, m)
    }
    m.set(value, (m.get(value) ?? 0) + 1)
  }
  // A candidate counts in a facet when it passes every filter but (possibly) that facet's own.
  const keep = (facet: string) => ~(bit.get(facet) ?? 0)
  const fixedKeeps = FIXED_FACET_NAMES.map((f) => [f, keep(f)] as const)
  const offeredKeep = keep('offeredByMyOperator')
  const criteriaKeeps = criteria.map((c) => [c, `attr:${c.key}`, keep(`attr:${c.key}`)] as const)
  for (const { tool, mask } of candidates) {
    for (const [facet, k] of fixedKeeps) {
      if ((mask & k) !== 0) continue
      const counter = fixed[facet]
      for (const i of tool.codes[facet]) counter[i]!++
    }
    if (viewer.operatorIds.length && (mask & offeredKeep) === 0)
      inc('offeredByMyOperator', String(offered(tool)))
    for (const [c, facet, k] of criteriaKeeps) {
      if ((mask & k) !== 0) continue
      const v = tool.attributes.get(c.id)
      if (v === undefined) continue
      if (c.kind === 'number' && typeof v === 'number') {
        const r = numbers.get(facet)
        numbers.set(facet, r ? { min: Math.min(r.min, v), max: Math.max(r.max, v) } : { min: v, max: v })
        inc(facet, '*')
      } else inc(facet, String(v))
    }
  }
  const list = (facet: string, ids: readonly string[], label: (id: string) => string) =>
    ids.map((value, i) => ({
      value,
      label: label(value),
      count: facet in fixed ? (fixed[facet as FixedFacet][i] ?? 0) : (counters.get(facet)?.get(value) ?? 0),
    }))
  return {
    category: list('category', CATEGORY_IDS, (id) => CATEGORIES[id as keyof typeof CATEGORIES]),
    theme: list('theme', THEME_IDS, (id) => THEMES[id as keyof typeof THEMES]),
    freeLicence: list('freeLicence', ['true', 'false'], (id) => FREE_LICENCE_LABELS[id as 'true' | 'false']),
    dataLocation: list(
      'dataLocation',
      DATA_LOCATION_IDS,
      (id) => DATA_LOCATIONS[id as keyof typeof DATA_LOCATIONS],
    ),
    hostingMode: list(
      'hostingMode',
      HOSTING_MODE_IDS,
      (id) => HOSTING_MODES[id as keyof typeof HOSTING_MODES],
    ),
    costModel: list('costModel', COST_MODEL_IDS, (id) => COST_MODELS[id as keyof typeof COST_MODELS]),
    skillLevel: list('skillLevel', SKILL_LEVEL_IDS, (id) => SKILL_LEVELS[id as keyof typeof SKILL_LEVELS]),
    accessibility: list(
      'accessibility',
      RGAA_DECLARATION_IDS,
      (id) => RGAA_DECLARATIONS[id as keyof typeof RGAA_DECLARATIONS],
    ),
    offeredByMyOperator: viewer.operatorIds.length
      ? list('offeredByMyOperator', ['true', 'false'], (id) =>
          id === 'true' ? 'Proposé par votre syndicat' : 'Non proposé par votre syndicat',
        )
      : [],
    attributes: criteria.map((c) => {
      const facet = `attr:${c.key}`
      if (c.kind === 'number') {
        const range = numbers.get(facet)
        return {
          key: c.key,
          label: c.label,
          kind: c.kind,
          values: [],
          min: range?.min ?? null,
          max: range?.max ?? null,
        }
      }
      const values =
        c.kind === 'boolean'
          ? list(facet, ['true', 'false'], (id) => (id === 'true' ? 'Oui' : 'Non'))
          : c.kind === 'enum'
            ? list(
                facet,
                c.options.map((o) => o.value),
                (id) => c.options.find((o) => o.value === id)?.label ?? id,
              )
            : [...(counters.get(facet) ?? new Map<string, number>()).entries()]
                .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
                .slice(0, 50)
                .map(([value, count]) => ({ value, label: value, count }))
      return { key: c.key, label: c.label, kind: c.kind, values }
    }),
  }
}
