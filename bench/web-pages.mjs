// The web pages, as a first-time visitor's browser loads them (Debian's Chromium): bytes
// transferred (HTML + CSS + JS + images, headers included, uncompressed: an upper bound behind a
// compressing ingress), requests, DOM elements, EcoIndex score and grade (npm `ecoindex`,
// CC BY-NC-ND: a devDependency of bench/ only, never shipped); then latency p50/p99 under 32
// connections (autocannon, in a child process) of the home, catalogue search and results pages and of the API call behind each.
// Targets (issue 12): every page < 100 KB on a first visit, EcoIndex A or B; a page ≤ 1.5× its API calls.
// Run after `npx tsc -b`: node bench/web-pages.mjs   (BENCH_DURATION seconds per scenario, default 10)
import { spawn } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { CHROMIUM, hasChromium, launchChromium } from '@osinum/testing/browser'
import autocannon from 'autocannon'
import { computeEcoIndex, getEcoIndexGrade } from 'ecoindex'

const CONNECTIONS = 32
const DURATION = Number(process.env.BENCH_DURATION ?? 10)

if (process.argv[2] === '--load') {
  const { url, headers, duration } = JSON.parse(process.argv[3])
  const warm = await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 })
  if (warm.non2xx) throw new Error(`${url}: ${warm.non2xx} non-2xx answers`)
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration })
  process.stdout.write(
    JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx }),
  )
  process.exit(0)
}

function load(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--load', JSON.stringify({ url, headers, duration: DURATION })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`)),
    )
  })
}

const { startListeningPlatform } = await import('@osinum/platform')
const platform = await startListeningPlatform({
  env: { LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '10000000', AUTH_RATE_LIMIT_PER_IP: '1000' },
})
const { base } = platform

const PUBLIC = [
  ['accueil', '/'],
  ['connexion', '/connexion'],
  ['inscription', '/inscription'],
  ['mot de passe oublié', '/mot-de-passe/oublie'],
  ['accessibilité', '/accessibilite'],
  ['mentions légales', '/mentions-legales'],
  ['données personnelles', '/donnees-personnelles'],
  ['page introuvable', '/n-existe-pas'],
  ['communauté', '/communaute'],
  // Catalogue, resources and trainings
  ['catalogue', '/catalogue'],
  ['recherche « visio »', '/catalogue?q=visio'],
  ['fiche d’un outil', '/catalogue/jitsi-meet'],
  ['comparaison', '/catalogue/comparer?outils=jitsi-meet,bigbluebutton'],
  ['ressources', '/ressources'],
  ['une ressource', '/ressources/mots-de-passe-en-mairie'],
  ['formations', '/formations'],
  ['une formation', '/formations/rgpd-essentiel-maires'],
]
const SIGNED_IN = [
  ['tableau de bord', '/tableau-de-bord'],
  ['votre commune', '/commune'],
  ['recherche de commune', '/commune?q=creuse'],
  ['inviter un collègue', '/commune/inviter'],
  ['mon compte', '/compte'],
  ['appareils connectés', '/compte/sessions'],
  ['préférences', '/preferences'],
  ['aide', '/aide'],
  ['plan d’actions', '/aide/plan'],
  ['notifications', '/notifications'],
  ['partager une expérience', '/communaute/partager'],
  ['mes données', '/compte/mes-donnees'],
  ['supprimer mon compte', '/compte/supprimer'],
  ['fiche d’un outil (connecté)', '/catalogue/nextcloud'],
  ['une formation (connecté)', '/formations/rgpd-essentiel-maires'],
]
// Staff back-office (issue 15), as the demo person of each role.
const STAFF = [
  [
    'conseiller@demo.osinum.example',
    [
      ['gestion', '/gestion'],
      ['mes communes', '/gestion/communes'],
      ['commune suivie', '/gestion/communes/0193a000-0000-7000-8000-000000000201'],
      ['demandes d’aide', '/gestion/demandes'],
      ['besoins du territoire', '/gestion/besoins'],
    ],
  ],
  [
    'editrice@demo.osinum.example',
    [
      ['modération des avis', '/gestion/moderation'],
      ['signalements', '/gestion/signalements'],
      ['import de logiciels', '/gestion/catalogue/import'],
    ],
  ],
  [
    'admin@demo.osinum.example',
    [
      ['offres du syndicat', '/gestion/offres'],
      ['formations (gestion)', '/gestion/formations'],
      ['utilisateurs et rôles', '/gestion/utilisateurs'],
      ['journal d’audit', '/gestion/journal'],
    ],
  ],
]

