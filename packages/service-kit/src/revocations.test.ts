import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdentityEvents } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import { Type } from 'typebox'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Host } from './host.js'
import { issuedAtMs, RevocationList } from './revocations.js'
import { defineService, type ServiceDeps } from './service.js'
import {
  createTestHost,
  kitTablesMigrations,
  openTestDatabase,
  openTestTransport,
  publishTestEvent,
  testKeys,
  waitFor,
} from './testing.js'

const plugin: FastifyPluginAsyncTypebox<ServiceDeps> = async (app) => {
  app.get(
    '/v1/whoami',
    {
      schema: {
        tags: ['demo'],
        operationId: 'whoAmI',
        response: { 200: Type.Object({ userId: Type.String() }) },
      },
    },
    async (request) => ({ userId: request.principal!.userId }),
  )
}

const demo = defineService({
  name: 'catalogue',
  title: 'demo',
  description: 'demo',
  migrations: kitTablesMigrations,
  plugin,
})

const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString()

describe('revocations: identity’s TokensRevoked reaches every replica of a service', () => {
  const databases: DatabaseHandle[] = []
  let transport: EventTransport
  let replicas: Host[]
  let keys: Awaited<ReturnType<typeof testKeys>>
  const schema = uniqueName('revoke')

  beforeAll(async () => {
    keys = await testKeys()
    transport = await openTestTransport()
    const shared = openTestDatabase()
    databases.push(shared)
    const env = { EVENTS_NAMESPACE: uniqueName('t') }
    // Two replicas of one service: same schema, same durable consumer (each event reaches ONE of
    // them), each with its own connections on PostgreSQL (PGlite in memory is one database).
    replicas = []
    for (let i = 0; i < 2; i++) {
      const database = i === 0 || !process.env.DATABASE_URL ? shared : openTestDatabase()
      if (database !== shared) databases.push(database)
      replicas.push(
        await createTestHost({
          modules: [demo],
          schemas: { catalogue: schema },
          database,
          transport,
          getKey: keys.getKey,
          env,
        }),
      )
    }
  })
  afterAll(async () => {
    for (const r of [...(replicas ?? [])].reverse()) await r.close()
    await transport?.close()
    for (const d of databases) await d.close()
  })

  const status = async (host: Host, token: string) => {
    const res = await host.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: { authorization: `Bearer ${token}` },
    })
    return res.statusCode === 401 ? `401 ${res.json().code}` : String(res.statusCode)
  }

  /** Waits until every replica refuses `token`; returns the delay of each since `from`. */
  async function refusedByAll(token: string, from: number): Promise<number[]> {
    return Promise.all(
      replicas.map(async (r) => {
        await waitFor(async () => (await status(r, token)) === '401 OSI_TOKEN_REVOKED', 10_000, 5)
        return Date.now() - from
      }),
    )
  }

  it('a revoked session’s token is refused by both replicas, not only by the one that consumed the event', async () => {
    const userId = uuidv7()
    const [ended, other] = [uuidv7(), uuidv7()]
    const token = await keys.token({ sub: userId, sid: ended })
    const otherSession = await keys.token({ sub: userId, sid: other })
    for (const r of replicas) expect(await status(r, token)).toBe('200')
    const from = Date.now()
    await publishTestEvent(replicas[0]!, IdentityEvents.TokensRevoked, userId, {
      userId,
      sessionIds: [ended],
      issuedBefore: null,
      forever: false,
      reason: 'logout',
      expiresAt: inFuture(60_000),
    })
    const delays = await refusedByAll(token, from)
    console.info(`revocation: session refused by the 2 replicas after ${delays.join(' ms, ')} ms`)
    for (const r of replicas) expect(await status(r, otherSession)).toBe('200')
  })

  it('tokens issued before the instant are refused; one issued a millisecond after it, in the same second, is accepted', async () => {
    const userId = uuidv7()
    const second = Math.floor(Date.now() / 1000) * 1000
    const instant = new Date(second + 500)
    const before = await keys.token({ sub: userId, sid: uuidv7(), issuedAt: new Date(second + 499) })
    const after = await keys.token({ sub: userId, sid: uuidv7(), issuedAt: new Date(second + 501) })
    await publishTestEvent(replicas[0]!, IdentityEvents.TokensRevoked, userId, {
      userId,
      sessionIds: [],
      issuedBefore: instant.toISOString(),
      forever: false,
      reason: 'roles-changed',
      expiresAt: inFuture(60_000),
    })
    await refusedByAll(before, Date.now())
    for (const r of replicas) expect(await status(r, after)).toBe('200')
  })

  it('an erased person’s tokens are refused forever, even tokens signed after the erasure', async () => {
    const userId = uuidv7()
    await publishTestEvent(replicas[0]!, IdentityEvents.TokensRevoked, userId, {
      userId,
      sessionIds: [],
      issuedBefore: new Date().toISOString(),
      forever: true,
      reason: 'user-erased',
      expiresAt: inFuture(60_000),
    })
    const later = await keys.token({ sub: userId, sid: uuidv7(), issuedAt: new Date(Date.now() + 1_000) })
    await refusedByAll(later, Date.now())
    // Years later, the session and age entries have expired; the erasure has not.
    const list = new RevocationList({
      logger: console,
      now: () => Date.now() + 10 * 365 * 24 * 3600_000,
    })
    list.addSource(schema, replicas[0]!.services.get('catalogue')!.deps.db)
    await list.start()
    await list.stop()
    expect(list.refuses({ userId, sessionId: null, issuedAtMs: Date.now() + 365 * 24 * 3600_000 })).toBe(true)
  })

  it('entries for sessions and ages are forgotten once no token they concern can be valid', async () => {
    const userId = uuidv7()
    const sid = uuidv7()
    await publishTestEvent(replicas[0]!, IdentityEvents.TokensRevoked, userId, {
      userId,
      sessionIds: [sid],
      issuedBefore: new Date().toISOString(),
      forever: false,
      reason: 'logout-everywhere',
      expiresAt: inFuture(3_600_000),
    })
    const token = await keys.token({ sub: userId, sid })
    await refusedByAll(token, Date.now())
    const at = (offsetMs: number) => {
      const list = new RevocationList({ logger: console, now: () => Date.now() + offsetMs })
      list.addSource(schema, replicas[0]!.services.get('catalogue')!.deps.db)
      return list
    }
    for (const [offset, refused] of [
      [0, true],
      [2 * 3_600_000, false],
    ] as const) {
      const list = at(offset)
      await list.start()
      await list.stop()
      expect(list.refuses({ userId, sessionId: sid, issuedAtMs: Date.now() - 1_000 })).toBe(refused)
    }
  })
})

describe('issue instant of a token', () => {
  it('is the millisecond timestamp of a UUIDv7 jti, else iat', () => {
    const ms = Date.UTC(2026, 11, 1, 10, 0, 0, 123)
    expect(issuedAtMs({ jti: uuidv7({ msecs: ms }), iat: Math.floor(ms / 1000) })).toBe(ms)
    expect(issuedAtMs({ jti: 'not-a-uuid', iat: 1_700_000_000 })).toBe(1_700_000_000_000)
    expect(issuedAtMs({})).toBe(0)
  })
})
