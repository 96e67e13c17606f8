import { LENS_IDS, type Lens, POPULATION_BRACKET_IDS, THEME_IDS, type Theme } from '@osinum/contracts'
import { type Kysely, sql } from 'kysely'
import type { Database } from './db.js'
import type { Indicator } from './national.js'
import { publishRelease, type ReleaseOutcome } from './panorama-release.js'
import { LEVELS, type Level, round1 } from './scoring.js'

/**
 * The panorama: aggregate statistics over the latest submitted diagnostic of each collectivité,
 * never publishing a group smaller than `minGroupSize` (k), even through differences of groups.
 *
 * How (see README, "Panorama suppression"):
 * 1. Cells: collectivités are counted per (operator, région, département, population bracket).
 * 2. Atoms: cells are merged into disjoint "atoms" of at least k collectivités — first adjacent
 *    brackets within one (operator, département), then what is left within (operator, région), then
 *    within the operator, then across the instance (a leftover joins the smallest atom of its
 *    scope). Every collectivité is in exactly one atom; every atom has ≥ k collectivités.
 * 3. A filter combination is published only when its group is a union of whole atoms. Any
 *    difference or combination of published groups is then again a combination of whole atoms, so
 *    nothing about fewer than k collectivités can be derived, whatever filters one combines.
 *    Everything else is answered "suppressed" — also an empty group, so emptiness is not revealed.
 * 4. Inside a published group, a statistic whose own base is below k (a theme mean, an indicator
 *    share, a level count) is suppressed as well; level counts get complementary suppression so that
 *    a suppressed count cannot be recomputed from the total.
 */

