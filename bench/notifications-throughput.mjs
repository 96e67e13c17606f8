// Notifications: throughput from event to recorded delivery, and event-to-email latency at a steady rate.
//
//   npx tsc -b && node bench/notifications-throughput.mjs [--events 2000] [--rate 20] [--seconds 30] [--pool 10] [--embedded]
//
// Runs the notifications service (built, dist/) on PostgreSQL + NATS JetStream (DATABASE_URL /
// NATS_URL, default the local servers) — or on PGlite + the in-process bus with --embedded — with
// a real SMTP server (smtp-server) on a free loopback port. Each event is a MagicLinkRequested to
// its own address, so every email is matched with the event that caused it.
//   1. throughput: N events published at once; time until N deliveries are recorded `sent`.
//   2. latency: events at a steady rate; publish → SMTP server received the message (p50/p95/p99).
import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const embedded = args.includes('--embedded')
const EVENTS = opt('events', 2000)
const RATE = opt('rate', 20)
const SECONDS = opt('seconds', 30)

// Packages resolved from the notifications service (its dependencies and dev dependencies).
const service = createRequire(new URL('../services/notifications/package.json', import.meta.url))
const load = (name) => import(pathToFileURL(service.resolve(name)).href)
const { SMTPServer } = await load('smtp-server')
const { IdentityEvents } = await load('@osinum/contracts')
const { createTestHost, openTestTransport, publishTestEvent } = await load('@osinum/service-kit/testing')
const { openDatabase } = await load('@osinum/db')
const { notificationsService } = await import(
  new URL('../services/notifications/dist/index.js', import.meta.url).href
)

if (embedded) {
  delete process.env.DATABASE_URL
  delete process.env.NATS_URL
} else {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres'
  process.env.NATS_URL ??= 'nats://127.0.0.1:4222'
}

// --- a real SMTP server on loopback, in its own process (as a real one would be) ---
const now = () => performance.timeOrigin + performance.now()
if (args.includes('--smtp-child')) {
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        const at = now()
        for (const r of session.envelope.rcptTo) process.send({ rcpt: r.address.toLowerCase(), at })
        callback()
      })
    },
  })
  smtp.listen(0, '127.0.0.1', () => process.send({ port: smtp.server.address().port }))
  process.on('disconnect', () => smtp.close(() => process.exit(0)))
} else {
  await main()
}

async function main() {
  const arrivals = new Map() // address -> time the SMTP server had the whole message
  const child = fork(fileURLToPath(import.meta.url), ['--smtp-child'])
  const smtpPort = await new Promise((resolve) => {
    child.on('message', (m) => {
      if (m.port) resolve(m.port)
      else arrivals.set(m.rcpt, m.at)
    })
  })

  const suffix = randomUUID().slice(0, 8)
  // The production pool size (DATABASE_POOL_SIZE default), not the tests' small one.
  const POOL = opt('pool', 10)
  const database = openDatabase({ url: process.env.DATABASE_URL ?? 'pglite://memory', poolSize: POOL })
  const transport = await openTestTransport()
  const schema = `notifications_bench_${suffix}`
  const host = await createTestHost({
    modules: [notificationsService],
    schemas: { notifications: schema },
    database,
    transport,
    embedded,
    env: {
      EVENTS_NAMESPACE: `bench_${suffix}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      UNSUBSCRIBE_SECRET: 'bench-unsubscribe-secret-0123456789abcdef',
      PUBLIC_URL: 'https://osinum.example.fr',
      // Sender tuning can be tried from the environment (EMAIL_WORKERS=4 EMAIL_BATCH_SIZE=20 …).
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) => k.startsWith('EMAIL_') || k === 'SMTP_POOL_SIZE'),
      ),
    },
  })
  const db = host.services.get('notifications').deps.db
  const config = host.services.get('notifications').deps.config

  const publish = (address) => {
    const userId = randomUUID()
    return publishTestEvent(host, IdentityEvents.MagicLinkRequested, userId, {
      userId,
      email: address,
      url: `https://osinum.example.fr/v1/auth/magic-link/verify?token=${userId}`,
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    })
  }
  const sentCount = async () =>
    Number(
      (
        await db
          .selectFrom('deliveries')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'sent')
          .executeTakeFirstOrThrow()
      ).n,
    )
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

  // Warm-up: connections, prepared paths.
  for (let i = 0; i < 20; i++) await publish(`warmup-${i}-${suffix}@example.fr`)
  while ((await sentCount()) < 20) await sleep(20)

  // --- 1. throughput ---
  const before = await sentCount()
  const t0 = performance.now()
  for (let i = 0; i < EVENTS; i += 100)
    await Promise.all(
      Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) => publish(`t-${i + j}-${suffix}@example.fr`)),
    )
  const published = performance.now()
  const recorded = async () =>
    Number(
      (
        await db
          .selectFrom('deliveries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  let allRecorded
  while ((await sentCount()) - before < EVENTS) {
    if (!allRecorded && (await recorded()) - before >= EVENTS) allRecorded = performance.now()
    await sleep(50)
  }
  allRecorded ??= performance.now()
  const t1 = performance.now()
  const throughput = EVENTS / ((t1 - t0) / 1000)

  // --- 2. latency at a steady rate ---
  const sent = new Map()
  const total = RATE * SECONDS
  const start = now()
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE
    const wait = due - now()
    if (wait > 0) await sleep(wait)
    const address = `l-${i}-${suffix}@example.fr`
    sent.set(address, now())
    publish(address).catch((e) => console.error(e))
  }
  const deadline = performance.now() + 60_000
  while ([...sent.keys()].some((a) => !arrivals.has(a)) && performance.now() < deadline) await sleep(50)
  const latencies = [...sent].filter(([a]) => arrivals.has(a)).map(([a, t]) => arrivals.get(a) - t)
  latencies.sort((a, b) => a - b)
  const lost = total - latencies.length

  const mode = embedded ? 'embedded (PGlite + in-process bus)' : 'PostgreSQL + NATS JetStream'
  console.log(`notifications throughput — ${mode}, SMTP server on loopback`)
  console.log(
    `  sender: ${embedded ? 1 : config.EMAIL_WORKERS} worker(s) × batch ${config.EMAIL_BATCH_SIZE}, SMTP pool ${config.SMTP_POOL_SIZE}, database pool ${embedded ? 'PGlite' : POOL}`,
  )
  console.log(
    `  throughput: ${EVENTS} events → ${EVENTS} deliveries recorded sent in ${((t1 - t0) / 1000).toFixed(2)} s`,
  )
  console.log(
    `              = ${throughput.toFixed(0)} notifications/s (publishing took ${((published - t0) / 1000).toFixed(2)} s,`,
  )
  console.log(
    `                consumers had recorded all ${EVENTS} emails after ${((allRecorded - t0) / 1000).toFixed(2)} s)`,
  )
  console.log(
    `  latency at ${RATE} events/s for ${SECONDS} s (${total} events), event published → email received:`,
  )
  console.log(
    `              p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms${lost ? `, ${lost} not received within 60 s` : ''}`,
  )

  await host.close()
  await transport.close()
  await database.close()
  child.disconnect()
}
