import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage, hasChromium, startWebPlatform, type WebPlatform } from './browser.js'

/**
 * The journeys of a commune's people in a real browser (Debian's Chromium), against the embedded
 * platform: with JavaScript, then the same without it (the pages need none).
 */
describe.skipIf(!hasChromium())('web pages in a browser', { timeout: 180_000 }, () => {
  let p: WebPlatform
  beforeAll(async () => {
    p = await startWebPlatform()
  })
  afterAll(async () => {
    await p?.close()
  })

  const modes = [
    { javaScript: true, suffix: 'js', commune: { code: '23002', name: 'Ajain' } },
    { javaScript: false, suffix: 'nojs', commune: { code: '23005', name: 'Arfeuille-Châtain' } },
  ]

  for (const mode of modes) {
    describe(mode.javaScript ? 'with JavaScript' : 'without JavaScript', () => {
      const mayor = `maire-${mode.suffix}@mairie.example`
      const secretary = `secretariat-${mode.suffix}@mairie.example`
      // Screenshots and axe-core once (with JavaScript): the pages, which have no script, are the same without.
      const check = (page: Page, name: string) =>
        checkPage(page, name, { screenshot: mode.javaScript, axe: mode.javaScript })

      it('a new person registers, confirms the address from the email, registers the commune by INSEE code and invites a colleague who accepts', async () => {
        const context = await p.context({ javaScript: mode.javaScript })
        const page = await context.newPage()
        await page.goto('/')
        expect(await page.locator('h1').count()).toBe(1)
        await check(page, 'accueil')
        await page.getByRole('link', { name: 'Créer un compte' }).first().click()
        await check(page, 'inscription')

        // A missing address: the error is next to the field and summarised at the top.
        await page.getByRole('button', { name: 'Créer mon compte' }).click()
        expect(await page.title()).toMatch(/^Erreur : Créer un compte/)
        expect(await page.locator('.error-summary a[href="#email"]').count()).toBe(1)
        expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true')
        await check(page, 'inscription-erreur')

        await page.getByLabel('Votre adresse e-mail').fill(mayor)
        await page.getByLabel('Votre nom et prénom (facultatif)').fill('Camille Martin')
        await page.getByRole('button', { name: 'Créer mon compte' }).click()
        await page.waitForURL(/\/inscription\/envoye/)
        await check(page, 'inscription-envoyee')

        const verification = await p.mailLink(mayor, '/inscription/confirmer')
        expect(verification.startsWith(p.base)).toBe(true)
        await page.goto(verification)
        await check(page, 'confirmer-adresse')
        await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
        await page.waitForURL(/\/commune$/)
        expect(await page.locator('.notice').textContent()).toContain('adresse e-mail est confirmée')
        await check(page, 'commune-recherche')

        await page.getByLabel('Nom ou code postal de la commune').fill(mode.commune.code)
        await page.getByRole('button', { name: 'Rechercher' }).click()
        await page.waitForURL(/\/commune\?q=/)
        await check(page, 'commune-resultats')
        await page.getByRole('link', { name: mode.commune.name }).click()
        await page.waitForURL(/\/commune\/confirmer/)
        await check(page, 'commune-confirmer')
        await page.getByLabel(/Élu ou élue/).check()
        await page.getByRole('button', { name: 'Inscrire ma commune' }).click()
        await page.waitForURL(/\/tableau-de-bord/)
        expect(await page.locator('main').textContent()).toContain(mode.commune.name)
        // A new commune waits for its syndicate to confirm who speaks for it: no invitation yet.
        expect(await page.locator('main').textContent()).toContain('Vérification en cours')
        expect(await page.getByRole('link', { name: 'Inviter un collègue' }).count()).toBe(0)
        await check(page, 'tableau-de-bord-verification')

        await p.verifyCommune(mode.commune.code)
        await page.reload()
        expect(await page.locator('main').textContent()).not.toContain('Vérification en cours')
        await check(page, 'tableau-de-bord')
        await page.getByRole('link', { name: 'Inviter un collègue' }).first().click()
        await page.waitForURL(/\/commune\/inviter/)
        await check(page, 'inviter')
        await page.getByLabel('Adresse e-mail de votre collègue').fill(secretary)
        await page.getByLabel(/Agent de la commune/).check()
        await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
        expect(await page.locator('.notice').textContent()).toContain(`Invitation envoyée à ${secretary}`)
        expect(await page.locator('main').textContent()).toContain('Invitations pas encore acceptées')
        expect(await page.locator('main').textContent()).toContain(secretary)

        // The session cookie: httpOnly, SameSite=Lax (Secure needs https: plain-http localhost here).
        const cookies = await context.cookies()
        const session = cookies.find((c) => c.name === 'osinum_session')
        expect(session?.httpOnly).toBe(true)
        expect(session?.sameSite).toBe('Lax')
        await context.close()

        // The colleague opens the invitation in another browser.
        const other = await p.context({ javaScript: mode.javaScript })
        const colleague = await other.newPage()
        await colleague.goto(await p.mailLink(secretary, '/invitation'))
        await check(colleague, 'invitation')
        await colleague.getByRole('button', { name: 'Accepter l’invitation' }).click()
        await colleague.waitForURL(/\/tableau-de-bord/)
        expect(await colleague.locator('.notice').textContent()).toContain(
          `Vous avez rejoint ${mode.commune.name}`,
        )
        await other.close()
      })

      it('signs in with the link of a magic-link email, and a mail scanner opening it first uses nothing', async () => {
        const context = await p.context({ javaScript: mode.javaScript })
        const page = await context.newPage()
        await page.goto('/connexion')
        await check(page, 'connexion')
        await page.getByLabel('Votre adresse e-mail').fill(mayor)
        await page.getByRole('button', { name: 'Recevoir le lien' }).click()
        await page.waitForURL(/\/connexion\/lien-envoye/)
        await check(page, 'lien-envoye')
        const link = await p.mailLink(mayor, '/connexion/lien')
        // A link scanner's GET only shows the page.
        expect((await fetch(link)).status).toBe(200)
        await page.goto(link)
        await check(page, 'connexion-lien')
        await page.getByRole('button', { name: 'Me connecter' }).click()
        await page.waitForURL(/\/tableau-de-bord/)
        expect(await page.locator('h1').textContent()).toContain('Camille Martin')
        // The same link a second time: a plain French message, never JSON.
        await page.goto(link)
        await page.getByRole('button', { name: 'Me connecter' }).click()
        expect(await page.locator('h1').textContent()).toBe('Ce lien ne fonctionne plus')
        await check(page, 'lien-expire')
        await context.close()
      })

      it('resets the password from the email link, then signs in with it, sees and closes sessions, and logs out everywhere', async () => {
        const context = await p.context({ javaScript: mode.javaScript })
        const page = await context.newPage()
        await page.goto('/mot-de-passe/oublie')
        await check(page, 'mot-de-passe-oublie')
        await page.getByLabel('Votre adresse e-mail').fill(secretary)
        await page.getByRole('button', { name: 'Recevoir le lien' }).click()
        await page.waitForURL(/\/mot-de-passe\/envoye/)
        await page.goto(await p.mailLink(secretary, '/mot-de-passe/nouveau'))
        await check(page, 'mot-de-passe-nouveau')
        await page.getByLabel('Nouveau mot de passe').fill('la mairie ouvre le mardi')
        await page.getByLabel('Le même mot de passe, une seconde fois').fill('la mairie ouvre le lundi')
        await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
        expect(await page.locator('#confirmation-error').textContent()).toContain('pas identiques')
        await page.getByLabel('Nouveau mot de passe').fill('la mairie ouvre le mardi')
        await page.getByLabel('Le même mot de passe, une seconde fois').fill('la mairie ouvre le mardi')
        await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
        await page.waitForURL(/\/connexion$/)

        await page.getByLabel('Adresse e-mail', { exact: true }).fill(secretary)
        await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe')
        await page.getByRole('button', { name: 'Se connecter' }).last().click()
        expect(await page.locator('.error-summary').textContent()).toContain('incorrect')
        await check(page, 'connexion-erreur')
        await page.getByLabel('Mot de passe', { exact: true }).fill('la mairie ouvre le mardi')
        await page.getByRole('button', { name: 'Se connecter' }).last().click()
        await page.waitForURL(/\/tableau-de-bord/)

        // A second device.
        const phone = await p.context({ javaScript: mode.javaScript })
        const second = await phone.newPage()
        await second.goto('/connexion')
        await second.getByLabel('Adresse e-mail', { exact: true }).fill(secretary)
        await second.getByLabel('Mot de passe', { exact: true }).fill('la mairie ouvre le mardi')
        await second.getByRole('button', { name: 'Se connecter' }).last().click()
        await second.waitForURL(/\/tableau-de-bord/)

        await page.goto('/compte')
        await check(page, 'compte')
        await page.goto('/compte/sessions')
        await check(page, 'sessions')
        // The devices are named from the browser's User-Agent, which the pages pass on to the API.
        expect(await page.locator('.session-list').textContent()).toContain('Chrome sur Linux')
        const before = await page.locator('.session-list > li').count()
        expect(before).toBeGreaterThanOrEqual(2)
        await page.getByRole('button', { name: 'Fermer cette session' }).first().click()
        expect(await page.locator('.notice').textContent()).toContain('La session est fermée')
        expect(await page.locator('.session-list > li').count()).toBe(before - 1)

        await page.goto('/preferences')
        await check(page, 'preferences')
        await page.getByRole('button', { name: 'Enregistrer mes choix' }).click()
        expect(await page.locator('.notice').textContent()).toContain('Vos choix sont enregistrés')

        await page.goto('/compte/sessions')
        await page.getByRole('button', { name: 'Se déconnecter partout' }).click()
        await page.waitForURL(/\/connexion/)
        await page.goto('/tableau-de-bord')
        await page.waitForURL(/\/connexion\?retour=/)
        await phone.close()
        await context.close()
      })
    })
  }

  it('answers unknown pages with a French 404 page, and refuses a form posted without its CSRF token', async () => {
    const context = await p.context()
    const page = await context.newPage()
    const res = await page.goto('/cette-page-n-existe-pas')
    expect(res?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Page introuvable')
    await checkPage(page, 'erreur-404')
    // A form posted from elsewhere (no token): refused.
    const forged = await page.request.post('/connexion/lien', { form: { email: 'maire@mairie.example' } })
    expect(forged.status()).toBe(403)
    expect(await forged.text()).toContain('Formulaire expiré')
    for (const path of ['/accessibilite', '/mentions-legales', '/donnees-personnelles']) {
      await page.goto(path)
      await checkPage(page, path.slice(1))
    }
    await context.close()
  })
})
