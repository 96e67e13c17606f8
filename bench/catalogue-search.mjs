// Faceted catalogue search over 5,000 tools (the 72 seed tools + generated ones) against a bare
// Fastify route returning the same payload from memory, in one run: autocannon, 32 connections,
// BENCH_DURATION seconds per scenario (default 10) after a 2 s warm-up. The load generator runs
// in a child process so that it does not share the server's event loop.
// Target (issue 4): the search route ≥ 35 % of the bare route's requests/s, p99 < 30 ms.
// Run after `npx tsc -b`: node bench/catalogue-search.mjs   (DATABASE_URL=postgres://… to use PostgreSQL)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const CONNECTIONS = 32
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const TOOLS = Number(process.env.BENCH_TOOLS ?? 5000)

// Uncached facets: 10 queries × 2,000 offsets, far more keys than the 500-entry result cache.
// Cold text: a different (misspelt) query each time, so PostgreSQL runs the full-text and trigram queries.
const queries = [
  'visio',
  'agenda partagé',
  'stockage',
  'sondage',
  'site internet',
  'sauvegarde',
  'cartographie',
  'messagerie',
  'mot de passe',
  'tableur',
]
const SCENARIOS = {
  varied: () =>
    Array.from(
      { length: 20_000 },
      (_, i) => `/v1/tools?q=${encodeURIComponent(queries[i % 10])}&offset=${(i * 7) % 2000}&limit=20`,
    ),
  cold: () =>
    Array.from(
      { length: 100_000 },
      (_, i) => `/v1/tools?q=${encodeURIComponent(`${queries[i % 10]}x${i}`)}&category=videoconference`,
    ),
}

// Child mode: run one autocannon scenario and print its result as JSON.
if (process.argv[2] === '--load') {
  const { url, duration, scenario } = JSON.parse(process.argv[3])
  const paths = scenario ? SCENARIOS[scenario]() : null
  let i = 0
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    ...(paths
      ? {
          requests: [
            {
              setupRequest: (req) => {
                req.path = paths[i++ % paths.length]
                return req
              },
            },
          ],
        }
      : {}),
  })
  process.stdout.write(
    JSON.stringify({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    }),
  )
  process.exit(0)
}

const { createHost, loadConfig, serviceConfigSchema } = await import('@osinum/service-kit')
const { default: Fastify } = await import('fastify')
const { sql } = await import('kysely')
const { catalogueService, seedToolInputs } = await import('../services/catalogue/dist/index.js')

const load = (url, duration, scenario) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--load', JSON.stringify({ url, duration, scenario })],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`)),
    )
  })

/** Deterministic generated tools, shaped like the seed (varied categories, themes, hosting, costs). */
function generate(n) {
  const seed = seedToolInputs()
  let state = 42
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const pick = (list) => list[Math.floor(random() * list.length)]
  const words = [
    'Libre',
    'Commun',
    'Territoire',
    'Mairie',
    'Ouvert',
    'Local',
    'Partagé',
    'Simple',
    'Solidaire',
    'Public',
  ]
  return Array.from({ length: n }, (_, i) => {
    const base = pick(seed)
    const other = pick(seed)
    return {
      ...base,
      slug: `${base.slug}-${i + 1}`,
      name: `${base.name} ${pick(words)} ${i + 1}`,
      categories: [...new Set([...base.categories, ...other.categories.slice(0, 1)])].slice(0, 4),
      themes: [...new Set([...base.themes, ...other.themes.slice(0, 1)])].slice(0, 4),
      hosting: random() < 0.5 ? base.hosting : other.hosting,
      costModel: pick(seed).costModel,
      skillLevel: pick(seed).skillLevel,
      licence: random() < 0.8 ? base.licence : 'LicenseRef-Proprietary',
      externalIds: { wikidata: null, sill: null, comptoirDuLibre: null, framalibre: null },
    }
  })
}

const config = loadConfig(serviceConfigSchema(catalogueService), {
  DATABASE_URL: process.env.DATABASE_URL || 'pglite://memory',
  DATABASE_SCHEMA: `catalogue_bench_${Date.now().toString(36)}`,
  NATS_URL: 'memory:',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '100000000',
})
const host = await createHost({ modules: [catalogueService], config, logger: false })
await host.app.ready()
const ctx = host.commandContext('catalogue')
let started = performance.now()
await catalogueService.seed(ctx)
const dir = mkdtempSync(path.join(os.tmpdir(), 'catalogue-bench-'))
const file = path.join(dir, 'tools.json')
writeFileSync(file, JSON.stringify(generate(TOOLS - seedToolInputs().length)))
await catalogueService.commands['load-tools'](ctx, [file])
rmSync(dir, { recursive: true })
const loadedIn = performance.now() - started
await host.app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${host.app.server.address().port}`

const SEARCH = '/v1/tools?q=visio&freeLicence=true&limit=20'
started = performance.now()
const first = await fetch(`${base}${SEARCH}`)
const coldMs = performance.now() - started
const payload = await first.json()
if (first.status !== 200 || payload.total === 0) throw new Error(`search answered ${first.status}`)
const total = (await (await fetch(`${base}/v1/tools?limit=1`)).json()).total

// The bare route: the same payload, from memory, on a plain Fastify instance.
const bare = Fastify({ logger: false })
bare.get('/bare', async () => payload)
await bare.listen({ port: 0, host: '127.0.0.1' })
const bareUrl = `http://127.0.0.1:${bare.server.address().port}/bare`

console.log(
  `catalogue search bench (node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, ${host.database.kind}, ${total} published tools, loaded in ${(loadedIn / 1000).toFixed(1)} s)`,
)
console.log(
  `payload ${JSON.stringify(payload).length} bytes, ${payload.total} results; first (cold) request ${coldMs.toFixed(0)} ms`,
)
await load(bareUrl, 2)
await load(`${base}${SEARCH}`, 2)
const rBare = await load(bareUrl, DURATION)
const rSearch = await load(`${base}${SEARCH}`, DURATION)
const rVaried = await load(base, DURATION, 'varied')
const rCold = await load(base, DURATION, 'cold')
const line = (label, r) =>
  console.log(
    `${label.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`,
  )
line('bare Fastify route, same payload from memory', rBare)
line(`GET ${SEARCH}`, rSearch)
line('GET /v1/tools, 10 queries × 2,000 offsets (facets computed)', rVaried)
line('GET /v1/tools, a new misspelt query each time (database)', rCold)
const ratio = (100 * rSearch.rps) / rBare.rps
console.log(`search / bare: ${ratio.toFixed(1)} % (target ≥ 35 %), p99 ${rSearch.p99} ms (target < 30 ms)`)

await bare.close()
if (host.database.kind === 'postgres')
  await sql`drop schema if exists ${sql.id(config.DATABASE_SCHEMA)} cascade`.execute(host.database.db)
await host.close()
