import type { Theme } from '@osinum/contracts'
import { indicatorState } from './national.js'
import { type Answers, effectiveAnswers, type Questionnaire } from './questionnaire.js'
import type { Referential } from './referential.js'
import { type Measure, PRIORITY_COUNT, recommend } from './rules.js'
import { type Scores, score } from './scoring.js'

/** One recommended measure, as frozen in a submitted result. */
export interface StoredMeasure extends Measure {
  ruleId: string
  /** True for the first PRIORITY_COUNT measures (the priorities); false for the annex. */
  isPriority: boolean
}

/**
 * The result of a submitted diagnostic, computed once at submission from the diagnostic's own
 * questionnaire version and rules, and never recomputed: a later version of the data cannot change it.
 */
export interface StoredResult {
  questionnaire: { id: string; version: number }
  rulesVersion: number
  nationalDataset: { id: string; version: number }
  scores: Scores
  /** Every matched measure, sorted (priorities first). */
  measures: StoredMeasure[]
  /** National indicator id → 1 / 0 / null (outside the indicator's base). */
  indicators: Record<string, 0 | 1 | null>
  /** The collectivité as it was at submission. */
  organisation: {
    name: string | null
    populationBracket: string | null
    departement: string | null
    region: string | null
    operatorId: string | null
  }
  computedAt: string
}

/**
 * Computes a diagnostic's result: scores, recommendations and indicator states. Pure (the clock
 * and the organisation snapshot are passed in).
 */
export function computeResult(
  referential: Referential,
  questionnaire: Questionnaire,
  answers: Answers,
  organisation: StoredResult['organisation'],
  now: Date,
): StoredResult {
  const scores = score(questionnaire, answers)
  const effective = effectiveAnswers(questionnaire, answers)
  const rules = referential.rulesFor(questionnaire.version)
  const matched = recommend(rules, { answers: effective, themeScores: scores.themeScores })
  const indicators: Record<string, 0 | 1 | null> = {}
  for (const indicator of referential.indicators(questionnaire.version))
    indicators[indicator.id] = indicator.available ? indicatorState(indicator, effective) : null
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    rulesVersion: rules.version,
    nationalDataset: { id: referential.national.id, version: referential.national.version },
    scores,
    measures: matched.map((m, i) => ({ ruleId: m.ruleId, ...m.measure, isPriority: i < PRIORITY_COUNT })),
    indicators,
    organisation,
    computedAt: now.toISOString(),
  }
}

/** Theme scores without the null themes (as events and the panorama carry them). */
export function presentScores(scores: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(scores)) if (v !== null) out[k] = v
  return out
}

export type { Theme }
