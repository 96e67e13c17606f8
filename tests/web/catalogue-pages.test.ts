import { DEMO } from '@osinum/contracts'
import { buildPlatform } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { waitFor } from '@osinum/service-kit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedInVisitor, visitor } from './visitor.js'

/** The catalogue, resources and trainings pages without a browser: access, refusals, 404s, the .ics. */
describe('catalogue, resources and trainings pages', () => {
  let host: Host
  beforeAll(async () => {
    ;({ host } = await buildPlatform({
      env: { DATABASE_URL: 'pglite://memory', NATS_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '3000' },
      logger: false,
    }))
    // Events run: the catalogue learns from identity which communes are verified.
    await host.startEvents()
  })
  afterAll(async () => {
    await host?.close()
  })
  const browse = () => visitor(host.app.inject.bind(host.app))

  async function signedInMayor(email: string = DEMO.communeA.elected.email) {
    const v = await signedInVisitor(host.app.inject.bind(host.app), email, DEMO.password)
    expect(v.landing).toBe('/tableau-de-bord')
    return v
  }

  async function firstSession(slug: string, v = browse()) {
    const page = await v.get(`/formations/${slug}`)
    expect(page.statusCode).toBe(200)
    return { page, sessionId: /\/sessions\/([0-9a-f-]{36})\/agenda\.ics/.exec(page.body)?.[1] }
  }

  it('sends an anonymous visitor who declares a tool or registers for a training to the sign-in page, and back', async () => {
    const v = browse()
    // A visitor's form token (any page's form): the refusal is about signing in, not the token.
    const signIn = await v.get('/connexion')
    const declare = await v.post(
      '/catalogue/jitsi-meet',
      { action: 'utilisation', status: 'uses' },
      signIn.body,
    )
    expect(declare.statusCode).toBe(303)
    expect(declare.headers.location).toBe(`/connexion?retour=${encodeURIComponent('/catalogue/jitsi-meet')}`)
    const register = await v.post(
      '/formations/rgpd-essentiel-maires',
      { action: 'inscription', sessionId: '0193a000-0000-7000-8000-000000000999' },
      signIn.body,
    )
    expect(register.statusCode).toBe(303)
    expect(register.headers.location).toBe(
      `/connexion?retour=${encodeURIComponent('/formations/rgpd-essentiel-maires')}`,
    )
    // The pages themselves are public, and offer to sign in.
    const tool = await v.get('/catalogue/jitsi-meet')
    expect(tool.statusCode).toBe(200)
    expect(tool.body).toContain('href="/connexion?retour=/catalogue/jitsi-meet"')
    // The sheet says honestly what it does not document yet (the seed leaves Jitsi's 2FA unknown).
    expect(tool.body).toMatch(
      /Fiche renseignée sur \d+ points sur \d+\. Pas encore renseigné : [^<]*double authentification/,
    )
  })

  it('lets a verified commune write to another one that uses the tool and accepts questions, without showing addresses', async () => {
    const b = await signedInMayor(DEMO.communeB.elected.email)
    const bPage = await b.get('/catalogue/cryptpad')
    const declared = await b.post(
      '/catalogue/cryptpad',
      {
        action: 'utilisation',
        organisationId: DEMO.communeB.id,
        status: 'uses',
        contactConsent: 'oui',
        comment: 'Pour les comptes rendus.',
      },
      bPage.body,
    )
    expect(declared.statusCode).toBe(303)
    expect(declared.headers.location).toBe('/catalogue/cryptpad#declarer')

    // The catalogue learns that the demo communes are verified from identity's events, at start.
    // (Eventual: 30 s for the event consumers of a loaded machine.)
    await waitFor(async () => {
      const usage = await host.app.inject({ url: '/v1/tools/cryptpad/usages' })
      return usage.json().contactable.length > 0
    }, 30_000)
    const a = await signedInMayor()
    const page = await a.get('/catalogue/cryptpad')
    expect(page.body).toContain('Contacter une commune qui l’utilise')
    expect(page.body).toContain('« Pour les comptes rendus. »')
    // Usage per région and per département, by name (Anzême is in the Creuse, Nouvelle-Aquitaine).
    expect(page.body).toContain('<li>Nouvelle-Aquitaine : <strong>1</strong></li>')
    expect(page.body).toContain('<li>Creuse (23) : <strong>1</strong></li>')
    expect(page.body).not.toContain(DEMO.communeB.elected.email)
    const tooShort = await a.post(
      '/catalogue/cryptpad',
      { action: 'contact', toOrganisationId: DEMO.communeB.id, message: 'Bonjour' },
      page.body,
    )
    expect(tooShort.statusCode).toBe(400)
    expect(tooShort.body).toContain('Écrivez votre message (au moins 10 caractères).')
    const sent = await a.post(
      '/catalogue/cryptpad',
      {
        action: 'contact',
        toOrganisationId: DEMO.communeB.id,
        fromOrganisationId: DEMO.communeA.id,
        message: 'Bonjour, comment l’avez-vous présenté au conseil ?',
      },
      page.body,
    )
    expect(sent.statusCode, sent.body).toBe(303)
    expect((await a.get('/catalogue/cryptpad')).body).toContain('Votre message est envoyé')
  })

  it('explains a refused declaration next to its field, and keeps an anonymous visitor’s bookmark for after sign-in', async () => {
    const a = await signedInMayor()
    const page = await a.get('/catalogue/etherpad')
    const refused = await a.post(
      '/catalogue/etherpad',
      { action: 'utilisation', organisationId: DEMO.communeA.id },
      page.body,
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('<a href="#status">Dites où en est votre commune.</a>')
    expect(refused.body).toMatch(/id="status-error"/)

    const v = browse()
    const signIn = await v.get('/connexion')
    const keep = await v.post('/ressources/mots-de-passe-en-mairie', { action: 'garder' }, signIn.body)
    expect(keep.headers.location).toBe(
      `/connexion?retour=${encodeURIComponent('/ressources/mots-de-passe-en-mairie')}`,
    )
  })

  it('answers the French 404 page for a tool, resource or training that does not exist', async () => {
    for (const url of [
      '/catalogue/n-existe-pas',
      '/catalogue/Pas%20un%20outil',
      '/ressources/n-existe-pas',
      '/formations/n-existe-pas',
      '/formations/rgpd-essentiel-maires/sessions/pas-un-id/agenda.ics',
    ]) {
      const res = await browse().get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type'], url).toMatch(/^text\/html/)
      expect(res.body, url).toContain('<h1>Page introuvable</h1>')
    }
  })

  it('finds « visio » tools accent-insensitively, with facets as links keeping the search', async () => {
    const res = await browse().get('/catalogue?q=visio')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('href="/catalogue/jitsi-meet"')
    expect(res.body).toMatch(
      /href="\/catalogue\?q=visio&amp;category=videoconference">Visioconférence \(\d+\)/,
    )
    const accents = await browse().get('/catalogue?q=visioconf%C3%A9rence')
    expect(accents.body).toContain('href="/catalogue/jitsi-meet"')
    const filtered = await browse().get('/catalogue?q=visio&freeLicence=true')
    expect(filtered.body).toContain('aria-current="true"')
    expect(filtered.body).not.toContain('href="/catalogue/microsoft-365"')
  })

  it('says in French what is wrong with a malformed filter or comparison, never JSON', async () => {
    const filter = await browse().get('/catalogue?costModel=gratuit-ou-presque')
    expect(filter.statusCode).toBe(400)
    expect(filter.body).toContain('Il y a un problème')
    expect(filter.body).not.toContain('OSI_')
    const one = await browse().get('/catalogue/comparer?outils=jitsi-meet')
    expect(one.statusCode).toBe(400)
    expect(one.body).toContain('choisissez de 2 à 4 outils')
    const unknown = await browse().get('/catalogue/comparer?outils=jitsi-meet,outil-imaginaire')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('n’existe pas')
    const two = await browse().get('/catalogue/comparer?outils=jitsi-meet&outils=bigbluebutton')
    expect(two.statusCode).toBe(200)
    expect(two.body).toContain('<th scope="row">Modèle de coût</th>')
  })

  it('shows a refused registration in French: the same session twice', async () => {
    const v = await signedInMayor()
    const { page, sessionId } = await firstSession('rgpd-essentiel-maires', v)
    expect(sessionId).toBeTruthy()
    const first = await v.post(
      '/formations/rgpd-essentiel-maires',
      { action: 'inscription', sessionId: sessionId! },
      page.body,
    )
    expect(first.statusCode).toBe(303)
    // The same form sent again (a second tab, the back button): the API refuses it.
    const again = await v.post(
      '/formations/rgpd-essentiel-maires',
      { action: 'inscription', sessionId: sessionId! },
      page.body,
    )
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('<title>Erreur : ')
    expect(again.body).toContain('Vous êtes déjà inscrit ou inscrite à cette session.')
    expect(again.body).not.toContain('OSI_')
  })

  it('gives the session’s calendar file from the page, not from an API link', async () => {
    const { page, sessionId } = await firstSession('open-data-petites-communes')
    expect(page.body).toContain(
      `href="/formations/open-data-petites-communes/sessions/${sessionId}/agenda.ics"`,
    )
    expect(page.body).not.toContain('/v1/')
    const ics = await browse().get(`/formations/open-data-petites-communes/sessions/${sessionId}/agenda.ics`)
    expect(ics.statusCode).toBe(200)
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/)
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR/)
  })

  it('renders a resource’s sanitised HTML and lists the themes of trainings with their counts', async () => {
    const resource = await browse().get('/ressources/mots-de-passe-en-mairie')
    expect(resource.statusCode).toBe(200)
    expect(resource.body).toMatch(/<div class="prose">\s*<(h2|p|ul)/)
    const trainings = await browse().get('/formations?theme=gdpr')
    expect(trainings.body).toContain('href="/formations/rgpd-essentiel-maires"')
    expect(trainings.body).toMatch(/aria-current="true"[^>]*>.*RGPD et données personnelles/)
  })
})
