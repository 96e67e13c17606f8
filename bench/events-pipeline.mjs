// Event pipeline on this machine, in one run:
//  1. raw JetStream publish-with-ack throughput (pipelined, the relay's way of publishing);
//  2. relay throughput: committed outbox rows -> JetStream (acked, marked published);
//  3. end-to-end: commit -> relay -> JetStream -> consumer commit (inbox + side effect);
//  4. latency at a steady 1,000 events/s: commit -> consumer commit, p50/p99 (the relay is woken
//     by PostgreSQL's commit notification, as in the services: nothing calls wake()).
// Targets: relay >= 50 % of raw publish; p99 commit-to-consumer < 100 ms at 1,000 events/s.
// Run after `pnpm build`, with PostgreSQL and NATS: DATABASE_URL=… NATS_URL=… node bench/events-pipeline.mjs
import { defineEvent } from '@osinum/contracts'
import { migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import { EventNaming, eventTablesMigration, NatsTransport, recordEvent, ServiceEvents } from '@osinum/events'
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

const root = openDatabase({ url: DATABASE_URL, poolSize: 8 })
const transport = await NatsTransport.connect({ url: NATS_URL })
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
      for (let n = i; n < Math.min(count, i + 500); n++)
        await recordEvent(trx, Bench, `agg-${n % 50}`, { n: n + offset, at: Date.now() })
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
  consumer.on(Bench, 'bench', async ({ trx, event }) => {
    await trx
      .insertInto('effects')
      .values({ n: event.data.n, latency_ms: Date.now() - event.data.at })
      .execute()
  })
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

  // 4. steady 1,000 events/s for 10 s, relay running, latency measured by the consumer. Four
  // producers (as concurrent requests would be) each commit every 10 ms the events due by then,
  // one transaction each, over 100 aggregates (ordering is per aggregate).
  await cdb.deleteFrom('effects').execute()
  await producer.start()
  const rate = 1000
  const seconds = 10
  const producers = 4
  t = performance.now()
  let sent = 0
  await Promise.all(
    Array.from({ length: producers }, async (_, p) => {
      let mine = 0
      for (;;) {
        const elapsed = performance.now() - t
        if (elapsed >= seconds * 1000) break
        const due = Math.floor(((elapsed / 1000) * rate) / producers) - mine
        if (due > 0)
          await pdb.transaction().execute(async (trx) => {
            for (let k = 0; k < due; k++) {
              const n = N + sent++
              const aggregate = `agg-${((mine + k) * producers + p) % 100}`
              await recordEvent(trx, Bench, aggregate, { n, at: Date.now() })
            }
          })
        mine += Math.max(0, due)
        await new Promise((r) => setTimeout(r, 10))
      }
    }),
  )
  const produced = sent
  const producedRate = produced / ((performance.now() - t) / 1000)
  while ((await count()) < produced) await new Promise((r) => setTimeout(r, 20))
  const lat = (await cdb.selectFrom('effects').select('latency_ms').execute())
    .map((r) => r.latency_ms)
    .sort((a, b) => a - b)

  console.log(
    `event pipeline (${N} events, PostgreSQL ${DATABASE_URL.replace(/\/\/.*@/, '//')} + NATS JetStream)`,
  )
  console.log(`  raw JetStream publish-with-ack      ${raw.toFixed(0).padStart(7)} events/s`)
  console.log(
    `  outbox relay (commit -> JetStream)  ${relay.toFixed(0).padStart(7)} events/s  (${((relay / raw) * 100).toFixed(0)} % of raw)`,
  )
  console.log(`  consumer (JetStream -> inbox+effect) ${consume.toFixed(0).padStart(6)} events/s`)
  console.log(
    `  steady ${rate}/s for ${seconds} s (produced ${producedRate.toFixed(0)}/s): commit -> consumer commit p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms`,
  )
  await consumer.stop()
  await producer.stop()
} finally {
  for (const s of [pschema, cschema]) await sql`drop schema if exists ${sql.id(s)} cascade`.execute(root.db)
  await transport.close()
  await root.close()
}
