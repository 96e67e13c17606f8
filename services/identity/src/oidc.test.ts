import { IdentityEvents } from '@osinum/contracts'
import { startOidcProvider, type TestOidcProvider } from '@osinum/testing/oidc'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from './domain/crypto.js'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService } from './testing.js'

const REDIRECT_URI = 'http://osinum.test/v1/auth/oidc/callback'
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'agent-1': {
    email: 'camille.martin@mairie-exemple.fr',
    given_name: 'Camille',
    family_name: 'Martin',
    email_verified: true,
  },
  'agent-2': {
    email: 'deja.inscrite@mairie-exemple.fr',
    given_name: 'Déjà',
    family_name: 'Inscrite',
    email_verified: true,
  },
  // A lax provider: says nothing of whether it verified the address.
  'lax-1': { email: 'victime@mairie-exemple.fr', given_name: 'Usurpateur', family_name: 'Laxiste' },
  'lax-2': {
    email: 'victime@mairie-exemple.fr',
    given_name: 'Usurpateur',
    family_name: 'Explicite',
    email_verified: false,
  },
  // ProConnect-style: a professional address and the SIRET of the agent's establishment (Alleyrat's SIREN 212300305).
  'mairie-alleyrat': {
    email: 'secretariat@alleyrat.fr',
    given_name: 'Dominique',
    usual_name: 'Secrétaire',
    email_verified: true,
    siret: '21230030500017',
  },
  'mairie-anzeme': {
    email: 'maire@anzeme.fr',
    given_name: 'Bernard',
    usual_name: 'Maire',
    email_verified: true,
    siret: '212300404 00015',
  },
}

