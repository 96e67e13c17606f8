import { Forbidden, type Principal } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Static } from 'typebox'
import { WEAKNESS_BELOW } from '../../domain/scoring.js'
import type { GapPortfolio, PortfolioQuery } from '../schemas.js'
import type { Db } from './db.js'
import { OperatorRequired } from './errors.js'
import { accompanimentReferential } from './plan.js'
import { aggregatePortfolio, type PortfolioInput } from './portfolio.js'
import { GAP_KINDS, type GapKind } from './vocabulary.js'

const TRAINING_QUESTION = 'governance.training-wishes'

/**
 * Whose portfolio the caller may read: the platform admin names one; an operator's advisors and
 * administrators read their own operator's. Anyone else is refused.
 */
export function portfolioOperator(principal: Principal, requested: string | undefined): string {
  if (principal.isPlatformAdmin) {
    const op = requested ?? principal.operatorId
    if (!op) throw new OperatorRequired()
    return op
  }
  if (!principal.operatorId || !principal.staffOf(principal.operatorId)) throw new Forbidden()
  if (requested && requested !== principal.operatorId) throw new Forbidden()
  return principal.operatorId
}

/**
 * The collectivités of an operator: those identity gives to it, plus those without an operator
 * in a département that only this operator covers (the same rule as support routing).
 */
async function operatorDepartementsAlone(db: Db, operatorId: string): Promise<string[]> {
  const operators = await db.selectFrom('operators').select(['id', 'departements']).execute()
  const deps = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? JSON.parse(v) : [])
  const mine = operators.find((o) => o.id === operatorId)
  if (!mine) return []
  const others = new Set(operators.filter((o) => o.id !== operatorId).flatMap((o) => deps(o.departements)))
  return deps(mine.departements).filter((d) => !others.has(d))
}

/** One row per collectivité of the operator: its latest submitted diagnostic's gaps. */
export async function portfolioInputs(
  db: Db,
  operatorId: string,
  filters: { departement?: string; populationBracket?: string } = {},
): Promise<PortfolioInput[]> {
  const alone = await operatorDepartementsAlone(db, operatorId)
  let q = db
    .selectFrom('latest_results as lr')
    .innerJoin('organisations as o', 'o.id', 'lr.organisation_id')
    .innerJoin('diagnostics as d', 'd.id', 'lr.diagnostic_id')
    .leftJoin('answers as a', (join) =>
      join.onRef('a.diagnostic_id', '=', 'lr.diagnostic_id').on('a.question_id', '=', TRAINING_QUESTION),
    )
    .select([
      'o.id as organisation_id',
      'o.departement',
      'o.population_bracket',
      'lr.theme_scores',
      // Only the rule ids of the frozen result travel, not its texts.
      sql<string[]>`jsonb_path_query_array(d.result, '$.measures[*].ruleId')`.as('rule_ids'),
      'a.value as training',
    ])
    .where((eb) =>
      eb.or([
        eb('o.operator_id', '=', operatorId),
        ...(alone.length
          ? [eb.and([eb('o.operator_id', 'is', null), eb('o.departement', 'in', alone)])]
          : []),
      ]),
    )
    .where('d.status', '=', 'submitted')
    // Like every statistic, the portfolio counts verified collectivités only.
    .where('o.verified', '=', true)
  if (filters.departement) q = q.where('o.departement', '=', filters.departement)
  if (filters.populationBracket) q = q.where('o.population_bracket', '=', filters.populationBracket)
  const rows = await q.orderBy('o.id').execute()
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
  return rows.map((r) => {
    const themeScores = parse<Record<string, number | null>>(r.theme_scores) ?? {}
    return {
      organisationId: r.organisation_id,
      departement: r.departement,
      populationBracket: r.population_bracket,
      weakThemes: Object.entries(themeScores)
        .filter(([, s]) => typeof s === 'number' && s < WEAKNESS_BELOW)
        .map(([t]) => t),
      ruleIds: parse<string[] | null>(r.rule_ids) ?? [],
      trainingWishes: parse<string[] | null>(r.training) ?? [],
    }
  })
}

function labels() {
  const ref = accompanimentReferential()
  const rules = new Map<string, string>()
  for (const version of ref.rules.keys())
    for (const r of ref.rulesFor(version).rules) rules.set(r.id, r.measure.title)
  const trainingWishes = new Map<string, string>()
  for (const o of ref.latest.byId.get(TRAINING_QUESTION)?.options ?? []) trainingWishes.set(o.id, o.label)
  return { rules, trainingWishes }
}

export async function gapPortfolio(
  db: Db,
  principal: Principal,
  query: Static<typeof PortfolioQuery>,
  now = new Date(),
): Promise<Static<typeof GapPortfolio>> {
  const operatorId = portfolioOperator(principal, query.operatorId)
  const inputs = await portfolioInputs(db, operatorId, query)
  const portfolio = aggregatePortfolio(inputs, labels())
  const gaps = query.kind ? portfolio.gaps.filter((g) => g.kind === query.kind) : portfolio.gaps
  return {
    operatorId,
    generatedAt: now.toISOString(),
    ...portfolio,
    gaps: gaps.map((g) => ({ ...g, kindLabel: GAP_KINDS[g.kind as GapKind] })),
  }
}
