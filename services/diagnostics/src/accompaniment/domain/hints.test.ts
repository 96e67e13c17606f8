import { describe, expect, it } from 'vitest'
import { hintsFor, questionsOfCondition } from './hints.js'

const questions = [
  { id: 'email.custom-address', theme: 'email', label: 'Adresse personnalisée ?' },
  { id: 'email.hosting', theme: 'email', label: 'Hébergement ?' },
  { id: 'email.several', theme: 'email', label: 'Plusieurs boîtes ?', scored: false },
  { id: 'security.passwords', theme: 'security', label: 'Mots de passe ?' },
]

describe('hints for the next diagnostic', () => {
  it('finds the questions of nested conditions, theme conditions meaning the theme’s scored questions', () => {
    expect(
      questionsOfCondition(
        {
          any: [
            { question: 'security.passwords', in: ['written-down'] },
            {
              all: [
                { themeScoreBelow: { theme: 'email', value: 50 } },
                { question: 'security.passwords', in: ['x'] },
              ],
            },
          ],
        },
        questions,
      ),
    ).toEqual(['security.passwords', 'email.custom-address', 'email.hosting'])
  })

  it('groups done items by question, in questionnaire order, skipping unknown rules', () => {
    const rules = [
      {
        id: 'custom-email-address',
        when: { question: 'email.custom-address', in: ['no'] },
        measure: { title: 'Adresse' },
      },
      {
        id: 'adopt-password-manager',
        when: { question: 'security.passwords', in: ['written-down'] },
        measure: { title: 'Mots de passe' },
      },
    ]
    const hints = hintsFor(
      [
        {
          itemId: 'i2',
          ruleId: 'adopt-password-manager',
          title: 'Gestionnaire',
          status: 'done',
          completedAt: null,
        },
        {
          itemId: 'i1',
          ruleId: 'custom-email-address',
          title: 'Adresse',
          status: 'already-done',
          completedAt: null,
        },
        { itemId: 'i3', ruleId: 'gone-rule', title: '?', status: 'done', completedAt: null },
      ],
      rules,
      questions,
    )
    expect(hints.map((h) => [h.questionId, h.items.map((i) => i.itemId)])).toEqual([
      ['email.custom-address', ['i1']],
      ['security.passwords', ['i2']],
    ])
  })
})
