import { LENS_IDS, THEME_IDS } from '@osinum/contracts'
import { type Kysely, sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Database, Db } from './db.js'
import type { Indicator } from './national.js'
import { buildAtoms, type CellDims } from './panorama.js'
import { LEVELS } from './scoring.js'

/**
 * The panorama is published as numbered, dated **releases**, each computed from the contributions
 * of verified collectivités, so that comparing two releases reveals nothing about fewer than k of
 * them (docs/security.md, "Statistics and re-identification", has the argument in full):
 *
 * - Within a release, only unions of whole atoms (≥ k collectivités) are published (panorama.ts).
 * - Across releases, atoms only persist or split (a lineage tree, never merged), so any linear
 *   combination of published figures of all releases is a *cut* of the release graph — nodes are
 *   (release, atom), each contribution is an edge from the node before it entered to the node of the
 *   last release it is part of — and the collectivités it involves are the cut edges.
 * - A release is accepted only if every cut of that graph weighs at least k, weighing each edge
 *   1 / (number of contributions of its collectivité), so that a collectivité counts at most once
 *   (exact minimum cut, Stoer–Wagner). Changes that would break it (a newcomer alone, one
 *   re-submission, a removal) are **held**: their collectivité keeps its published contribution
 *   (or stays out) until enough changes accumulate for a later release.
 */

export interface ReleaseOptions {
  minGroupSize: number
  indicators: Indicator[]
  now?: Date
}

export interface ReleaseOutcome {
  /** The new release's number, or null when nothing could be released. */
  number: number | null
  /** Changes (new, changed or withdrawn results) still waiting for a later release. */
  held: number
}

type Cell = CellDims
const key = (c: Cell) =>
  [c.operatorId, c.region, c.departement, c.populationBracket].map((p) => p ?? '∅').join('|')
const sameCell = (a: Cell, b: Cell) => key(a) === key(b)

/** Length of a contribution vector (the layout of panorama.ts's Aggregate). */
export const vectorLength = (indicators: number) =>
  2 + LEVELS.length + 2 * (THEME_IDS.length + LENS_IDS.length + indicators)

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** One collectivité's result as the additive vector the panorama sums (n, sums, counts). */
export function contributionVector(
  row: {
    level: string
    overall_score: number
    theme_scores: unknown
    lens_scores: unknown
    indicators: unknown
  },
  indicators: Indicator[],
): number[] {
  const vec = new Array<number>(vectorLength(indicators.length)).fill(0)
  vec[0] = 1
  vec[1] = Number(row.overall_score)
  let o = 2
  const level = LEVELS.indexOf(row.level as never)
  if (level >= 0) vec[o + level] = 1
  o += LEVELS.length
  const themes = parse<Record<string, number>>(row.theme_scores) ?? {}
  THEME_IDS.forEach((t, i) => {
    if (typeof themes[t] === 'number') {
      vec[o + i] = themes[t]!
      vec[o + THEME_IDS.length + i] = 1
    }
  })
  o += 2 * THEME_IDS.length
  const lenses = parse<Record<string, number>>(row.lens_scores) ?? {}
  LENS_IDS.forEach((l, i) => {
    if (typeof lenses[l] === 'number') {
      vec[o + i] = lenses[l]!
      vec[o + LENS_IDS.length + i] = 1
    }
  })
  o += 2 * LENS_IDS.length
  const ind = parse<Record<string, number>>(row.indicators) ?? {}
  indicators.forEach((indicator, i) => {
    const v = ind[indicator.id]
    if (v === 0 || v === 1) {
      vec[o + i] = 1
      vec[o + indicators.length + i] = v
    }
  })
  return vec
}

/**
 * Global minimum cut of an undirected weighted graph (Stoer–Wagner), over each connected
 * component; returns its weight and one side. Infinity when no component has two nodes.
 */
