import { POPULATION_BRACKET_IDS, THEMES, type Theme } from '@osinum/contracts'
import { csvCell } from '@osinum/service-kit'
import { GAP_KINDS, type GapKind } from './vocabulary.js'

/** What the portfolio needs of one collectivité's latest submitted diagnostic. */
export interface PortfolioInput {
  organisationId: string
  departement: string | null
  populationBracket: string | null
  weakThemes: string[]
  ruleIds: string[]
  trainingWishes: string[]
}

export interface Breakdown {
  key: string
  count: number
}

export interface Gap {
  kind: GapKind
  id: string
  label: string
  count: number
  /** count / collectivités with a diagnostic (0..1). */
  share: number
  byPopulationBracket: Breakdown[]
  byDepartement: Breakdown[]
}

export interface Portfolio {
  collectivites: number
  byPopulationBracket: Breakdown[]
  byDepartement: Breakdown[]
  gaps: Gap[]
}

export interface PortfolioLabels {
  rules: Map<string, string>
  trainingWishes: Map<string, string>
}

const UNKNOWN = 'unknown'
const KIND_ORDER: GapKind[] = ['weak-theme', 'training-wish', 'rule']

function bracketOrder(a: string, b: string) {
  const ia = POPULATION_BRACKET_IDS.indexOf(a as never)
  const ib = POPULATION_BRACKET_IDS.indexOf(b as never)
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib)
}

function breakdown(counts: Map<string, number>, order: (a: string, b: string) => number): Breakdown[] {
  return [...counts.entries()].sort(([a], [b]) => order(a, b)).map(([key, count]) => ({ key, count }))
}

const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)

/**
 * Aggregates the gaps of an operator's collectivités. Each collectivité counts once per gap, even
 * when the input repeats it (the first row of an organisation wins) or lists a gap twice.
 */
export function aggregatePortfolio(rows: PortfolioInput[], labels: PortfolioLabels): Portfolio {
  const seen = new Set<string>()
  const unique = rows.filter((r) => {
    if (seen.has(r.organisationId)) return false
    seen.add(r.organisationId)
    return true
  })
  const brackets = new Map<string, number>()
  const departements = new Map<string, number>()
  const gaps = new Map<
    string,
    { kind: GapKind; id: string; brackets: Map<string, number>; deps: Map<string, number>; count: number }
  >()
  for (const row of unique) {
    const bracket = row.populationBracket ?? UNKNOWN
    const dep = row.departement ?? UNKNOWN
    inc(brackets, bracket)
    inc(departements, dep)
    const add = (kind: GapKind, ids: string[]) => {
      for (const id of new Set(ids)) {
        const key = `${kind}:${id}`
        const gap = gaps.get(key) ?? { kind, id, brackets: new Map(), deps: new Map(), count: 0 }
        gap.count++
        inc(gap.brackets, bracket)
        inc(gap.deps, dep)
        gaps.set(key, gap)
      }
    }
    add('weak-theme', row.weakThemes)
    add(
      'training-wish',
      row.trainingWishes.filter((w) => w !== 'none'),
    )
    add('rule', row.ruleIds)
  }
  const total = unique.length
  const label = (kind: GapKind, id: string) =>
    kind === 'weak-theme'
      ? (THEMES[id as Theme] ?? id)
      : kind === 'rule'
        ? (labels.rules.get(id) ?? id)
        : (labels.trainingWishes.get(id) ?? id)
  return {
    collectivites: total,
    byPopulationBracket: breakdown(brackets, bracketOrder),
    byDepartement: breakdown(departements, (a, b) => a.localeCompare(b)),
    gaps: [...gaps.values()]
      .sort(
        (a, b) =>
          b.count - a.count ||
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
          a.id.localeCompare(b.id),
      )
      .map((g) => ({
        kind: g.kind,
        id: g.id,
        label: label(g.kind, g.id),
        count: g.count,
        share: total ? Math.round((g.count / total) * 1000) / 1000 : 0,
        byPopulationBracket: breakdown(g.brackets, bracketOrder),
        byDepartement: breakdown(g.deps, (a, b) => a.localeCompare(b)),
      })),
  }
}

export { csvCell }

/**
 * The portfolio as CSV (UTF-8 with BOM so that spreadsheets read the accents, CRLF lines): one
 * line per gap, a column per population bracket and per département present.
 */
export function portfolioCsv(portfolio: Portfolio): string {
  const brackets = portfolio.byPopulationBracket.map((b) => b.key)
  const deps = portfolio.byDepartement.map((d) => d.key)
  const header = [
    'type',
    'type_libelle',
    'id',
    'libelle',
    'collectivites',
    'part',
    ...brackets.map((b) => `tranche_${b}`),
    ...deps.map((d) => `departement_${d}`),
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const g of portfolio.gaps) {
    const byB = new Map(g.byPopulationBracket.map((b) => [b.key, b.count]))
    const byD = new Map(g.byDepartement.map((d) => [d.key, d.count]))
    lines.push(
      [
        g.kind,
        GAP_KINDS[g.kind],
        g.id,
        g.label,
        g.count,
        g.share,
        ...brackets.map((b) => byB.get(b) ?? 0),
        ...deps.map((d) => byD.get(d) ?? 0),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
