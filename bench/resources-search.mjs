// Faceted search over 10,000 resources, side by side with a bare route of the same process.
//
//   npx tsc -b && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/resources-search.mjs
//   (without DATABASE_URL: embedded PGlite in memory)
//
// Variables: BENCH_RESOURCES (10000), BENCH_CONNECTIONS (32), BENCH_DURATION seconds per scenario (10).
// Only loopback traffic; every run is bounded in time and stops by itself.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { openDatabase } from '@osinum/db'
import { MODULES } from '@osinum/platform'
import { createHost, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import autocannon from 'autocannon'
import { sql } from 'kysely'

const COUNT = Number(process.env.BENCH_RESOURCES ?? 10_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const databaseUrl = process.env.DATABASE_URL || 'pglite://memory'

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
})
const database = openDatabase({ url: databaseUrl, poolSize: 16, applicationName: 'osinum-bench' })
const host = await createHost({ modules: [resources], config, database, logger: false })
host.app.get('/bench/bare', { config: { access: 'public' } }, async () => ({ ok: true }))
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

const scenarios = [
  ['bare route (same process)', '/bench/bare'],
  [
    'list without facets (facets=false)',
    '/v1/resources?theme=gdpr,open-data&audience=elected&facets=false&limit=20',
  ],
  ['facets only, no filter', '/v1/resources?limit=20'],
  ['facets + 2 filters, date sort', '/v1/resources?theme=gdpr,open-data&audience=elected&sort=date&limit=20'],
  [
    'facets + text query, relevance',
    `/v1/resources?q=${encodeURIComponent('données personnelles')}&limit=20`,
  ],
  [
    'text query + filters, popularity',
    `/v1/resources?q=sauvegarde&type=guide,practical-sheet&sort=popularity&limit=20`,
  ],
]

const results = []
for (const [name, path] of scenarios) {
  const check = await fetch(base + path)
  if (check.status !== 200) throw new Error(`${path} answered ${check.status}: ${await check.text()}`)
  const body = await check.json()
  const r = await autocannon({ url: base + path, connections: CONNECTIONS, duration: DURATION })
  results.push({
    scenario: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    errors: r.errors + r.non2xx,
    matches: body.total ?? '-',
  })
}

console.log(
  `\nresources search — ${COUNT} resources on ${database.kind}, ${CONNECTIONS} connections, ${DURATION} s each (loaded in ${loadSeconds} s)`,
)
console.table(results)

await host.close()
if (database.kind === 'postgres') {
  const root = openDatabase({ url: databaseUrl, poolSize: 1 })
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(root.db)
  await root.close()
}
await database.close()
