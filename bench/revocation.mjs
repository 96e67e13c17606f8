// Revocation delay on this machine: identity records a TokensRevoked event (as its logout does, in
// the transaction of the change); identity's relay publishes it (woken at commit); two replicas of a
// service (one schema, one durable consumer: ONE of them consumes) and every replica's revocation
// list learns it (LISTEN/NOTIFY, 1 s poll fallback); the bench polls both replicas every 2 ms with
// the revoked token until each answers 401 OSI_TOKEN_REVOKED. Figures: commit -> refusal, per replica,
// p50 / p95 / max over BENCH_REVOCATIONS (default 100) revocations, one after the other.
// Target: < 2 s on PostgreSQL + NATS. Run after `pnpm build`:
//   DATABASE_URL=… NATS_URL=… node bench/revocation.mjs   (without them: PGlite + in-process bus)
import os from 'node:os'
import { IdentityEvents } from '@osinum/contracts'
import { openDatabase } from '@osinum/db'
import { MemoryTransport, NatsTransport, recordEvent } from '@osinum/events'
import { MODULES } from '@osinum/platform'
import { createHost, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import { testKeys } from '@osinum/service-kit/testing'
import { sql } from 'kysely'

const N = Number(process.env.BENCH_REVOCATIONS ?? 100)
const DATABASE_URL = process.env.DATABASE_URL || 'pglite://memory'
const NATS_URL = process.env.NATS_URL
const tag = `rvbench${Date.now().toString(36)}`
const database = openDatabase({ url: DATABASE_URL, poolSize: 8 })
const memory = NATS_URL ? undefined : new MemoryTransport()
const transports = []
const hosts = []
const keys = await testKeys()

async function start(name, schema) {
  const module = MODULES.find((m) => m.name === name)
  const config = loadConfig(serviceConfigSchema(module), {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    NATS_URL: NATS_URL ?? 'memory:',
    EVENTS_NAMESPACE: tag,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '100000000',
    SMTP_URL: 'smtp://127.0.0.1:9',
    UNSUBSCRIBE_SECRET: 'revocation-bench-unsubscribe-secret-0123456789',
    PUBLIC_URL: 'http://osinum.bench',
  })
  const transport = memory ?? (await NatsTransport.connect({ url: NATS_URL, name: `${tag}-${name}` }))
  if (!memory) transports.push(transport)
  const host = await createHost({ modules: [module], config, database, transport, logger: false })
  host.app.auth.setKeySource(keys.getKey)
  await host.app.ready()
  await host.startEvents()
  hosts.push(host)
  return host
}

const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

try {
  const identity = await start('identity', `${tag}_identity`)
  const replicas = [
    await start('resources', `${tag}_resources`),
    await start('resources', `${tag}_resources`),
  ]
  const identityDb = identity.services.get('identity').deps.db
  const probe = async (host, token) =>
    (
      await host.app.inject({
        method: 'GET',
        url: '/v1/collections',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode
  const delays = replicas.map(() => [])
  for (let i = 0; i < N; i++) {
    const userId = crypto.randomUUID()
    const sessionId = crypto.randomUUID()
    const token = await keys.token({ sub: userId, sid: sessionId })
    for (const r of replicas)
      if ((await probe(r, token)) !== 200) throw new Error('token refused before its revocation')
    const t0 = performance.now()
    await identityDb.transaction().execute((trx) =>
      recordEvent(trx, IdentityEvents.TokensRevoked, userId, {
        userId,
        sessionIds: [sessionId],
        issuedBefore: null,
        forever: false,
        reason: 'logout',
        expiresAt: new Date(Date.now() + 3_660_000).toISOString(),
      }),
    )
    await Promise.all(
      replicas.map(async (r, k) => {
        for (;;) {
          if ((await probe(r, token)) === 401) break
          if (performance.now() - t0 > 30_000) throw new Error('not refused within 30 s')
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
        delays[k].push(performance.now() - t0)
      }),
    )
  }
  console.log(
    `revocation bench (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, ${database.kind} + ${NATS_URL ? 'NATS' : 'in-process bus'}, ${N} revocations)`,
  )
  for (const [k, d] of delays.entries())
    console.log(
      `replica ${k + 1}: commit -> refusal p50 ${pct(d, 50).toFixed(0)} ms   p95 ${pct(d, 95).toFixed(0)} ms   max ${Math.max(...d).toFixed(0)} ms`,
    )
} finally {
  for (const h of hosts.reverse()) await h.close()
  for (const t of transports) await t.close()
  await memory?.close()
  for (const s of [`${tag}_identity`, `${tag}_resources`])
    await sql`drop schema if exists ${sql.id(s)} cascade`.execute(database.db).catch(() => {})
  await database.close()
}
