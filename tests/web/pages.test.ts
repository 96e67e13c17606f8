import { createServer } from 'node:net'
import { DEMO } from '@osinum/contracts'
import { buildPlatform } from '@osinum/platform'
import { createStatelessHost, type Host, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import { waitFor } from '@osinum/service-kit/testing'
import { webModule } from '@osinum/web'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visitor } from './visitor.js'

describe('web pages on the embedded platform', () => {
  let host: Host
  beforeAll(async () => {
    ;({ host } = await buildPlatform({
      env: {
        DATABASE_URL: 'pglite://memory',
        NATS_URL: 'memory:',
        LOG_LEVEL: 'silent',
        PORT: '3000',
        // Shorter than the pages' refresh margin (60 s): every signed-in page refreshes its tokens.
        ACCESS_TOKEN_TTL_SECONDS: '30',
      },
      logger: false,
    }))
  })
  afterAll(async () => {
    await host?.close()
  })

  it('turns an API problem into a French message next to the field, never JSON', async () => {
    const v = visitor(host.app.inject.bind(host.app))
    const form = await v.get('/inscription')
    const res = await v.post('/inscription', { email: 'pas-une-adresse' }, form.body)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('<title>Erreur : Créer un compte')
    expect(res.body).toContain('<a href="#email">Indiquez une adresse e-mail valide')
    expect(res.body).toMatch(/id="email-error"[^>]*>.*Indiquez une adresse e-mail valide/)
    expect(res.body).not.toContain('OSI_')
    expect(res.body).not.toContain('"status"')
  })

  it('refreshes the tokens transparently, and sends to the sign-in page a person whose session ended elsewhere', async () => {
    const signIn = async () => {
      const v = visitor(host.app.inject.bind(host.app))
      const form = await v.get('/connexion')
      const res = await v.post(
        '/connexion',
        { 'login-email': 'maire@commune-a.demo.osinum.example', password: 'osinum-demo-2026' },
        form.body,
      )
      expect(res.headers.location).toBe('/tableau-de-bord')
      return v
    }
    const laptop = await signIn()
    const phone = await signIn()
    for (let i = 0; i < 3; i++) expect((await laptop.get('/compte')).statusCode).toBe(200)
    const sessions = await phone.get('/compte/sessions')
    expect((await phone.post('/compte/sessions/toutes', {}, sessions.body)).headers.location).toBe(
      '/connexion',
    )
    const after = await laptop.get('/compte')
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/connexion?retour=%2Fcompte')
    expect((await laptop.get('/connexion')).body).toContain('Votre session a pris fin')
    expect((await laptop.get('/tableau-de-bord')).headers.location).toBe(
      '/connexion?retour=%2Ftableau-de-bord',
    )
  })

  it('refuses a form posted without its CSRF token, or with another session’s', async () => {
    const v = visitor(host.app.inject.bind(host.app))
    expect((await v.post('/connexion/lien', { email: 'maire@mairie.example' })).statusCode).toBe(403)
    const other = visitor(host.app.inject.bind(host.app))
    const page = await other.get('/connexion')
    await v.get('/connexion')
    const forged = await v.post('/connexion/lien', { email: 'maire@mairie.example' }, page.body)
    expect(forged.statusCode).toBe(403)
    expect(forged.body).toContain('Formulaire expiré')
  })

  it('keeps the API’s answers for API paths and the pages out of the OpenAPI document', async () => {
    const api404 = await host.app.inject({ url: '/v1/does-not-exist' })
    expect(api404.statusCode).toBe(404)
    expect(api404.headers['content-type']).toMatch(/^application\/problem\+json/)
    const page404 = await host.app.inject({ url: '/n-existe-pas' })
    expect(page404.statusCode).toBe(404)
    expect(page404.body).toContain('<h1>Page introuvable</h1>')
    const document = (host.app as unknown as { swagger(): { paths: Record<string, unknown> } }).swagger()
    expect(
      Object.keys(document.paths).filter((p) => !p.startsWith('/v1/') && !p.startsWith('/.well-known')),
    ).toEqual([])
  })

  it('themes the pages with the instance’s only operator: its name in titles, its colour (contrast-checked)', async () => {
    const home = await host.app.inject({ url: '/connexion' })
    expect(home.body).toContain('<title>Se connecter — osinum · Numérique Limousin (démo)</title>')
    // The demo operator's #1d4ed8 already reaches 4.5:1 with white: kept as is.
    expect(home.body).toMatch(/<style nonce="[^"]+">:root\{--primary:#1d4ed8;/)
  })

  it('serves pages with a CSP that allows no inline script, and a stylesheet cached for a year', async () => {
    const home = await host.app.inject({ url: '/' })
    // Links on a page never leak a token of its URL to other sites.
    expect(home.headers['referrer-policy']).toBe('no-referrer')
    const csp = home.headers['content-security-policy'] as string
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    const css = /href="(\/assets\/site-[0-9a-f]+\.css)"/.exec(home.body)![1]!
    const sheet = await host.app.inject({ url: css })
    expect(sheet.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(sheet.body.length).toBeLessThan(20_000)
  })
})

describe('web pages when the person’s token is revoked by a change of roles or memberships', () => {
  let host: Host
  beforeAll(async () => {
    ;({ host } = await buildPlatform({
      env: { DATABASE_URL: 'pglite://memory', NATS_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '3000' },
      logger: false,
    }))
    await host.startEvents()
  })
  afterAll(async () => {
    await host?.close()
  })

  it('keeps the person signed in: the revoked token is renewed once and the page shown', async () => {
    const login = async (email: string) =>
      (
        await host.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          payload: { email, password: 'osinum-demo-2026' },
        })
      ).json() as { accessToken: string; userId: string }
    const secretaryEmail = 'secretariat@commune-a.demo.osinum.example'
    const v = visitor(host.app.inject.bind(host.app))
    const form = await v.get('/connexion')
    await v.post('/connexion', { 'login-email': secretaryEmail, password: 'osinum-demo-2026' }, form.body)
    expect((await v.get('/compte')).statusCode).toBe(200)
    // A token of the same moment, to see when the revocation has reached the services.
    const witness = await login(secretaryEmail)
    const mayor = await login('maire@commune-a.demo.osinum.example')
    const changed = await host.app.inject({
      method: 'PATCH',
      url: `/v1/organisations/${DEMO.communeA.id}/members/${witness.userId}`,
      headers: { authorization: `Bearer ${mayor.accessToken}` },
      payload: { role: 'elected' },
    })
    expect(changed.statusCode).toBe(200)
    await waitFor(async () => {
      const res = await host.app.inject({
        url: '/v1/users/me',
        headers: { authorization: `Bearer ${witness.accessToken}` },
      })
      return res.statusCode === 401 && res.json().code === 'OSI_TOKEN_REVOKED'
    })
    const page = await v.get('/compte')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(secretaryEmail)
  })
})

