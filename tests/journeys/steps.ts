import { DEMO, PAGES } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { expect } from 'vitest'
import { bearer, linkIn, type Platform } from './harness.js'

export interface Tokens {
  accessToken: string
  refreshToken: string
  userId: string
}

/** Registers, confirms the address from the email, then signs in from a magic-link email. */
export async function signUpByMagicLink(p: Platform, email: string, displayName: string): Promise<Tokens> {
  const registered = await p.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, displayName },
  })
  expect(registered.statusCode).toBe(202)
  // Email links open web pages, whose button POSTs the token to the API.
  const verification = await p.mail.waitFor(email, (m) => m.text.includes(PAGES.verifyEmail))
  const verified = await p.inject({
    method: 'POST',
    url: '/v1/auth/email/verify',
    payload: { token: tokenIn(linkIn(verification, PAGES.verifyEmail)) },
  })
  expect(verified.statusCode).toBe(200)

  const asked = await p.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email } })
  expect(asked.statusCode).toBeLessThan(300)
  const magic = await p.mail.waitFor(email, (m) => m.text.includes(PAGES.magicLink))
  const signedIn = await p.inject({
    method: 'POST',
    url: '/v1/auth/magic-link/verify',
    payload: { token: tokenIn(linkIn(magic, PAGES.magicLink)) },
  })
  expect(signedIn.statusCode).toBe(200)
  return signedIn.json() as Tokens
}

const tokenIn = (pathAndQuery: string) => new URL(`http://x${pathAndQuery}`).searchParams.get('token') ?? ''

export async function refresh(p: Platform, tokens: Tokens): Promise<Tokens> {
  const res = await p.inject({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: tokens.refreshToken },
  })
  expect(res.statusCode).toBe(200)
  return res.json() as Tokens
}

/**
 * Claims the commune found by name in the official data, then its syndicate's coordinator (the
 * demo advisor) verifies the claim; returns it and fresh tokens carrying the membership.
 */
export async function createCommune(p: Platform, tokens: Tokens, name: string) {
  const found = await p.inject({
    method: 'GET',
    url: `/v1/organisations/search?q=${encodeURIComponent(name)}&kind=commune`,
  })
  const entry = (found.json() as { items: Array<{ officialCode: string; name: string }> }).items.find(
    (i) => i.name === name,
  )
  expect(entry, `${name} in the official data`).toBeDefined()
  const created = await p.inject({
    method: 'POST',
    url: '/v1/organisations',
    headers: bearer(tokens),
    payload: { kind: 'commune', officialCode: entry!.officialCode, role: 'elected' },
  })
  expect(created.statusCode).toBe(201)
  const commune = created.json() as { id: string; name: string; population: number; departement: string }
  const coordinator = await p.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email: DEMO.advisor.email, password: DEMO.password },
  })
  const claims = await p.inject({
    method: 'GET',
    url: `/v1/organisation-claims?organisationId=${commune.id}&status=pending`,
    headers: bearer(coordinator.json()),
  })
  const [claim] = (claims.json() as { items: Array<{ id: string }> }).items
  expect(claim, `a pending claim on ${name}`).toBeDefined()
  const decided = await p.inject({
    method: 'POST',
    url: `/v1/organisation-claims/${claim!.id}/decision`,
    headers: bearer(coordinator.json()),
    payload: { decision: 'verify' },
  })
  expect(decided.statusCode, decided.body).toBe(200)
  return { commune, tokens: await refresh(p, tokens) }
}

interface Question {
  id: string
  type: 'single' | 'multiple'
  showIf?: { question: string; in: string[] }
  options: Array<{ id: string; score: number; exclusive?: boolean }>
}

/** Starts a diagnostic (once diagnostics knows the commune), answers every visible question with its weakest option, submits. */
export async function answerAndSubmitDiagnostic(p: Platform, tokens: Tokens, organisationId: string) {
  const started = await waitFor(async () => {
    const res = await p.inject({
      method: 'POST',
      url: '/v1/diagnostics',
      headers: bearer(tokens),
      payload: { organisationId },
    })
    return res.statusCode < 300 ? (res.json() as { id: string }) : undefined
  }, 30_000)
  const questionnaire = (await p.inject({ method: 'GET', url: '/v1/questionnaires/1' })).json() as {
    questions: Question[]
  }
  const chosen: Record<string, string[]> = {}
  for (const q of questionnaire.questions) {
    if (q.showIf && !(chosen[q.showIf.question] ?? []).some((o) => q.showIf!.in.includes(o))) continue
    const weakest = [...q.options].filter((o) => !o.exclusive).sort((a, b) => a.score - b.score)[0]!
    chosen[q.id] = [weakest.id]
  }
  const answers = Object.fromEntries(
    questionnaire.questions
      .filter((q) => chosen[q.id])
      .map((q) => [q.id, q.type === 'single' ? chosen[q.id]![0] : chosen[q.id]]),
  )
  const saved = await p.inject({
    method: 'PATCH',
    url: `/v1/diagnostics/${started.id}/answers`,
    headers: bearer(tokens),
    payload: { answers },
  })
  expect(saved.statusCode, saved.body).toBe(200)
  const submitted = await p.inject({
    method: 'POST',
    url: `/v1/diagnostics/${started.id}/submit`,
    headers: bearer(tokens),
  })
  expect(submitted.statusCode, submitted.body).toBe(200)
  return started.id
}

/** Every (recipient, subject) pair was mailed exactly once. */
export function expectEachMailOnce(p: Platform, recipients: string[]) {
  const counts = new Map<string, number>()
  for (const m of p.mail.mails)
    for (const to of m.to)
      if (recipients.includes(to))
        counts.set(`${to} | ${m.subject}`, (counts.get(`${to} | ${m.subject}`) ?? 0) + 1)
  const duplicated = [...counts].filter(([, n]) => n > 1)
  expect(duplicated).toEqual([])
  return counts
}
