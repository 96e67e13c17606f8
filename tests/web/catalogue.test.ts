import { readFileSync } from 'node:fs'
import { DEMO } from '@osinum/contracts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage, hasChromium, startWebPlatform, type WebPlatform } from './browser.js'

/**
 * The catalogue, resources and trainings in a real browser (Debian's Chromium), against the
 * embedded platform: with JavaScript, then the same without it (the pages need none).
 */
describe.skipIf(!hasChromium())(
  'catalogue, resources and trainings in a browser',
  { timeout: 180_000 },
  () => {
    let p: WebPlatform
    beforeAll(async () => {
      p = await startWebPlatform()
    })
    afterAll(async () => {
      await p?.close()
    })

    // Two verified demo communes, one per mode (a commune reviews a tool once).
    const modes = [
      { javaScript: true, suffix: 'js', member: DEMO.communeA.elected.email },
      { javaScript: false, suffix: 'nojs', member: DEMO.communeB.elected.email },
    ]

    for (const mode of modes) {
      describe(mode.javaScript ? 'with JavaScript' : 'without JavaScript', () => {
        // Screenshots and axe-core once (with JavaScript): the pages, which have no script, are the same without.
        const check = (page: Page, name: string) =>
          checkPage(page, name, { screenshot: mode.javaScript, axe: mode.javaScript })
        const main = (page: Page) => page.locator('main').textContent()

        it('a visitor searches « visio », narrows to free software, compares two tools, opens one and reads a resource', async () => {
          const context = await p.context({ javaScript: mode.javaScript })
          const page = await context.newPage()
          await page.goto('/catalogue')
          expect(await page.locator('h1').count()).toBe(1)
          await check(page, 'catalogue')
          await page.getByLabel('Rechercher un outil').fill('visio')
          await page.getByRole('button', { name: 'Rechercher' }).click()
          await page.waitForURL(/\/catalogue\?q=visio$/)
          expect(await page.getByRole('heading', { name: /outils? trouvés?/ }).count()).toBe(1)
          await expect.poll(() => page.getByRole('link', { name: 'Jitsi Meet' }).count()).toBe(1)
          await check(page, 'catalogue-visio')

          // A facet is a link; chosen, it is marked and its link removes it.
          await page.locator('.facets a', { hasText: 'Licence libre' }).first().click()
          await page.waitForURL(/freeLicence=true/)
          expect(await page.locator('.facets a[aria-current="true"]').textContent()).toContain(
            'Licence libre',
          )
          expect(await page.getByRole('link', { name: 'Microsoft 365' }).count()).toBe(0)

          await page.getByLabel('Comparer Jitsi Meet').check()
          await page.getByLabel('Comparer BigBlueButton').check()
          await page.getByRole('button', { name: 'Comparer les outils cochés' }).click()
          await page.waitForURL(/\/catalogue\/comparer\?outils=/)
          expect(await page.locator('h1').textContent()).toMatch(
            /^Comparer (Jitsi Meet et BigBlueButton|BigBlueButton et Jitsi Meet)$/,
          )
          expect(await page.locator('thead th[scope="col"]').count()).toBe(3)
          expect(
            await page.locator('tbody th[scope="row"]', { hasText: 'Localisation des données' }).count(),
          ).toBe(1)
          await check(page, 'comparer')

          await page.locator('thead').getByRole('link', { name: 'Jitsi Meet' }).click()
          await page.waitForURL(/\/catalogue\/jitsi-meet$/)
          const tool = await main(page)
          expect(tool).toContain('Ses caractéristiques')
          expect(tool).toContain('Modèle de coût')
          expect(tool).toContain('Qui l’utilise')
          expect(tool).toContain('Connectez-vous')
          await check(page, 'outil')

          await page.getByRole('link', { name: 'Ressources', exact: true }).first().click()
          await page.waitForURL(/\/ressources$/)
          await check(page, 'ressources')
          await page.getByLabel('Rechercher une ressource').fill('mots de passe')
          await page.getByRole('button', { name: 'Rechercher' }).click()
          await page.waitForURL(/\/ressources\?q=/)
          await page.locator('.tool-list a').first().click()
          await page.waitForURL(/\/ressources\/[a-z0-9-]+$/)
          expect(await page.locator('.prose').innerHTML()).toMatch(/<(p|h2|ul)/)
          expect(await page.locator('.prose script').count()).toBe(0)
          await check(page, 'ressource')
          await context.close()
        })

        it('a member of a verified commune declares « nous l’utilisons », reviews the tool, registers for a training, downloads the .ics, cancels and keeps a resource', async () => {
          const context = await p.context({ javaScript: mode.javaScript })
          const page = await context.newPage()
          // Signing in from the tool's page comes back to it.
          await page.goto('/catalogue/jitsi-meet')
          await page.locator('#declarer ~ p a', { hasText: 'Connectez-vous' }).click()
          await page.getByLabel('Adresse e-mail', { exact: true }).fill(mode.member)
          await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO.password)
          await page.getByRole('button', { name: 'Se connecter' }).last().click()
          await page.waitForURL(/\/catalogue\/jitsi-meet/)

          await page.getByLabel('Nous l’utilisons').check()
          await page.getByRole('button', { name: /^(Déclarer|Mettre à jour)$/ }).click()
          await page.waitForURL(/\/catalogue\/jitsi-meet#declarer/)
          expect(await page.locator('.notice').first().textContent()).toContain('C’est enregistré')
          expect(await main(page)).toContain('l’utilise : c’est enregistré')
          await check(page, 'outil-declare')

          await page.getByLabel('4 sur 5').check()
          await page
            .getByLabel('Votre avis', { exact: true })
            .fill('Simple pour les réunions du conseil, sans compte à créer.')
          await page.getByRole('button', { name: 'Envoyer mon avis' }).click()
          await page.waitForURL(/#avis/)
          expect(await page.locator('.notice').first().textContent()).toContain('publié après relecture')

          await page.goto('/formations')
          await check(page, 'formations')
          await page.locator('.tool-list').getByRole('link', { name: /RGPD/ }).first().click()
          await page.waitForURL(/\/formations\/rgpd-essentiel-maires$/)
          await check(page, 'formation')
          const session = page.locator('.session').first()
          await session.getByRole('button', { name: /^M’inscrire/ }).click()
          await page.waitForURL(/#sessions/)
          expect(await page.locator('.notice').first().textContent()).toMatch(
            /inscription est confirmée|liste d’attente/,
          )
          expect(await page.locator('.session').first().textContent()).toMatch(
            /Inscription confirmée|En liste d’attente/,
          )
          await check(page, 'formation-inscrit')

          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('.session').first().getByRole('link', { name: 'Ajouter à mon agenda' }).click(),
          ])
          const ics = readFileSync((await download.path())!, 'utf8')
          expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true)
          expect(ics).toContain('RGPD')

          await page
            .locator('.session')
            .first()
            .getByRole('button', { name: /Annuler mon inscription|Quitter la liste/ })
            .click()
          await page.waitForURL(/#sessions/)
          expect(await page.locator('.notice').first().textContent()).toContain('inscription est annulée')
          expect(
            await page
              .locator('.session')
              .first()
              .getByRole('button', { name: /^M’inscrire/ })
              .count(),
          ).toBe(1)

          // A resource kept in the person's favourites (their first list is created then).
          await page.goto('/ressources/mots-de-passe-en-mairie')
          await page.getByRole('button', { name: /^Garder/ }).click()
          await page.waitForURL(/#garder/)
          expect(await page.locator('.notice').first().textContent()).toContain('C’est gardé')
          expect(await page.locator('.bookmarks').textContent()).toContain('Gardée dans « Mes ressources »')
          await check(page, 'ressource-gardee')
          await context.close()
        })
      })
    }
  },
)
