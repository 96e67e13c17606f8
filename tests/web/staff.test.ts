import { join } from 'node:path'
import { DEMO } from '@osinum/contracts'
import { STAFF_ROUTE_LIST } from '@osinum/web'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage, hasChromium, startWebPlatform, type WebPlatform } from './browser.js'
import { signedInVisitor, visitor } from './visitor.js'

/** Two programs the demo catalogue does not have (Scribus, Inkscape), and one it has (Nextcloud, same SILL id). */
const SILL_FIXTURE = join(import.meta.dirname, 'fixtures/sill-small.json')

/**
 * The staff back-office (`/gestion/...`) in a real browser against the embedded demo: the demo
 * advisor, editor and administrator at work; the commune's side checked through its API.
 */
describe.skipIf(!hasChromium())('staff back-office pages', { timeout: 240_000 }, () => {
  let p: WebPlatform
  beforeAll(async () => {
    p = await startWebPlatform()
  })
  afterAll(async () => {
    await p?.close()
  })

  const inject = () => p.host.app.inject.bind(p.host.app)

  /** The API as one demo person (bearer token from a password login). */
  async function apiAs(email: string) {
    const login = await p.host.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO.password },
    })
    const headers = { authorization: `Bearer ${login.json().accessToken}` }
    return {
      get: (url: string) => p.host.app.inject({ url, headers }),
      send: (method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, payload?: object) =>
        p.host.app.inject({ method, url, headers, ...(payload ? { payload } : {}) }),
    }
  }

  async function signIn(email: string): Promise<Page> {
    const context = await p.context()
    const page = await context.newPage()
    await page.goto('/connexion')
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email)
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO.password)
    await page.getByRole('button', { name: 'Se connecter' }).last().click()
    // Staff outside any commune land on the back-office.
    await page.waitForURL(/\/gestion$/)
    return page
  }

  it('refuses every staff page to an anonymous visitor (sign-in page) and to a commune member (French 403 page)', async () => {
    const routes = [...STAFF_ROUTE_LIST]
    expect(routes).toContain('GET /gestion')
    const sample = '0193a000-0000-7000-8000-000000000999'
    const mayor = await signedInVisitor(inject(), DEMO.communeA.elected.email, DEMO.password)
    const anonymous = visitor(inject())
    const tokenPage = await anonymous.get('/connexion')
    const memberPage = await mayor.get('/tableau-de-bord')
    expect(memberPage.body).not.toContain('href="/gestion"')
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST', string]
      const url = pattern.replace(/:[a-zA-Z]+/g, sample)
      const anon = method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, {}, tokenPage.body)
      expect(anon.statusCode, `${route} anonymous`).toBe(303)
      expect(anon.headers.location, `${route} anonymous`).toMatch(/^\/connexion\?retour=/)
      const member = method === 'GET' ? await mayor.get(url) : await mayor.post(url, {}, memberPage.body)
      expect(member.statusCode, `${route} commune member`).toBe(403)
      expect(member.body, `${route} commune member`).toContain('<h1>Accès refusé</h1>')
      expect(member.body, `${route} commune member`).toContain('réservée à l’équipe du syndicat')
    }
  })

  it('the advisor picks up a support request, answers it and closes it; the commune sees the answer', async () => {
    const mayor = await apiAs(DEMO.communeA.elected.email)
    const asked = await mayor.send('POST', '/v1/support-requests', {
      organisationId: DEMO.communeA.id,
      topic: 'Sauvegarde des postes de la mairie',
      message: 'Comment sauvegarder les deux ordinateurs de la mairie chaque semaine ?',
    })
    expect(asked.statusCode).toBe(201)
    const requestId = asked.json().id as string

    const page = await signIn(DEMO.advisor.email)
    expect(await page.getByRole('link', { name: 'Gestion' }).first().getAttribute('aria-current')).toBe(
      'page',
    )
    await checkPage(page, 'gestion')
    await page.getByRole('link', { name: 'Demandes d’aide' }).first().click()
    await checkPage(page, 'gestion-demandes')
    await page.getByRole('link', { name: 'Sauvegarde des postes de la mairie' }).click()
    await page.waitForURL(new RegExp(`/gestion/demandes/${requestId}$`))
    expect(await page.locator('main').textContent()).toContain('Personne ne suit encore cette demande')
    await page.getByRole('button', { name: 'Prendre en charge' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Vous suivez maintenant cette demande')
    expect(await page.locator('.summary-list').textContent()).toContain('Suivie parvous')

    await page.getByRole('button', { name: 'Envoyer la réponse' }).click()
    expect(await page.title()).toMatch(/^Erreur : /)
    expect(await page.locator('#body').getAttribute('aria-invalid')).toBe('true')
    const answer = 'Un disque externe suffit : le syndicat prête un modèle, je vous appelle mardi.'
    await page.getByLabel('Votre réponse à la commune').fill(answer)
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Réponse envoyée')
    await checkPage(page, 'gestion-demande')

    const seen = await mayor.get(`/v1/support-requests/${requestId}/messages`)
    expect(
      seen.json().items.map((m: { body: string; fromAdvisor: boolean }) => [m.body, m.fromAdvisor]),
    ).toEqual([[answer, true]])

    // Closing asks for a confirmation that says what happens.
    await page.getByRole('button', { name: 'Clôturer la demande' }).click()
    expect(await page.locator('#confirmer-error').textContent()).toContain('Cochez la case')
    expect((await mayor.get(`/v1/support-requests/${requestId}`)).json().status).not.toBe('closed')
    await page.getByLabel(/Je confirme : la demande sera close/).check()
    await page.getByRole('button', { name: 'Clôturer la demande' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Demande close')
    expect((await mayor.get(`/v1/support-requests/${requestId}`)).json().status).toBe('closed')
    await page.context().close()
  })

  it('the advisor’s private note never reaches the commune, and a revoked consent hides the results at once', async () => {
    const page = await signIn(DEMO.advisor.email)
    await page.goto('/gestion/communes')
    await checkPage(page, 'gestion-communes')
    await page.getByRole('link', { name: /Alleyrat/ }).click()
    expect(await page.locator('main').textContent()).toContain('Dernier diagnostic')
    expect(await page.locator('main').textContent()).toContain('Score par thème')
    expect(await page.locator('main').textContent()).toContain('visible par les conseillers seulement')

    const note = 'Le maire hésite à changer de messagerie avant les élections.'
    await page.getByLabel('Nouvelle note privée').fill(note)
    await page.getByRole('button', { name: 'Enregistrer la note' }).click()
    expect(await page.locator('.private-notes').textContent()).toContain(note)
    await checkPage(page, 'gestion-commune')

    // The commune's own API answers never carry the note.
    const mayor = await apiAs(DEMO.communeA.elected.email)
    for (const url of [
      `/v1/action-plans/${DEMO.communeA.id}`,
      `/v1/action-plans/${DEMO.communeA.id}/notes`,
      '/v1/support-requests',
    ])
      expect((await mayor.get(url)).body, url).not.toContain(note)
    const plan = await mayor.get(`/v1/action-plans/${DEMO.communeA.id}`)
    expect(plan.json().view).toBe('member')
    expect(plan.json().privateNotes).toBeUndefined()
    const mayorPages = await signedInVisitor(inject(), DEMO.communeA.elected.email, DEMO.password)
    for (const url of [
      '/tableau-de-bord',
      '/compte',
      '/gestion/communes',
      `/gestion/communes/${DEMO.communeA.id}`,
    ])
      expect((await mayorPages.get(url)).body, url).not.toContain(note)

    // The commune withdraws its consent: the advisor's page stops showing its results on the next load.
    expect((await mayor.send('DELETE', `/v1/organisations/${DEMO.communeA.id}/consent`)).statusCode).toBe(200)
    try {
      await page.reload()
      const main = (await page.locator('main').textContent()) ?? ''
      expect(main).toContain('n’a pas donné son accord')
      expect(main).not.toContain('Score par thème')
      expect(main).not.toContain(note)
      await checkPage(page, 'gestion-commune-sans-accord', { screenshot: false })
    } finally {
      await mayor.send('PUT', `/v1/organisations/${DEMO.communeA.id}/consent`)
    }
    await page.context().close()
  })

  it('the editor moderates a reported review (refusal with a reason and a confirmation, then undone) and handles a reported resource', async () => {
    const reviewId = '0193a000-0000-7000-8000-000000000c31' // the demo's published review of Nextcloud
    const mayorB = await apiAs(DEMO.communeB.elected.email)
    expect(
      (
        await mayorB.send('POST', `/v1/reviews/${reviewId}/reports`, {
          reason: 'Ce n’est pas notre expérience',
        })
      ).statusCode,
    ).toBe(204)
    const publicReviews = async () =>
      (
        (await p.host.app.inject({ url: '/v1/tools/nextcloud/reviews' })).json().items as Array<{
          id: string
        }>
      ).map((r) => r.id)
    expect(await publicReviews()).toContain(reviewId)

    const page = await signIn(DEMO.editor.email)
    await page.getByRole('link', { name: 'Modération' }).first().click()
    await page.waitForURL(/\/gestion\/moderation$/)
    await checkPage(page, 'gestion-moderation')
    await page.locator(`a[href="/gestion/avis/${reviewId}"]`).first().click()
    expect(await page.locator('main').textContent()).toContain('« Ce n’est pas notre expérience »')
    await checkPage(page, 'gestion-avis')

    // A refusal needs its reason and the confirmation.
    await page.getByLabel(/Le refuser/).check()
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    expect(await page.title()).toMatch(/^Erreur : /)
    expect(await page.locator('.error-summary').textContent()).toContain('Indiquez la raison du refus')
    expect(await page.locator('.error-summary').textContent()).toContain('Cochez la case')
    expect(await publicReviews()).toContain(reviewId)
    await page.getByLabel('Raison de la décision').fill('Avis non vérifiable, à reformuler par la commune.')
    await page.getByLabel(/Je confirme : si je refuse l’avis/).check()
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await page.waitForURL(/\/gestion\/moderation$/)
    expect(await page.locator('.notice').textContent()).toContain('Avis refusé')
    expect(await publicReviews()).not.toContain(reviewId)

    // Undone from the same page: published again.
    await page.goto(`/gestion/avis/${reviewId}`)
    expect(await page.locator('.summary-list').textContent()).toContain('Refusé')
    await page.getByLabel(/Le publier/).check()
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await page.waitForURL(/\/gestion\/moderation$/)
    expect(await publicReviews()).toContain(reviewId)

    // A reported resource: the editor dismisses the report with a reason.
    const resources = (await p.host.app.inject({ url: '/v1/resources?limit=1' })).json().items as Array<{
      slug: string
      title: string
    }>
    const resource = resources[0]!
    expect(
      (
        await mayorB.send('POST', `/v1/resources/${resource.slug}/reports`, {
          reason: 'outdated',
          message: 'Le lien vers le formulaire ne marche plus.',
        })
      ).statusCode,
    ).toBeLessThan(300)
    await page.getByRole('link', { name: 'Signalements' }).first().click()
    await page.waitForURL(/\/gestion\/signalements$/)
    const card = page.locator('.report', { hasText: 'Le lien vers le formulaire ne marche plus.' })
    expect(await card.count()).toBe(1)
    await checkPage(page, 'gestion-signalements')
    await card.getByRole('button', { name: 'Enregistrer' }).click()
    expect(await page.locator('.error-summary').textContent()).toContain('Choisissez la suite donnée')
    const again = page.locator('.report', { hasText: 'Le lien vers le formulaire ne marche plus.' })
    await again.getByLabel(/Écarter le signalement/).check()
    await again.getByLabel(/Raison/).fill('Lien vérifié : il fonctionne.')
    await again.getByRole('button', { name: 'Enregistrer' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Signalement traité')
    expect(
      await page.locator('.report', { hasText: 'Le lien vers le formulaire ne marche plus.' }).count(),
    ).toBe(0)
    const editorApi = await apiAs(DEMO.editor.email)
    const closed = (await editorApi.get('/v1/resources/reports?status=dismissed')).json().items as Array<{
      message: string
      resolutionNote: string
    }>
    expect(
      closed.find((r) => r.message === 'Le lien vers le formulaire ne marche plus.')?.resolutionNote,
    ).toBe('Lien vérifié : il fonctionne.')
    await page.context().close()
  })

  it('the syndicate’s administrator adds an offer that the commune then sees on the tool, and downloads a session’s participant list', async () => {
    const offered = new Set(
      (
        (
          await p.host.app.inject({ url: `/v1/operator-offers?operatorId=${DEMO.operator.id}&limit=100` })
        ).json().items as Array<{ toolSlug: string }>
      ).map((o) => o.toolSlug),
    )
    const tools = (await p.host.app.inject({ url: '/v1/tools?limit=100' })).json().items as Array<{
      slug: string
      name: string
    }>
    const tool = tools.find((t) => !offered.has(t.slug))!
    const page = await signIn(DEMO.admin.email)
    await page.getByRole('link', { name: 'Offres du syndicat' }).first().click()
    await page.waitForURL(/\/gestion\/offres$/)
    await checkPage(page, 'gestion-offres')
    await page.getByRole('button', { name: 'Ajouter l’offre' }).click()
    expect(await page.locator('#toolSlug-error').textContent()).toContain('Choisissez un outil')
    await page.getByLabel('Outil du catalogue').selectOption(tool.slug)
    const terms = 'Hébergé par le syndicat en Creuse, prise en main d’une demi-journée incluse.'
    await page.getByLabel('Ce que le syndicat propose, et à quelles conditions').fill(terms)
    await page.getByLabel('Prix indicatif').fill('Inclus dans la cotisation')
    await page.getByRole('button', { name: 'Ajouter l’offre' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Offre ajoutée')
    expect(await page.locator('main table').textContent()).toContain(tool.name)

    const mayor = await apiAs(DEMO.communeA.elected.email)
    const seen = (await mayor.get(`/v1/tools/${tool.slug}`)).json()
    expect(seen.operatorOffer).toMatchObject({
      operatorId: DEMO.operator.id,
      description: terms,
      priceIndication: 'Inclus dans la cotisation',
    })

    // Withdrawing asks for the confirmation; editing keeps the offer.
    await page.getByRole('link', { name: new RegExp(`Modifier l’offre ${tool.name}`) }).click()
    await checkPage(page, 'gestion-offre')
    await page.getByRole('button', { name: 'Retirer l’offre' }).click()
    expect(await page.locator('#confirmer-error').textContent()).toContain('Cochez la case')
    expect((await mayor.get(`/v1/tools/${tool.slug}`)).json().operatorOffer).not.toBeNull()

    // A session's participants: the mayor registers, the administrator downloads the list.
    const trainings = (await mayor.get('/v1/trainings?upcoming=true&limit=100')).json().items as Array<{
      slug: string
      title: string
    }>
    const training = (await mayor.get(`/v1/trainings/${trainings[0]!.slug}`)).json()
    const session = training.sessions[0] as { id: string }
    expect((await mayor.send('POST', '/v1/registrations', { sessionId: session.id })).statusCode).toBe(201)
    await page.getByRole('link', { name: 'Formations' }).last().click()
    await page.waitForURL(/\/gestion\/formations$/)
    await checkPage(page, 'gestion-formations')
    await page.locator(`main a[href="/gestion/formations/${training.slug}"]`).click()
    await page.locator(`a[href="/gestion/formations/sessions/${session.id}"]`).click()
    expect(await page.locator('main table').textContent()).toContain(DEMO.communeA.elected.email)
    expect(await page.locator('main table').textContent()).toContain('Marie Maire')
    await checkPage(page, 'gestion-session')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Télécharger la liste/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^inscrits-${training.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    )
    const csv = (await (await download.createReadStream()).toArray()).join('')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('Nom,Adresse e-mail,Inscription,Inscrit le,Présence')
    expect(lines.some((l) => l.startsWith(`Marie Maire,${DEMO.communeA.elected.email},`))).toBe(true)
    await page.context().close()
  })

  it('the syndicate’s administrator cancels a session after confirming: its registrant sees it cancelled, on the API and on the public page', async () => {
    const mayor = await apiAs(DEMO.communeA.elected.email)
    const trainings = (await mayor.get('/v1/trainings?upcoming=true&limit=100')).json().items as Array<{
      slug: string
    }>
    const training = (await mayor.get(`/v1/trainings/${trainings.at(-1)!.slug}`)).json()
    const session = training.sessions.at(-1) as { id: string }
    const registration = await mayor.send('POST', '/v1/registrations', { sessionId: session.id })
    expect(registration.statusCode).toBe(201)
    const page = await signIn(DEMO.admin.email)
    await page.goto(`/gestion/formations/sessions/${session.id}`)
    await page.getByRole('button', { name: 'Annuler la session' }).click()
    expect(await page.locator('#confirmer-error').textContent()).toContain('Cochez la case')
    expect((await mayor.get(`/v1/training-sessions/${session.id}`)).json().cancelled).toBe(false)
    await page.getByLabel(/chaque inscrit/).check()
    await page.getByRole('button', { name: 'Annuler la session' }).click()
    await page.waitForURL(new RegExp(`/gestion/formations/sessions/${session.id}$`))
    expect(await page.locator('.notice').first().textContent()).toContain('Session annulée')
    await checkPage(page, 'gestion-session-annulee')
    expect((await mayor.get(`/v1/training-sessions/${session.id}`)).json().cancelled).toBe(true)
    const mine = (await mayor.get(`/v1/registrations/${registration.json().id}`)).json()
    expect(mine.status).toBe('cancelled')
    await page.goto(`/formations/${training.slug}`)
    expect(await page.locator('.session-cancelled').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('the editor imports a small SILL file, reads the report per entry, then publishes two of the new drafts', async () => {
    const page = await signIn(DEMO.editor.email)
    await page.getByRole('link', { name: 'Import de logiciels' }).first().click()
    await page.waitForURL(/\/gestion\/catalogue\/import$/)
    await page.getByRole('button', { name: 'Importer et voir le rapport' }).click()
    expect(await page.locator('#file-error').textContent()).toContain('Choisissez le fichier')
    await page.getByLabel('SILL (export JSON)').check()
    await page.getByLabel('Fichier à importer (JSON)').setInputFiles(SILL_FIXTURE)
    await page.getByRole('button', { name: 'Importer et voir le rapport' }).click()
    const created = page.locator('#report-title ~ table tbody tr', { hasText: 'Nouveau : brouillon créé' })
    expect(await created.count(), (await page.locator('main').textContent()) ?? '').toBeGreaterThanOrEqual(2)
    await checkPage(page, 'gestion-import')
    const names = [
      (await created.nth(0).locator('th').textContent())!.trim(),
      (await created.nth(1).locator('th').textContent())!.trim(),
    ]
    const slugOf = async (name: string) =>
      (await page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).getAttribute('value'))!
    const slugs = [await slugOf(names[0]!), await slugOf(names[1]!)]
    for (const slug of slugs)
      expect((await p.host.app.inject({ url: `/v1/tools/${slug}` })).statusCode).toBe(404)

    // Publishing asks for the confirmation.
    for (const name of names) await page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).check()
    await page.getByRole('button', { name: 'Publier la sélection' }).click()
    expect(await page.locator('#confirmer-error').textContent()).toContain('Cochez la case')
    for (const name of names)
      expect(await page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).isChecked()).toBe(true)
    await page.getByLabel(/Je confirme : les logiciels cochés/).check()
    await page.getByRole('button', { name: 'Publier la sélection' }).click()
    expect(await page.locator('.notice').textContent()).toContain('2 logiciels publiés')
    for (const slug of slugs) {
      const tool = await p.host.app.inject({ url: `/v1/tools/${slug}` })
      expect(tool.statusCode).toBe(200)
      expect(tool.json().status).toBe('published')
      expect(await page.getByRole('checkbox', { name: new RegExp(`^${tool.json().name}\\b`) }).count()).toBe(
        0,
      )
    }
    await page.context().close()
  })

  it('the administrator gives a role after confirming, and finds the change in the audit log', async () => {
    const page = await signIn(DEMO.admin.email)
    await page.getByRole('link', { name: 'Utilisateurs et rôles' }).first().click()
    await page.getByLabel('Nom ou adresse e-mail (une partie suffit)').fill('secretariat')
    await page.getByRole('button', { name: 'Chercher' }).click()
    await checkPage(page, 'gestion-utilisateurs')
    await page.getByRole('link', { name: 'Sacha Secrétaire' }).click()
    await page.getByLabel('Conseiller', { exact: true }).check()
    await page.getByLabel('Pour quel syndicat').selectOption(DEMO.operator.id)
    await page.getByRole('button', { name: 'Enregistrer les rôles' }).click()
    expect(await page.locator('#confirmer-error').textContent()).toContain('Cochez la case')
    const admin = await apiAs(DEMO.admin.email)
    expect((await admin.get(`/v1/users/${DEMO.communeA.agent.id}`)).json().platformRoles).toEqual([])
    await page.getByLabel('Conseiller', { exact: true }).check()
    await page.getByLabel('Pour quel syndicat').selectOption(DEMO.operator.id)
    await page.getByLabel(/Je confirme : cette personne aura exactement/).check()
    await page.getByRole('button', { name: 'Enregistrer les rôles' }).click()
    expect(await page.locator('.notice').textContent()).toContain('Rôles enregistrés')
    await checkPage(page, 'gestion-utilisateur')
    expect((await admin.get(`/v1/users/${DEMO.communeA.agent.id}`)).json()).toMatchObject({
      platformRoles: ['advisor'],
      operatorId: DEMO.operator.id,
    })

    await page.getByRole('link', { name: 'Journal d’audit' }).first().click()
    await page.getByLabel('Action', { exact: true }).fill('roles.changed')
    await page.getByRole('button', { name: 'Filtrer' }).click()
    const rows = page.locator('main tbody tr')
    expect(await rows.count()).toBeGreaterThanOrEqual(1)
    expect(await rows.first().textContent()).toContain('roles.changed')
    expect(await rows.first().textContent()).toContain('Alice Admin')
    await checkPage(page, 'gestion-journal')
    await page.context().close()
  })

  it('the advisor reads the territory’s gaps and downloads them as CSV', async () => {
    const page = await signIn(DEMO.advisor.email)
    await page.getByRole('link', { name: 'Besoins du territoire' }).first().click()
    await page.waitForURL(/\/gestion\/besoins$/)
    expect(await page.locator('main').textContent()).toMatch(/\d+ communes? du syndicat/)
    expect(await page.locator('main table').count()).toBeGreaterThan(0)
    await checkPage(page, 'gestion-besoins')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Télécharger le tableau/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const csv = (await (await download.createReadStream()).toArray()).join('')
    const api = await apiAs(DEMO.advisor.email)
    expect(csv).toBe((await api.get('/v1/gap-portfolio.csv')).body)
    await page.context().close()
  })
})
