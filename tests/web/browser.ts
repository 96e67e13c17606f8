import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { startListeningPlatform } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { CHROMIUM, hasChromium, launchChromium } from '@osinum/testing/browser'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'

export { hasChromium }

if (!hasChromium()) {
  // CI installs it (.ci/run): there, a missing browser is a failure, not a skip.
  if (process.env.CI)
    throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium)`)
  process.stderr.write(
    `[osinum tests] no Chromium at ${CHROMIUM}: browser tests are skipped (apt-get install -y chromium)\n`,
  )
}

/** Screenshots and other artefacts of the browser tests (git-ignored). */
export const ARTEFACTS = join(import.meta.dirname, 'artefacts')

export interface WebPlatform {
  host: Host
  base: string
  browser: Browser
  /** A fresh browser profile (cookies, storage), with or without JavaScript. */
  context(options?: { javaScript?: boolean }): Promise<BrowserContext>
  /** The newest link of the newest mail to `to` that contains `fragment` (dev mailbox). */
  mailLink(to: string, fragment: string): Promise<string>
  /**
   * The syndicate confirms who speaks for the commune (the demo coordinator verifies its pending
   * claims, through the API: the staff's back-office pages are a later issue).
   */
  verifyCommune(officialCode: string): Promise<void>
  close(): Promise<void>
}

/**
 * The embedded platform on a free port (PGlite in memory, demo data) and one headless Chromium;
 * `env` adds variables (an OIDC provider…).
 */
export async function startWebPlatform(options: { env?: Record<string, string> } = {}): Promise<WebPlatform> {
  const platform = await startListeningPlatform({
    env: {
      // The journeys sign in many times from one address.
      AUTH_RATE_LIMIT_PER_IP: '1000',
      AUTH_RATE_LIMIT_PER_EMAIL: '1000',
      RATE_LIMIT_MAX: '100000',
      ...options.env,
    },
  })
  const { host } = platform
  // Links in emails use PUBLIC_URL (localhost): the browser goes there too.
  const base = platform.config.PUBLIC_URL as string
  const browser = await launchChromium()
  return {
    host,
    base,
    browser,
    async context({ javaScript = true } = {}) {
      const context = await browser.newContext({
        baseURL: base,
        javaScriptEnabled: javaScript,
        locale: 'fr-FR',
      })
      context.setDefaultTimeout(10_000)
      return context
    },
    async mailLink(to, fragment) {
      const deadline = Date.now() + 20_000
      for (;;) {
        const res = await host.app.inject({ url: `/v1/dev/mailbox?to=${encodeURIComponent(to)}` })
        const items = (res.json() as { items: Array<{ links: string[] }> }).items ?? []
        const link = items.flatMap((m) => m.links).find((l) => l.includes(fragment))
        if (link) return link
        if (Date.now() > deadline) throw new Error(`no mail to ${to} with a link containing ${fragment}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    },
    async verifyCommune(officialCode) {
      const login = await host.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'conseiller@demo.osinum.example', password: 'osinum-demo-2026' },
      })
      const headers = { authorization: `Bearer ${login.json().accessToken}` }
      const claims = await host.app.inject({
        url: '/v1/organisation-claims?status=pending&limit=100',
        headers,
      })
      const mine = (claims.json().items as Array<{ id: string; officialCode: string }>).filter(
        (c) => c.officialCode === officialCode,
      )
      if (!mine.length) throw new Error(`no pending claim on ${officialCode}`)
      for (const claim of mine) {
        const res = await host.app.inject({
          method: 'POST',
          url: `/v1/organisation-claims/${claim.id}/decision`,
          headers,
          payload: { decision: 'verify' },
        })
        if (res.statusCode !== 200) throw new Error(`verifying ${claim.id}: ${res.statusCode} ${res.body}`)
      }
    },
    async close() {
      await browser.close()
      await platform.close()
    },
  }
}

/** The embedded platform and its browser for the tests of one file (started once, closed after). */
export function useWebPlatform(): () => WebPlatform {
  let p: WebPlatform | undefined
  beforeAll(async () => {
    p = await startWebPlatform()
  })
  afterAll(async () => {
    await p?.close()
  })
  return () => p!
}

/**
 * A new person with their commune, through the pages: registers, confirms the address from the
 * email, registers the commune by INSEE code as its élu, and the syndicate verifies the claim.
 * Ends on the dashboard.
 */
export async function registerWithCommune(
  p: WebPlatform,
  page: Page,
  who: { email: string; name: string; commune: { code: string; name: string } },
) {
  await page.goto('/inscription')
  await page.getByLabel('Votre adresse e-mail').fill(who.email)
  await page.getByLabel('Votre nom et prénom (facultatif)').fill(who.name)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await page.waitForURL(/\/inscription\/envoye/)
  await page.goto(await p.mailLink(who.email, '/inscription/confirmer'))
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await page.waitForURL(/\/commune$/)
  await page.getByLabel('Nom ou code postal de la commune').fill(who.commune.code)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await page.getByRole('link', { name: who.commune.name }).click()
  await page.getByLabel(/Élu ou élue/).check()
  await page.getByRole('button', { name: 'Inscrire ma commune' }).click()
  await page.waitForURL(/\/tableau-de-bord/)
  await p.verifyCommune(who.commune.code)
  await page.reload()
}

/** Pages visited, for the report: each is checked once per JS mode. */
const JWT = /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/

/**
 * What every page visited must satisfy: French, a title saying where one is, no serious or
 * critical axe-core violation, no token in the HTML; screenshots at 1280 and 360 px. axe-core
 * runs in the page, so not in a context without JavaScript: there the same pages (they have no
 * script at all, so the same DOM) were checked by the run with JavaScript.
 */
export async function checkPage(
  page: Page,
  name: string,
  options: { screenshot?: boolean; axe?: boolean } = {},
) {
  const html = await page.content()
  expect(html, `${name}: lang="fr"`).toContain('<html lang="fr">')
  expect(await page.title(), `${name}: title`).toMatch(/ — osinum · /)
  expect(html, `${name}: no token in the page`).not.toMatch(JWT)
  if (options.axe === false) return
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `${name}: axe-core`,
  ).toEqual([])
  if (options.screenshot !== false) {
    mkdirSync(join(ARTEFACTS, 'screenshots'), { recursive: true })
    const size = page.viewportSize() ?? { width: 1280, height: 800 }
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 })
      await page.screenshot({ path: join(ARTEFACTS, 'screenshots', `${name}-${width}.png`), fullPage: true })
    }
    await page.setViewportSize(size)
  }
}