export function minimumCut(
  nodes: number,
  edges: Array<[number, number, number]>,
): { weight: number; side: Set<number> } {
  const parent = Array.from({ length: nodes }, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x]!
    return x
  }
  for (const [a, b] of edges) parent[find(a)] = find(b)
  const components = new Map<number, number[]>()
  for (let v = 0; v < nodes; v++) {
    const r = find(v)
    const list = components.get(r)
    if (list) list.push(v)
    else components.set(r, [v])
  }
  let best = { weight: Number.POSITIVE_INFINITY, side: new Set<number>() }
  for (const members of components.values()) {
    if (members.length < 2) continue
    const n = members.length
    const index = new Map(members.map((v, i) => [v, i]))
    const w = new Float64Array(n * n)
    for (const [a, b, weight] of edges) {
      const i = index.get(a)
      const j = index.get(b)
      if (i === undefined || j === undefined || i === j) continue
      w[i * n + j]! += weight
      w[j * n + i]! += weight
    }
    const groups = members.map((v) => [v])
    const active = members.map((_, i) => i)
    while (active.length > 1) {
      const added = new Uint8Array(n)
      const keyOf = new Float64Array(n)
      let prev = -1
      for (let step = 0; step < active.length; step++) {
        let sel = -1
        for (const v of active) if (!added[v] && (sel < 0 || keyOf[v]! > keyOf[sel]!)) sel = v
        added[sel] = 1
        if (step === active.length - 1) {
          if (keyOf[sel]! < best.weight) best = { weight: keyOf[sel]!, side: new Set(groups[sel]) }
          groups[prev]!.push(...groups[sel]!)
          for (const v of active) {
            w[prev * n + v]! += w[sel * n + v]!
            w[v * n + prev] = w[prev * n + v]!
          }
          active.splice(active.indexOf(sel), 1)
        } else {
          for (const v of active) if (!added[v]) keyOf[v]! += w[sel * n + v]!
          prev = sel
        }
      }
    }
  }
  return best
}

interface PrevRelease {
  number: number
  cells: Array<Cell & { atom: number }>
  atoms: Array<{ size: number; parent: number | null }>
}

/**
 * The atoms of the next release, descending from the previous ones (persist or split, never
 * merge); cells never seen before form new atoms among themselves when they reach k, else join
 * the smallest atom of their nearest scope. `undersized`: previous atoms that would fall under k.
 */
export function lineagePartition(
  prev: PrevRelease | null,
  counts: Array<Cell & { n: number }>,
  k: number,
  allowSplits: boolean,
): {
  atomOf: Map<string, number>
  atoms: Array<{ size: number; parent: number | null }>
  undersized: Set<number>
} {
  const atomOf = new Map<string, number>()
  const atoms: Array<{ size: number; parent: number | null }> = []
  const undersized = new Set<number>()
  const place = (cells: Array<Cell & { n: number }>, parentAtom: number | null) => {
    const r = buildAtoms(cells, k)
    const base = atoms.length
    r.sizes.forEach((size) => {
      atoms.push({ size, parent: parentAtom })
    })
    const leftover: Array<Cell & { n: number }> = []
    cells.forEach((c, i) => {
      if (r.atomOf[i]! >= 0) atomOf.set(key(c), base + r.atomOf[i]!)
      else leftover.push(c)
    })
    return leftover
  }
  let fresh = counts
  if (prev) {
    const prevAtomOf = new Map(prev.cells.map((c) => [key(c), c.atom]))
    const byAtom = new Map<number, Array<Cell & { n: number }>>()
    fresh = []
    for (const c of counts) {
      const a = prevAtomOf.get(key(c))
      if (a === undefined) fresh.push(c)
      else byAtom.set(a, [...(byAtom.get(a) ?? []), c])
    }
    prev.atoms.forEach((_, a) => {
      const cells = byAtom.get(a) ?? []
      const total = cells.reduce((s, c) => s + c.n, 0)
      if (total === 0) return
      if (total < k) {
        undersized.add(a)
        return
      }
      if (allowSplits) {
        const r = buildAtoms(cells, k)
        if (r.sizes.length >= 2 && r.atomOf.every((x) => x >= 0)) {
          place(cells, a)
          return
        }
      }
      atoms.push({ size: total, parent: a })
      for (const c of cells) atomOf.set(key(c), atoms.length - 1)
    })
  }
  const leftover = place(fresh, null)
  // A new cell too small for an atom of its own joins the smallest atom of its nearest scope.
  const scopes: Array<(c: Cell) => string> = [
    (c) => `${c.operatorId}|${c.region}|${c.departement}`,
    (c) => `${c.operatorId}|${c.region}`,
    (c) => `${c.operatorId}`,
    () => 'all',
  ]
  const cellsOfAtom = new Map<number, Cell[]>()
  for (const c of counts) {
    const a = atomOf.get(key(c))
    if (a !== undefined) cellsOfAtom.set(a, [...(cellsOfAtom.get(a) ?? []), c])
  }
  for (const c of leftover) {
    for (const scope of scopes) {
      let chosen = -1
      for (const [a, cells] of cellsOfAtom)
        if (cells.some((x) => scope(x) === scope(c)) && (chosen < 0 || atoms[a]!.size < atoms[chosen]!.size))
          chosen = a
      if (chosen >= 0) {
        atomOf.set(key(c), chosen)
        atoms[chosen]!.size += c.n
        cellsOfAtom.get(chosen)!.push(c)
        break
      }
    }
  }
  return { atomOf, atoms, undersized }
}

