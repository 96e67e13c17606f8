import { DEMO } from '@osinum/contracts'
import { buildPlatform } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedInVisitor, type Visitor, visitor } from './visitor.js'

/** The diagnostic pages without a browser: who may see them, and what a refused answer shows. */
describe('diagnostic pages on the embedded platform', () => {
  let host: Host
  let draftId: string
  let submittedId: string
  let mayorA: Visitor
  let mayorB: Visitor

  const signIn = async (email: string) => {
    const v = await signedInVisitor(host.app.inject.bind(host.app), email, DEMO.password)
    expect(v.landing).toBe('/tableau-de-bord')
    return v
  }

  beforeAll(async () => {
    ;({ host } = await buildPlatform({
      env: { DATABASE_URL: 'pglite://memory', NATS_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '3000' },
      logger: false,
    }))
    mayorA = await signIn(DEMO.communeA.elected.email)
    mayorB = await signIn(DEMO.communeB.elected.email)
    // Commune A's demo diagnostic (submitted), then a new draft started from the page.
    const home = await mayorA.get('/diagnostic')
    expect(home.statusCode).toBe(200)
    submittedId = /href="\/diagnostic\/([0-9a-f-]{36})\/resultats"/.exec(home.body)![1]!
    const started = await mayorA.post('/diagnostic', { organisationId: DEMO.communeA.id }, home.body)
    expect(started.statusCode).toBe(303)
    draftId = /^\/diagnostic\/([0-9a-f-]{36})$/.exec(started.headers.location as string)![1]!
  })
  afterAll(async () => {
    await host?.close()
  })

  it('sends an anonymous visitor from every diagnostic page to the sign-in page, and back', async () => {
    const anonymous = visitor(host.app.inject.bind(host.app))
    for (const path of [
      '/diagnostic',
      `/diagnostic/${draftId}`,
      `/diagnostic/${draftId}/relecture`,
      `/diagnostic/${submittedId}/resultats`,
      `/diagnostic/${submittedId}/rapport.pdf`,
    ]) {
      const res = await anonymous.get(path)
      expect(res.statusCode, path).toBe(303)
      expect(res.headers.location, path).toBe(`/connexion?retour=${encodeURIComponent(path)}`)
    }
  })

  it('shows a member of another commune a French « page introuvable » for someone else’s diagnostic', async () => {
    for (const path of [
      `/diagnostic/${draftId}`,
      `/diagnostic/${draftId}/relecture`,
      `/diagnostic/${submittedId}/resultats`,
      `/diagnostic/${submittedId}/rapport.pdf`,
      '/diagnostic/pas-un-identifiant',
    ]) {
      const res = await mayorB.get(path)
      expect(res.statusCode, path).toBe(404)
      expect(res.headers['content-type'], path).toMatch(/^text\/html/)
      expect(res.body, path).toContain('<h1>Page introuvable</h1>')
    }
    // Nor can they write in it.
    const own = await mayorB.get('/diagnostic')
    const write = await mayorB.post(
      `/diagnostic/${draftId}`,
      { etape: '2', 'equipment.tablet': 'yes' },
      own.body,
    )
    expect(write.statusCode).toBe(404)
    const step = await mayorA.get(`/diagnostic/${draftId}?etape=2`)
    expect(step.body).not.toMatch(/value="yes" checked/)
  })

  it('shows the French error next to an answer the service refuses, and keeps what was ticked', async () => {
    const step = await mayorA.get(`/diagnostic/${draftId}?etape=1`)
    expect(step.body).toContain('Étape 1 sur 16')
    // « Aucune » cannot be ticked with another wish: a browser without script lets one try.
    const res = await mayorA.post(
      `/diagnostic/${draftId}`,
      {
        etape: '1',
        'governance.population': 'under-500',
        'governance.training-wishes': ['none', 'open-data'],
      },
      step.body,
    )
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('<title>Erreur : Diagnostic, étape 1 sur 16')
    expect(res.body).toContain('<a href="#q-governance-training-wishes">')
    expect(res.body).toMatch(
      /id="q-governance-training-wishes-error"><span class="visually-hidden">Erreur : <\/span>« [^»]+ » ne peut pas être coché avec une autre réponse/,
    )
    expect(res.body).toMatch(/name="governance.population" value="under-500" checked/)
    expect(res.body).not.toContain('OSI_')
  })

  it('adds the follow-up question once the answer that calls for it is saved, and removes it when changed back', async () => {
    const step = await mayorA.get(`/diagnostic/${draftId}?etape=3`)
    expect(step.body).toContain('<h1>Connexion internet</h1>')
    expect(step.body).not.toContain('name="connectivity.wifi-security"')
    const wifi = await mayorA.post(
      `/diagnostic/${draftId}`,
      { etape: '3', suite: 'continuer', 'connectivity.workplace': 'wifi' },
      step.body,
    )
    expect(wifi.headers.location).toBe(`/diagnostic/${draftId}?etape=3#q-connectivity-wifi-security`)
    const again = await mayorA.get(`/diagnostic/${draftId}?etape=3`)
    expect(again.body).toContain('une question de plus vous concerne')
    expect(again.body).toContain('name="connectivity.wifi-security"')
    // A wired connection only: the Wi-Fi question goes away (its answer, if any, is kept aside).
    const wired = await mayorA.post(
      `/diagnostic/${draftId}`,
      {
        etape: '3',
        suite: 'continuer',
        'connectivity.workplace': 'wired',
        'connectivity.wifi-security': 'open',
      },
      again.body,
    )
    expect(wired.headers.location).toBe(`/diagnostic/${draftId}?etape=4`)
    expect((await mayorA.get(`/diagnostic/${draftId}?etape=3`)).body).not.toContain(
      'name="connectivity.wifi-security"',
    )
  })

  it('sends a draft’s results link to its questions, and streams the PDF of a submitted one', async () => {
    const draft = await mayorA.get(`/diagnostic/${draftId}/resultats`)
    expect(draft.statusCode).toBe(303)
    expect(draft.headers.location).toBe(`/diagnostic/${draftId}`)
    const pdf = await mayorA.get(`/diagnostic/${submittedId}/rapport.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF')
  })
})
