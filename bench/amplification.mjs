// Amplification: requests built to make an error answer expensive, against the embedded platform
// (its own process, PGlite in a temporary folder), with /livez probed every 50 ms meanwhile.
//
//   npx tsc -b tsconfig.build.json && node bench/amplification.mjs
//
//  - 3 × POST /v1/experiences (a member) with 100,000 invalid `themes` (0.5 MB each), at once
//  - 50 × GET /v1/tools?category=z&… with 15 KB URLs (anonymous), at once
//  - 1 × POST /v1/catalogue/imports (an editor) of 5 MB of wrong entries
// Prints, per case: the largest response, statuses, the platform's RSS growth (peak during the
// case − before, from /metrics process_resident_memory_bytes sampled every 50 ms) and /livez
// latency (max, p99). Figures: docs/reliability.md.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const { freePort } = await import(new URL('../packages/testing/dist/servers.js', import.meta.url).href)
const { DEMO } = await import(new URL('../packages/contracts/dist/index.js', import.meta.url).href)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const port = await freePort()
const dir = mkdtempSync(join(tmpdir(), 'osinum-amp-'))
const child = spawn(process.execPath, [`${root}packages/platform/dist/main.js`], {
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    OSINUM_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000',
    OTEL_SDK_DISABLED: 'true',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 600; i++) {
  if ((await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200) break
  await sleep(200)
}

const rss = async () => {
  const text = await (await fetch(`${base}/metrics`)).text()
  return Number(/^process_resident_memory_bytes (\S+)/m.exec(text)?.[1] ?? Number.NaN)
}
const login = async (email) =>
  (
    await (
      await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO.password }),
      })
    ).json()
  ).accessToken
const member = await login(DEMO.communeA.elected.email)
const editor = await login(DEMO.editor.email)

async function measure(name, run) {
  await sleep(500)
  const before = await rss()
  let peak = before
  const livez = []
  let probing = true
  const prober = (async () => {
    while (probing) {
      const t = performance.now()
      await fetch(`${base}/livez`).catch(() => {})
      livez.push(performance.now() - t)
      peak = Math.max(peak, await rss().catch(() => peak))
      await sleep(50)
    }
  })()
  const started = performance.now()
  const responses = await run()
  const seconds = (performance.now() - started) / 1000
  probing = false
  await prober
  livez.sort((a, b) => a - b)
  const statuses = {}
  for (const r of responses) statuses[r.status] = (statuses[r.status] ?? 0) + 1
  return {
    case: name,
    statuses: JSON.stringify(statuses),
    'largest answer (bytes)': Math.max(...responses.map((r) => r.bytes)),
    // Refusals are problem+json; an import of wrong entries answers 200 with a bounded report (issue 19).
    'errors as problem+json': responses.every(
      (r) => r.status < 400 || r.type.startsWith('application/problem+json'),
    ),
    'took (s)': seconds.toFixed(2),
    'RSS growth (MB)': ((peak - before) / 1e6).toFixed(1),
    '/livez max (ms)': livez.at(-1)?.toFixed(0),
    '/livez p99 (ms)': livez[Math.floor(livez.length * 0.99)]?.toFixed(0),
  }
}
const send = async (url, init) => {
  const res = await fetch(url, init)
  const body = await res.arrayBuffer()
  return { status: res.status, bytes: body.byteLength, type: res.headers.get('content-type') ?? '' }
}

const rows = []
const themes = JSON.stringify({
  organisationId: DEMO.communeA.id,
  title: 'Un retour',
  body: 'Texte',
  themes: Array.from({ length: 100_000 }, () => 'zz'),
  tools: [],
})
rows.push(
  await measure('3 × POST /v1/experiences, 100,000 invalid themes', () =>
    Promise.all(
      [0, 1, 2].map(() =>
        send(`${base}/v1/experiences`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${member}` },
          body: themes,
        }),
      ),
    ),
  ),
)
const longQuery = Array.from({ length: 2_100 }, () => 'category=z').join('&')
rows.push(
  await measure('50 × GET /v1/tools with a 15 KB query string', () =>
    Promise.all(Array.from({ length: 50 }, () => send(`${base}/v1/tools?${longQuery}`))),
  ),
)
const wrong = JSON.stringify({
  softwares: Array.from({ length: 60_000 }, (_, i) => ({
    id: `x${i}`,
    name: 42,
    licence: [],
    extra: 'x'.repeat(40),
  })),
})
rows.push(
  await measure(`POST /v1/catalogue/imports, ${(wrong.length / 1e6).toFixed(1)} MB of wrong entries`, () =>
    Promise.all([
      send(`${base}/v1/catalogue/imports?format=comptoir-du-libre`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body: wrong,
      }),
    ]),
  ),
)
console.table(rows)
child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
rmSync(dir, { recursive: true, force: true })
