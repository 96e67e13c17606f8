import { DEMO } from '@osinum/contracts'
import { buildPlatform } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedInVisitor } from './visitor.js'

const SOME_ID = '0193a000-0000-7000-8000-00000000ffff'

/** The signed-in pages of the community, help, inbox and « mes données » groups. */
const SIGNED_IN_PAGES = [
  '/aide',
  `/aide/demandes/${SOME_ID}`,
  '/aide/plan',
  `/aide/actions/${SOME_ID}`,
  '/notifications',
  `/notifications/${SOME_ID}`,
  '/communaute/partager',
  `/communaute/${SOME_ID}/signaler`,
  `/communaute/commentaires/${SOME_ID}/signaler`,
  '/compte/mes-donnees',
  '/compte/mes-donnees/telecharger',
  '/compte/supprimer',
]

describe('community, help, inbox and personal-data pages (inject)', () => {
  let host: Host
  const inject = () => host.app.inject.bind(host.app)

  /** A visitor signed in with the password form, as a person would. */
  const signedIn = (email: string) => signedInVisitor(inject(), email, DEMO.password)
  async function bearer(email: string) {
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO.password },
    })
    return { authorization: `Bearer ${res.json().accessToken}` }
  }

  beforeAll(async () => {
    ;({ host } = await buildPlatform({
      env: { DATABASE_URL: 'pglite://memory', NATS_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '3000' },
      logger: false,
    }))
  })
  afterAll(async () => {
    await host?.close()
  })

  it('sends an anonymous visitor of every signed-in page to the sign-in page, to come back after', async () => {
    for (const path of SIGNED_IN_PAGES) {
      const res = await host.app.inject({ url: path })
      expect(res.statusCode, path).toBe(303)
      expect(res.headers.location, path).toBe(`/connexion?retour=${encodeURIComponent(path)}`)
    }
    // Reading the community needs no account.
    expect((await host.app.inject({ url: '/communaute' })).statusCode).toBe(200)
  })

  it('shows another commune’s support request and plan item as the French « Page introuvable », and refuses to write in them', async () => {
    const a = await bearer(DEMO.communeA.elected.email)
    const created = await host.app.inject({
      method: 'POST',
      url: '/v1/support-requests',
      headers: a,
      payload: {
        organisationId: DEMO.communeA.id,
        topic: 'Nos sauvegardes',
        message: 'Comment sauvegarder ?',
      },
    })
    expect(created.statusCode).toBe(201)
    const item = await host.app.inject({
      method: 'POST',
      url: `/v1/action-plans/${DEMO.communeA.id}/items`,
      headers: a,
      payload: { title: 'Sauvegarder chaque semaine' },
    })
    expect(item.statusCode).toBe(201)

    const mayorA = await signedIn(DEMO.communeA.elected.email)
    const own = await mayorA.get(`/aide/demandes/${created.json().id}`)
    expect(own.statusCode).toBe(200)
    expect(own.body).toContain('Nos sauvegardes')

    const mayorB = await signedIn(DEMO.communeB.elected.email)
    for (const path of [`/aide/demandes/${created.json().id}`, `/aide/actions/${item.json().id}`]) {
      const res = await mayorB.get(path)
      expect(res.statusCode, path).toBe(404)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toContain('Page introuvable')
      expect(res.body).not.toContain('Nos sauvegardes')
      expect(res.body).not.toContain('Sauvegarder chaque semaine')
    }
    const page = await mayorB.get('/aide')
    const write = await mayorB.post(
      `/aide/demandes/${created.json().id}/messages`,
      { body: 'Je lis votre demande' },
      page.body,
    )
    expect(write.statusCode).toBe(404)
    const comment = await mayorB.post(
      `/aide/actions/${item.json().id}/commentaires`,
      { body: 'Intrusion' },
      page.body,
    )
    expect(comment.statusCode).toBe(404)
    const messages = await host.app.inject({
      url: `/v1/support-requests/${created.json().id}/messages`,
      headers: a,
    })
    expect(messages.json().total).toBe(0)
  })

  it('refuses an incomplete support request or report with French messages next to the fields', async () => {
    const v = await signedIn(DEMO.communeA.agent.email)
    const form = await v.get('/aide')
    const res = await v.post(
      '/aide/demandes',
      { organisationId: DEMO.communeA.id, topic: '', message: '' },
      form.body,
    )
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('<title>Erreur : Aide')
    expect(res.body).toContain('href="#topic"')
    expect(res.body).toContain('Écrivez votre question.')

    const post = await host.app.inject({
      method: 'POST',
      url: '/v1/experiences',
      headers: await bearer(DEMO.communeA.elected.email),
      payload: { title: 'Notre messagerie', body: 'Nous avons changé.', themes: ['email'], tools: [] },
    })
    const reportForm = await v.get(`/communaute/${post.json().id}/signaler`)
    expect(reportForm.statusCode).toBe(200)
    const report = await v.post(
      `/communaute/${post.json().id}/signaler`,
      { message: 'sans raison' },
      reportForm.body,
    )
    expect(report.statusCode).toBe(400)
    expect(report.body).toContain('Choisissez une raison.')
  })

  it('shows no ProConnect button when OIDC is not configured, and a French page for a failed or used ProConnect return', async () => {
    const signIn = await host.app.inject({ url: '/connexion' })
    expect(signIn.body).not.toContain('ProConnect')
    const late = await host.app.inject({ url: '/connexion/proconnect?error=OSI_IDENTITY_OIDC_STATE' })
    expect(late.statusCode).toBe(400)
    expect(late.body).toContain('La connexion avec ProConnect n’a pas abouti')
    expect(late.body).toContain('trop de temps')
    const used = await host.app.inject({ url: '/connexion/proconnect?code=osx_0123456789abcdef' })
    expect(used.statusCode).toBe(400)
    expect(used.headers['content-type']).toMatch(/^text\/html/)
    expect(used.body).not.toMatch(/"code"|OSI_/)
  })
})
