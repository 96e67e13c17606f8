// Cost of access-token verification: requests/s of the same route, unprotected and protected
// (Bearer JWT, EdDSA, verified locally by the kit from identity's key store), in one run
// (autocannon, 32 connections, 10 s per run, runs in A-B-B-A order after a 2 s warm-up); then argon2id time per hash and
// per verification with identity's parameters (m = 19 MiB, t = 2, p = 1).
// Run after `npx tsc -b`: node bench/identity-auth.mjs
import os from 'node:os'
import { createHost, loadConfig, serviceConfigSchema } from '@osinum/service-kit'
import autocannon from 'autocannon'
import { KeyStore } from '../services/identity/dist/domain/keys.js'
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../services/identity/dist/domain/passwords.js'
import { identityService } from '../services/identity/dist/index.js'
import { SignJWT } from '../services/identity/node_modules/jose/dist/webapi/index.js'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const config = loadConfig(serviceConfigSchema(identityService), {
  DATABASE_URL: process.env.DATABASE_URL || 'pglite://memory',
  DATABASE_SCHEMA: `identity_bench_${Date.now().toString(36)}`,
  NATS_URL: 'memory:',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '100000000',
})
const host = await createHost({ modules: [identityService], config, logger: false })
const body = { ok: true, items: [1, 2, 3] }
host.app.get('/v1/bench/open', { config: { access: 'public' } }, async () => body)
host.app.get('/v1/bench/protected', { config: { access: 'authenticated' } }, async () => body)
await host.app.ready()
await host.app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${host.app.server.address().port}`

// A token exactly as identity issues them, signed with its current key.
const { db } = host.services.get('identity').deps
const keys = new KeyStore(db, { accessTokenTtlSeconds: 900, retireMarginSeconds: 300 })
await keys.init()
const key = await keys.signingKey()
const token = await new SignJWT({
  typ: 'access',
  sid: '0193a000-0000-7000-8000-00000000beef',
  email: 'bench@osinum.example',
  roles: [],
  op: null,
  orgs: [{ id: '0193a000-0000-7000-8000-000000000201', role: 'elected', ref: true }],
})
  .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
  .setSubject('0193a000-0000-7000-8000-000000000111')
  .setIssuer(config.JWT_ISSUER)
  .setAudience(config.JWT_AUDIENCE)
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(key.privateKey)

const check = await fetch(`${base}/v1/bench/protected`, { headers: { authorization: `Bearer ${token}` } })
if (check.status !== 200) throw new Error(`protected route answered ${check.status}`)
if ((await fetch(`${base}/v1/bench/protected`)).status !== 401)
  throw new Error('protected route is not protected')

const run = (path, headers, duration) =>
  autocannon({ url: `${base}${path}`, connections: 32, duration, headers })

console.log(
  `identity auth bench (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, ${host.database.kind})`,
)
await run('/v1/bench/open', {}, 2)
await run('/v1/bench/protected', { authorization: `Bearer ${token}` }, 2)
// A-B-B-A, so that a drift of the machine's load during the run weighs on both alike.
const results = { open: [], protected: [] }
for (const which of ['open', 'protected', 'protected', 'open']) {
  const r =
    which === 'open'
      ? await run('/v1/bench/open', {}, DURATION)
      : await run('/v1/bench/protected', { authorization: `Bearer ${token}` }, DURATION)
  results[which].push(r)
}
const mean = (rs, f) => rs.reduce((a, r) => a + f(r), 0) / rs.length
const line = (label, rs) =>
  console.log(
    `${label.padEnd(34)} ${mean(rs, (r) => r.requests.average)
      .toFixed(0)
      .padStart(
        7,
      )} req/s   p50 ${mean(rs, (r) => r.latency.p50).toFixed(0)} ms   p99 ${mean(rs, (r) => r.latency.p99).toFixed(0)} ms   errors ${rs.reduce((a, r) => a + r.errors + r.non2xx, 0)}   (runs: ${rs.map((r) => r.requests.average.toFixed(0)).join(', ')})`,
  )
line('GET unprotected (public)', results.open)
line('GET protected (Bearer JWT, EdDSA)', results.protected)
const ratio =
  mean(results.protected, (r) => r.requests.average) / mean(results.open, (r) => r.requests.average)
console.log(`protected / unprotected: ${(100 * ratio).toFixed(1)} %`)

// The verification itself, in process (what the kit does per request): jose jwtVerify + local key lookup.
const { jwtVerify } = await import('../services/identity/node_modules/jose/dist/webapi/index.js')
const V = 5000
const t0 = performance.now()
for (let i = 0; i < V; i++)
  await jwtVerify(token, keys.getKey, {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: ['EdDSA'],
  })
console.log(
  `token verification in process: ${((1000 * (performance.now() - t0)) / V).toFixed(0)} µs per token (mean of ${V})`,
)

await host.close()

const N = 20
let t = performance.now()
let hash
for (let i = 0; i < N; i++) hash = await hashPassword(`correct horse battery staple ${i}`)
const hashMs = (performance.now() - t) / N
t = performance.now()
for (let i = 0; i < N; i++) await verifyPassword(hash, 'wrong password attempt')
const verifyMs = (performance.now() - t) / N
console.log(
  `argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}: ${hashMs.toFixed(1)} ms per hash, ${verifyMs.toFixed(1)} ms per verification (mean of ${N})`,
)
