import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, createOrganisation, memberToken, startTestService, type TestService } from './testing.js'

describe('answers are checked against the questionnaire', () => {
  let env: TestService
  let token: string
  let id: string
  beforeAll(async () => {
    env = await startTestService()
    const org = await createOrganisation(env)
    token = await memberToken(env, org.organisationId, 'agent')
    const res = await env.host.app.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(token),
      payload: { organisationId: org.organisationId },
    })
    id = res.json().id
  })
  afterAll(async () => {
    await env?.close()
  })

  const patch = (answers: Record<string, unknown>) =>
    env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: { answers },
    })

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown question id', { 'agenda.colour': 'blue' }, 'answers.agenda.colour', /unknown question/],
    ['an answer outside the options', { 'agenda.online': 'maybe' }, 'answers.agenda.online', /not an option/],
    ['an option of another question', { 'email.usage': 'weekly' }, 'answers.email.usage', /not an option/],
    [
      'a list for a single-choice question',
      { 'agenda.online': ['yes'] },
      'answers.agenda.online',
      /one option/,
    ],
    [
      'a single value for a multiple-choice question',
      { 'data-storage.locations': 'usb-key' },
      'answers.data-storage.locations',
      /list/,
    ],
    [
      '"none" combined with another option',
      { 'sobriety.practices': ['none', 'devices-off'] },
      'answers.sobriety.practices',
      /cannot be combined/,
    ],
    [
      'the same option twice',
      { 'data-storage.locations': ['usb-key', 'usb-key'] },
      'answers.data-storage.locations',
      /twice/,
    ],
    [
      'a question hidden by the answers',
      { 'telework.computer': 'personal' },
      'answers.telework.computer',
      /hidden/,
    ],
    [
      'a question hidden by an answer in the same update',
      { 'telework.frequency': 'never', 'telework.computer': 'personal' },
      'answers.telework.computer',
      /hidden/,
    ],
  ])('refuses %s with problem+json naming the field', async (_name, answers, field, message) => {
    const res = await patch(answers)
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(body.code).toBe('OSI_DIAGNOSTICS_INVALID_ANSWERS')
    expect(body.errors).toEqual([{ field, message: expect.stringMatching(message) }])
  })

  it('saves nothing from an update with one bad answer', async () => {
    const res = await patch({ 'agenda.online': 'yes', 'contacts.online': 'perhaps' })
    expect(res.statusCode).toBe(422)
    const detail = await env.host.app.inject({
      method: 'GET',
      url: `/v1/diagnostics/${id}`,
      headers: bearer(token),
    })
    expect(
      detail.json().answers.find((a: { questionId: string }) => a.questionId === 'agenda.online'),
    ).toBeUndefined()
  })

  it('refuses a malformed body with a 400 problem', async () => {
    const res = await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: { answers: { 'agenda.online': { yes: true } } },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('OSI_VALIDATION')
    const unknownId = await env.host.app.inject({
      method: 'GET',
      url: '/v1/diagnostics/not-a-uuid',
      headers: bearer(token),
    })
    expect(unknownId.statusCode).toBe(400)
  })

  it('accepts conditioned answers once their parent shows them, keeps hidden ones aside, and clears with null', async () => {
    expect(
      (await patch({ 'telework.frequency': 'regularly', 'telework.computer': 'personal' })).statusCode,
    ).toBe(200)
    // Switching the parent hides the child: it is kept but marked hidden and not counted.
    const hidden = await patch({ 'telework.frequency': 'never' })
    expect(hidden.statusCode).toBe(200)
    const child = hidden
      .json()
      .answers.find((a: { questionId: string }) => a.questionId === 'telework.computer')
    expect(child).toMatchObject({ value: 'personal', visible: false, answeredByRole: 'agent' })
    expect(hidden.json().missingRequired).not.toContain('telework.computer')
    const cleared = await patch({ 'telework.computer': null, 'telework.frequency': null })
    expect(cleared.statusCode).toBe(200)
    expect(cleared.json().answers).toEqual([])
  })
})
