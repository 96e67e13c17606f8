import { IdentityEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

const PROBLEM = /application\/problem\+json/

describe('password strength (zxcvbn, French dictionary)', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService()
  })
  afterAll(async () => {
    await h?.close()
  })

  const setPassword = (pair: TokenPair, newPassword: string) =>
    h.inject({ method: 'PUT', url: '/v1/users/me/password', headers: bearer(pair), payload: { newPassword } })

  const expectRefused = (res: Awaited<ReturnType<typeof setPassword>>, field: string) => {
    expect(res.statusCode, res.body).toBe(422)
    expect(res.headers['content-type']).toMatch(PROBLEM)
    const problem = res.json()
    expect(problem.code).toBe('OSI_IDENTITY_WEAK_PASSWORD')
    expect(problem.errors).toHaveLength(1)
    expect(problem.errors[0].field).toBe(field)
    return problem.errors[0].message as string
  }

  it('refuses aaaaaaaaaaaa, 123456789012 and the account’s own email, explaining why in French', async () => {
    const pair = await h.signUp('claire.fontaine@mairie-exemple.fr')
    expect(expectRefused(await setPassword(pair, 'aaaaaaaaaaaa'), 'newPassword')).toMatch(
      /^Ce mot de passe est trop facile à deviner\. .*répétés/,
    )
    expect(expectRefused(await setPassword(pair, '123456789012'), 'newPassword')).toMatch(
      /trop facile à deviner.*couramment utilisé/,
    )
    expect(expectRefused(await setPassword(pair, 'claire.fontaine@mairie-exemple.fr'), 'newPassword')).toBe(
      'Le mot de passe ne doit pas contenir votre adresse e-mail. Choisissez une phrase de passe sans lien avec vous, par exemple quatre mots sans rapport entre eux.',
    )
    expect(expectRefused(await setPassword(pair, 'Claire.Fontaine-2026'), 'newPassword')).toMatch(
      /adresse e-mail/,
    )
    // Nothing was stored.
    const row = await h.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', pair.userId)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toBeNull()
    // A passphrase is accepted.
    expect((await setPassword(pair, 'tortue violon nuage escalier')).statusCode).toBe(204)
  })

  it('refuses the person’s name and the name of their collectivité, accents or not', async () => {
    const pair = await h.signUp('maire@anzeme.example')
    await h.inject({
      method: 'PATCH',
      url: '/v1/users/me',
      headers: bearer(pair),
      payload: { displayName: 'Dominique Berthelot' },
    })
    await h.createCommune(pair, '23004') // Anzême
    expect(expectRefused(await setPassword(pair, 'dominique berthelot 23'), 'newPassword')).toMatch(
      /votre nom/,
    )
    expect(expectRefused(await setPassword(pair, 'Anzeme-mairie-potager'), 'newPassword')).toMatch(
      /le nom de votre collectivité/,
    )
    expect(expectRefused(await setPassword(pair, 'court'), 'newPassword')).toBe(
      'Le mot de passe doit contenir au moins 12 caractères.',
    )
  })

  it('a reset link refuses a weak password without being used up', async () => {
    await h.signUp('oubli@mairie-exemple.fr')
    await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset',
      payload: { email: 'oubli@mairie-exemple.fr' },
    })
    const event = await h.waitForEvent(
      IdentityEvents.PasswordResetRequested,
      (d) => d.email === 'oubli@mairie-exemple.fr',
    )
    const token = tokenOf(event.data.url)
    const weak = await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token, password: 'motdepasse2026' },
    })
    expect(expectRefused(weak, 'password')).toMatch(/trop facile à deviner/)
    const strong = await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token, password: 'girafe sous la pluie de mai' },
    })
    expect(strong.statusCode).toBe(204)
    const login = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'oubli@mairie-exemple.fr', password: 'girafe sous la pluie de mai' },
    })
    expect(login.statusCode).toBe(200)
  })
})
