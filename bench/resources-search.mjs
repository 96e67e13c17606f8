// Faceted search over 10,000 resources, side by side with bare routes of the same process.
//
//   npx tsc -b && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/resources-search.mjs
//   (without DATABASE_URL: embedded PGlite in memory)
//
// Variables: BENCH_RESOURCES (10000), BENCH_CONNECTIONS (32), BENCH_DURATION seconds per scenario (10),
// RESOURCES_SEARCH_CACHE_MS (the service's default: 5000; 0 computes every answer).
// Only loopback traffic; every run is bounded in time and stops by itself. The load generator
// runs in a worker thread: its own event loop, so that reading the answers does not take the
// server's time.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { THEME_IDS } from '@osinum/contracts'
import autocannon from 'autocannon'

const COUNT = Number(process.env.BENCH_RESOURCES ?? 10_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const databaseUrl = process.env.DATABASE_URL || 'pglite://memory'

/** `{themes}` in a path: a theme combination of its own for each request (2^16 - 1 of them). */
const themeCombinations = () => {
  let n = 0
  return (path) => {
    n = (n % 65_535) + 1
    return path.replace('{themes}', THEME_IDS.filter((_, i) => n & (1 << i)).join(','))
  }
}

// Search answers are cached for a few seconds: the first scenarios repeat one question, as many
// readers opening the same page do; the `{themes}` ones ask a new question on every request, so
// that every answer is computed: what the database costs.
const personal = encodeURIComponent('données personnelles')
const SCENARIOS = [
  ['bare route (same process)', '/bench/bare'],
  ['bare route, the facets-only answer from memory', '/bench/bare-payload'],
  ['list without facets', '/v1/resources?theme=gdpr,open-data&audience=elected&facets=false&limit=20'],
  ['facets only, no filter', '/v1/resources?limit=20'],
  ['facets + 2 filters, date sort', '/v1/resources?theme=gdpr,open-data&audience=elected&sort=date&limit=20'],
  ['facets + text query, relevance', `/v1/resources?q=${personal}&limit=20`],
  [
    'text query + filters, popularity',
    '/v1/resources?q=sauvegarde&type=guide,practical-sheet&sort=popularity&limit=20',
  ],
  ['new question each time: facets + themes, date sort', '/v1/resources?theme={themes}&sort=date&limit=20'],
  ['new question each time: themes, no facets', '/v1/resources?theme={themes}&facets=false&limit=20'],
  ['new question each time: text + themes + facets', `/v1/resources?q=${personal}&theme={themes}&limit=20`],
]

/** Worker side: autocannon on one scenario (in a worker, it leaves the summing up to us). */
async function generateLoad({ base, path }) {
  const next = path.includes('{themes}') ? themeCombinations() : null
  const options = {
    url: base + path.replace('{themes}', 'gdpr'),
    connections: CONNECTIONS,
    duration: DURATION,
    ...(next ? { requests: [{ setupRequest: (request) => ({ ...request, path: next(path) }) }] } : {}),
  }
  const raw = await autocannon(options)
  const r = autocannon.aggregateResult([raw], options)
  return {
    rps: raw.totalCompletedRequests / raw.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  }
}

if (!isMainThread) {
  parentPort.postMessage(await generateLoad(workerData))
  process.exit(0)
}

const inWorker = (data) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: data })
    worker.once('message', resolve)
    worker.once('error', reject)
  })

const { randomBytes } = await import('node:crypto')
const { readFileSync } = await import('node:fs')
const os = await import('node:os')
const { openDatabase } = await import('@osinum/db')
const { MODULES } = await import('@osinum/platform')
const { createHost, loadConfig, serviceConfigSchema } = await import('@osinum/service-kit')
const { sql } = await import('kysely')

const resources = MODULES.find((m) => m.name === 'resources')
if (!resources) throw new Error('the platform does not host the resources service')
const { renderMarkdown } = await import('../services/resources/dist/domain/markdown.js')
const seed = JSON.parse(
  readFileSync(new URL('../services/resources/src/seed/resources.json', import.meta.url), 'utf8'),
)

