// Diagnostic submission: requests/s and latency of POST /v1/diagnostics/{id}/submit, each request
// submitting a different complete draft (61-question questionnaire: completeness check, scoring,
// 51 recommendation rules, national indicators, frozen result, latest result upsert, outbox row),
// with autocannon (16 connections). Drafts and their answers are prepared in bulk beforehand.
// Run after `npx tsc -b`, on PostgreSQL (and NATS when NATS_URL is set, else the in-process bus):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/diagnostics-submission.mjs
import os from 'node:os'
import { createHost, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import { testKeys } from '@osinum/service-kit/testing'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { visibility } from '../services/diagnostics/dist/domain/questionnaire.js'
import { defaultReferential } from '../services/diagnostics/dist/domain/referential.js'
import { diagnosticsService } from '../services/diagnostics/dist/index.js'

const N = Number(process.env.BENCH_SUBMISSIONS ?? 3000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const schema = `diagnostics_bench_${Date.now().toString(36)}`
const config = loadConfig(serviceConfigSchema(diagnosticsService), {
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  DATABASE_SCHEMA: schema,
  DATABASE_POOL_SIZE: '16',
  NATS_URL: process.env.NATS_URL || 'memory:',
  EVENTS_NAMESPACE: schema,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '100000000',
  REMINDERS_INTERVAL_MS: '0',
})
const host = await createHost({ modules: [diagnosticsService], config, logger: false })
const keys = await testKeys()
host.app.auth.setKeySource(keys.getKey)
await host.app.ready()
await host.startEvents()
await host.app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${host.app.server.address().port}`
const db = host.services.get('diagnostics').deps.db

// Deterministic pseudo-random answers that follow the questionnaire's conditions.
let seed = 42
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const q = defaultReferential().questionnaire(1)
function answersFor() {
  const answers = {}
  for (const question of q.questions) {
    if (!visibility(q, answers).get(question.id)) continue
    const options = question.options.filter((o) => !o.exclusive)
    const pick = () => options[Math.floor(random() * options.length)].id
    answers[question.id] = question.type === 'single' ? [pick()] : [...new Set([pick(), pick()])]
  }
  return answers
}

const total = N + 50
console.log(
  `diagnostics submission bench (node ${process.version}, ${os.cpus().length} cores, ${host.database.kind}, ${config.NATS_URL.startsWith('nats') ? 'NATS' : 'in-process bus'})`,
)
console.log(`preparing ${total} complete drafts…`)
const t0 = performance.now()
const drafts = []
const brackets = ['under-500', '500-999', '1000-4999', '5000-19999']
for (let start = 0; start < total; start += 500) {
  const orgs = []
  const diags = []
  const rows = []
  for (let i = start; i < Math.min(total, start + 500); i++) {
    const organisationId = crypto.randomUUID()
    const diagnosticId = crypto.randomUUID()
    const userId = crypto.randomUUID()
    orgs.push({
      id: organisationId,
      kind: 'commune',
      official_code: String(10000 + i),
      name: `Commune ${i}`,
      population: 300 + i,
      population_bracket: brackets[i % brackets.length],
      departement: String(1 + (i % 95)).padStart(2, '0'),
      region: String(11 + (i % 13)),
    })
    diags.push({
      id: diagnosticId,
      organisation_id: organisationId,
      questionnaire_id: q.id,
      questionnaire_version: 1,
      status: 'draft',
      started_by: userId,
    })
    for (const [question_id, value] of Object.entries(answersFor()))
      rows.push({
        diagnostic_id: diagnosticId,
        question_id,
        value: JSON.stringify(value),
        answered_by: userId,
        answered_by_role: 'agent',
      })
    drafts.push({ diagnosticId, organisationId, userId })
  }
  await db.insertInto('organisations').values(orgs).execute()
  await db.insertInto('diagnostics').values(diags).execute()
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto('answers')
      .values(rows.slice(i, i + 5000))
      .execute()
}
await sql`analyze`.execute(db)
const tokens = await Promise.all(
  drafts.map((d) =>
    keys.token({ sub: d.userId, orgs: [{ id: d.organisationId, role: 'agent' }], expiresIn: '1h' }),
  ),
)
console.log(`prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

// Warm-up on the first 50 drafts, then the measured run on the others (each submitted once).
let next = 0
const run = (amount) =>
  autocannon({
    url: base,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = next++
          return {
            ...req,
            path: `/v1/diagnostics/${drafts[i].diagnosticId}/submit`,
            headers: { ...req.headers, authorization: `Bearer ${tokens[i]}` },
          }
        },
      },
    ],
  })
await run(50)
const r = await run(N)
const submitted = await db
  .selectFrom('diagnostics')
  .select((eb) => eb.fn.countAll().as('n'))
  .where('status', '=', 'submitted')
  .executeTakeFirst()
const outbox = await db
  .selectFrom('outbox')
  .select((eb) => eb.fn.countAll().as('n'))
  .executeTakeFirst()
console.log(
  `POST /v1/diagnostics/{id}/submit  ${r.requests.average.toFixed(0)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms   non-2xx ${r.non2xx}   errors ${r.errors}`,
)
console.log(
  `${submitted.n} diagnostics submitted, ${outbox.n} outbox rows (started events are not created by the bulk setup)`,
)
await host.close()
const cleanup = (await import('@osinum/db')).openDatabase({ url: config.DATABASE_URL })
await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup.db)
await cleanup.close()
