import type { Server } from 'node:http'
import { freePort } from '@osinum/testing'
import { decodeJwt } from 'jose'
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, type IdentityHarness, identityHarness } from './test-support.js'

const REDIRECT_URI = 'http://osinum.test/v1/auth/oidc/callback'
const ACCOUNTS: Record<string, { email: string; given_name: string; family_name: string }> = {
  'agent-1': { email: 'camille.martin@mairie-exemple.fr', given_name: 'Camille', family_name: 'Martin' },
  'agent-2': { email: 'deja.inscrite@mairie-exemple.fr', given_name: 'Déjà', family_name: 'Inscrite' },
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
  let h: IdentityHarness
  let server: Server
  let issuer: string

  beforeAll(async () => {
    const port = await freePort()
    issuer = `http://127.0.0.1:${port}`
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'osinum',
          client_secret: 'osinum-test-secret',
          redirect_uris: [REDIRECT_URI],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      cookies: { keys: ['oidc-test-cookie-key'] },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['given_name', 'family_name', 'name'],
      },
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      async findAccount(_ctx, id) {
        const account = ACCOUNTS[id]
        if (!account) return undefined
        return {
          accountId: id,
          claims: async () => ({ sub: id, ...account, email_verified: true }),
        }
      },
    })
    server = provider.listen(port, '127.0.0.1')
    h = await identityHarness({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'osinum',
      OIDC_CLIENT_SECRET: 'osinum-test-secret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE: 'true',
    })
  })
  afterAll(async () => {
    await h?.close()
    await new Promise((r) => server?.close(r))
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

  it('signs a new person in with authorization code + PKCE, creating a verified account', async () => {
    const redirect = await new Browser().signIn(await start(), 'agent-1')
    const res = await callback(redirect)
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
    const again = await callback(await new Browser().signIn(await start(), 'agent-1'))
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
    const res = await callback(await new Browser().signIn(await start(), 'agent-2'))
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
})