export interface PanoramaFilters {
  operatorId?: string
  region?: string
  departement?: string
  populationBracket?: string
}
export const DIMENSIONS = ['operatorId', 'region', 'departement', 'populationBracket'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface CellDims {
  operatorId: string | null
  region: string | null
  departement: string | null
  populationBracket: string | null
}

/** Additive statistics of a set of collectivités, in one flat vector (fast to add up). */
class Aggregate {
  readonly vec: Float64Array
  readonly levels: Float64Array
  readonly themeSum: Float64Array
  readonly themeN: Float64Array
  readonly lensSum: Float64Array
  readonly lensN: Float64Array
  readonly indBase: Float64Array
  readonly indHits: Float64Array
  constructor(themes: number, lenses: number, indicators: number) {
    this.vec = new Float64Array(2 + LEVELS.length + 2 * (themes + lenses + indicators))
    let offset = 2
    const take = (length: number) => {
      const view = this.vec.subarray(offset, offset + length)
      offset += length
      return view
    }
    this.levels = take(LEVELS.length)
    this.themeSum = take(themes)
    this.themeN = take(themes)
    this.lensSum = take(lenses)
    this.lensN = take(lenses)
    this.indBase = take(indicators)
    this.indHits = take(indicators)
  }
  get n(): number {
    return this.vec[0]!
  }
  set n(value: number) {
    this.vec[0] = value
  }
  get overallSum(): number {
    return this.vec[1]!
  }
  set overallSum(value: number) {
    this.vec[1] = value
  }
  add(other: Aggregate): void {
    const a = this.vec
    const b = other.vec
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!
  }
}

interface Cell extends CellDims {
  agg: Aggregate
  atom: number
}

export interface Snapshot {
  marker: string
  /** The release it shows (null: nothing released yet). */
  release: number | null
  cells: Cell[]
  /** Names of the operators (public), read with the cells. */
  operatorNames: Map<string, string>
  /** Size of each atom. */
  atomSizes: number[]
  builtAt: Date
}

export interface PublishedStats {
  collectivites: number
  overallScore: number
  levels: Record<Level, number | null>
  themes: Array<{ theme: Theme; score: number | null; base: number | null }>
  lenses: Array<{ lens: Lens; score: number | null; base: number | null }>
  indicators: Array<{ id: string; value: number | null; base: number | null }>
}

export type GroupResult =
  | { published: true; filters: PanoramaFilters; stats: PublishedStats }
  | { published: false; filters: PanoramaFilters }

const BRACKET_ORDER = [...POPULATION_BRACKET_IDS, null] as Array<string | null>
const key = (...parts: Array<string | null>) => parts.map((p) => p ?? '∅').join('|')

function emptyAggregate(themes: number, lenses: number, indicators: number): Aggregate {
  return new Aggregate(themes, lenses, indicators)
}

/**
 * Partitions cells into atoms of at least k collectivités (see the module comment). Pure and
 * deterministic; exported for tests. Returns each cell's atom index and the atom sizes, or all
 * cells in atom -1 when the whole instance has fewer than k collectivités.
 */
export function buildAtoms(
  cells: Array<CellDims & { n: number }>,
  k: number,
): { atomOf: number[]; sizes: number[] } {
  type Group = { cells: number[]; n: number }
  const atoms: Group[] = []
  const atomOf = new Array<number>(cells.length).fill(-1)
  const commit = (g: Group) => {
    atoms.push(g)
    for (const c of g.cells) atomOf[c] = atoms.length - 1
  }
  const mergeInto = (atomIndex: number, g: Group) => {
    const a = atoms[atomIndex]!
    a.cells.push(...g.cells)
    a.n += g.n
    for (const c of g.cells) atomOf[c] = atomIndex
  }
  const byKey = <T>(items: T[], f: (t: T) => string) => {
    const m = new Map<string, T[]>()
    for (const it of items) {
      const kk = f(it)
      const list = m.get(kk)
      if (list) list.push(it)
      else m.set(kk, [it])
    }
    return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }
  const indices = cells.map((_, i) => i)

  // 1. Within (operator, région, département): merge adjacent population brackets.
  type Leftover = { group: Group; operatorId: string | null; region: string | null }
  let leftovers: Leftover[] = []
  const atomsOfScope = new Map<string, number[]>()
  const remember = (scopes: string[], atomIndex: number) => {
    for (const s of scopes) {
      const list = atomsOfScope.get(s)
      if (list) list.push(atomIndex)
      else atomsOfScope.set(s, [atomIndex])
    }
  }
  for (const [, geo] of byKey(indices, (i) =>
    key(cells[i]!.operatorId, cells[i]!.region, cells[i]!.departement),
  )) {
    const sorted = [...geo].sort(
      (a, b) =>
        BRACKET_ORDER.indexOf(cells[a]!.populationBracket) -
        BRACKET_ORDER.indexOf(cells[b]!.populationBracket),
    )
    const segments: Group[] = sorted.map((i) => ({ cells: [i], n: cells[i]!.n }))
    for (;;) {
      if (segments.length <= 1) break
      let smallest = -1
      for (let s = 0; s < segments.length; s++)
        if (segments[s]!.n < k && (smallest < 0 || segments[s]!.n < segments[smallest]!.n)) smallest = s
      if (smallest < 0) break
      const left = smallest > 0 ? segments[smallest - 1]! : undefined
      const right = smallest < segments.length - 1 ? segments[smallest + 1]! : undefined
      const withLeft = left !== undefined && (right === undefined || left.n <= right.n)
      const other = withLeft ? smallest - 1 : smallest + 1
      const merged: Group = {
        cells: [...segments[Math.min(smallest, other)]!.cells, ...segments[Math.max(smallest, other)]!.cells],
        n: segments[smallest]!.n + segments[other]!.n,
      }
      segments.splice(Math.min(smallest, other), 2, merged)
    }
    const first = cells[geo[0]!]!
    const scopes = [key(first.operatorId, first.region), key(first.operatorId), 'all']
    for (const s of segments) {
      if (s.n >= k) {
        commit(s)
        remember(scopes, atoms.length - 1)
      } else leftovers.push({ group: s, operatorId: first.operatorId, region: first.region })
    }
  }

  // 2–4. Leftovers merged within (operator, région), then the operator, then the instance.
  const levels: Array<(l: Leftover) => string> = [
    (l) => key(l.operatorId, l.region),
    (l) => key(l.operatorId),
    () => 'all',
  ]
  for (const [depth, scopeOf] of levels.entries()) {
    const next: Leftover[] = []
    for (const [scope, list] of byKey(leftovers, scopeOf)) {
      const group: Group = {
        cells: list.flatMap((l) => l.group.cells),
        n: list.reduce((a, l) => a + l.group.n, 0),
      }
      const parentScopes = depth === 0 ? [key(list[0]!.operatorId), 'all'] : depth === 1 ? ['all'] : []
      if (group.n >= k) {
        commit(group)
        remember([scope, ...parentScopes], atoms.length - 1)
        continue
      }
      const candidates = atomsOfScope.get(scope)
      if (candidates?.length) {
        const smallest = candidates.reduce(
          (best, a) => (atoms[a]!.n < atoms[best]!.n ? a : best),
          candidates[0]!,
        )
        mergeInto(smallest, group)
      } else next.push({ group, operatorId: list[0]!.operatorId, region: list[0]!.region })
    }
    leftovers = next
  }
  // Whatever is left means the instance as a whole has fewer than k collectivités: nothing is published.
  return { atomOf, sizes: atoms.map((a) => a.n) }
}

export interface PanoramaOptions {
  minGroupSize: number
  indicators: Indicator[]
  /** How often (ms) the releases are checked (and a due one computed); 0 = on every request. */
  refreshMs?: number
  /** A new release is computed at most this often (ms) after the previous one; 0 = as soon as results change. */
  releaseIntervalMs?: number
}

/**
 * Serves the latest panorama release (panorama-release.ts) and computes the next one when it is
 * due: releases are dated and numbered; between two of them, the results of verified collectivités
 * enter only in batches that cannot be told apart (held otherwise).
 */
export class Panorama {
  private snapshot: Snapshot | undefined
  private refreshing: Promise<Snapshot> | undefined
  private checkedAt = 0
  /** Fingerprint of the results at the last release attempt: unchanged results need no new attempt. */
  private attempted: string | undefined
  readonly themes = THEME_IDS
  readonly lenses = LENS_IDS

  constructor(
    private readonly db: Kysely<Database>,
    readonly options: PanoramaOptions,
  ) {}

  get minGroupSize(): number {
    return this.options.minGroupSize
  }

  /** Cheap fingerprint of the inputs: results (any write bumps a revision) and verified collectivités. */
  private async marker(): Promise<string> {
    const [row, verified] = await Promise.all([
      this.db
        .selectFrom('latest_results')
        .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(sum(revision), 0)::text`.as('s')])
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('organisations')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('verified', '=', true)
        .executeTakeFirstOrThrow(),
    ])
    return `${row.n}:${row.s}:${verified.n}`
  }

  /** Computes the next release now if the results changed (the `panorama-release` command; tests). */
  async release(now = new Date()): Promise<ReleaseOutcome> {
    const outcome = await publishRelease(this.db, {
      minGroupSize: this.options.minGroupSize,
      indicators: this.options.indicators,
      now,
    })
    this.checkedAt = 0
    return outcome
  }

  /**
   * The snapshot of the latest release. Checked at most every `refreshMs` (0: every call); a
   * release due (`releaseIntervalMs` after the previous one) and results changed since the last
   * attempt: the next release is computed first. With `refreshMs` > 0 a stale snapshot is served
   * while the check runs in the background.
   */
  async current(): Promise<Snapshot> {
    const refreshMs = this.options.refreshMs ?? 0
    if (this.snapshot && refreshMs > 0) {
      if (Date.now() - this.checkedAt >= refreshMs && !this.refreshing) this.refresh().catch(() => {})
      return this.snapshot
    }
    return this.refresh()
  }

  private refresh(): Promise<Snapshot> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  private async load(): Promise<Snapshot> {
    this.checkedAt = Date.now()
    const latest = await this.db
      .selectFrom('panorama_releases')
      .select(['number', 'published_at'])
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst()
    const interval = this.options.releaseIntervalMs ?? 0
    const due = !latest || Date.now() - new Date(latest.published_at).getTime() >= interval
    if (due) {
      const marker = await this.marker()
      if (marker !== this.attempted) {
        await this.release()
        this.attempted = marker
      }
    }
    const row = await this.db
      .selectFrom('panorama_releases')
      .selectAll()
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!row) return this.empty()
    if (this.snapshot?.release === row.number) return this.snapshot
    const operators = await this.db.selectFrom('operators').select(['id', 'name']).execute()
    const stored = (typeof row.cells === 'string' ? JSON.parse(row.cells) : row.cells) as Array<
      CellDims & { atom: number; vec: number[] }
    >
    const atoms = (typeof row.atoms === 'string' ? JSON.parse(row.atoms) : row.atoms) as Array<{
      size: number
    }>
    const cells: Cell[] = stored.map((c) => {
      const agg = emptyAggregate(this.themes.length, this.lenses.length, this.options.indicators.length)
      agg.vec.set(c.vec.slice(0, agg.vec.length))
      return {
        operatorId: c.operatorId,
        region: c.region,
        departement: c.departement,
        populationBracket: c.populationBracket,
        agg,
        atom: c.atom,
      }
    })
    this.snapshot = {
      marker: String(row.number),
      release: row.number,
      cells,
      operatorNames: new Map(operators.map((o) => [o.id, o.name])),
      atomSizes: atoms.map((a) => a.size),
      builtAt: new Date(row.published_at),
    }
    return this.snapshot
  }

  private empty(): Snapshot {
    return {
      marker: 'none',
      release: null,
      cells: [],
      operatorNames: new Map(),
      atomSizes: [],
      builtAt: new Date(),
    }
  }

  /** A snapshot from bare counts per cell (tests of the suppression, benchmarks). */
  snapshotFromCounts(counts: Array<CellDims & { n: number }>): Snapshot {
    const cells = counts.map((c) => {
      const agg = emptyAggregate(this.themes.length, this.lenses.length, this.options.indicators.length)
      agg.n = c.n
      agg.overallSum = 50 * c.n
      agg.levels[2] = c.n
      return { ...c, agg, atom: -1 }
    })
    return assembleSnapshot('counts', cells, this.options.minGroupSize, new Map())
  }

  /** The group selected by `filters`, published only when it is a union of whole atoms. */
  group(snapshot: Snapshot, filters: PanoramaFilters): GroupResult {
    return this.evaluate(
      snapshot,
      snapshot.cells.filter((cell) => matchesFilters(cell, filters)),
      filters,
    )
  }

  /** Published groups for each value of `by` within `filters` (unpublishable values are left out). */
  breakdown(
    snapshot: Snapshot,
    filters: PanoramaFilters,
    by: Dimension,
  ): Array<GroupResult & { published: true }> {
    const buckets = new Map<string, Cell[]>()
    for (const cell of snapshot.cells) {
      const value = cell[by]
      // Collectivités without this attribute cannot be selected by a filter: left out.
      if (value === null || !matchesFilters(cell, filters)) continue
      const bucket = buckets.get(value)
      if (bucket) bucket.push(cell)
      else buckets.set(value, [cell])
    }
    const out: Array<GroupResult & { published: true }> = []
    for (const value of [...buckets.keys()].sort((x, y) => x.localeCompare(y))) {
      const result = this.evaluate(snapshot, buckets.get(value)!, { ...filters, [by]: value })
      if (result.published) out.push(result)
    }
    return out
  }

  /** Publishes the group made of `cells` only when it is a union of whole atoms of at least k. */
  private evaluate(snapshot: Snapshot, cells: Cell[], filters: PanoramaFilters): GroupResult {
    const matchedPerAtom = new Map<number, number>()
    let n = 0
    for (const cell of cells) {
      if (cell.atom < 0) return { published: false, filters }
      matchedPerAtom.set(cell.atom, (matchedPerAtom.get(cell.atom) ?? 0) + cell.agg.n)
      n += cell.agg.n
    }
    if (n === 0) return { published: false, filters }
    for (const [atom, count] of matchedPerAtom)
      if (count !== snapshot.atomSizes[atom]) return { published: false, filters }
    const agg = emptyAggregate(this.themes.length, this.lenses.length, this.options.indicators.length)
    for (const cell of cells) agg.add(cell.agg)
    return { published: true, filters, stats: this.publish(agg) }
  }

  private publish(agg: Aggregate): PublishedStats {
    const k = this.options.minGroupSize
    const mean = (sum: number, n: number) => (n >= k ? round1(sum / n) : null)
    return {
      collectivites: agg.n,
      overallScore: round1(agg.overallSum / agg.n),
      levels: suppressCounts(LEVELS, Array.from(agg.levels), k),
      themes: this.themes.map((theme, i) => ({
        theme,
        score: mean(agg.themeSum[i]!, agg.themeN[i]!),
        base: agg.themeN[i]! >= k ? agg.themeN[i]! : null,
      })),
      lenses: this.lenses.map((lens, i) => ({
        lens,
        score: mean(agg.lensSum[i]!, agg.lensN[i]!),
        base: agg.lensN[i]! >= k ? agg.lensN[i]! : null,
      })),
      indicators: this.options.indicators.map((ind, i) => ({
        id: ind.id,
        value: agg.indBase[i]! >= k ? round1((agg.indHits[i]! / agg.indBase[i]!) * 100) : null,
        base: agg.indBase[i]! >= k ? agg.indBase[i]! : null,
      })),
    }
  }
}

function assembleSnapshot(
  marker: string,
  cells: Cell[],
  k: number,
  operatorNames: Map<string, string>,
): Snapshot {
  const { atomOf, sizes } = buildAtoms(
    cells.map((c) => ({ ...c, n: c.agg.n })),
    k,
  )
  cells.forEach((c, i) => {
    c.atom = atomOf[i]!
  })
  return { marker, release: null, cells, operatorNames, atomSizes: sizes, builtAt: new Date() }
}

function matchesFilters(cell: CellDims, filters: PanoramaFilters): boolean {
  for (const d of DIMENSIONS) if (filters[d] !== undefined && cell[d] !== filters[d]) return false
  return true
}

/**
 * Counts of a distribution with cells under k suppressed (null). Complementary suppression: when
 * any count is suppressed, further smallest counts are suppressed until at least two are and the
 * suppressed ones add up to k or more, so that none can be recomputed from the published total.
 * Zero counts are published as 0 (an empty cell reveals nothing about anyone).
 */
export function suppressCounts<K extends string>(
  keys: readonly K[],
  counts: number[],
  k: number,
): Record<K, number | null> {
  const suppressed = new Set<number>()
  counts.forEach((c, i) => {
    if (c > 0 && c < k) suppressed.add(i)
  })
  if (suppressed.size > 0) {
    const order = counts.map((c, i) => ({ c, i })).sort((a, b) => a.c - b.c || a.i - b.i)
    const sum = () => [...suppressed].reduce((a, i) => a + counts[i]!, 0)
    for (const { c, i } of order) {
      if (suppressed.size >= 2 && sum() >= k) break
      if (c === 0 || suppressed.has(i)) continue
      suppressed.add(i)
    }
  }
  return Object.fromEntries(keys.map((kk, i) => [kk, suppressed.has(i) ? null : counts[i]!])) as Record<
    K,
    number | null
  >
}
