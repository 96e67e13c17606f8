import { describe, expect, it } from 'vitest'
import {
  buildAtoms,
  type CellDims,
  DIMENSIONS,
  Panorama,
  type PanoramaFilters,
  suppressCounts,
} from './panorama.js'

const K = 10
const panorama = new Panorama(null as never, { minGroupSize: K, indicators: [] })

/** A deterministic pseudo-random generator (tests must be repeatable). */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const BRACKETS = ['under-500', '500-999', '1000-4999', '5000-19999', '20000-plus', null]
function randomCells(seed: number): Array<CellDims & { n: number }> {
  const r = rng(seed)
  const cells: Array<CellDims & { n: number }> = []
  const operators = ['op-a', 'op-b', null]
  const regions: Record<string, string[]> = { R1: ['01', '02', '03'], R2: ['10', '11'], R3: ['20'] }
  for (const operatorId of operators)
    for (const [region, deps] of Object.entries(regions))
      for (const departement of deps)
        for (const populationBracket of BRACKETS) {
          if (r() < 0.45) continue
          // Mostly small cells, sometimes large ones: the hard case for suppression.
          const n = r() < 0.7 ? 1 + Math.floor(r() * 6) : 5 + Math.floor(r() * 30)
          cells.push({ operatorId, region, departement, populationBracket, n })
        }
  return cells
}

/** Every filter combination one can ask for (each dimension: any value present, or no filter). */
function allFilters(cells: Array<CellDims & { n: number }>): PanoramaFilters[] {
  let combos: PanoramaFilters[] = [{}]
  for (const d of DIMENSIONS) {
    const values = [...new Set(cells.map((c) => c[d]).filter((v): v is string => v !== null))]
    combos = combos.flatMap((f) => [f, ...values.map((v) => ({ ...f, [d]: v }))])
  }
  return combos
}

const members = (cells: Array<CellDims & { n: number }>, f: PanoramaFilters) =>
  cells
    .map((c, i) => (DIMENSIONS.every((d) => f[d] === undefined || c[d] === f[d]) ? i : -1))
    .filter((i) => i >= 0)

describe('panorama suppression', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'never lets a group under the threshold be derived, whatever filters one combines (dataset %i)',
    (seed) => {
      const cells = randomCells(seed)
      const snapshot = panorama.snapshotFromCounts(cells)
      const published: Array<{ filters: PanoramaFilters; cells: Set<number>; n: number }> = []
      for (const f of allFilters(cells)) {
        const g = panorama.group(snapshot, f)
        const inGroup = members(cells, f)
        const n = inGroup.reduce((a, i) => a + cells[i]!.n, 0)
        if (!g.published) continue
        expect(g.stats.collectivites).toBe(n)
        expect(n).toBeGreaterThanOrEqual(K)
        published.push({ filters: f, cells: new Set(inGroup), n })
      }
      // Subtracting any published group from any other leaves nothing or at least k collectivités.
      for (const a of published)
        for (const b of published) {
          const onlyA = [...a.cells].filter((c) => !b.cells.has(c)).reduce((s, c) => s + cells[c]!.n, 0)
          if (onlyA > 0)
            expect(
              onlyA,
              `${JSON.stringify(a.filters)} − ${JSON.stringify(b.filters)}`,
            ).toBeGreaterThanOrEqual(K)
        }
      // The atoms partition every collectivité into groups of at least k.
      const { atomOf, sizes } = buildAtoms(cells, K)
      const total = cells.reduce((a, c) => a + c.n, 0)
      if (total >= K) {
        expect(atomOf.every((a) => a >= 0)).toBe(true)
        expect(sizes.every((s) => s >= K)).toBe(true)
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(total)
      }
      // Something is still published: the whole instance at least.
      if (total >= K) expect(panorama.group(snapshot, {}).published).toBe(true)
    },
  )

  it('refuses the classic subtraction: a département minus its big bracket', () => {
    const cells = [
      { operatorId: 'op', region: 'R', departement: '01', populationBracket: 'under-500', n: 40 },
      { operatorId: 'op', region: 'R', departement: '01', populationBracket: '500-999', n: 3 },
      { operatorId: 'op', region: 'R', departement: '02', populationBracket: 'under-500', n: 25 },
    ]
    const snapshot = panorama.snapshotFromCounts(cells)
    const dep = panorama.group(snapshot, { departement: '01' })
    const big = panorama.group(snapshot, { departement: '01', populationBracket: 'under-500' })
    const small = panorama.group(snapshot, { departement: '01', populationBracket: '500-999' })
    // The 3 collectivités of 500-999 are merged with the 40 under 500: only their union is published.
    expect(dep.published).toBe(true)
    expect(big.published).toBe(false)
    expect(small.published).toBe(false)
    // Nationally, the bracket filter would also isolate them by difference with département 02.
    expect(panorama.group(snapshot, { populationBracket: 'under-500' }).published).toBe(false)
    expect(panorama.group(snapshot, {}).published).toBe(true)
  })

  it('publishes nothing when the whole instance is under the threshold, and hides empty groups alike', () => {
    const snapshot = panorama.snapshotFromCounts([
      { operatorId: 'op', region: 'R', departement: '01', populationBracket: 'under-500', n: 2 },
    ])
    expect(panorama.group(snapshot, {}).published).toBe(false)
    expect(panorama.group(snapshot, { departement: '99' }).published).toBe(false)
  })

  it.each<[number[], Array<number | null>]>([
    [
      [12, 15, 20, 11, 30],
      [12, 15, 20, 11, 30],
    ],
    // one small count: its smallest neighbour is suppressed too (sum 3 + 11 ≥ 10)
    [
      [12, 3, 20, 11, 30],
      [12, null, 20, null, 30],
    ],
    // two small counts adding up to less than k: a third is suppressed
    [
      [2, 3, 20, 40, 30],
      [null, null, null, 40, 30],
    ],
    // zeros are published (they reveal nothing) and never used as complements
    [
      [0, 4, 0, 25, 0],
      [0, null, 0, null, 0],
    ],
  ])('suppresses small level counts with complementary suppression: %j', (counts, expected) => {
    expect(Object.values(suppressCounts(['A', 'B', 'C', 'D', 'E'], counts, K))).toEqual(expected)
  })
})
