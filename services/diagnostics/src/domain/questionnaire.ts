import { LENS_IDS, type Lens, questionVisibility, THEME_IDS, type Theme } from '@osinum/contracts'
import { type Static, Type } from 'typebox'
import { Value } from 'typebox/value'

const Id = Type.String({ pattern: '^[a-z0-9]+(?:[.-][a-z0-9]+)*$', minLength: 1, maxLength: 80 })
const Text = (maxLength = 2000) => Type.String({ minLength: 1, maxLength })
const ThemeId = Type.Unsafe<Theme>(Type.Union(THEME_IDS.map((t) => Type.Literal(t))))

export const OptionSchema = Type.Object(
  {
    id: Id,
    label: Text(300),
    score: Type.Number({ minimum: 0, maximum: 100 }),
    exclusive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const ConditionSchema = Type.Object(
  { question: Id, in: Type.Array(Id, { minItems: 1 }) },
  { additionalProperties: false },
)

export const QuestionSchema = Type.Object(
  {
    id: Id,
    theme: ThemeId,
    type: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
    label: Text(500),
    help: Type.Object({ why: Text(), how: Text() }, { additionalProperties: false }),
    required: Type.Boolean(),
    scored: Type.Boolean(),
    weight: Type.Number({ minimum: 0.5, maximum: 3 }),
    lenses: Type.Object(
      {
        sovereignty: Type.Number({ minimum: 0, maximum: 1 }),
        security: Type.Number({ minimum: 0, maximum: 1 }),
        sobriety: Type.Number({ minimum: 0, maximum: 1 }),
      },
      { additionalProperties: false },
    ),
    showIf: Type.Optional(ConditionSchema),
    options: Type.Array(OptionSchema, { minItems: 2, maxItems: 30 }),
  },
  { additionalProperties: false },
)

/** The schema of a questionnaire file (`src/data/questionnaire-v<N>.json`). */
export const QuestionnaireSchema = Type.Object(
  {
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    title: Text(300),
    description: Text(),
    publishedAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    questions: Type.Array(QuestionSchema, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
)

export type QuestionData = Static<typeof QuestionSchema>
export type QuestionnaireData = Static<typeof QuestionnaireSchema>

export interface Question extends QuestionData {
  theme: Theme
  /** Position in the questionnaire (display order). */
  index: number
}

/** A loaded, checked questionnaire with its lookup tables. */
export interface Questionnaire {
  id: string
  version: number
  title: string
  description: string
  publishedAt: string
  questions: Question[]
  byId: Map<string, Question>
  /** Themes that have at least one scored question, in THEMES order. */
  themes: Theme[]
  data: QuestionnaireData
}

export class QuestionnaireError extends Error {
  override name = 'QuestionnaireError'
}

/**
 * Validates a questionnaire file against `QuestionnaireSchema` and the rules the schema cannot
 * say (unique ids, `showIf` pointing to an earlier question and to its options, `exclusive` only on
 * multiple-choice questions, unscored questions without scores or lenses). Throws listing every problem.
 */
export function loadQuestionnaire(data: unknown): Questionnaire {
  if (!Value.Check(QuestionnaireSchema, data)) {
    const problems = [...Value.Errors(QuestionnaireSchema, data)]
      .slice(0, 20)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
    throw new QuestionnaireError(`invalid questionnaire: ${problems.join('; ')}`)
  }
  const q = data as QuestionnaireData
  const problems: string[] = []
  const byId = new Map<string, Question>()
  q.questions.forEach((question, index) => {
    const where = `question ${question.id}`
    if (byId.has(question.id)) problems.push(`${where}: duplicate id`)
    const optionIds = new Set<string>()
    for (const o of question.options) {
      if (optionIds.has(o.id)) problems.push(`${where}: duplicate option ${o.id}`)
      optionIds.add(o.id)
      if (o.exclusive && question.type !== 'multiple')
        problems.push(`${where}: option ${o.id} is exclusive on a single-choice question`)
      if (!question.scored && o.score !== 0) problems.push(`${where}: unscored question with a score`)
    }
    if (!question.scored && LENS_IDS.some((l) => question.lenses[l] !== 0))
      problems.push(`${where}: unscored question with a lens factor`)
    if (question.showIf) {
      const parent = byId.get(question.showIf.question)
      if (!parent)
        problems.push(`${where}: showIf refers to ${question.showIf.question}, not an earlier question`)
      else
        for (const o of question.showIf.in)
          if (!parent.options.some((p) => p.id === o))
            problems.push(`${where}: showIf option ${o} is not an option of ${parent.id}`)
    }
    byId.set(question.id, { ...question, theme: question.theme as Theme, index })
  })
  if (problems.length)
    throw new QuestionnaireError(`invalid questionnaire ${q.id} v${q.version}: ${problems.join('; ')}`)
  const scoredThemes = new Set([...byId.values()].filter((x) => x.scored).map((x) => x.theme))
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    description: q.description,
    publishedAt: q.publishedAt,
    questions: [...byId.values()],
    byId,
    themes: THEME_IDS.filter((t) => scoredThemes.has(t)),
    data: q,
  }
}

/** Answers of a diagnostic: question id → selected option ids (one for a single-choice question). */
export type Answers = Readonly<Record<string, readonly string[]>>

/**
 * Visibility of every question for these answers: a question without `showIf` is visible; one with
 * `showIf` is visible when its parent is visible and the parent's answer includes one of `in`.
 */
export function visibility(questionnaire: Questionnaire, answers: Answers): Map<string, boolean> {
  return questionVisibility(questionnaire.questions, answers)
}

/** Answers restricted to visible questions: what scoring, rules and benchmarks see. */
export function effectiveAnswers(questionnaire: Questionnaire, answers: Answers): Record<string, string[]> {
  const visible = visibility(questionnaire, answers)
  const out: Record<string, string[]> = {}
  for (const q of questionnaire.questions) {
    const a = answers[q.id]
    if (visible.get(q.id) && a && a.length > 0) out[q.id] = [...a]
  }
  return out
}

/** Required visible questions without an answer, in display order. */
export function missingRequired(questionnaire: Questionnaire, answers: Answers): Question[] {
  const visible = visibility(questionnaire, answers)
  return questionnaire.questions.filter(
    (q) => q.required && visible.get(q.id) && !(answers[q.id] && answers[q.id]!.length > 0),
  )
}

/** Progress: answered / visible questions (required ones counted apart). */
export function progress(questionnaire: Questionnaire, answers: Answers) {
  const visible = visibility(questionnaire, answers)
  let visibleCount = 0
  let answered = 0
  let requiredVisible = 0
  let requiredAnswered = 0
  for (const q of questionnaire.questions) {
    if (!visible.get(q.id)) continue
    visibleCount++
    const has = (answers[q.id]?.length ?? 0) > 0
    if (has) answered++
    if (q.required) {
      requiredVisible++
      if (has) requiredAnswered++
    }
  }
  return {
    answered,
    visible: visibleCount,
    requiredAnswered,
    requiredVisible,
    percent: visibleCount === 0 ? 0 : Math.round((answered / visibleCount) * 100),
    complete: requiredAnswered === requiredVisible,
  }
}

/** The themes and lenses, for callers that only need labels. */
export type { Lens, Theme }
