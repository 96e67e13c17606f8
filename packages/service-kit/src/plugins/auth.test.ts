import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import { Type } from 'typebox'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Host } from '../host.js'
import { defineService, type ServiceDeps } from '../service.js'
import {
  createTestHost,
  kitTablesMigrations,
  openTestDatabase,
  openTestTransport,
  testKeys,
} from '../testing.js'

const USER = '0193a000-0000-7000-8000-00000000cccc'
const ORG = '0193a000-0000-7000-8000-00000000dddd'
const OPERATOR = '0193a000-0000-7000-8000-000000000001'

/** Every call a handler received: a refused token must never get that far. */
const reached: string[] = []

const plugin: FastifyPluginAsyncTypebox<ServiceDeps> = async (app) => {
  const whoAmI = Type.Object({ userId: Type.String(), operatorId: Type.Union([Type.String(), Type.Null()]) })
  app.get(
    '/v1/whoami',
    { schema: { tags: ['demo'], operationId: 'whoAmI', response: { 200: whoAmI } } },
    async (request) => {
      reached.push(request.url)
      return { userId: request.principal!.userId, operatorId: request.principal!.operatorId }
    },
  )
  app.get(
    '/v1/whoami/public',
    { config: { access: 'public' }, schema: { tags: ['demo'], operationId: 'whoAmIPublic' } },
    async () => {
      reached.push('/v1/whoami/public')
      return { ok: true }
    },
  )
}

const demo = defineService({
  name: 'catalogue',
  title: 'demo',
  description: 'demo',
  migrations: kitTablesMigrations,
  plugin,
})

type Claims = Parameters<Awaited<ReturnType<typeof testKeys>>['token']>[0]

describe('auth: identity claims must be UUIDs', () => {
  let database: DatabaseHandle
  let transport: EventTransport
  let host: Host
  let keys: Awaited<ReturnType<typeof testKeys>>
  beforeAll(async () => {
    keys = await testKeys()
    database = openTestDatabase()
    transport = await openTestTransport()
    host = await createTestHost({
      modules: [demo],
      schemas: { catalogue: uniqueName('auth') },
      database,
      transport,
      getKey: keys.getKey,
      env: { EVENTS_NAMESPACE: uniqueName('t') },
    })
  })
  afterAll(async () => {
    await host?.close()
    await transport?.close()
    await database?.close()
  })
  beforeEach(() => {
    reached.length = 0
  })

  const call = async (claims: Claims, url = '/v1/whoami') =>
    host.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await keys.token(claims)}` },
    })

  it('accepts well-formed ids', async () => {
    const res = await call({
      sub: USER,
      sid: '0193a000-0000-7000-8000-00000000eeee',
      op: OPERATOR,
      orgs: [{ id: ORG, role: 'agent' }],
    } as Claims)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ userId: USER, operatorId: OPERATOR })
    expect((await call({ sub: USER, op: null })).statusCode).toBe(200)
    expect(reached).toHaveLength(2)
  })

  it.each([
    ['a sub that is not a UUID', { sub: 'admin' }],
    ['an empty sub', { sub: '' }],
    ['a sub with SQL in it', { sub: "' or 1=1 --" }],
    ['a UUID with extra characters', { sub: `${USER}x` }],
    ['a numeric sub', { sub: 42 as never }],
    ['a session id that is not a UUID', { sub: USER, sid: 'session-1' }],
    ['an operator id that is not a UUID', { sub: USER, op: 'gironde-numerique' }],
    ['an organisation id that is not a UUID', { sub: USER, orgs: [{ id: '33063', role: 'elected' }] }],
    ['an organisation without id', { sub: USER, orgs: [{ role: 'elected' }] }],
    ['memberships that are not a list', { sub: USER, orgs: { id: ORG } }],
  ])('refuses %s with 401 problem+json, before any handler', async (_case, claims) => {
    for (const url of ['/v1/whoami', '/v1/whoami/public']) {
      const res = await call(claims as Claims, url)
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.json().code).toBe('OSI_INVALID_TOKEN')
    }
    expect(reached).toEqual([])
  })

  it('refuses malformed ids through fastify.auth.verify too', async () => {
    await expect(host.app.auth.verify(await keys.token({ sub: 'nobody' }))).rejects.toMatchObject({
      code: 'OSI_INVALID_TOKEN',
    })
    await expect(host.app.auth.verify(await keys.token({ sub: USER }))).resolves.toMatchObject({
      userId: USER,
    })
  })
})
