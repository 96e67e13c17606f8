// Event pipeline on this machine, in one run:
//  1. raw JetStream publish-with-ack throughput (pipelined, the relay's way of publishing);
//  2. relay throughput: committed outbox rows -> JetStream (acked, marked published);
//  3. consumer: a backlog in JetStream -> consumer commit (inbox + side effect, batched);
//  4. latency at a steady 1,000 events/s: from the producer's commit to the consumer's commit
//     (taken when the consumer acks, which it does right after its commit), p50/p99 (the relay is
//     woken by PostgreSQL's commit notification, as in the services: nothing calls wake());
//  5. a steady 5,000 events/s for 30 s: the backlog (committed, not yet consumed) every 5 s.
// Targets (issue 22): relay >= 50 % of raw publish; consumer >= 30 % of raw; p99 < 100 ms at
// 1,000 events/s; no growing backlog at 5,000 events/s. The load average is printed: the machine
// is shared. BENCH_BATCH / BENCH_WAIT_MS override the consumer's batch size and wait.
// Run after `pnpm build`, with PostgreSQL and NATS: DATABASE_URL=… NATS_URL=… node bench/events-pipeline.mjs

import { loadavg } from 'node:os'
import { defineEvent } from '@osinum/contracts'
import { migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import { EventNaming, eventTablesMigration, NatsTransport, recordEvents, ServiceEvents } from '@osinum/events'
import { sql } from 'kysely'
import { Type } from 'typebox'

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222'
const N = Number(process.env.BENCH_EVENTS ?? 10_000)
const Bench = defineEvent(
  'catalogue',
  'bench',
  'happened',
  1,
  Type.Object({ n: Type.Integer(), at: Type.Number() }),
)
const quiet = { debug() {}, info() {}, warn() {}, error() {} }
const tag = `bench${Date.now().toString(36)}`

const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined
const WAIT = process.env.BENCH_WAIT_MS ? Number(process.env.BENCH_WAIT_MS) : undefined
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
console.log(`load average at start: ${load()}`)

// Four producers, the relay and the consumer's lanes (4 by default) each hold a connection.
const root = openDatabase({ url: DATABASE_URL, poolSize: 12 })
const nats = await NatsTransport.connect({ url: NATS_URL })
// The consumer acks each message right after its commit: the ack time is its commit time.
const ackedAt = new Map()
const transport = new Proxy(nats, {
  get(target, key) {
    const value = Reflect.get(target, key)
    if (key !== 'consume') return typeof value === 'function' ? value.bind(target) : value
    return (spec, handler) =>
      target.consume(spec, (batch) =>
        handler(
          batch.map((m) => ({
            ...m,
            ack: () => {
              m.ack()
              ackedAt.set(JSON.parse(m.data).data.n, performance.now())
            },
          })),
        ),
      )
  },
})
const naming = new EventNaming(tag)
const pschema = `${tag}_p`
const cschema = `${tag}_c`
await migrateSchema(root.db, pschema, (s) => ({ 0: eventTablesMigration(s) }))
await migrateSchema(root.db, cschema, (s) => ({
  0: eventTablesMigration(s),
  1: {
    up: (db) =>
      db.schema.createTable('effects').addColumn('n', 'integer').addColumn('latency_ms', 'float8').execute(),
  },
}))
const pdb = schemaDb(root.db, pschema)
const cdb = schemaDb(root.db, cschema)
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

async function insertEvents(count, offset = 0) {
  for (let i = 0; i < count; i += 500)
    await pdb.transaction().execute(async (trx) => {
      const ns = Array.from({ length: Math.min(count, i + 500) - i }, (_, k) => i + k)
      await recordEvents(
        trx,
        Bench,
        ns.map((n) => ({ aggregateId: `agg-${n % 50}`, data: { n: n + offset, at: Date.now() } })),
      )
    })
}

try {
  // 1. raw publish-with-ack
  await transport.ensureStream({ name: `${tag.toUpperCase()}_RAW`, subjects: [`${tag}.raw.>`] })
  const payload = JSON.stringify({ id: '0', data: { n: 0 } }).padEnd(400, ' ')
  let t = performance.now()
  for (let i = 0; i < N; i += 500)
    await transport.publish(
      Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
        subject: `${tag}.raw.x`,
        msgId: `raw-${i + k}`,
        data: payload,
        headers: {},
      })),
    )
  const raw = N / ((performance.now() - t) / 1000)

  // 2. relay alone
  await insertEvents(N)
  const producer = new ServiceEvents({
    service: 'catalogue',
    db: pdb,
    schema: pschema,
    transport,
    naming,
    logger: quiet,
    // As in the services: woken by the commit notification, polling once a second as a fallback.
    relay: { batchSize: 500, listen: root.listen, pollIntervalMs: 1_000 },
  })
  await transport.ensureStream({
    name: naming.stream('catalogue'),
    subjects: naming.streamSubjects('catalogue'),
  })
  t = performance.now()
  let relayed = 0
  while (relayed < N) relayed += await producer.relay.relayBatch()
  const relay = N / ((performance.now() - t) / 1000)

  // 3. end to end over the backlog just relayed (consumer starts with N pending)
  const consumer = new ServiceEvents({
    service: 'notifications',
    db: cdb,
    schema: cschema,
    transport,
    naming,
    logger: quiet,
  })
  consumer.on(
    Bench,
    'bench',
    async ({ trx, event }) => {
      await trx.insertInto('effects').values({ n: event.data.n, latency_ms: 0 }).execute()
    },
    { batchSize: BATCH, batchWaitMs: WAIT },
  )
  t = performance.now()
  await consumer.start()
  const count = async () =>
    Number(
      (
        await cdb
          .selectFrom('effects')
          .select((eb) => eb.fn.countAll().as('c'))
          .executeTakeFirstOrThrow()
      ).c,
    )
  while ((await count()) < N) await new Promise((r) => setTimeout(r, 20))
  const consume = N / ((performance.now() - t) / 1000)

  // 4. steady 1,000 events/s for 10 s, relay running, latency from the producer's commit to the
  // consumer's. Four producers (as concurrent requests would be) each commit every 10 ms the
  // events due by then, one transaction each (recordEvents), over 100 aggregates (ordering is per
  // aggregate).
  await producer.start()
  let next = N
  async function steady(rate, seconds, sample) {
    const committedAt = new Map()
    const producers = 4
    const start = performance.now()
    let sent = 0
    const samples = []
    const timer = sample
      ? setInterval(() => {
          let done = 0
          for (const n of committedAt.keys()) if (ackedAt.has(n)) done++
          samples.push(committedAt.size - done)
        }, 5_000)
      : undefined
    await Promise.all(
      Array.from({ length: producers }, async (_, p) => {
        let mine = 0
        for (;;) {
          const elapsed = performance.now() - start
          if (elapsed >= seconds * 1000) break
          const due = Math.floor(((elapsed / 1000) * rate) / producers) - mine
          if (due > 0) {
            const ns = []
            const events = []
            for (let k = 0; k < due; k++) {
              const n = next++
              ns.push(n)
              events.push({
                aggregateId: `agg-${((mine + k) * producers + p) % 100}`,
                data: { n, at: Date.now() },
              })
            }
            // What a request that changes many things at once does (recordEvents: one insert).
            await pdb.transaction().execute((trx) => recordEvents(trx, Bench, events))
            const at = performance.now()
            for (const n of ns) committedAt.set(n, at)
            sent += ns.length
          }
          mine += Math.max(0, due)
          await new Promise((r) => setTimeout(r, 10))
        }
      }),
    )
    clearInterval(timer)
    const producedRate = sent / ((performance.now() - start) / 1000)
    let backlog = 0
    for (const n of committedAt.keys()) if (!ackedAt.has(n)) backlog++
    for (;;) {
      let left = 0
      for (const n of committedAt.keys()) if (!ackedAt.has(n)) left++
      if (left === 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    const lat = [...committedAt].map(([n, at]) => ackedAt.get(n) - at).sort((a, b) => a - b)
    return { producedRate, lat, backlog, samples }
  }
  const s1 = await steady(1000, 10, false)
  const s5 = await steady(5000, 30, true)
  console.log(
    `event pipeline (${N} events, PostgreSQL ${DATABASE_URL.replace(/\/\/.*@/, '//')} + NATS JetStream)`,
  )
  console.log(`  raw JetStream publish-with-ack      ${raw.toFixed(0).padStart(7)} events/s`)
  console.log(
    `  outbox relay (commit -> JetStream)  ${relay.toFixed(0).padStart(7)} events/s  (${((relay / raw) * 100).toFixed(0)} % of raw)`,
  )
  console.log(
    `  consumer (JetStream -> inbox+effect) ${consume.toFixed(0).padStart(6)} events/s  (${((consume / raw) * 100).toFixed(0)} % of raw; batch ${BATCH ?? 'default'}, wait ${WAIT ?? 'default'} ms)`,
  )
  console.log(
    `  steady 1000/s for 10 s (produced ${s1.producedRate.toFixed(0)}/s): commit -> consumer commit p50 ${pct(s1.lat, 50).toFixed(1)} ms, p99 ${pct(s1.lat, 99).toFixed(1)} ms, max ${s1.lat[s1.lat.length - 1].toFixed(1)} ms`,
  )
  console.log(
    `  steady 5000/s for 30 s (produced ${s5.producedRate.toFixed(0)}/s): backlog every 5 s ${s5.samples.join(', ')}; at the end ${s5.backlog}; p50 ${pct(s5.lat, 50).toFixed(1)} ms, p99 ${pct(s5.lat, 99).toFixed(1)} ms`,
  )
  console.log(`load average at the end: ${load()}`)
  await consumer.stop()
  await producer.stop()
} finally {
  for (const s of [pschema, cschema]) await sql`drop schema if exists ${sql.id(s)} cascade`.execute(root.db)
  await transport.close()
  await root.close()
}
