/**
 * Hints for the next diagnostic: an action item that is done came from a rule; the questions of
 * that rule's conditions are the answers the collectivité is likely to change now.
 */

export type RuleCondition =
  | { question: string; in: string[] }
  | { themeScoreBelow: { theme: string; value: number } }
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }

export interface RuleLike {
  id: string
  when: RuleCondition
  measure: { title: string; themes?: string[] }
}

export interface QuestionLike {
  id: string
  theme: string
  label: string
  scored?: boolean
}

/** Question ids a condition reads, in order of appearance, without duplicates. */
export function questionsOfCondition(condition: RuleCondition, questions: QuestionLike[] = []): string[] {
  const out: string[] = []
  const visit = (c: RuleCondition) => {
    if ('question' in c) out.push(c.question)
    else if ('all' in c) c.all.forEach(visit)
    else if ('any' in c) c.any.forEach(visit)
    else if ('themeScoreBelow' in c)
      // A theme score condition is about every scored question of the theme.
      for (const q of questions) if (q.theme === c.themeScoreBelow.theme && q.scored !== false) out.push(q.id)
  }
  visit(condition)
  return [...new Set(out)]
}

export interface DoneItem {
  itemId: string
  ruleId: string
  title: string
  status: string
  completedAt: string | null
}

export interface Hint {
  questionId: string
  questionLabel: string
  theme: string
  items: Array<{ itemId: string; ruleId: string; title: string; status: string; completedAt: string | null }>
}

/** Groups done items by the questions they relate to (questionnaire order). Unknown rules are skipped. */
export function hintsFor(items: DoneItem[], rules: RuleLike[], questions: QuestionLike[]): Hint[] {
  const byRule = new Map(rules.map((r) => [r.id, r]))
  const byQuestion = new Map<string, Hint['items']>()
  for (const item of items) {
    const rule = byRule.get(item.ruleId)
    if (!rule) continue
    for (const q of questionsOfCondition(rule.when, questions)) {
      const list = byQuestion.get(q) ?? []
      list.push(item)
      byQuestion.set(q, list)
    }
  }
  const out: Hint[] = []
  for (const q of questions) {
    const list = byQuestion.get(q.id)
    if (list) out.push({ questionId: q.id, questionLabel: q.label, theme: q.theme, items: list })
  }
  return out
}
