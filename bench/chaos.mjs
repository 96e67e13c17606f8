// Chaos: the five services as separate processes survive database and bus faults, and a crash.
//
//   npx tsc -b tsconfig.build.json && node bench/chaos.mjs [--rate 3] [--recovery 20]
//
// Starts a private PostgreSQL and a private NATS JetStream on free ports (never the shared ones),
// an SMTP sink counting every message by Message-ID, and `node services/<name>/dist/server.js`
// for the five services. A steady load runs throughout: registrations (each must end in exactly
// one verification email) and training sign-ups (each must end in exactly one confirmation email),
// retried on 503 as a client honouring Retry-After does. Then, one after the other, with a
// recovery window between them:
//   1. pg_terminate_backend of every connection of the services
//   2. PostgreSQL restarted (pg_ctl stop -m fast, then start)
//   3. PostgreSQL stopped for 10 s
//   4. NATS stopped for 20 s
//   5. kill -9 of notifications while it sends, restarted 1 s later (as an orchestrator would)
// and prints, per fault: requests failed (after retries), 503 answers seen, events lost (accepted
// operations whose email never came), emails duplicated, seconds until every service is ready
// again, seconds until the backlog is delivered, and services that crashed on their own.
// Figures: docs/reliability.md.
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const RATE = opt('rate', 3)
const RECOVERY_S = opt('recovery', 20)
const root = fileURLToPath(new URL('..', import.meta.url))
const service = createRequire(new URL('../services/notifications/package.json', import.meta.url))
const load = (name) => import(pathToFileURL(service.resolve(name)).href)
const { SMTPServer } = await load('smtp-server')
const { simpleParser } = await load('mailparser')
const pgPkg = createRequire(new URL('../packages/db/package.json', import.meta.url))
const pg = (await import(pathToFileURL(pgPkg.resolve('pg')).href)).default
const { startPrivatePostgres, startPrivateNats, freePort } = await import(
  new URL('../packages/testing/dist/servers.js', import.meta.url).href
)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const now = () => performance.now()
const log = (...a) => console.log(`[${(now() / 1000).toFixed(1)}s]`, ...a)

// --- infrastructure -------------------------------------------------------------------------
const [pgServer, nats] = await Promise.all([startPrivatePostgres(), startPrivateNats()])
const mails = [] // { to, messageId, subject, text, at, phase (when it arrived) }
const stats = { phase: 'set-up' }
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((m) => {
        for (const r of session.envelope.rcptTo)
          mails.push({
            to: r.address.toLowerCase(),
            messageId: m.messageId,
            subject: m.subject ?? '',
            text: m.text ?? '',
            at: now(),
            phase: stats.phase,
          })
        callback()
      })
      .catch(callback)
  },
})
await new Promise((r) => smtp.listen(0, '127.0.0.1', r))
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`

// --- the five services ------------------------------------------------------------------------
const NAMES = ['identity', 'catalogue', 'resources', 'diagnostics', 'notifications']
const ports = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await freePort()])))
const base = (n) => `http://127.0.0.1:${ports[n]}`
const env = (name) => ({
  PATH: process.env.PATH,
  PORT: String(ports[name]),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATABASE_URL: pgServer.url,
  NATS_URL: nats.url,
  PUBLIC_URL: base(name),
  RATE_LIMIT_MAX: '1000000',
  AUTH_RATE_LIMIT_PER_IP: '1000000',
  AUTH_RATE_LIMIT_PER_EMAIL: '1000000',
  OTEL_SDK_DISABLED: 'true',
  ...(name === 'identity' ? {} : { JWKS_URL: `${base('identity')}/.well-known/jwks.json` }),
  SMTP_URL: smtpUrl,
  MAIL_FROM: 'osinum <no-reply@chaos.example>',
  UNSUBSCRIBE_SECRET: 'chaos-unsubscribe-secret-0123456789abcdefghij',
  // A sender killed mid-send is noticed after this lease (default 5 min): short, to measure it here.
  EMAIL_SENDING_LEASE_MS: '15000',
})
const procs = {}
const crashed = new Set()
const killedByUs = new Set()
const crashLog = {}
function startService(name) {
  const child = spawn(process.execPath, [`${root}services/${name}/dist/server.js`], {
    env: env(name),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000)
  })
  child.on('exit', (code, signal) => {
    if (killedByUs.has(child)) return
    crashed.add(name)
    crashLog[name] = `exit ${code ?? signal}: ${stderr.split('\n').filter(Boolean).slice(-3).join(' | ')}`
    log(`!! ${name} exited on its own (${code ?? signal})`)
  })
  procs[name] = child
}
const ready = async (name) => (await fetch(`${base(name)}/readyz`).catch(() => undefined))?.status === 200
async function allReady(timeoutMs = 120_000) {
  const started = now()
  while (now() - started < timeoutMs) {
    const states = await Promise.all(NAMES.map(ready))
    if (states.every(Boolean)) return (now() - started) / 1000
    await sleep(100)
  }
  return Number.NaN
}
// identity first (it migrates its schema and serves the JWKS the others read).
startService('identity')
while (!(await ready('identity'))) await sleep(200)
for (const n of NAMES.slice(1)) startService(n)
await allReady()
log('five services ready')