interface Contribution {
  id: string
  organisation_id: string
  diagnostic_id: string
  cell: Cell
  vec: number[]
  start_node: string
  end_node: string
}

interface Candidate {
  organisationId: string
  old?: Contribution
  next?: { diagnostic_id: string; cell: Cell; vec: number[] }
}

const cellOf = (r: {
  operator_id: string | null
  region: string | null
  departement: string | null
  population_bracket: string | null
}): Cell => ({
  operatorId: r.operator_id,
  region: r.region,
  departement: r.departement,
  populationBracket: r.population_bracket,
})

/**
 * Computes and stores the next release when the results changed and the change can be released
 * safely (see the module comment); holds back what cannot. One release at a time (advisory lock).
 */
export async function publishRelease(db: Kysely<Database>, options: ReleaseOptions): Promise<ReleaseOutcome> {
  const k = options.minGroupSize
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('osinum.panorama-release'))`.execute(trx)
    const prevRow = await trx
      .selectFrom('panorama_releases')
      .selectAll()
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst()
    const prev: PrevRelease | null = prevRow
      ? { number: prevRow.number, cells: parse(prevRow.cells), atoms: parse(prevRow.atoms) }
      : null
    const R = prev?.number ?? 0
    const N = R + 1
    const all = (await trx.selectFrom('panorama_contributions').selectAll().execute()).map((r) => ({
      ...r,
      cell: cellOf(r),
      vec: parse<number[]>(r.vec),
    }))
    const active = new Map(all.filter((c) => c.active).map((c) => [c.organisation_id, c]))
    const current = await trx
      .selectFrom('latest_results as lr')
      .innerJoin('organisations as o', 'o.id', 'lr.organisation_id')
      .selectAll('lr')
      .where('o.verified', '=', true)
      .execute()
    const changes: Candidate[] = []
    const unchanged: Contribution[] = []
    const seen = new Set<string>()
    for (const r of current) {
      seen.add(r.organisation_id)
      const old = active.get(r.organisation_id)
      const next = {
        diagnostic_id: r.diagnostic_id,
        cell: cellOf(r),
        vec: contributionVector(r, options.indicators),
      }
      if (old && old.diagnostic_id === next.diagnostic_id && sameCell(old.cell, next.cell))
        unchanged.push(old)
      else changes.push({ organisationId: r.organisation_id, ...(old ? { old } : {}), next })
    }
    for (const [org, old] of active) if (!seen.has(org)) changes.push({ organisationId: org, old })
    if (changes.length === 0) return { number: null, held: 0 }

    const held = new Set<string>()
    let allowSplits = true
    for (let round = 0; round <= changes.length + 2; round++) {
      const released = changes.filter((c) => !held.has(c.organisationId))
      if (released.length === 0) break
      const continuing = [
        ...unchanged,
        ...changes.filter((c) => held.has(c.organisationId) && c.old).map((c) => c.old!),
      ]
      const entering = released.filter((c) => c.next)
      const counts = new Map<string, Cell & { n: number }>()
      for (const cell of [...continuing.map((c) => c.cell), ...entering.map((c) => c.next!.cell)]) {
        const existing = counts.get(key(cell))
        if (existing) existing.n++
        else counts.set(key(cell), { ...cell, n: 1 })
      }
      const partition = lineagePartition(prev, [...counts.values()], k, allowSplits)
      // Removals that would leave an atom under k wait (atoms never merge).
      const prevAtomOf = new Map((prev?.cells ?? []).map((c) => [key(c), c.atom]))
      const shrinking = released.filter(
        (c) => c.old && partition.undersized.has(prevAtomOf.get(key(c.old.cell)) ?? -1),
      )
      const unplaced = entering.filter((c) => !partition.atomOf.has(key(c.next!.cell)))
      if (partition.undersized.size && !shrinking.length) break
      if (shrinking.length || unplaced.length) {
        for (const c of [...shrinking, ...unplaced]) held.add(c.organisationId)
        continue
      }
      // The release graph: every contribution ever published is an edge.
      const nodeOf = (cell: Cell) => `${N}:${partition.atomOf.get(key(cell))}`
      const parentOf = (cell: Cell) => {
        const parent = partition.atoms[partition.atomOf.get(key(cell))!]!.parent
        return parent === null ? 'root' : `${R}:${parent}`
      }
      const releasedOld = new Set(released.filter((c) => c.old).map((c) => c.old!.id))
      const continuingIds = new Set(continuing.map((c) => c.id))
      type Edge = { a: string; b: string; org: string; change: boolean }
      const edges: Edge[] = []
      for (const c of all) {
        if (continuingIds.has(c.id))
          edges.push({ a: c.start_node, b: nodeOf(c.cell), org: c.organisation_id, change: false })
        else
          edges.push({
            a: c.start_node,
            b: c.end_node,
            org: c.organisation_id,
            change: releasedOld.has(c.id),
          })
      }
      for (const c of entering)
        edges.push({
          a: parentOf(c.next!.cell),
          b: nodeOf(c.next!.cell),
          org: c.organisationId,
          change: true,
        })
      const perOrg = new Map<string, number>()
      for (const e of edges) perOrg.set(e.org, (perOrg.get(e.org) ?? 0) + 1)
      const names = new Map<string, number>()
      const id = (n: string) => {
        const known = names.get(n)
        if (known !== undefined) return known
        names.set(n, names.size)
        return names.size - 1
      }
      const indexed = edges.map((e) => [id(e.a), id(e.b), 1 / perOrg.get(e.org)!] as [number, number, number])
      const min = minimumCut(names.size, indexed)
      if (min.weight >= k - 1e-9) {
        await writeRelease(trx, {
          N,
          k,
          now: options.now ?? new Date(),
          partition,
          continuing,
          retired: released.filter((c) => c.old).map((c) => c.old!),
          entering,
          nodeOf,
          parentOf,
          held: held.size,
        })
        return { number: N, held: held.size }
      }
      const crossing = edges.filter(
        (e, i) => e.change && min.side.has(indexed[i]![0]) !== min.side.has(indexed[i]![1]),
      )
      if (crossing.length) for (const e of crossing) held.add(e.org)
      else if (allowSplits) allowSplits = false
      else for (const c of released) held.add(c.organisationId)
    }
    return { number: null, held: changes.length }
  })
}

async function writeRelease(
  trx: Db,
  r: {
    N: number
    k: number
    now: Date
    partition: ReturnType<typeof lineagePartition>
    continuing: Contribution[]
    retired: Contribution[]
    entering: Candidate[]
    nodeOf: (cell: Cell) => string
    parentOf: (cell: Cell) => string
    held: number
  },
): Promise<void> {
  const { N } = r
  for (const c of r.retired)
    await trx.updateTable('panorama_contributions').set({ active: false }).where('id', '=', c.id).execute()
  for (const c of r.continuing)
    await trx
      .updateTable('panorama_contributions')
      .set({ end_node: r.nodeOf(c.cell), last_release: N, active: true })
      .where('id', '=', c.id)
      .execute()
  for (const c of r.entering) {
    const next = c.next!
    await trx
      .insertInto('panorama_contributions')
      .values({
        id: uuidv7(),
        organisation_id: c.organisationId,
        diagnostic_id: next.diagnostic_id,
        operator_id: next.cell.operatorId,
        region: next.cell.region,
        departement: next.cell.departement,
        population_bracket: next.cell.populationBracket,
        vec: JSON.stringify(next.vec),
        start_node: r.parentOf(next.cell),
        end_node: r.nodeOf(next.cell),
        first_release: N,
        last_release: N,
        active: true,
      })
      .execute()
  }
  const cells = new Map<string, Cell & { atom: number; vec: number[] }>()
  for (const { cell, vec } of [...r.continuing, ...r.entering.map((c) => c.next!)]) {
    const k = key(cell)
    const existing = cells.get(k)
    if (existing) for (let i = 0; i < vec.length; i++) existing.vec[i]! += vec[i]!
    else cells.set(k, { ...cell, atom: r.partition.atomOf.get(k)!, vec: [...vec] })
  }
  await trx
    .insertInto('panorama_releases')
    .values({
      number: N,
      published_at: r.now,
      min_group_size: r.k,
      contributions: r.continuing.length + r.entering.length,
      cells: JSON.stringify([...cells.values()]),
      atoms: JSON.stringify(r.partition.atoms),
      held: r.held,
    })
    .execute()
}
