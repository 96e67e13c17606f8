// Panorama over 35,000 collectivités (the number of communes in France):
//  1. snapshot rebuild: cell aggregates recomputed in SQL from the 35,000 latest results and the
//     atoms rebuilt (what happens, in the background, after new submissions);
//  2. GET /v1/panorama with random filter combinations (operator, région, département, population
//     bracket, optional groupBy), 8 requests in flight, while a writer changes a result every 250 ms
//     and the service re-checks every second (PANORAMA_REFRESH_SECONDS=1; default 60), so that
//     background rebuilds compete with the requests;
//  3. GET /v1/panorama.csv (total + every breakdown). Target: p95 < 300 ms.
// Run after `npx tsc -b`, on PostgreSQL:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/diagnostics-panorama.mjs
import os from 'node:os'
import { createHost, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import { sql } from 'kysely'
import { Panorama } from '../services/diagnostics/dist/domain/panorama.js'
import { defaultReferential } from '../services/diagnostics/dist/domain/referential.js'
import { diagnosticsService } from '../services/diagnostics/dist/index.js'

const COLLECTIVITES = Number(process.env.BENCH_COLLECTIVITES ?? 35_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const schema = `diagnostics_pano_${Date.now().toString(36)}`
const config = loadConfig(serviceConfigSchema(diagnosticsService), {
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  DATABASE_SCHEMA: schema,
  NATS_URL: 'memory:',
  EVENTS_NAMESPACE: schema,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '100000000',
  REMINDERS_INTERVAL_MS: '0',
  // Re-check every second (production default: 60 s), so rebuilds happen during the run.
  PANORAMA_REFRESH_SECONDS: '1',
})
const host = await createHost({ modules: [diagnosticsService], config, logger: false })
await host.app.ready()
await host.app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${host.app.server.address().port}`
const db = host.services.get('diagnostics').deps.db

let seed = 7
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
// ~101 départements in 18 régions; 30 operators of 3–4 départements; 10 % without operator.
const departements = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
]
const regionOf = (i) => `R${String(Math.floor(i / 6)).padStart(2, '0')}`
const operators = Array.from({ length: 30 }, () => crypto.randomUUID())
const operatorOf = (i) => operators[Math.floor(i / 3.4) % operators.length]
const bracket = () => {
  const x = random()
  return x < 0.53
    ? 'under-500'
    : x < 0.73
      ? '500-999'
      : x < 0.94
        ? '1000-4999'
        : x < 0.99
          ? '5000-19999'
          : '20000-plus'
}
const themes = [
  'governance',
  'equipment',
  'connectivity',
  'telework',
  'data-storage',
  'security',
  'email',
  'videoconference',
  'website',
  'agenda',
  'contacts',
  'collaboration',
  'gdpr',
  'open-data',
  'open-source',
  'sobriety',
]
const national = (await (await fetch(`${base}/v1/benchmarks/national-2023`)).json()).indicators
const levels = ['A', 'B', 'C', 'D', 'E']

console.log(
  `diagnostics panorama bench (node ${process.version}, ${os.cpus().length} cores, ${host.database.kind})`,
)
const t0 = performance.now()
for (let start = 0; start < COLLECTIVITES; start += 2000) {
  const rows = []
  for (let i = start; i < Math.min(COLLECTIVITES, start + 2000); i++) {
    const d = Math.floor(random() * departements.length)
    const score = Math.round(random() * 1000) / 10
    rows.push({
      organisation_id: crypto.randomUUID(),
      diagnostic_id: crypto.randomUUID(),
      submitted_at: new Date(),
      questionnaire_version: 1,
      operator_id: random() < 0.1 ? null : operatorOf(d),
      region: regionOf(d),
      departement: departements[d],
      population_bracket: bracket(),
      level: levels[Math.min(4, Math.floor((100 - score) / 20))],
      overall_score: score,
      theme_scores: JSON.stringify(
        Object.fromEntries(themes.filter(() => random() < 0.95).map((t) => [t, Math.round(random() * 100)])),
      ),
      lens_scores: JSON.stringify({
        sovereignty: Math.round(random() * 100),
        security: Math.round(random() * 100),
        sobriety: Math.round(random() * 100),
      }),
      indicators: JSON.stringify(
        Object.fromEntries(
          national.filter(() => random() < 0.8).map((i) => [i.id, random() * 100 < i.value ? 1 : 0]),
        ),
      ),
    })
  }
  await db.insertInto('latest_results').values(rows).execute()
}
await sql`analyze`.execute(db)
console.log(`${COLLECTIVITES} latest results generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b)
  const p = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)].toFixed(1)
  return `p50 ${p(0.5)} ms   p95 ${p(0.95)} ms   p99 ${p(0.99)} ms   max ${s.at(-1).toFixed(1)} ms`
}
async function timed(url) {
  const t = performance.now()
  const res = await fetch(url)
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${body.slice(0, 200)}`)
  return { ms: performance.now() - t, body }
}

// 1. Rebuild: a result changed, the snapshot is recomputed (SQL aggregation + atoms).
const table = sql.table(`${schema}.latest_results`)
const touch = (i) =>
  sql`update ${table} set revision = default where organisation_id = (select organisation_id from ${table} offset ${i} limit 1)`.execute(
    db,
  )
const direct = new Panorama(db, { minGroupSize: 10, indicators: defaultReferential().indicators(1) })
const rebuild = []
for (let i = 0; i < 10; i++) {
  await touch(i)
  const t = performance.now()
  await direct.current()
  rebuild.push(performance.now() - t)
}
const snapshot = await direct.current()
console.log(
  `snapshot rebuild (${snapshot.cells.length} cells, ${snapshot.atomSizes.length} atoms)   ${stats(rebuild)}`,
)
await timed(`${base}/v1/panorama`)

// 2. Warm: random filter combinations, CONCURRENCY requests in flight.
const pick = (list) => list[Math.floor(random() * list.length)]
const urls = Array.from({ length: REQUESTS }, () => {
  const q = new URLSearchParams()
  if (random() < 0.3) q.set('operatorId', pick(operators))
  if (random() < 0.3) q.set('region', regionOf(Math.floor(random() * departements.length)))
  if (random() < 0.4) q.set('departement', pick(departements))
  if (random() < 0.4)
    q.set('populationBracket', pick(['under-500', '500-999', '1000-4999', '5000-19999', '20000-plus']))
  if (random() < 0.3) q.set('groupBy', pick(['operatorId', 'region', 'departement', 'populationBracket']))
  return `${base}/v1/panorama?${q}`
})
async function warmRun(withWrites) {
  const warm = []
  let published = 0
  let next = 0
  let writing = withWrites
  const writer = (async () => {
    for (let i = 100; writing; i++) {
      await touch(i)
      await new Promise((r) => setTimeout(r, 250))
    }
  })()
  const t1 = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const { ms, body } = await timed(urls[next++])
        warm.push(ms)
        if (JSON.parse(body).group.published) published++
      }
    }),
  )
  const seconds = (performance.now() - t1) / 1000
  writing = false
  await writer
  console.log(
    `GET /v1/panorama, random filters, ${CONCURRENCY} in flight, ${withWrites ? 'a write every 250 ms (rebuilds during the run)' : 'no writes'}   ${stats(warm)}   ${(REQUESTS / seconds).toFixed(0)} req/s   ${((100 * published) / REQUESTS).toFixed(0)} % of groups published`,
  )
}
await new Promise((r) => setTimeout(r, 1500))
await timed(`${base}/v1/panorama`)
await new Promise((r) => setTimeout(r, 4000))
await warmRun(false)
await warmRun(true)

// 3. The open-data CSV (total + every breakdown).
const csv = []
let lines = 0
for (let i = 0; i < 20; i++) {
  const r = await timed(`${base}/v1/panorama.csv`)
  csv.push(r.ms)
  lines = r.body.trim().split('\n').length
}
console.log(`GET /v1/panorama.csv (${lines - 1} rows)   ${stats(csv)}`)

await host.close()
const cleanup = (await import('@osinum/db')).openDatabase({ url: config.DATABASE_URL })
await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup.db)
await cleanup.close()
