import { LENS_IDS, type Lens, type Theme } from '@osinum/contracts'
import { type Answers, effectiveAnswers, type Questionnaire } from './questionnaire.js'

export type Level = 'A' | 'B' | 'C' | 'D' | 'E'
export const LEVELS: Level[] = ['A', 'B', 'C', 'D', 'E']

/** Level thresholds on the overall score (0–100): A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, else E. */
export const LEVEL_THRESHOLDS: Array<[Level, number]> = [
  ['A', 80],
  ['B', 65],
  ['C', 50],
  ['D', 35],
]
/** A theme is a strength from this score up, a weakness below WEAKNESS_BELOW; at most 3 of each. */
export const STRENGTH_FROM = 75
export const WEAKNESS_BELOW = 50
export const MAX_HIGHLIGHTS = 3

export interface Scores {
  /** Per theme of the questionnaire: 0–100 (one decimal), or null when no counted question. */
  themeScores: Record<string, number | null>
  lensScores: Record<Lens, number | null>
  overallScore: number
  level: Level
  /** Best themes (score ≥ 75), best first. */
  strengths: Theme[]
  /** Weakest themes (score < 50), weakest first. */
  weaknesses: Theme[]
  /** Score of each counted question (scored, visible, answered). */
  questionScores: Record<string, number>
}

export const round1 = (n: number) => Math.round(n * 10) / 10

export function levelOf(score: number): Level {
  for (const [level, min] of LEVEL_THRESHOLDS) if (score >= min) return level
  return 'E'
}

/**
 * The scoring method (pure):
 * 1. question score = the chosen option's score (single) or the mean of the selected options (multiple);
 *    a question counts only when scored, visible and answered;
 * 2. theme score = mean of its question scores weighted by `weight`;
 * 3. lens score = mean of every counted question's score weighted by `weight × lenses[lens]`;
 * 4. overall = unweighted mean of the existing theme scores; level from LEVEL_THRESHOLDS (on the
 *    rounded overall score).
 */
export function score(questionnaire: Questionnaire, answers: Answers): Scores {
  const effective = effectiveAnswers(questionnaire, answers)
  const questionScores: Record<string, number> = {}
  const themeSums = new Map<Theme, { sum: number; weight: number }>()
  const lensSums = new Map<Lens, { sum: number; weight: number }>()
  for (const q of questionnaire.questions) {
    const selected = effective[q.id]
    if (!q.scored || !selected) continue
    const scores = selected.map((id) => q.options.find((o) => o.id === id)?.score ?? 0)
    const s = scores.reduce((a, b) => a + b, 0) / scores.length
    questionScores[q.id] = round1(s)
    const t = themeSums.get(q.theme) ?? { sum: 0, weight: 0 }
    t.sum += s * q.weight
    t.weight += q.weight
    themeSums.set(q.theme, t)
    for (const lens of LENS_IDS) {
      const w = q.weight * q.lenses[lens]
      if (w <= 0) continue
      const l = lensSums.get(lens) ?? { sum: 0, weight: 0 }
      l.sum += s * w
      l.weight += w
      lensSums.set(lens, l)
    }
  }
  const themeScores: Record<string, number | null> = {}
  const raw: number[] = []
  for (const theme of questionnaire.themes) {
    const t = themeSums.get(theme)
    if (!t || t.weight === 0) themeScores[theme] = null
    else {
      raw.push(t.sum / t.weight)
      themeScores[theme] = round1(t.sum / t.weight)
    }
  }
  const lensScores = Object.fromEntries(
    LENS_IDS.map((lens) => {
      const l = lensSums.get(lens)
      return [lens, l && l.weight > 0 ? round1(l.sum / l.weight) : null]
    }),
  ) as Record<Lens, number | null>
  const overallScore = raw.length ? round1(raw.reduce((a, b) => a + b, 0) / raw.length) : 0
  const ranked = questionnaire.themes
    .filter((t) => themeScores[t] !== null)
    .map((t) => ({ theme: t, score: themeScores[t] as number }))
  const strengths = ranked
    .filter((x) => x.score >= STRENGTH_FROM)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_HIGHLIGHTS)
    .map((x) => x.theme)
  const weaknesses = ranked
    .filter((x) => x.score < WEAKNESS_BELOW)
    .sort((a, b) => a.score - b.score)
    .slice(0, MAX_HIGHLIGHTS)
    .map((x) => x.theme)
  return {
    themeScores,
    lensScores,
    overallScore,
    level: levelOf(overallScore),
    strengths,
    weaknesses,
    questionScores,
  }
}
