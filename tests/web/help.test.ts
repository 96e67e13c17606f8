import { readFileSync } from 'node:fs'
import { DEMO } from '@osinum/contracts'
import { freePort } from '@osinum/testing'
import { startOidcProvider, type TestOidcProvider } from '@osinum/testing/oidc'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage, hasChromium, startWebPlatform, type WebPlatform } from './browser.js'

/** ProConnect-style accounts of the test provider (one per mode). */
const PRO_ACCOUNTS = {
  'agent-js': {
    email: 'dominique.agent@mairie-js.example',
    given_name: 'Dominique',
    family_name: 'Agent',
    email_verified: true,
  },
  'agent-nojs': {
    email: 'claude.agent@mairie-nojs.example',
    given_name: 'Claude',
    family_name: 'Agent',
    email_verified: true,
  },
}

/**
 * The community, help, inbox, ProConnect and « mes données » pages in a real browser (Debian's
 * Chromium) against the embedded platform, with a real OpenID Connect provider standing for
 * ProConnect: with JavaScript, then the same without it.
 */
describe.skipIf(!hasChromium())(
  'community, help, inbox and account pages in a browser',
  { timeout: 240_000 },
  () => {
    let p: WebPlatform
    let provider: TestOidcProvider

    beforeAll(async () => {
      const port = await freePort()
      const publicUrl = `http://localhost:${port}`
      provider = await startOidcProvider({
        redirectUris: [`${publicUrl}/v1/auth/oidc/callback`],
        accounts: PRO_ACCOUNTS,
      })
      p = await startWebPlatform({
        env: {
          PORT: String(port),
          PUBLIC_URL: publicUrl,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_ALLOW_INSECURE: 'true',
          OIDC_DISPLAY_NAME: 'ProConnect',
        },
      })
    })
    afterAll(async () => {
      await p?.close()
      await provider?.close()
    })

    /** An API token, as the demo advisor (or anyone) would use it outside the pages. */
    async function bearer(email: string) {
      const res = await p.host.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password: DEMO.password },
      })
      return { authorization: `Bearer ${res.json().accessToken}` }
    }

    async function signIn(context: BrowserContext, email: string): Promise<Page> {
      const page = await context.newPage()
      await page.goto('/connexion')
      await page.getByLabel('Adresse e-mail', { exact: true }).fill(email)
      await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO.password)
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click()
      await page.waitForURL(/\/tableau-de-bord/)
      return page
    }

    const modes = [
      { javaScript: true, suffix: 'js' },
      { javaScript: false, suffix: 'nojs' },
    ] as const

    for (const mode of modes) {
      describe(mode.javaScript ? 'with JavaScript' : 'without JavaScript', () => {
        const check = (page: Page, name: string) =>
          checkPage(page, name, { screenshot: mode.javaScript, axe: mode.javaScript })

        it('a member of a verified commune shares an experience; another person comments it, finds it useful and reports it', async () => {
          const title = `Nos fichiers quittent les clés USB (${mode.suffix})`
          const author = await signIn(
            await p.context({ javaScript: mode.javaScript }),
            DEMO.communeA.elected.email,
          )
          await author.getByRole('link', { name: 'Communauté' }).first().click()
          await author.waitForURL(/\/communaute$/)
          await check(author, 'communaute')
          await author.getByRole('link', { name: 'Partager une expérience' }).click()
          await check(author, 'communaute-partager')
          // Nothing written: the errors are next to the fields and summarised at the top.
          await author.getByRole('button', { name: 'Publier' }).click()
          expect(await author.title()).toMatch(/^Erreur : Partager une expérience/)
          expect(await author.locator('.error-summary a[href="#title"]').count()).toBe(1)
          await check(author, 'communaute-partager-erreur')
          await author.getByLabel('Titre').fill(title)
          await author
            .getByLabel('Votre retour d’expérience')
            .fill(
              'Nous gardions tout sur des clés USB.\n\nAujourd’hui, un espace partagé hébergé par le syndicat :\n\n- plus de clé perdue\n- une sauvegarde chaque nuit',
            )
          await author.getByLabel('Stockage et sauvegarde des données').check()
          await author.getByLabel('L’outil dont vous parlez (facultatif)').selectOption('nextcloud')
          await author.getByRole('button', { name: 'Publier' }).click()
          await author.waitForURL(/\/communaute\/[0-9a-f-]{36}$/)
          const postUrl = author.url()
          expect(await author.locator('h1').textContent()).toBe(title)
          // Markdown rendered (sanitised by the API): the list is a list; the tool links to its page.
          expect(await author.locator('.prose li').count()).toBe(2)
          expect(await author.locator('main a[href="/catalogue/nextcloud"]').count()).toBe(1)

          const reader = await signIn(
            await p.context({ javaScript: mode.javaScript }),
            DEMO.communeB.elected.email,
          )
          await reader.goto(postUrl)
          await check(reader, 'communaute-retour')
          await reader.getByLabel('Votre commentaire').fill('Merci ! Combien coûte l’espace partagé ?')
          await reader.getByRole('button', { name: 'Publier mon commentaire' }).click()
          await reader.waitForURL(/#commentaire-/)
          expect(await reader.locator('.messages').textContent()).toContain('Combien coûte')
          await reader.getByRole('button', { name: 'C’est utile' }).click()
          await reader.waitForURL(postUrl)
          expect(await reader.locator('main').textContent()).toContain('1 personne a trouvé ce retour utile')
          expect(await reader.getByRole('button', { name: 'Retirer mon « utile »' }).count()).toBe(1)
          await reader.getByRole('link', { name: 'Signaler ce retour d’expérience' }).click()
          await check(reader, 'communaute-signaler')
          await reader.getByLabel('Information erronée').check()
          await reader.getByLabel('Précisez (facultatif)').fill('Le prix annoncé a changé.')
          await reader.getByRole('button', { name: 'Envoyer le signalement' }).click()
          await reader.waitForURL(postUrl)
          expect(await reader.locator('.notice').textContent()).toContain('signalement est transmis')
          // The editors see the report.
          const reports = await p.host.app.inject({
            url: '/v1/resources/reports?contentType=experience&limit=100',
            headers: await bearer(DEMO.editor.email),
          })
          expect((reports.json().items as Array<{ title?: string }>).some((r) => r.title === title)).toBe(
            true,
          )

          // The list finds it, with its counts.
          await reader.goto(`/communaute?q=${encodeURIComponent('clés USB')}`)
          expect(await reader.locator('.result-list').textContent()).toContain(title)
        })

        it('a secretary asks for help, reads the advisor’s answer in the request and in the inbox, and follows the action plan', async () => {
          const page = await signIn(
            await p.context({ javaScript: mode.javaScript }),
            DEMO.communeA.agent.email,
          )
          await page.getByRole('link', { name: 'Aide' }).first().click()
          await check(page, 'aide')
          const topic = `Changer de messagerie (${mode.suffix})`
          await page.getByLabel('Le sujet, en quelques mots').fill(topic)
          await page
            .getByLabel('Votre question')
            .fill('Nos adresses sont chez un fournisseur gratuit. Que nous conseillez-vous ?')
          await page.getByRole('button', { name: 'Envoyer ma demande' }).click()
          await page.waitForURL(/\/aide\/demandes\/[0-9a-f-]{36}$/)
          const requestId = page.url().split('/').pop()!
          expect(await page.locator('.notice').textContent()).toContain('Votre demande est envoyée')
          await check(page, 'aide-demande')

          // The demo advisor answers through the API (the advisors' pages are another issue).
          const advisor = await bearer(DEMO.advisor.email)
          const answer = await p.host.app.inject({
            method: 'POST',
            url: `/v1/support-requests/${requestId}/messages`,
            headers: advisor,
            payload: {
              body: 'Bonjour, le syndicat propose une messagerie à votre nom. Je vous appelle jeudi.',
            },
          })
          expect(answer.statusCode).toBe(201)
          await page.reload()
          const messages = page.locator('.messages')
          expect(await messages.textContent()).toContain('Votre conseiller')
          expect(await messages.textContent()).toContain('Je vous appelle jeudi')
          await check(page, 'aide-demande-reponse')
          await page.getByLabel('Votre message').fill('Merci, jeudi nous convient.')
          await page.getByRole('button', { name: 'Envoyer', exact: true }).click()
          await page.waitForURL(new RegExp(`/aide/demandes/${requestId}$`))
          expect(await messages.textContent()).toContain('jeudi nous convient')

          // The answer reaches the inbox (by event): the menu shows the unread count.
          const me = await bearer(DEMO.communeA.agent.email)
          let notificationId: string | undefined
          for (let i = 0; i < 100 && !notificationId; i++) {
            const list = await p.host.app.inject({
              url: '/v1/notifications?unread=true&limit=100',
              headers: me,
            })
            notificationId = (list.json().items as Array<{ id: string; link: string | null }>).find((n) =>
              n.link?.endsWith(`/aide/demandes/${requestId}`),
            )?.id
            if (!notificationId) await new Promise((r) => setTimeout(r, 200))
          }
          expect(notificationId).toBeTruthy()
          await page.goto('/notifications')
          const menuEntry = page
            .getByRole('navigation', { name: 'Menu principal' })
            .getByRole('link', { name: /^Notifications/ })
          const unread = Number(/\((\d+)/.exec((await menuEntry.textContent()) ?? '')?.[1])
          expect(unread).toBeGreaterThan(0)
          expect(await page.locator('.lead').textContent()).toMatch(/Vous avez \d+ notifications? non lues?/)
          await check(page, 'notifications')
          await page.locator(`a[href="/notifications/${notificationId}"]`).click()
          // Opening it marks it read and follows its link: the request's page.
          await page.waitForURL(new RegExp(`/aide/demandes/${requestId}$`))
          const after = await p.host.app.inject({ url: `/v1/notifications/${notificationId}`, headers: me })
          expect(after.json().read).toBe(true)
          await page.goto('/notifications')
          expect(await page.locator(`a[href="/notifications/${notificationId}"] .tag`).count()).toBe(0)

          // The action plan shared with the advisor.
          await page.goto('/aide')
          await page.getByRole('link', { name: 'Voir le plan d’actions' }).click()
          await check(page, 'aide-plan')
          await page.getByLabel('L’action').fill(`Créer une adresse mairie@ (${mode.suffix})`)
          await page.getByRole('button', { name: 'Ajouter au plan' }).click()
          await page.waitForURL(/\/aide\/actions\/[0-9a-f-]{36}$/)
          await page.getByLabel('Où en est cette action ?').selectOption('in-progress')
          await page.getByLabel('Qui s’en occupe (facultatif)').fill('Le secrétariat')
          await page.getByRole('button', { name: 'Enregistrer' }).click()
          expect(await page.locator('.notice').textContent()).toContain('En cours')
          await page.getByLabel('Votre commentaire').fill('Le fournisseur nous a répondu.')
          await page.getByRole('button', { name: 'Commenter' }).click()
          expect(await page.locator('.messages').textContent()).toContain('Le fournisseur nous a répondu.')
          await check(page, 'aide-action')
        })

        it('an agent signs in with ProConnect (a real OpenID Connect provider)', async () => {
          const context = await p.context({ javaScript: mode.javaScript })
          const page = await context.newPage()
          await page.goto('/connexion')
          await check(page, 'connexion-proconnect')
          await page.getByRole('link', { name: 'Se connecter avec ProConnect' }).click()
          // The provider's own (development) login and consent pages.
          await page.waitForURL((url) => url.origin === provider.issuer)
          await page.locator('input[name="login"]').fill(`agent-${mode.suffix}`)
          await page.locator('input[name="password"]').fill('peu importe')
          await page.locator('button[type="submit"]').click()
          await page.locator('button[type="submit"]').click()
          // Back through identity's callback to /connexion/proconnect?code=, then signed in.
          await page.waitForURL(/\/commune$/)
          expect(await page.getByRole('link', { name: 'Mon compte' }).count()).toBe(1)
          await page.goto('/compte')
          expect(await page.locator('main').textContent()).toContain(
            PRO_ACCOUNTS[`agent-${mode.suffix}`].email,
          )
          // The same code twice: a French message, not a sign-in.
          await page.goto('/connexion/proconnect?code=osx_deja-utilise-0123')
          expect(await page.locator('h1').textContent()).toContain(
            'La connexion avec ProConnect n’a pas abouti',
          )
          await check(page, 'connexion-proconnect-echec')
        })

        it('a person downloads their data, then erases their account and is signed out', async () => {
          const email = `depart-${mode.suffix}@mairie.example`
          const context = await p.context({ javaScript: mode.javaScript })
          const page = await context.newPage()
          await page.goto('/inscription')
          await page.getByLabel('Votre adresse e-mail').fill(email)
          await page.getByRole('button', { name: 'Créer mon compte' }).click()
          await page.waitForURL(/\/inscription\/envoye/)
          await page.goto(await p.mailLink(email, '/inscription/confirmer'))
          await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
          await page.waitForURL(/\/commune$/)

          await page.goto('/compte')
          await page.getByRole('link', { name: 'Télécharger mes données' }).click()
          await check(page, 'compte-mes-donnees')
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: 'Télécharger mes données' }).click(),
          ])
          expect(download.suggestedFilename()).toMatch(/^osinum-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/)
          const archive = JSON.parse(readFileSync((await download.path())!, 'utf8'))
          expect(JSON.stringify(archive)).toContain(email)

          await page.goto('/compte')
          await page.getByRole('link', { name: 'Supprimer mon compte' }).click()
          expect(await page.locator('main').textContent()).toContain('c’est définitif')
          await check(page, 'compte-supprimer')
          await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
          await page.waitForURL(/\/compte\/supprime$/)
          await check(page, 'compte-supprime')
          expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBeGreaterThan(0)
          await page.goto('/compte')
          await page.waitForURL(/\/connexion\?retour=/)
          // The address is free: nothing of the person is left to sign in with.
          const login = await p.host.app.inject({
            method: 'POST',
            url: '/v1/auth/magic-link',
            payload: { email },
          })
          expect(login.statusCode).toBe(202)
        })
      })
    }
  },
)