/** A minimal browser: follows the provider's redirects with its cookies and submits its forms. */
class Browser {
  private cookies = new Map<string, string>()

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1)
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    this.remember(res)
    return res
  }

  /**
   * Goes from the provider's authorization URL to the redirect back to osinum, signing in as
   * `accountId` and consenting on the provider's (development) interaction pages.
   */
  async signIn(authorizationUrl: string, accountId: string): Promise<string> {
    let url = authorizationUrl
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(REDIRECT_URI)) return url
      const res = await this.request(url)
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).toString()
        continue
      }
      const html = await res.text()
      if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`)
      const action = new URL(/action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'), url).toString()
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1]
      const body = new URLSearchParams(
        prompt === 'login'
          ? { prompt: 'login', login: accountId, password: 'peu importe' }
          : { prompt: 'consent' },
      )
      const submitted = await this.request(action, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      if (submitted.status < 300 || submitted.status >= 400)
        throw new Error(
          `form ${prompt} answered ${submitted.status}: ${(await submitted.text()).slice(0, 300)}`,
        )
      url = new URL(submitted.headers.get('location')!, action).toString()
    }
    throw new Error('too many steps at the provider')
  }
}

describe('OpenID Connect login against a real provider (oidc-provider)', () => {
  let h: TestService
  let provider: TestOidcProvider
  let issuer: string

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI], accounts: ACCOUNTS })
    issuer = provider.issuer
    h = await startTestService({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'osinum',
      OIDC_CLIENT_SECRET: 'osinum-test-secret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE: 'true',
      OIDC_SCOPES: 'openid email profile siret',
      // These tests read the callback's code as JSON; the default redirect to the web page is tested below.
      OIDC_SUCCESS_REDIRECT: 'json',
    })
  })
  afterAll(async () => {
    await h?.close()
    await provider?.close()
  })

  const start = async () => {
    const res = await h.inject({ method: 'GET', url: '/v1/auth/oidc/login' })
    expect(res.statusCode).toBe(302)
    const location = new URL(res.headers.location as string)
    expect(location.origin).toBe(issuer)
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    expect(location.searchParams.get('code_challenge')).toBeTruthy()
    expect(location.searchParams.get('nonce')).toBeTruthy()
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT_URI)
    return location.toString()
  }
  const callback = (redirect: string) =>
    h.inject({ method: 'GET', url: `/v1/auth/oidc/callback${new URL(redirect).search}` })
  const exchange = (code: string) =>
    h.inject({ method: 'POST', url: '/v1/auth/oidc/exchange', payload: { code } })
  /** The callback, then the exchange of its code: the token pair (or the failed answer). */
  const login = async (redirect: string) => {
    const res = await callback(redirect)
    if (res.statusCode !== 200) return res
    return exchange(res.json().code)
  }

  it('signs a new person in with authorization code + PKCE, creating a verified account', async () => {
    const redirect = await new Browser().signIn(await start(), 'agent-1')
    const res = await login(redirect)
    expect(res.statusCode).toBe(200)
    const pair = res.json() as TokenPair
    expect(decodeJwt(pair.accessToken).email).toBe('camille.martin@mairie-exemple.fr')
    const me = (await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(pair) })).json()
    expect(me).toMatchObject({
      email: 'camille.martin@mairie-exemple.fr',
      emailVerified: true,
      displayName: 'Camille Martin',
    })

    // The state works once: replaying the provider's redirect is refused.
    const replay = await callback(redirect)
    expect(replay.statusCode).toBe(400)
    expect(replay.json().code).toBe('OSI_IDENTITY_OIDC_STATE')

    // The next login finds the same account through the provider's subject.
    const again = await login(await new Browser().signIn(await start(), 'agent-1'))
    expect(again.statusCode).toBe(200)
    expect((again.json() as TokenPair).userId).toBe(pair.userId)
    const session = await h.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', pair.sessionId)
      .executeTakeFirstOrThrow()
    expect(session.method).toBe('oidc')
  })

  it('links the provider identity to an existing account with the same email', async () => {
    const existing = await h.signUp('deja.inscrite@mairie-exemple.fr')
    const res = await login(await new Browser().signIn(await start(), 'agent-2'))
    expect(res.statusCode).toBe(200)
    expect((res.json() as TokenPair).userId).toBe(existing.userId)
    const link = await h.db
      .selectFrom('user_identities')
      .selectAll()
      .where('user_id', '=', existing.userId)
      .execute()
    expect(link).toEqual([expect.objectContaining({ issuer, subject: 'agent-2' })])
  })

  it('refuses a callback whose state is wrong, missing or from another login', async () => {
    const redirect = new URL(await new Browser().signIn(await start(), 'agent-1'))
    const wrong = new URL(redirect)
    wrong.searchParams.set('state', 'an-attacker-state')
    for (const url of [wrong, new URL(`${REDIRECT_URI}?code=${redirect.searchParams.get('code')}`)]) {
      const res = await callback(url.toString())
      expect(res.statusCode).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json().code).toBe('OSI_IDENTITY_OIDC_STATE')
    }
    // The genuine state still completes (the wrong attempts did not consume it).
    expect((await callback(redirect.toString())).statusCode).toBe(200)
  })

  it('reports a refusal by the provider as a problem', async () => {
    const auth = await start()
    const state = new URL(auth).searchParams.get('state')!
    const res = await h.inject({
      method: 'GET',
      url: `/v1/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer)}`,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('OSI_IDENTITY_OIDC_FAILED')
  })

  it('tokens never reach the browser: the callback gives a single-use code that works once, within 60 s', async () => {
    const res = await callback(await new Browser().signIn(await start(), 'agent-1'))
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Object.keys(body).sort()).toEqual(['code', 'expiresIn'])
    expect(body.expiresIn).toBe(60)
    expect(res.body).not.toMatch(/eyJ/)
    const stored = await h.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('kind', '=', 'oidc-exchange')
      .where('token_hash', '=', sha256(body.code))
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toBe(body.code)
    const secondsLeft = (stored.expires_at.getTime() - Date.now()) / 1000
    expect(secondsLeft).toBeGreaterThan(50)
    expect(secondsLeft).toBeLessThanOrEqual(60)
    expect((await exchange(body.code)).statusCode).toBe(200)
    const replay = await exchange(body.code)
    expect(replay.statusCode).toBe(400)
    expect(replay.json().code).toBe('OSI_IDENTITY_INVALID_LINK')
    // An expired code is refused too.
    const late = await callback(await new Browser().signIn(await start(), 'agent-1'))
    await h.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', sha256(late.json().code))
      .execute()
    expect((await exchange(late.json().code)).statusCode).toBe(400)
  })

  it('the callback redirects the browser to the web page (by default) with ?code= (never the tokens), or ?error=', async () => {
    const web = await startTestService({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'osinum',
      OIDC_CLIENT_SECRET: 'osinum-test-secret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE: 'true',
      // No OIDC_SUCCESS_REDIRECT: the default is the web page PUBLIC_URL/connexion/proconnect.
      OIDC_DISPLAY_NAME: 'ProConnect (test)',
    })
    try {
      const methods = await web.inject({ method: 'GET', url: '/v1/auth/methods' })
      expect(methods.json()).toEqual({
        password: true,
        magicLink: true,
        oidc: { displayName: 'ProConnect (test)', loginUrl: '/v1/auth/oidc/login' },
      })
      const begin = await web.inject({ method: 'GET', url: '/v1/auth/oidc/login' })
      const redirect = await new Browser().signIn(begin.headers.location as string, 'agent-1')
      const res = await web.inject({
        method: 'GET',
        url: `/v1/auth/oidc/callback${new URL(redirect).search}`,
      })
      expect(res.statusCode).toBe(302)
      const location = new URL(res.headers.location as string)
      expect(`${location.origin}${location.pathname}`).toBe('http://osinum.test/connexion/proconnect')
      expect([...location.searchParams.keys()]).toEqual(['code'])
      expect(location.hash).toBe('')
      expect(res.headers.location).not.toMatch(/eyJ|access_token|refresh_token/)
      const pair = await web.inject({
        method: 'POST',
        url: '/v1/auth/oidc/exchange',
        payload: { code: location.searchParams.get('code') },
      })
      expect(pair.statusCode).toBe(200)
      expect(decodeJwt(pair.json().accessToken).email).toBe('camille.martin@mairie-exemple.fr')
      // A failed login comes back as ?error=<problem code>.
      const failed = await web.inject({ method: 'GET', url: '/v1/auth/oidc/callback?state=inconnu&code=x' })
      expect(failed.statusCode).toBe(302)
      expect(new URL(failed.headers.location as string).searchParams.get('error')).toBe(
        'OSI_IDENTITY_OIDC_STATE',
      )
    } finally {
      await web.close()
    }
    // Without OIDC configured, the methods say so and the exchange does not exist.
    const plain = await startTestService()
    try {
      expect((await plain.inject({ method: 'GET', url: '/v1/auth/methods' })).json().oidc).toBeNull()
      const none = await plain.inject({
        method: 'POST',
        url: '/v1/auth/oidc/exchange',
        payload: { code: 'osx_0123456789' },
      })
      expect(none.statusCode).toBe(404)
    } finally {
      await plain.close()
    }
  })

  it('a provider that omits email_verified (or denies it) is not trusted: no account is linked or created by email', async () => {
    const victim = await h.signUp('victime@mairie-exemple.fr')
    for (const account of ['lax-1', 'lax-2']) {
      const res = await callback(await new Browser().signIn(await start(), account))
      expect(res.statusCode, account).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json().code).toBe('OSI_IDENTITY_OIDC_FAILED')
    }
    const links = await h.db
      .selectFrom('user_identities')
      .selectAll()
      .where('user_id', '=', victim.userId)
      .execute()
    expect(links).toEqual([])
    const accounts = await h.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'victime@mairie-exemple.fr')
      .execute()
    expect(accounts).toHaveLength(1)
  })

  it('ProConnect-style OIDC with a siret claim verifies the membership: a pending claim of that commune becomes verified', async () => {
    // The secretary of Alleyrat registered by email and claimed her commune: pending.
    const first = await h.signUp('secretariat@alleyrat.fr')
    const alleyrat = await h.createCommune(first, '23003', 'agent', { verified: false })
    expect(alleyrat.verification).toBe('pending')
    // She signs in with ProConnect, whose SIRET 212 300 305 00017 belongs to Alleyrat's SIREN.
    const res = await login(await new Browser().signIn(await start(), 'mairie-alleyrat'))
    expect(res.statusCode).toBe(200)
    const pair = res.json() as TokenPair
    expect(pair.userId).toBe(first.userId)
    expect(decodeJwt(pair.accessToken).orgs).toEqual([{ id: alleyrat.id, role: 'agent', ref: true }])
    const claims = (
      await h.inject({ method: 'GET', url: '/v1/organisation-claims?mine=true', headers: bearer(pair) })
    ).json()
    expect(claims.items).toEqual([
      expect.objectContaining({
        organisationId: alleyrat.id,
        status: 'verified',
        method: 'oidc-siret',
        organisationVerification: 'verified',
      }),
    ])
    const identity = await h.db
      .selectFrom('user_identities')
      .select('siret')
      .where('user_id', '=', first.userId)
      .executeTakeFirstOrThrow()
    expect(identity.siret).toBe('21230030500017')
    await h.waitForEvent(
      IdentityEvents.OrganisationUpdated,
      (d) => d.organisationId === alleyrat.id && d.verification === 'verified',
    )

    // The other order: signed in with ProConnect first, the claim is verified at once.
    const mayor = (
      await login(await new Browser().signIn(await start(), 'mairie-anzeme'))
    ).json() as TokenPair
    const claimed = await h.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: bearer(mayor),
      payload: { kind: 'commune', officialCode: '23004', role: 'elected' },
    })
    expect(claimed.statusCode).toBe(201)
    expect(claimed.json()).toMatchObject({ name: 'Anzême', verification: 'verified' })
    // A SIRET of another establishment verifies nothing: claiming Ahun stays pending.
    const elsewhere = await h.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: bearer(mayor),
      payload: { kind: 'commune', officialCode: '23001', role: 'elected' },
    })
    expect(elsewhere.json()).toMatchObject({ name: 'Ahun', verification: 'pending' })
  })
})
