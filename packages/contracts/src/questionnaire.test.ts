import { describe, expect, it } from 'vitest'
import { questionVisibility } from './questionnaire.js'

describe('questionVisibility', () => {
  const questions = [
    { id: 'email.usage' },
    { id: 'email.hosting', showIf: { question: 'email.usage', in: ['daily', 'occasionally'] } },
    { id: 'email.provider', showIf: { question: 'email.hosting', in: ['big-tech'] } },
  ]

  it('shows a follow-up question when its parent has one of the listed answers', () => {
    const v = questionVisibility(questions, { 'email.usage': ['daily'], 'email.hosting': ['big-tech'] })
    expect([...v]).toEqual([
      ['email.usage', true],
      ['email.hosting', true],
      ['email.provider', true],
    ])
  })

  it('hides the follow-ups of a hidden question even if their own parent answer is kept', () => {
    const v = questionVisibility(questions, { 'email.usage': ['never'], 'email.hosting': ['big-tech'] })
    expect(v.get('email.hosting')).toBe(false)
    expect(v.get('email.provider')).toBe(false)
  })

  it('hides a follow-up question whose parent is not answered', () => {
    expect(questionVisibility(questions, {}).get('email.hosting')).toBe(false)
  })
})
