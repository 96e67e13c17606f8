import { describe, expect, it } from 'vitest'
import { completeAnswers } from '../testing.js'
import { loadQuestionnaire } from './questionnaire.js'
import { defaultReferential } from './referential.js'
import { levelOf, score } from './scoring.js'

/**
 * A small questionnaire whose scores are easy to compute by hand:
 * q1, q2 → email; q3 (multiple), q4 (shown when q3 includes m3) → security; q5 → sobriety;
 * q6 → governance, unscored.
 */
const lenses = (sovereignty: number, security: number, sobriety: number) => ({
  sovereignty,
  security,
  sobriety,
})
const help = { why: 'Parce que.', how: 'Comme ceci.' }
const mini = loadQuestionnaire({
  id: 'mini',
  version: 1,
  title: 'Mini',
  description: 'Questionnaire de test',
  publishedAt: '2026-01-01',
  questions: [
    {
      id: 'email.q1',
      theme: 'email',
      type: 'single',
      label: 'Q1',
      help,
      required: true,
      scored: true,
      weight: 2,
      lenses: lenses(1, 0, 0),
      options: [
        { id: 'a', label: 'A', score: 100 },
        { id: 'b', label: 'B', score: 40 },
        { id: 'c', label: 'C', score: 0 },
      ],
    },
    {
      id: 'email.q2',
      theme: 'email',
      type: 'single',
      label: 'Q2',
      help,
      required: true,
      scored: true,
      weight: 1,
      lenses: lenses(0.5, 1, 0),
      options: [
        { id: 'x', label: 'X', score: 80 },
        { id: 'y', label: 'Y', score: 20 },
      ],
    },
    {
      id: 'security.q3',
      theme: 'security',
      type: 'multiple',
      label: 'Q3',
      help,
      required: true,
      scored: true,
      weight: 1.5,
      lenses: lenses(0, 1, 0.5),
      options: [
        { id: 'm1', label: 'M1', score: 100 },
        { id: 'm2', label: 'M2', score: 50 },
        { id: 'm3', label: 'M3', score: 0 },
        { id: 'none', label: 'Aucun', score: 0, exclusive: true },
      ],
    },
    {
      id: 'security.q4',
      theme: 'security',
      type: 'single',
      label: 'Q4',
      help,
      required: true,
      scored: true,
      weight: 1,
      lenses: lenses(0, 1, 0),
      showIf: { question: 'security.q3', in: ['m3'] },
      options: [
        { id: 'yes', label: 'Oui', score: 100 },
        { id: 'no', label: 'Non', score: 0 },
      ],
    },
    {
      id: 'sobriety.q5',
      theme: 'sobriety',
      type: 'single',
      label: 'Q5',
      help,
      required: true,
      scored: true,
      weight: 1,
      lenses: lenses(0, 0, 1),
      options: [
        { id: 's1', label: 'S1', score: 90 },
        { id: 's2', label: 'S2', score: 30 },
      ],
    },
    {
      id: 'governance.q6',
      theme: 'governance',
      type: 'single',
      label: 'Q6',
      help,
      required: true,
      scored: false,
      weight: 1,
      lenses: lenses(0, 0, 0),
      options: [
        { id: 'u1', label: 'U1', score: 0 },
        { id: 'u2', label: 'U2', score: 0 },
      ],
    },
  ],
})

