import { CATEGORY_IDS, type Category, LENS_IDS, type Lens, THEME_IDS, type Theme } from '@osinum/contracts'
import { type Static, type TSchema, Type } from 'typebox'
import { Value } from 'typebox/value'
import type { Questionnaire } from './questionnaire.js'

const literals = <T extends string>(ids: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(ids.map((id) => Type.Literal(id))))
const Id = Type.String({ pattern: '^[a-z0-9]+(?:[.-][a-z0-9]+)*$', minLength: 1, maxLength: 80 })

export type Condition =
  | { question: string; in: string[] }
  | { themeScoreBelow: { theme: Theme; value: number } }
  | { all: Condition[] }
  | { any: Condition[] }

const QuestionCondition = Type.Object(
  { question: Id, in: Type.Array(Id, { minItems: 1 }) },
  { additionalProperties: false },
)
const ThemeCondition = Type.Object(
  {
    themeScoreBelow: Type.Object(
      { theme: literals(THEME_IDS), value: Type.Number({ minimum: 0, maximum: 100 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
// Conditions nest three levels deep at most: enough for the data, and a schema without recursion.
const nest = (inner: TSchema) =>
  Type.Union([
    QuestionCondition,
    ThemeCondition,
    Type.Object({ all: Type.Array(inner, { minItems: 1 }) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(inner, { minItems: 1 }) }, { additionalProperties: false }),
  ])
export const ConditionSchema = nest(nest(nest(Type.Union([QuestionCondition, ThemeCondition]))))

export const Effort = literals(['low', 'medium', 'high'])
export type Effort = 'low' | 'medium' | 'high'

export const MeasureSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    why: Type.String({ minLength: 1, maxLength: 2000 }),
    how: Type.String({ minLength: 1, maxLength: 2000 }),
    priority: Type.Integer({ minimum: 1, maximum: 5 }),
    effort: Effort,
    themes: Type.Array(literals(THEME_IDS), { minItems: 1 }),
    lenses: Type.Array(literals(LENS_IDS)),
    toolSlugs: Type.Array(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }), { maxItems: 4 }),
    categories: Type.Array(literals(CATEGORY_IDS)),
    resourceThemes: Type.Array(literals(THEME_IDS)),
    nationalIndicator: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
)

export const RulesSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    questionnaire: Type.Object(
      { id: Id, version: Type.Integer({ minimum: 1 }) },
      { additionalProperties: false },
    ),
    rules: Type.Array(
      Type.Object({ id: Id, when: ConditionSchema, measure: MeasureSchema }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)

export interface Measure {
  title: string
  why: string
  how: string
  priority: number
  effort: Effort
  themes: Theme[]
  lenses: Lens[]
  toolSlugs: string[]
  categories: Category[]
  resourceThemes: Theme[]
  nationalIndicator: string | null
}
export interface Rule {
  id: string
  when: Condition
  measure: Measure
}
export interface RuleSet {
  version: number
  questionnaire: { id: string; version: number }
  rules: Rule[]
}

export class RulesError extends Error {
  override name = 'RulesError'
}

/**
 * Validates a rules file against `RulesSchema` and its questionnaire: every question and option a
 * condition names exists, rule ids are unique, and the national indicator (when given) is known.
 */
export function loadRules(
  data: unknown,
  questionnaire: Questionnaire,
  indicatorIds?: ReadonlySet<string>,
): RuleSet {
  if (!Value.Check(RulesSchema, data)) {
    const problems = [...Value.Errors(RulesSchema, data)]
      .slice(0, 20)
      .map((e) => `${e.instancePath} ${e.message}`)
    throw new RulesError(`invalid rules: ${problems.join('; ')}`)
  }
  const set = data as Static<typeof RulesSchema> as RuleSet
  const problems: string[] = []
  if (set.questionnaire.id !== questionnaire.id || set.questionnaire.version !== questionnaire.version)
    problems.push(`rules target ${set.questionnaire.id} v${set.questionnaire.version}`)
  const seen = new Set<string>()
  const check = (rule: string, c: Condition) => {
    if ('question' in c) {
      const q = questionnaire.byId.get(c.question)
      if (!q) problems.push(`rule ${rule}: unknown question ${c.question}`)
      else
        for (const o of c.in)
          if (!q.options.some((x) => x.id === o))
            problems.push(`rule ${rule}: ${c.question} has no option ${o}`)
    } else if ('all' in c) for (const x of c.all) check(rule, x)
    else if ('any' in c) for (const x of c.any) check(rule, x)
  }
  for (const r of set.rules) {
    if (seen.has(r.id)) problems.push(`rule ${r.id}: duplicate id`)
    seen.add(r.id)
    check(r.id, r.when)
    if (r.measure.nationalIndicator && indicatorIds && !indicatorIds.has(r.measure.nationalIndicator))
      problems.push(`rule ${r.id}: unknown national indicator ${r.measure.nationalIndicator}`)
  }
  if (problems.length) throw new RulesError(`invalid rules: ${problems.join('; ')}`)
  return set
}

/** What a condition sees: answers of visible questions only, and the theme scores. */
export interface RuleContext {
  answers: Readonly<Record<string, readonly string[]>>
  themeScores: Readonly<Record<string, number | null>>
}

export function matches(condition: Condition, ctx: RuleContext): boolean {
  if ('question' in condition)
    return (ctx.answers[condition.question] ?? []).some((o) => condition.in.includes(o))
  if ('themeScoreBelow' in condition) {
    const s = ctx.themeScores[condition.themeScoreBelow.theme]
    return s !== null && s !== undefined && s < condition.themeScoreBelow.value
  }
  if ('all' in condition) return condition.all.every((c) => matches(c, ctx))
  return condition.any.some((c) => matches(c, ctx))
}

const EFFORT_ORDER: Record<Effort, number> = { low: 0, medium: 1, high: 2 }

export interface MatchedRule {
  ruleId: string
  measure: Measure
}

/**
 * The rules that match, each once, sorted by priority (1 first), then effort (low first), then
 * their order in the file. Pure.
 */
export function recommend(rules: RuleSet, ctx: RuleContext): MatchedRule[] {
  return rules.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => matches(rule.when, ctx))
    .sort(
      (a, b) =>
        a.rule.measure.priority - b.rule.measure.priority ||
        EFFORT_ORDER[a.rule.measure.effort] - EFFORT_ORDER[b.rule.measure.effort] ||
        a.index - b.index,
    )
    .map(({ rule }) => ({ ruleId: rule.id, measure: rule.measure }))
}

/** How many measures are the priorities; the others go to the annex. */
export const PRIORITY_COUNT = 5
