/** What decides whether a question is shown: its `showIf` condition on an earlier question. */
export interface ConditionalQuestion {
  id: string
  showIf?: { question: string; in: readonly string[] }
}

/**
 * Visibility of every question for these answers (question id → selected option ids), in the
 * questionnaire's order: a question without `showIf` is visible; one with `showIf` is visible when
 * its parent is visible and the parent's answer includes one of `in`. The diagnostics service
 * validates and scores with it; the pages show and hide follow-up questions with the same rule.
 */
export function questionVisibility(
  questions: readonly ConditionalQuestion[],
  answers: Readonly<Record<string, readonly string[] | undefined>>,
): Map<string, boolean> {
  const visible = new Map<string, boolean>()
  for (const q of questions) {
    if (!q.showIf) {
      visible.set(q.id, true)
      continue
    }
    const condition = q.showIf
    const parentVisible = visible.get(condition.question) === true
    const parentAnswer = answers[condition.question] ?? []
    visible.set(q.id, parentVisible && parentAnswer.some((o) => condition.in.includes(o)))
  }
  return visible
}