// --- clients ----------------------------------------------------------------------------------
const phases = new Map()
const phaseOf = (name) => {
  if (!phases.has(name))
    phases.set(name, {
      name,
      requests: 0,
      failed: 0,
      unavailable: 0,
      other: {},
      ops: [],
      readyAfterS: null,
      endedAt: null,
    })
  return phases.get(name)
}

async function request(method, path, { body, token, service: svc = 'identity' } = {}) {
  const p = phaseOf(stats.phase)
  for (let attempt = 0; attempt < 8; attempt++) {
    p.requests++
    const res = await fetch(`${base(svc)}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    }).catch((error) => ({ status: 0, error }))
    if (res.status === 503 || res.status === 0) {
      if (res.status === 503) p.unavailable++
      else p.other.connection = (p.other.connection ?? 0) + 1
      const wait = Number(res.headers?.get?.('retry-after') ?? 1)
      await sleep(Math.min(5, wait) * 1000)
      continue
    }
    if (res.status >= 500) p.other[res.status] = (p.other[res.status] ?? 0) + 1
    return res
  }
  p.failed++
  return undefined
}

const linkIn = (text, fragment) => {
  const url = text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(fragment))
  return url ? new URL(url.replace(/[).,>]+$/, '')) : undefined
}
async function waitMail(to, match, timeoutMs = 60_000) {
  const started = now()
  while (now() - started < timeoutMs) {
    const m = mails.find((x) => x.to === to && match(x))
    if (m) return m
    await sleep(50)
  }
  throw new Error(`no mail to ${to}`)
}
async function signIn(email) {
  await request('POST', '/v1/auth/magic-link', { body: { email } })
  const m = await waitMail(email, (x) => x.text.includes('/v1/auth/magic-link/verify'))
  const url = linkIn(m.text, '/v1/auth/magic-link/verify')
  const res = await request('GET', url.pathname + url.search)
  return (await res.json()).accessToken
}

// --- set-up: an admin, a training with sessions, people who sign up ---------------------------
execFileSync(
  process.execPath,
  [`${root}services/identity/dist/cli.js`, 'grant-admin', 'admin@chaos.example'],
  {
    env: env('identity'),
    stdio: 'ignore',
  },
)
const admin = await signIn('admin@chaos.example')
const training = await request('POST', '/v1/trainings', {
  service: 'resources',
  token: admin,
  body: {
    slug: 'chaos-rgpd',
    title: 'Le RGPD dans une petite commune',
    summary: 'Les bases du RGPD pour les élus et les agents.',
    description: 'Registre des traitements, droits des personnes, sous-traitants.',
    themes: ['gdpr'],
    audience: ['elected', 'agent'],
    level: 'beginner',
    durationMinutes: 120,
  },
})
if (training?.status !== 201) throw new Error(`training: ${training?.status} ${await training?.text()}`)
const sessions = []
for (let i = 0; i < 40; i++) {
  const res = await request('POST', '/v1/trainings/chaos-rgpd/sessions', {
    service: 'resources',
    token: admin,
    body: {
      startsAt: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}T09:30`,
      endsAt: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}T11:30`,
      mode: 'online',
      onlineUrl: 'https://visio.example.org/rgpd',
      capacity: 10_000,
    },
  })
  sessions.push((await res.json()).id)
}
const people = []
for (let i = 0; i < 30; i++) {
  const email = `personne${i}@chaos.example`
  await request('POST', '/v1/auth/register', { body: { email, displayName: `Personne ${i}` } })
  const m = await waitMail(email, (x) => x.text.includes('/v1/auth/email/verify'))
  const url = linkIn(m.text, '/v1/auth/email/verify')
  const res = await request('GET', url.pathname + url.search)
  people.push({ email, token: (await res.json()).accessToken, next: 0 })
}
log(`set-up done: ${sessions.length} sessions, ${people.length} people`)
stats.phase = 'steady'

// --- steady load --------------------------------------------------------------------------------
let running = true
let seq = 0
const inflight = new Set()
function track(p) {
  inflight.add(p)
  p.finally(() => inflight.delete(p))
}
async function registerOne() {
  const email = `r${seq++}-${randomUUID().slice(0, 8)}@chaos.example`
  const phase = phaseOf(stats.phase)
  const res = await request('POST', '/v1/auth/register', { body: { email } })
  if (res?.status === 202)
    phase.ops.push({
      kind: 'register',
      to: email,
      at: now(),
      match: (m) => m.text.includes('/v1/auth/email/verify'),
    })
  else if (res) phase.other[res.status] = (phase.other[res.status] ?? 0) + 1
}
async function signUpOne() {
  const person = people[seq++ % people.length]
  if (person.next >= sessions.length) return
  const sessionId = sessions[person.next++]
  const phase = phaseOf(stats.phase)
  const res = await request('POST', '/v1/registrations', {
    service: 'resources',
    token: person.token,
    body: { sessionId },
  })
  if (res?.status === 201) phase.ops.push({ kind: 'sign-up', to: person.email, at: now(), sessionId })
  else if (res) phase.other[res.status] = (phase.other[res.status] ?? 0) + 1
}
const loop = (async () => {
  while (running) {
    track(registerOne())
    track(signUpOne())
    await sleep(1000 / RATE)
  }
})()

// --- faults ---------------------------------------------------------------------------------------
async function terminateBackends() {
  const c = new pg.Client({ connectionString: pgServer.url })
  await c.connect()
  const { rows } = await c.query(
    "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name like 'osinum%'",
  )
  await c.end()
  return rows[0].n
}
const FAULTS = [
  ['terminate backends', async () => log(`terminated ${await terminateBackends()} connections`)],
  [
    'PostgreSQL restart -m fast',
    async () => {
      await pgServer.stop()
      await pgServer.start()
    },
  ],
  [
    'PostgreSQL stopped 10 s',
    async () => {
      await pgServer.stop()
      await sleep(10_000)
      await pgServer.start()
    },
  ],
  [
    'NATS stopped 20 s',
    async () => {
      await nats.stop()
      await sleep(20_000)
      await nats.start()
    },
  ],
  [
    'kill -9 notifications',
    async () => {
      const victim = procs.notifications
      killedByUs.add(victim)
      victim.kill('SIGKILL')
      await sleep(1_000)
      startService('notifications')
    },
  ],
]

await sleep(8_000)
for (const [name, fault] of FAULTS) {
  stats.phase = name
  log(`fault: ${name}`)
  await fault()
  const p = phaseOf(name)
  p.endedAt = now()
  p.readyAfterS = await allReady()
  log(`  all ready ${p.readyAfterS.toFixed(1)} s after the fault ended`)
  await sleep(RECOVERY_S * 1000)
}
running = false
await loop
await Promise.allSettled([...inflight])

// --- drain and count ------------------------------------------------------------------------------
// Every accepted operation must get its email: wait for the backlog (the lease after the kill -9 included).
const expected = [...phases.values()].flatMap((p) => p.ops.map((op) => ({ ...op, phase: p })))
const mailFor = (op) => {
  if (op.kind === 'register') return mails.filter((m) => m.to === op.to && op.match(m))
  return mails.filter((m) => m.to === op.to && !m.text.includes('/v1/auth/') && m.text.includes('RGPD'))
}
const drainStart = now()
while (now() - drainStart < 120_000) {
  const missing = expected.filter((op) => op.kind === 'register' && mailFor(op).length === 0)
  if (missing.length === 0) break
  await sleep(500)
}
await sleep(3_000)

// Sign-ups: one confirmation per (person, session); count per person against their sign-ups.
const signUpsByPerson = new Map()
for (const op of expected.filter((o) => o.kind === 'sign-up'))
  signUpsByPerson.set(op.to, [...(signUpsByPerson.get(op.to) ?? []), op])
const byId = new Map()
for (const m of mails) {
  const key = `${m.to} ${m.messageId}`
  byId.set(key, [...(byId.get(key) ?? []), m])
}
const duplicates = [...byId.values()].filter((copies) => copies.length > 1)
const lastMailOf = (ops) =>
  Math.max(0, ...ops.map((o) => (o.kind === 'register' ? mailFor(o)[0]?.at : 0) ?? 0))

const rows = []
for (const p of phases.values()) {
  const regs = p.ops.filter((o) => o.kind === 'register')
  // Accepted before the fault ended (during it, for the outages): how long after its end the last email came.
  const last = lastMailOf(regs.filter((o) => p.endedAt && o.at <= p.endedAt))
  rows.push({
    fault: p.name,
    requests: p.requests,
    '503 (retried)': p.unavailable,
    'failed after retries': p.failed,
    'other 5xx': Object.entries(p.other)
      .filter(([k]) => Number(k) >= 500)
      .reduce((n, [, v]) => n + v, 0),
    registrations: regs.length,
    'sign-ups': p.ops.length - regs.length,
    'emails lost': regs.filter((o) => mailFor(o).length === 0).length,
    'emails duplicated': duplicates.filter((copies) => copies[1].phase === p.name).length,
    'ready after (s)': p.readyAfterS === null ? '' : p.readyAfterS.toFixed(1),
    'backlog delivered after (s)': p.endedAt && last ? Math.max(0, (last - p.endedAt) / 1000).toFixed(1) : '',
  })
}
console.table(rows)
let signUpsLost = 0
for (const [to, ops] of signUpsByPerson) {
  const got = mails.filter((m) => m.to === to && !m.text.includes('/v1/auth/')).length
  if (got < ops.length) signUpsLost += ops.length - got
}
console.log(
  JSON.stringify(
    {
      registrationsAccepted: expected.filter((o) => o.kind === 'register').length,
      signUpsAccepted: expected.filter((o) => o.kind === 'sign-up').length,
      registrationEmailsLost: rows.reduce((n, r) => n + r['emails lost'], 0),
      signUpEmailsLost: signUpsLost,
      emailsDuplicatedSameMessageId: duplicates.length,
      duplicates: duplicates.map((c) => ({
        subject: c[0].subject,
        copies: c.length,
        apartS: ((c[1].at - c[0].at) / 1000).toFixed(1),
        phase: c[1].phase,
      })),
      crashedServices: [...crashed],
      crashLog,
    },
    null,
    2,
  ),
)

// The crash window of an email: SMTP acceptance → its row committed (since the last restart of notifications).
const metrics = await (await fetch(`${base('notifications')}/metrics`)).text()
const buckets = [...metrics.matchAll(/^osinum_email_record_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map(
  (m) => [m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]), Number(m[2])],
)
const count = Number(/^osinum_email_record_seconds_count (\d+)/m.exec(metrics)?.[1] ?? 0)
const sum = Number(/^osinum_email_record_seconds_sum (\S+)/m.exec(metrics)?.[1] ?? 0)
const quantile = (q) => buckets.find(([, n]) => n >= q * count)?.[0]
console.log(
  `email record window (SMTP 250 → commit), ${count} emails: mean ${((sum / Math.max(1, count)) * 1000).toFixed(1)} ms, p50 ≤ ${quantile(0.5) * 1000} ms, p99 ≤ ${quantile(0.99) * 1000} ms`,
)

for (const c of Object.values(procs)) {
  killedByUs.add(c)
  c.kill('SIGTERM')
}
await sleep(2_000)
await new Promise((r) => smtp.close(r))
await Promise.all([pgServer.destroy(), nats.destroy()])
process.exit(crashed.size ? 1 : 0)