// Every expected figure below was computed by hand (see the comment of each case).
interface Case {
  name: string
  answers: Record<string, string[]>
  themes: Record<string, number | null>
  lenses: Record<string, number>
  overall: number
  level: string
  strengths: string[]
  weaknesses: string[]
}
const cases: Case[] = [
  {
    name: 'good answers',
    answers: {
      'email.q1': ['a'],
      'email.q2': ['x'],
      'security.q3': ['m1', 'm2'],
      'sobriety.q5': ['s1'],
      'governance.q6': ['u1'],
    },
    // email (100·2 + 80·1)/3 = 93.33; security mean(100, 50) = 75; sobriety 90; overall (93.33+75+90)/3 = 86.11
    // sovereignty (100·2 + 80·0.5)/2.5 = 96; security (80·1 + 75·1.5)/2.5 = 77; sobriety (75·0.75 + 90·1)/1.75 = 83.57
    themes: { security: 75, email: 93.3, sobriety: 90 },
    lenses: { sovereignty: 96, security: 77, sobriety: 83.6 },
    overall: 86.1,
    level: 'A',
    strengths: ['email', 'sobriety', 'security'],
    weaknesses: [],
  },
  {
    name: 'poor answers, with the conditioned question shown',
    answers: {
      'email.q1': ['c'],
      'email.q2': ['y'],
      'security.q3': ['m3'],
      'security.q4': ['no'],
      'sobriety.q5': ['s2'],
    },
    // email (0·2 + 20)/3 = 6.67; security (0·1.5 + 0·1)/2.5 = 0; sobriety 30; overall 36.67/3 = 12.22
    // sovereignty (0 + 20·0.5)/2.5 = 4; security (20 + 0 + 0)/3.5 = 5.71; sobriety (0·0.75 + 30)/1.75 = 17.14
    themes: { security: 0, email: 6.7, sobriety: 30 },
    lenses: { sovereignty: 4, security: 5.7, sobriety: 17.1 },
    overall: 12.2,
    level: 'E',
    strengths: [],
    weaknesses: ['security', 'email', 'sobriety'],
  },
  {
    name: 'a hidden answer is ignored and an unanswered theme has no score',
    answers: { 'email.q1': ['b'], 'security.q3': ['none'], 'security.q4': ['yes'] },
    // q4 is hidden (q3 does not include m3): ignored. email 40; security 0; sobriety none; overall (40+0)/2 = 20
    themes: { security: 0, email: 40, sobriety: null },
    lenses: { sovereignty: 40, security: 0, sobriety: 0 },
    overall: 20,
    level: 'E',
    strengths: [],
    weaknesses: ['security', 'email'],
  },
  {
    name: 'mixed answers',
    answers: { 'email.q1': ['a'], 'email.q2': ['y'], 'security.q3': ['m2'], 'sobriety.q5': ['s2'] },
    // email (200 + 20)/3 = 73.33; security 50; sobriety 30; overall 153.33/3 = 51.11
    // sovereignty (200 + 10)/2.5 = 84; security (20 + 75)/2.5 = 38; sobriety (37.5 + 30)/1.75 = 38.57
    themes: { security: 50, email: 73.3, sobriety: 30 },
    lenses: { sovereignty: 84, security: 38, sobriety: 38.6 },
    overall: 51.1,
    level: 'C',
    strengths: [],
    weaknesses: ['sobriety'],
  },
]

describe('scoring', () => {
  it.each(cases)('scores $name as computed by hand', (c) => {
    const s = score(mini, c.answers)
    expect(s.themeScores).toEqual(c.themes)
    expect(s.lensScores).toEqual(c.lenses)
    expect(s.overallScore).toBe(c.overall)
    expect(s.level).toBe(c.level)
    expect(s.strengths).toEqual(c.strengths)
    expect(s.weaknesses).toEqual(c.weaknesses)
  })

  it.each([
    [100, 'A'],
    [80, 'A'],
    [79.9, 'B'],
    [65, 'B'],
    [64.9, 'C'],
    [50, 'C'],
    [49.9, 'D'],
    [35, 'D'],
    [34.9, 'E'],
    [0, 'E'],
  ])('gives level %s → %s', (value, level) => {
    expect(levelOf(value)).toBe(level)
  })

  it('gives 100 and level A to the best answers of questionnaire v1', () => {
    const v1 = defaultReferential().questionnaire(1)!
    const s = score(v1, completeAnswers(v1))
    expect(s.overallScore).toBe(100)
    expect(s.level).toBe('A')
    for (const t of v1.themes) expect(s.themeScores[t], t).toBe(100)
    expect(s.lensScores).toEqual({ sovereignty: 100, security: 100, sobriety: 100 })
  })

  it('is a pure function: the same answers always give the same scores', () => {
    const a = score(mini, cases[0]!.answers)
    const b = score(mini, JSON.parse(JSON.stringify(cases[0]!.answers)))
    expect(a).toEqual(b)
  })
})