const rows = []
let sessionCookie
/** The demo commune's results page, found by the browser (for the latency part). */
let resultsPath
if (hasChromium()) {
  const browser = await launchChromium()
  /** A first visit: a fresh browser context (empty cache), every response of the page counted. */
  async function measure(name, url, cookies = []) {
    const context = await browser.newContext({ baseURL: base })
    if (cookies.length) await context.addCookies(cookies)
    const page = await context.newPage()
    const responses = []
    page.on('requestfinished', (request) => responses.push(request))
    await page.goto(url, { waitUntil: 'load' })
    let bytes = 0
    for (const request of responses) {
      const sizes = await request.sizes()
      bytes += sizes.responseBodySize + sizes.responseHeadersSize
    }
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length)
    const score = computeEcoIndex(dom, responses.length, bytes / 1024)
    rows.push({
      name,
      url,
      kb: bytes / 1024,
      requests: responses.length,
      dom,
      score,
      grade: getEcoIndexGrade(score),
    })
    await context.close()
  }
  for (const [name, url] of PUBLIC) await measure(name, url)
  /** The session cookies of a demo person (password form). */
  async function signIn(email) {
    const context = await browser.newContext({ baseURL: base })
    const page = await context.newPage()
    await page.goto('/connexion')
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email)
    await page.getByLabel('Mot de passe', { exact: true }).fill('osinum-demo-2026')
    await page.getByRole('button', { name: 'Se connecter' }).last().click()
    await page.waitForURL(/tableau-de-bord|gestion/)
    const cookies = await context.cookies()
    await context.close()
    return cookies
  }
  // Signed in as the demo mayor.
  const cookies = await signIn('maire@commune-a.demo.osinum.example')
  sessionCookie = cookies.find((c) => c.name === 'osinum_session')
  // The diagnostic: the demo commune's results, and a new draft's first step and review.
  const context = await browser.newContext({ baseURL: base })
  await context.addCookies(cookies)
  const page = await context.newPage()
  await page.goto('/diagnostic')
  const results = await page
    .getByRole('link', { name: /Voir les résultats/ })
    .first()
    .getAttribute('href')
  await page.getByRole('button', { name: /Commencer le diagnostic|Faire un nouveau diagnostic/ }).click()
  await page.waitForURL(/\/diagnostic\/[0-9a-f-]{36}$/)
  const draft = new URL(page.url()).pathname
  resultsPath = results
  await context.close()
  SIGNED_IN.push(
    ['diagnostic', '/diagnostic'],
    ['diagnostic : une étape', `${draft}?etape=1`],
    ['diagnostic : relecture', `${draft}/relecture`],
    ['résultats du diagnostic', results],
  )
  for (const [name, url] of SIGNED_IN) await measure(name, url, cookies)
  for (const [email, pages] of STAFF) {
    const staffCookies = await signIn(email)
    for (const [name, url] of pages) await measure(name, url, staffCookies)
  }
  await browser.close()
} else {
  console.log(`no Chromium at ${CHROMIUM}: page weights skipped (apt-get install -y chromium)`)
}

console.log(
  `web pages bench (node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, PGlite, ${DURATION} s per scenario)`,
)
if (rows.length) {
  console.log('\n| page | path | first visit (KB) | requests | DOM elements | EcoIndex | grade |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | :---: |')
  for (const r of rows)
    console.log(
      `| ${r.name} | \`${r.url}\` | ${r.kb.toFixed(1)} | ${r.requests} | ${r.dom} | ${r.score.toFixed(0)} | ${r.grade} |`,
    )
  const heaviest = rows.reduce((a, b) => (a.kb > b.kb ? a : b))
  const worst = rows.reduce((a, b) => (a.score < b.score ? a : b))
  console.log(
    `\nheaviest: ${heaviest.name} ${heaviest.kb.toFixed(1)} KB (target < 100 KB); lowest EcoIndex: ${worst.name} ${worst.score.toFixed(0)} ${worst.grade} (target A or B)`,
  )
}

// Latency under load: each page vs the API call behind it, the same request a front-end would make
// (issue 12: a page costs at most 1.5× its API calls). Home: the operators' branding (cached by the
// pages for 5 minutes); catalogue search: GET /v1/tools; results: GET /v1/diagnostics/{id}/results
// with the demo mayor's token (the page also asks the unread count, in parallel).
const login = await fetch(`${base}/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'maire@commune-a.demo.osinum.example', password: 'osinum-demo-2026' }),
})
const { accessToken } = await login.json()
const bearer = { authorization: `Bearer ${accessToken}` }
const cookie = sessionCookie ? { cookie: `osinum_session=${sessionCookie.value}` } : undefined
const pairs = [
  ['home page GET /', `${base}/`, {}, 'GET /v1/operators', `${base}/v1/operators?limit=100`, {}],
  [
    'catalogue search GET /catalogue?q=visio',
    `${base}/catalogue?q=visio`,
    {},
    'GET /v1/tools?q=visio',
    `${base}/v1/tools?q=visio&limit=20`,
    {},
  ],
]
if (cookie && resultsPath) {
  const id = resultsPath.split('/')[2]
  pairs.push([
    'results page GET /diagnostic/{id}/resultats (signed in)',
    `${base}${resultsPath}`,
    cookie,
    'GET /v1/diagnostics/{id}/results',
    `${base}/v1/diagnostics/${id}/results`,
    bearer,
  ])
}
console.log(
  `\n| page (${CONNECTIONS} connections, ${DURATION} s) | req/s | p50 (ms) | p99 (ms) | its API call | req/s | p50 (ms) | p99 (ms) | page / API p50 | p99 |`,
)
console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |')
const nonOk = (r) => (r.non2xx ? ` (${r.non2xx} non-2xx)` : '')
for (const [pageName, pageUrl, pageHeaders, apiName, apiUrl, apiHeaders] of pairs) {
  const page = await load(pageUrl, pageHeaders)
  const api = await load(apiUrl, apiHeaders)
  console.log(
    `| ${pageName}${nonOk(page)} | ${page.rps.toFixed(0)} | ${page.p50} | ${page.p99} | ${apiName}${nonOk(api)} | ${api.rps.toFixed(0)} | ${api.p50} | ${api.p99} | ${(page.p50 / Math.max(api.p50, 1)).toFixed(2)}× | ${(page.p99 / Math.max(api.p99, 1)).toFixed(2)}× |`,
  )
}
console.log('(target: a page ≤ 1.5× its API call)')
await platform.close()
