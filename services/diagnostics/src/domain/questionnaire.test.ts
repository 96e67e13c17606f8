import { readFileSync } from 'node:fs'
import { POPULATION_BRACKET_IDS, THEME_IDS } from '@osinum/contracts'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import questionnaireV1 from '../data/questionnaire-v1.json' with { type: 'json' }
import {
  loadQuestionnaire,
  missingRequired,
  progress,
  QuestionnaireError,
  QuestionnaireSchema,
  visibility,
} from './questionnaire.js'

const v2Fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/questionnaire-v2.json', import.meta.url), 'utf8'),
)
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('questionnaire data', () => {
  it('validates questionnaire v1 against the schema and its cross-field rules', () => {
    expect(Value.Check(QuestionnaireSchema, questionnaireV1)).toBe(true)
    const q = loadQuestionnaire(questionnaireV1)
    expect(q.version).toBe(1)
    expect(q.questions.length).toBeGreaterThanOrEqual(35)
  })

  it('covers every axis of the seed survey with French help texts', () => {
    const q = loadQuestionnaire(questionnaireV1)
    const themes = new Set(q.questions.map((x) => x.theme))
    for (const t of THEME_IDS) expect(themes, t).toContain(t)
    for (const x of q.questions) {
      expect(x.help.why.length, x.id).toBeGreaterThan(20)
      expect(x.help.how.length, x.id).toBeGreaterThan(10)
    }
    expect(q.byId.get('governance.population')!.options.map((o) => o.id)).toEqual(POPULATION_BRACKET_IDS)
    expect(q.questions.some((x) => x.showIf)).toBe(true)
    for (const lens of ['sovereignty', 'security', 'sobriety'] as const)
      expect(
        q.questions.some((x) => x.lenses[lens] > 0),
        lens,
      ).toBe(true)
  })

  it('validates the v2 test fixture', () => {
    expect(loadQuestionnaire(v2Fixture).version).toBe(2)
  })

  it.each([
    ['a duplicate question id', (d: any) => d.questions.push(clone(d.questions[0]))],
    [
      'a condition on a later question',
      (d: any) =>
        (d.questions[0].showIf = { question: d.questions[5].id, in: [d.questions[5].options[0].id] }),
    ],
    [
      'a condition on an unknown option',
      (d: any) => (d.questions[12].showIf = { question: 'connectivity.workplace', in: ['satellite'] }),
    ],
    [
      'an exclusive option on a single-choice question',
      (d: any) => (d.questions[3].options[0].exclusive = true),
    ],
    ['an unknown theme', (d: any) => (d.questions[3].theme = 'astrology')],
    ['a score above 100', (d: any) => (d.questions[3].options[0].score = 120)],
    ['a missing help text', (d: any) => delete d.questions[3].help.why],
    ['an unscored question with a score', (d: any) => (d.questions[0].options[0].score = 50)],
  ])('refuses a questionnaire with %s', (_name, corrupt) => {
    const data = clone(questionnaireV1)
    corrupt(data)
    expect(() => loadQuestionnaire(data)).toThrow(QuestionnaireError)
  })

  it('shows a conditioned question only when its (visible) parent has one of the listed answers', () => {
    const q = loadQuestionnaire(questionnaireV1)
    const never = visibility(q, { 'telework.frequency': ['never'] })
    expect(never.get('telework.computer')).toBe(false)
    const often = visibility(q, { 'telework.frequency': ['regularly'] })
    expect(often.get('telework.computer')).toBe(true)
    // Multiple-choice parent: one selected option in the list is enough.
    expect(
      visibility(q, { 'data-storage.locations': ['remote-server', 'usb-key'] }).get(
        'security.usb-encryption',
      ),
    ).toBe(true)
    expect(
      visibility(q, { 'data-storage.locations': ['remote-server'] }).get('security.usb-encryption'),
    ).toBe(false)
    // Chained: training format depends on training wishes.
    expect(visibility(q, { 'governance.training-wishes': ['none'] }).get('governance.training-format')).toBe(
      false,
    )
  })

  it('counts only visible required questions as missing, and reports progress on visible ones', () => {
    const q = loadQuestionnaire(questionnaireV1)
    const answers = { 'telework.frequency': ['never'] }
    const missing = missingRequired(q, answers).map((x) => x.id)
    expect(missing).not.toContain('telework.computer')
    expect(missing).not.toContain('telework.frequency')
    expect(missing).toContain('email.usage')
    const p = progress(q, answers)
    expect(p.answered).toBe(1)
    expect(p.visible).toBeLessThan(q.questions.length)
    expect(p.complete).toBe(false)
  })
})