const schema = `bench_resources_${randomBytes(3).toString('hex')}`
const config = loadConfig(serviceConfigSchema(resources), {
  DATABASE_URL: databaseUrl,
  DATABASE_SCHEMA: schema,
  DATABASE_POOL_SIZE: '16',
  NATS_URL: 'memory:',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '100000000',
  ...(process.env.RESOURCES_SEARCH_CACHE_MS
    ? { RESOURCES_SEARCH_CACHE_MS: process.env.RESOURCES_SEARCH_CACHE_MS }
    : {}),
})
const database = openDatabase({ url: databaseUrl, poolSize: 16, applicationName: 'osinum-bench' })
const host = await createHost({ modules: [resources], config, database, logger: false })
host.app.get('/bench/bare', { config: { access: 'public' } }, async () => ({ ok: true }))
// The same answer as a search, from memory: what the route would cost with nothing to compute.
let payload = null
host.app.get('/bench/bare-payload', { config: { access: 'public' } }, async () => payload)
await host.app.ready()
const db = host.services.get('resources').deps.db

// 10,000 published resources: the seeded ones, varied; a third local to one of three operators.
const operators = [
  '0193c000-0000-7000-8000-000000000001',
  '0193c000-0000-7000-8000-000000000002',
  '0193c000-0000-7000-8000-000000000003',
]
const html = seed.map((r) => renderMarkdown(r.body))
const started = performance.now()
for (let offset = 0; offset < COUNT; offset += 500) {
  const rows = []
  for (let i = offset; i < Math.min(COUNT, offset + 500); i++) {
    const r = seed[i % seed.length]
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 900) * 86_400_000)
    rows.push({
      id: crypto.randomUUID(),
      slug: `${r.slug}-${i}`,
      type: r.type,
      title: `${r.title} (${i})`,
      summary: r.summary,
      body: r.body,
      body_html: html[i % seed.length],
      themes: r.themes,
      audience: r.audience,
      level: r.level,
      duration_minutes: r.durationMinutes,
      licence: r.licence,
      source_licence: r.sourceLicence,
      source_url: r.sourceUrl,
      source_name: r.sourceName,
      related_tools: r.relatedTools,
      operator_id: i % 3 === 0 ? operators[i % 9 === 0 ? 0 : i % 9 === 3 ? 1 : 2] : null,
      status: 'published',
      review_by: null,
      published_at: day,
      created_by: null,
      updated_by: null,
      view_count: i % 97,
      bookmark_count: i % 13,
    })
  }
  await db.insertInto('resources').values(rows).execute()
}
// What autovacuum does on a live system: statistics, and the visibility map for index-only scans.
await sql`vacuum analyze ${sql.table(`${schema}.resources`)}`.execute(db)
const loadSeconds = ((performance.now() - started) / 1000).toFixed(1)

await host.app.listen({ port: 0, host: '127.0.0.1' })
const { port } = host.app.server.address()
const base = `http://127.0.0.1:${port}`
const answer = async (path) => {
  const response = await fetch(base + path)
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  return response.json()
}
payload = await answer('/v1/resources?limit=20')

const runAt = new Date()
const load = os.loadavg()[0].toFixed(1)
const results = []
const bare = []
const percent = (rps, of) => (of ? `${((100 * rps) / of).toFixed(1)} %` : '-')
for (const [scenario, path] of SCENARIOS) {
  const body = await answer(path.replace('{themes}', 'gdpr'))
  const r = await inWorker({ base, path })
  if (path.startsWith('/bench/')) bare.push(r.rps)
  results.push({
    scenario,
    'req/s': Math.round(r.rps),
    '% of bare': percent(r.rps, bare[0]),
    '% of same payload': percent(r.rps, bare[1]),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    errors: r.errors,
    matches: path.includes('{themes}') ? 'varies' : (body.total ?? '-'),
  })
}

console.log(
  `\nresources search — ${COUNT} resources on ${database.kind}, ${CONNECTIONS} connections, ${DURATION} s each ` +
    `(loaded in ${loadSeconds} s; ${runAt.toISOString()}, load average ${load} → ${os.loadavg()[0].toFixed(1)}; ` +
    `search cache ${config.RESOURCES_SEARCH_CACHE_MS} ms)`,
)
console.table(results)

await host.close()
if (database.kind === 'postgres') {
  const root = openDatabase({ url: databaseUrl, poolSize: 1 })
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(root.db)
  await root.close()
}
await database.close()
