import { IdentityEvents } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from './domain/crypto.js'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

const PROBLEM = /application\/problem\+json/

describe('accounts: registration, links, passwords, sessions', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('registration answers alike for a new and a known address, and the verification link signs in', async () => {
    const fresh = await h.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'Nouvelle@Mairie.example' },
    })
    expect(fresh.statusCode).toBe(202)
    const verification = await h.waitForEvent(
      IdentityEvents.EmailVerificationRequested,
      (d) => d.email === 'nouvelle@mairie.example',
    )
    expect(verification.data.url).toMatch(/^http:\/\/osinum\.test\/inscription\/confirmer\?token=osv_/)
    const registered = await h.waitForEvent(
      IdentityEvents.UserRegistered,
      (d) => d.email === 'nouvelle@mairie.example',
    )

    const again = await h.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'nouvelle@mairie.example' },
    })
    expect(again.statusCode).toBe(fresh.statusCode)
    expect(again.body).toBe(fresh.body)
    // Registering again sends a fresh confirmation link, which replaces the first one.
    const resent = await waitFor(
      async () =>
        (await h.events(IdentityEvents.EmailVerificationRequested)).filter(
          (e) => e.data.email === 'nouvelle@mairie.example',
        )[1],
    )
    const first = await h.inject({
      method: 'POST',
      url: '/v1/auth/email/verify',
      payload: { token: tokenOf(verification.data.url) },
    })
    expect(first.statusCode).toBe(400)

    const verified = await h.inject({
      method: 'POST',
      url: '/v1/auth/email/verify',
      payload: { token: tokenOf(resent.data.url) },
    })
    expect(verified.statusCode).toBe(200)
    const pair = verified.json() as TokenPair
    expect(pair.userId).toBe(registered.data.userId)
    const me = await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(pair) })
    expect(me.json()).toMatchObject({
      email: 'nouvelle@mairie.example',
      emailVerified: true,
      hasPassword: false,
    })
  })

  it('issues access tokens with the claims the kit verifies', async () => {
    const pair = await h.signUp('claims@mairie.example')
    const header = decodeProtectedHeader(pair.accessToken)
    const claims = decodeJwt(pair.accessToken)
    expect(header.alg).toBe('EdDSA')
    expect(header.kid).toBeTruthy()
    expect(claims).toMatchObject({
      typ: 'access',
      sub: pair.userId,
      sid: pair.sessionId,
      email: 'claims@mairie.example',
      roles: [],
      op: null,
      orgs: [],
      iss: 'osinum',
      aud: 'osinum',
    })
    expect(claims.exp! - claims.iat!).toBe(900)
    const commune = await h.createCommune(pair, '23004')
    const fresh = await h.refresh(pair)
    expect(decodeJwt(fresh.accessToken).orgs).toEqual([{ id: commune.id, role: 'elected', ref: true }])
  })

  it('a magic link is single-use, stored hashed, and refused once expired or tampered with', async () => {
    const email = 'magique@mairie.example'
    await h.signUp(email)
    const ask = async () => {
      const mine = async () =>
        (await h.events(IdentityEvents.MagicLinkRequested)).filter((e) => e.data.email === email)
      const before = (await mine()).length
      const res = await h.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email } })
      expect(res.statusCode).toBe(202)
      return waitFor(async () => (await mine())[before])
    }
    const event = await ask()
    expect(event.data.url).toMatch(/^http:\/\/osinum\.test\/connexion\/lien\?token=osm_/)
    const token = tokenOf(event.data.url)
    expect(new Date(event.data.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(new Date(event.data.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000)

    const stored = await h.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('user_id', '=', event.data.userId)
      .execute()
    expect(stored.some((t) => t.token_hash === sha256(token))).toBe(true)
    expect(JSON.stringify(stored)).not.toContain(token)

    const tampered = await h.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${token.slice(0, -2)}xx`,
    })
    expect(tampered.statusCode).toBe(400)
    expect(tampered.headers['content-type']).toMatch(PROBLEM)
    expect(tampered.json().code).toBe('OSI_IDENTITY_INVALID_LINK')

    const ok = await h.inject({ method: 'GET', url: `/v1/auth/magic-link/verify?token=${token}` })
    expect(ok.statusCode).toBe(200)
    const reused = await h.inject({ method: 'GET', url: `/v1/auth/magic-link/verify?token=${token}` })
    expect(reused.statusCode).toBe(400)
    expect(reused.json().code).toBe('OSI_IDENTITY_INVALID_LINK')

    const second = await ask()
    const secondToken = tokenOf(second.data.url)
    await h.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', sha256(secondToken))
      .execute()
    const expired = await h.inject({
      method: 'POST',
      url: '/v1/auth/magic-link/verify',
      payload: { token: secondToken },
    })
    expect(expired.statusCode).toBe(400)
    expect(expired.json().code).toBe('OSI_IDENTITY_INVALID_LINK')

    // A newer link replaces an older unused one.
    const third = await ask()
    const fourth = await ask()
    const older = await h.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${tokenOf(third.data.url)}`,
    })
    expect(older.statusCode).toBe(400)
    const newer = await h.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${tokenOf(fourth.data.url)}`,
    })
    expect(newer.statusCode).toBe(200)
  })

  it('unknown emails get the same answer as known ones on magic link, reset and login', async () => {
    await h.signUp('connue@mairie.example')
    for (const url of ['/v1/auth/magic-link', '/v1/auth/password-reset', '/v1/auth/email/verification']) {
      const known = await h.inject({ method: 'POST', url, payload: { email: 'connue@mairie.example' } })
      const unknown = await h.inject({ method: 'POST', url, payload: { email: 'inconnue@mairie.example' } })
      expect(unknown.statusCode).toBe(known.statusCode)
      expect(unknown.body).toBe(known.body)
    }
    const pair = await h.signUp('motdepasse@mairie.example')
    await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(pair),
      payload: { newPassword: 'un mot de passe solide' },
    })
    const wrong = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'motdepasse@mairie.example', password: 'pas le bon mot de passe' },
    })
    const unknown = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'personne@mairie.example', password: 'pas le bon mot de passe' },
    })
    const noPassword = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'connue@mairie.example', password: 'pas le bon mot de passe' },
    })
    for (const res of [wrong, unknown, noPassword]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.json().code).toBe('OSI_IDENTITY_INVALID_CREDENTIALS')
    }
    expect(unknown.json().detail).toBe(wrong.json().detail)
    // Nothing was sent to the unknown address.
    for (const contract of [IdentityEvents.MagicLinkRequested, IdentityEvents.PasswordResetRequested])
      expect((await h.events(contract)).some((e) => e.data.email.startsWith('inconnue'))).toBe(false)
  })

  it('a password of at least 12 characters is hashed with argon2id and signs in; changing it needs the current one', async () => {
    const pair = await h.signUp('mdp@mairie.example')
    const short = await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(pair),
      payload: { newPassword: 'court' },
    })
    expect(short.statusCode).toBe(422)
    expect(short.headers['content-type']).toMatch(PROBLEM)
    expect(short.json().errors[0]).toMatchObject({
      field: 'newPassword',
      message: 'Le mot de passe doit contenir au moins 12 caractères.',
    })

    const set = await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(pair),
      payload: { newPassword: 'correct horse battery' },
    })
    expect(set.statusCode).toBe(204)
    const row = await h.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', pair.userId)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/)

    const login = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'MDP@mairie.example', password: 'correct horse battery' },
    })
    expect(login.statusCode).toBe(200)

    const noCurrent = await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(pair),
      payload: { newPassword: 'another long password' },
    })
    expect(noCurrent.statusCode).toBe(403)
    expect(noCurrent.json().code).toBe('OSI_IDENTITY_CURRENT_PASSWORD')
  })

  it('a password reset link sets a new password once and ends every session', async () => {
    const pair = await h.signUp('reset@mairie.example')
    const res = await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset',
      payload: { email: 'reset@mairie.example' },
    })
    expect(res.statusCode).toBe(202)
    const event = await h.waitForEvent(
      IdentityEvents.PasswordResetRequested,
      (d) => d.email === 'reset@mairie.example',
    )
    expect(event.data.url).toMatch(/\/mot-de-passe\/nouveau\?token=osp_/)
    const token = tokenOf(event.data.url)
    const confirm = await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token, password: 'nouveau mot de passe' },
    })
    expect(confirm.statusCode).toBe(204)
    const reuse = await h.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token, password: 'encore un autre mot' },
    })
    expect(reuse.statusCode).toBe(400)
    const refresh = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    })
    expect(refresh.statusCode).toBe(401)
    const login = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'reset@mairie.example', password: 'nouveau mot de passe' },
    })
    expect(login.statusCode).toBe(200)
  })

  it('an unverified account cannot sign in with a password', async () => {
    await h.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'pasverifie@mairie.example' },
    })
    const event = await h.waitForEvent(
      IdentityEvents.UserRegistered,
      (d) => d.email === 'pasverifie@mairie.example',
    )
    const { hashPassword } = await import('./domain/passwords.js')
    await h.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('un mot de passe valable') })
      .where('id', '=', event.data.userId)
      .execute()
    const login = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'pasverifie@mairie.example', password: 'un mot de passe valable' },
    })
    expect(login.statusCode).toBe(403)
    expect(login.json().code).toBe('OSI_IDENTITY_EMAIL_NOT_VERIFIED')
  })

  it('profile changes emit UserUpdated', async () => {
    const pair = await h.signUp('profil@mairie.example')
    const res = await h.inject({
      method: 'PATCH',
      url: '/v1/users/me',
      headers: bearer(pair),
      payload: { displayName: 'Jeanne Dupont', jobTitle: 'Secrétaire de mairie' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ displayName: 'Jeanne Dupont', jobTitle: 'Secrétaire de mairie' })
    const event = await h.waitForEvent(IdentityEvents.UserUpdated, (d) => d.userId === pair.userId)
    expect(event.data.displayName).toBe('Jeanne Dupont')
  })

  it('lists active sessions, ends one, and logs out everywhere', async () => {
    const first = await h.signUp('sessions@mairie.example')
    const ask = await h.inject({
      method: 'POST',
      url: '/v1/auth/magic-link',
      payload: { email: 'sessions@mairie.example' },
    })
    expect(ask.statusCode).toBe(202)
    const link = await h.waitForEvent(
      IdentityEvents.MagicLinkRequested,
      (d) => d.email === 'sessions@mairie.example',
    )
    const second = (
      await h.inject({
        method: 'GET',
        url: `/v1/auth/magic-link/verify?token=${tokenOf(link.data.url)}`,
        headers: { 'user-agent': 'Firefox de la mairie' },
      })
    ).json() as TokenPair
    const third = (
      await h.inject({
        method: 'POST',
        url: '/v1/auth/refresh',
        payload: { refreshToken: second.refreshToken },
      })
    ).json() as TokenPair

    const list = await h.inject({ method: 'GET', url: '/v1/users/me/sessions', headers: bearer(third) })
    expect(list.statusCode).toBe(200)
    const sessions = list.json()
    expect(sessions.total).toBe(2)
    expect(sessions.items.find((s: { current: boolean }) => s.current)).toMatchObject({
      id: second.sessionId,
      userAgent: 'Firefox de la mairie',
      method: 'magic-link',
    })

    const end = await h.inject({
      method: 'DELETE',
      url: `/v1/users/me/sessions/${first.sessionId}`,
      headers: bearer(third),
    })
    expect(end.statusCode).toBe(204)
    const revoked = await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(first) })
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().code).toBe('OSI_TOKEN_REVOKED')

    const everywhere = await h.inject({
      method: 'DELETE',
      url: '/v1/users/me/sessions',
      headers: bearer(third),
    })
    expect(everywhere.statusCode).toBe(204)
    expect((await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(third) })).statusCode).toBe(
      401,
    )
    const refresh = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: third.refreshToken },
    })
    expect(refresh.statusCode).toBe(401)
    expect(refresh.json().code).toBe('OSI_IDENTITY_INVALID_REFRESH_TOKEN')
  })

  it('logout ends the current session only', async () => {
    const a = await h.signUp('logout@mairie.example')
    const b = (
      await h.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: a.refreshToken } })
    ).json()
    const out = await h.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(b) })
    expect(out.statusCode).toBe(204)
    expect((await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(b) })).statusCode).toBe(401)
  })

  it('OpenID Connect login is off (404) until a provider is configured', async () => {
    for (const url of ['/v1/auth/oidc/login', '/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await h.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('OSI_IDENTITY_OIDC_DISABLED')
    }
  })
})
