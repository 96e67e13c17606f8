import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkPage, hasChromium, registerWithCommune, useWebPlatform } from './browser.js'

/**
 * The diagnostic in a real browser (Debian's Chromium) against the embedded platform: a mayor
 * starts it, the secretary continues it, they review and submit it, read the results and download
 * the PDF — with JavaScript, then the same without (the pages need none).
 */
describe.skipIf(!hasChromium())('the diagnostic in a browser', { timeout: 300_000 }, () => {
  const platform = useWebPlatform()

  const modes = [
    { javaScript: true, suffix: 'js', commune: { code: '23007', name: 'Ars' } },
    { javaScript: false, suffix: 'nojs', commune: { code: '23006', name: 'Arrènes' } },
  ]

  /** Ticks the first answer of every question left without one on the step, then saves it. */
  async function answerStep(
    page: Page,
    button: 'Enregistrer et continuer' | 'Enregistrer et reprendre plus tard',
  ) {
    for (const question of await page.locator('fieldset.question').all()) {
      if ((await question.locator('input:checked').count()) === 0)
        await question.locator('input').first().check()
    }
    await page.getByRole('button', { name: button }).click()
    await page.waitForLoadState()
  }

  const step = async (page: Page) =>
    Number(/Étape (\d+) sur/.exec((await page.locator('.step-count').textContent()) ?? '')?.[1])

  for (const mode of modes) {
    describe(mode.javaScript ? 'with JavaScript' : 'without JavaScript', () => {
      const check = (page: Page, name: string) =>
        checkPage(page, name, { screenshot: mode.javaScript, axe: mode.javaScript })

      it('a mayor starts it, the secretary continues the same draft, they review, submit, read the results and download the PDF', async () => {
        const p = platform()
        const mayor = `maire-diag-${mode.suffix}@mairie.example`
        const secretary = `secretariat-diag-${mode.suffix}@mairie.example`
        const context = await p.context({ javaScript: mode.javaScript })
        const page = await context.newPage()
        await registerWithCommune(p, page, { email: mayor, name: 'Dominique Roux', commune: mode.commune })

        await page.getByRole('link', { name: 'Faire le diagnostic' }).click()
        await page.waitForURL(/\/diagnostic$/)
        await check(page, 'diagnostic-accueil')
        await page.getByRole('button', { name: 'Commencer le diagnostic' }).click()
        await page.waitForLoadState()
        await page.waitForURL(/\/diagnostic\/[0-9a-f-]{36}$/)
        const id = /\/diagnostic\/([0-9a-f-]{36})/.exec(page.url())![1]!
        expect(await page.locator('.step-count').textContent()).toBe('Étape 1 sur 16')
        expect(await page.locator('h1').textContent()).toBe('Organisation et pilotage')

        // The help of a question unfolds on demand (<details>: no script needed).
        const help = page.locator('details.help').first()
        await expect.poll(() => help.locator('p').first().isVisible()).toBe(false)
        await help.locator('summary').click()
        await expect.poll(() => help.locator('p').first().isVisible()).toBe(true)
        await check(page, 'diagnostic-etape')

        // Wishing for a training makes the question of its format appear on the same step.
        expect(await page.locator('input[name="governance.training-format"]').count()).toBe(0)
        await answerStep(page, 'Enregistrer et continuer')
        expect(await step(page)).toBe(1)
        expect(await page.locator('.notice').textContent()).toContain('une question de plus vous concerne')
        expect(await page.locator('input[name="governance.training-format"]').count()).toBeGreaterThan(0)
        await answerStep(page, 'Enregistrer et continuer')
        expect(await step(page)).toBe(2)
        await answerStep(page, 'Enregistrer et reprendre plus tard')
        await page.waitForURL(/\/diagnostic$/)
        expect(await page.locator('.notice').textContent()).toContain('reprendre le diagnostic plus tard')
        await page.goto('/tableau-de-bord')
        expect(await page.getByRole('link', { name: 'Reprendre le diagnostic' }).count()).toBe(1)

        // The secretary joins the commune and continues the same draft where the mayor stopped.
        await page.goto('/commune/inviter')
        await page.getByLabel('Adresse e-mail de votre collègue').fill(secretary)
        await page.getByLabel(/Agent de la commune/).check()
        await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
        const other = await p.context({ javaScript: mode.javaScript })
        const colleague = await other.newPage()
        await colleague.goto(await p.mailLink(secretary, '/invitation'))
        await colleague.getByRole('button', { name: 'Accepter l’invitation' }).click()
        await colleague.waitForURL(/\/tableau-de-bord/)
        await colleague.getByRole('link', { name: 'Reprendre le diagnostic' }).click()
        await colleague.waitForURL(new RegExp(`/diagnostic/${id}$`))
        expect(await step(colleague)).toBe(3)
        for (let i = 0; i < 40 && !colleague.url().endsWith('/relecture'); i++)
          await answerStep(colleague, 'Enregistrer et continuer')
        await colleague.waitForURL(new RegExp(`/diagnostic/${id}/relecture$`))

        // The review: every answer per theme, with a link to change it; both people answered.
        await check(colleague, 'diagnostic-relecture')
        expect(await colleague.locator('main').textContent()).toMatch(
          /Ont répondu : .*élue.*agent|agent.*élue/,
        )
        expect(await colleague.locator('main h2').count()).toBe(17)
        await colleague.getByRole('link', { name: 'Modifier les réponses « Équipement »' }).click()
        expect(await colleague.locator('h1').textContent()).toBe('Équipement')
        await colleague.getByLabel('Non').first().check()
        await colleague.getByRole('button', { name: 'Enregistrer et revenir à la relecture' }).click()
        await colleague.waitForURL(new RegExp(`/diagnostic/${id}/relecture$`))
        await colleague.getByRole('button', { name: 'Envoyer le diagnostic' }).click()
        await colleague.waitForURL(new RegExp(`/diagnostic/${id}/resultats$`))
        await other.close()

        // The mayor reads the results: level, priorities with their tools, bars, the lenses, comparisons.
        await page.goto('/tableau-de-bord')
        await page.getByRole('link', { name: 'Voir vos résultats' }).click()
        await page.waitForURL(new RegExp(`/diagnostic/${id}/resultats$`))
        await check(page, 'diagnostic-resultats')
        const main = (await page.locator('main').textContent()) ?? ''
        expect(main).toMatch(/Votre niveau : [A-E]/)
        expect(main).toContain('Vos priorités')
        expect(main).toMatch(/Souveraineté\s*\d+ sur 100/)
        expect(main).toContain('Comparaison avec l’enquête nationale de 2023')
        expect(main).toContain('C’est votre premier diagnostic')
        expect(await page.locator('.measures a[href^="/catalogue/"]').count()).toBeGreaterThan(0)
        expect(await page.locator('.bars li').count()).toBeGreaterThan(10)

        const href = await page
          .getByRole('link', { name: 'Télécharger le rapport (PDF)' })
          .getAttribute('href')
        const pdf = await page.request.get(href!)
        expect(pdf.status()).toBe(200)
        expect(pdf.headers()['content-type']).toBe('application/pdf')
        expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF')

        await page.goto('/diagnostic')
        expect(await page.getByRole('link', { name: /Voir les résultats/ }).count()).toBe(1)
        expect(await page.getByRole('button', { name: 'Faire un nouveau diagnostic' }).count()).toBe(1)
        await context.close()
      })
    })
  }
})