describe('web stand-alone', () => {
  let host: Awaited<ReturnType<typeof createStatelessHost>>
  beforeAll(async () => {
    // An API address where nothing listens.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const config = loadConfig(serviceConfigSchema(webModule), {
      API_URL: `http://127.0.0.1:${port}`,
      WEB_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      PUBLIC_URL: 'https://osinum.example.fr',
      LOG_LEVEL: 'silent',
    })
    host = await createStatelessHost({
      modules: [webModule],
      config: config as Parameters<typeof createStatelessHost>[0]['config'],
      logger: false,
    })
  })
  afterAll(async () => {
    await host?.close()
  })

  it('needs neither DATABASE_URL nor NATS_URL, and refuses to start without its session secret', () => {
    expect(() => loadConfig(serviceConfigSchema(webModule), { API_URL: 'https://api.example.fr' })).toThrow(
      /WEB_SESSION_SECRET is required/,
    )
  })

  it('stays ready while the API is down, reporting it as a health detail', async () => {
    const res = await host.app.inject({ url: '/readyz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', checks: { shutdown: true } })
    const health = await host.app.inject({ url: '/healthz' })
    expect(health.json()).toMatchObject({
      status: 'degraded',
      checks: { api: { ok: false, critical: false } },
    })
  })

  it('answers « service momentanément indisponible » with 503 when a page needs the API', async () => {
    const res = await host.app.inject({ url: '/desinscription?token=u1.abcdefghijkl' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('<h1>Service momentanément indisponible</h1>')
    // The pages that need no API call still work.
    expect((await host.app.inject({ url: '/accessibilite' })).statusCode).toBe(200)
  })

  it('gives a visitor who only reads no cookie: the session and its CSRF secret start with the first form', async () => {
    const read = await host.app.inject({ url: '/accessibilite' })
    expect(read.statusCode).toBe(200)
    expect(read.headers['set-cookie']).toBeUndefined()
    expect(read.body).not.toContain('name="_csrf"')
  })

  it('sets the session cookie httpOnly, Secure (https) and SameSite=Lax', async () => {
    const res = await host.app.inject({ url: '/connexion' })
    const cookie = [res.headers['set-cookie']].flat()[0] as string
    expect(cookie).toMatch(/^osinum_session=/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Lax')
  })
})
