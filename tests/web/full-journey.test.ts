import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkPage, hasChromium, registerWithCommune, useWebPlatform } from './browser.js'

/**
 * The whole first visit of a new mayor, in one browser session, as issue 12 describes it: register,
 * confirm the address from the email, register the commune by INSEE code (its syndicate verifies
 * it), fill and submit the diagnostic, read the results and download the PDF, search the catalogue
 * for « visio » and compare two tools, register for a training, ask an advisor for help — with
 * JavaScript, then again without (the pages need none). Each step's details are tested by the page
 * group's own file (diagnostic, catalogue, help); this one proves they make one journey.
 */
describe.skipIf(!hasChromium())('a new mayor’s whole first visit', { timeout: 600_000 }, () => {
  const platform = useWebPlatform()

  /** Ticks the first answer of every question left without one, then goes on. */
  async function answerEveryStep(page: Page) {
    for (let i = 0; i < 60 && !page.url().endsWith('/relecture'); i++) {
      for (const question of await page.locator('fieldset.question').all()) {
        if ((await question.locator('input:checked').count()) === 0)
          await question.locator('input').first().check()
      }
      await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
      await page.waitForLoadState()
    }
    expect(page.url()).toMatch(/\/relecture$/)
  }

  const modes = [
    { javaScript: true, suffix: 'js', commune: { code: '23010', name: 'Augères' } },
    { javaScript: false, suffix: 'nojs', commune: { code: '23011', name: 'Aulon' } },
  ]

  for (const mode of modes) {
    it(`registers, diagnoses, reads the results, compares tools, registers for a training and asks for help (${mode.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const p = platform()
      const context = await p.context({ javaScript: mode.javaScript })
      const page = await context.newPage()
      const check = (name: string) =>
        checkPage(page, `parcours-${name}`, { screenshot: false, axe: mode.javaScript })

      // 1. Register, confirm the address from the dev mailbox, register the commune; the syndicate verifies it.
      await registerWithCommune(p, page, {
        email: `maire-parcours-${mode.suffix}@mairie.example`,
        name: 'Camille Parcours',
        commune: mode.commune,
      })
      await check('tableau-de-bord')
      expect(await page.locator('main').textContent()).toContain(mode.commune.name)

      // 2. The diagnostic, from the dashboard's card to the results and the PDF.
      await page.getByRole('link', { name: 'Faire le diagnostic' }).click()
      await page.getByRole('button', { name: 'Commencer le diagnostic' }).click()
      await page.waitForURL(/\/diagnostic\/[0-9a-f-]{36}$/)
      await check('diagnostic')
      await answerEveryStep(page)
      await check('relecture')
      await page.getByRole('button', { name: 'Envoyer le diagnostic' }).click()
      await page.waitForURL(/\/diagnostic\/[0-9a-f-]{36}\/resultats$/)
      await check('resultats')
      expect(await page.locator('main').textContent()).toMatch(/Votre niveau : [A-E]/)
      const pdfHref = await page
        .getByRole('link', { name: 'Télécharger le rapport (PDF)' })
        .getAttribute('href')
      const pdf = await page.request.get(pdfHref!)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF')

      // 3. The catalogue: search « visio », compare two of the tools found.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Catalogue' })
        .click()
      await page.getByLabel('Rechercher un outil').fill('visio')
      await page.getByRole('button', { name: 'Rechercher' }).click()
      await page.waitForURL(/\/catalogue\?/)
      await check('catalogue-visio')
      await page.getByLabel('Comparer Jitsi Meet').check()
      await page.getByLabel('Comparer BigBlueButton').check()
      await page.getByRole('button', { name: 'Comparer les outils cochés' }).click()
      await page.waitForURL(/\/catalogue\/comparer/)
      await check('comparer')
      const compared = (await page.locator('thead').textContent()) ?? ''
      expect(compared).toContain('Jitsi Meet')
      expect(compared).toContain('BigBlueButton')

      // 4. A training: register for its first session, add it to the calendar.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Formations' })
        .click()
      await page.locator('.tool-list').getByRole('link', { name: /RGPD/ }).first().click()
      await page.waitForURL(/\/formations\/rgpd-essentiel-maires$/)
      await page
        .locator('.session')
        .first()
        .getByRole('button', { name: /^M’inscrire/ })
        .click()
      await page.waitForURL(/#sessions/)
      await check('formation-inscrit')
      expect(await page.locator('.session').first().textContent()).toMatch(
        /Inscription confirmée|En liste d’attente/,
      )
      const icsHref = await page
        .locator('.session')
        .first()
        .getByRole('link', { name: 'Ajouter à mon agenda' })
        .getAttribute('href')
      const ics = await page.request.get(icsHref!)
      expect((await ics.text()).startsWith('BEGIN:VCALENDAR')).toBe(true)

      // 5. Help: ask an advisor, the request is there to follow.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Aide' })
        .click()
      await page.getByLabel('Le sujet, en quelques mots').fill('Choisir un outil de visio')
      await page
        .getByLabel('Votre question')
        .fill(
          'Nous hésitons entre Jitsi Meet et BigBlueButton pour le conseil municipal. Que nous conseillez-vous ?',
        )
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click()
      await page.waitForURL(/\/aide\/demandes\/[0-9a-f-]{36}$/)
      await check('aide-demande')
      expect(await page.locator('.notice').textContent()).toContain('Votre demande est envoyée')
      await context.close()
    })
  }
})
