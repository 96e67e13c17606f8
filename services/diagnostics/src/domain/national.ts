import { type Static, Type } from 'typebox'
import { Value } from 'typebox/value'
import type { Answers } from './questionnaire.js'

export const IndicatorSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    label: Type.String({ minLength: 1 }),
    statement: Type.String({
      minLength: 1,
      description:
        'The figure as a sentence, after "<value> % ": e.g. "des répondants utilisent un agenda en ligne"',
    }),
    polarity: Type.Union([Type.Literal('good'), Type.Literal('bad'), Type.Literal('neutral')], {
      description:
        'Whether matching the indicator is a good practice (good), a risk (bad) or a fact (neutral)',
    }),
    value: Type.Number({ minimum: 0, maximum: 100 }),
    unit: Type.Literal('percent'),
    question: Type.String(),
    answers: Type.Array(Type.String(), { minItems: 1 }),
    section: Type.String(),
    quote: Type.String(),
  },
  { additionalProperties: false },
)
export const NationalDatasetSchema = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    source: Type.Object({
      title: Type.String(),
      publishedAt: Type.String(),
      period: Type.String(),
      respondents: Type.Integer(),
      authors: Type.String(),
      dataset: Type.String(),
    }),
    indicators: Type.Array(IndicatorSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
)
export type Indicator = Static<typeof IndicatorSchema>
export type NationalDataset = Static<typeof NationalDatasetSchema>

export function loadNationalDataset(data: unknown): NationalDataset {
  if (!Value.Check(NationalDatasetSchema, data)) {
    const problems = [...Value.Errors(NationalDatasetSchema, data)]
      .slice(0, 10)
      .map((e) => `${e.instancePath} ${e.message}`)
    throw new Error(`invalid national dataset: ${problems.join('; ')}`)
  }
  const d = data as NationalDataset
  const ids = new Set<string>()
  for (const i of d.indicators) {
    if (ids.has(i.id)) throw new Error(`invalid national dataset: duplicate indicator ${i.id}`)
    ids.add(i.id)
  }
  return d
}

/**
 * Where a diagnostic stands on one indicator: 1 when its (visible) answer is, or includes, one of
 * the indicator's answers; 0 when the question was visible and answered otherwise; null when the
 * question was hidden or unanswered (outside the indicator's base, as in the report).
 * `answers` are the effective answers in the indicator's own question ids (translate first).
 */
export function indicatorState(
  indicator: { question: string; answers: readonly string[] },
  effective: Answers,
): 0 | 1 | null {
  const a = effective[indicator.question]
  if (!a || a.length === 0) return null
  return a.some((o) => indicator.answers.includes(o)) ? 1 : 0
}

/** "46 % des répondants utilisent un agenda nominatif en ligne ; vous pas encore." */
export function comparisonSentence(indicator: Indicator, state: 0 | 1 | null): string {
  const figure = `${formatPercent(indicator.value)} ${indicator.statement}`
  if (state === null) return `${figure} ; vous n'êtes pas concernés.`
  if (indicator.polarity === 'good') return `${figure} ; ${state ? 'vous aussi' : 'vous pas encore'}.`
  if (indicator.polarity === 'bad')
    return `${figure} ; ${state ? 'vous aussi, un point à améliorer' : 'pas vous'}.`
  return `${figure} ; ${state ? 'vous aussi' : 'pas vous'}.`
}

/** French percentage: "46 %", "12,5 %" (no-break space before %). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return `${String(rounded).replace('.', ',')}\u00a0%`
}
