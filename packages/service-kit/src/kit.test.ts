import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import pino from 'pino'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineError } from './errors.js'
import type { Host } from './host.js'
import { REDACT_PATHS } from './logger.js'
import { defineService, type ServiceDeps } from './service.js'
import {
  createTestHost,
  kitTablesMigrations,
  openTestDatabase,
  openTestTransport,
  testKeys,
} from './testing.js'

const Exploded = defineError('OSI_DEMO_EXPLODED', 'secret internal detail %s', 500)

const plugin: FastifyPluginAsyncTypebox<ServiceDeps> = async (app) => {
  app.post(
    '/v1/things',
    {
      schema: {
        tags: ['demo'],
        operationId: 'createThing',
        body: Type.Object({
          name: Type.String({ minLength: 2, maxLength: 20 }),
          size: Type.Integer({ minimum: 1 }),
        }),
        response: { 201: Type.Object({ name: Type.String() }) },
      },
    },
    async (request, reply) => reply.code(201).send({ name: request.body.name }),
  )
  app.get(
    '/v1/things/admin',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['demo'],
        operationId: 'adminThing',
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async () => ({ ok: true }),
  )
  app.get(
    '/v1/things/public',
    {
      config: { access: 'public' },
      schema: {
        tags: ['demo'],
        operationId: 'publicThing',
        response: { 200: Type.Object({ who: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => ({ who: request.principal?.userId ?? null }),
  )
  app.get(
    '/v1/things/boom',
    { config: { access: 'public' }, schema: { tags: ['demo'], operationId: 'boom' } },
    async () => {
      throw new Exploded('password=hunter2')
    },
  )
  app.get(
    '/v1/things/crash',
    { config: { access: 'public' }, schema: { tags: ['demo'], operationId: 'crash' } },
    async () => {
      throw new Error('select * from secrets where oops')
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

describe('service kit', () => {
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
      schemas: { catalogue: uniqueName('kit') },
      database,
      transport,
      getKey: keys.getKey,
      env: {
        EVENTS_NAMESPACE: uniqueName('t'),
        CORS_ORIGINS: 'https://app.example.org',
        BODY_LIMIT_BYTES: '2048',
      },
    })
  })
  afterAll(async () => {
    await host?.close()
    await transport?.close()
    await database?.close()
  })

  const asProblem = (res: { headers: Record<string, unknown>; json: () => any }) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    return res.json()
  }

  it('answers a validation error with problem+json listing each offending field', async () => {
    const token = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa' })
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'x', size: 0, extra: true },
    })
    expect(res.statusCode).toBe(400)
    const problem = asProblem(res)
    expect(problem.code).toBe('OSI_VALIDATION')
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.name', 'body.size'])
  })

  it('refuses NUL characters in a body or a query string with 400, never a database error', async () => {
    const token = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa' })
    const body = await host.app.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'ab\u0000c', size: 1 },
    })
    expect(body.statusCode).toBe(400)
    expect(asProblem(body).errors).toEqual([
      { field: 'body.name', message: 'must not contain NUL characters' },
    ])
    const query = await host.app.inject({ method: 'GET', url: '/v1/things/public?q=a%00b' })
    expect(query.statusCode).toBe(400)
  })

  it('refuses an oversized body with 413 problem+json', async () => {
    const token = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa' })
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'a'.repeat(5000), size: 1 }),
    })
    expect(res.statusCode).toBe(413)
    expect(asProblem(res).code).toBe('OSI_BODY_TOO_LARGE')
  })

  it('answers malformed JSON with 400, not 500', async () => {
    const token = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa' })
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(res.statusCode).toBe(400)
    asProblem(res)
  })

  it('hides the message and stack of server errors', async () => {
    for (const url of ['/v1/things/boom', '/v1/things/crash']) {
      const res = await host.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(500)
      const problem = asProblem(res)
      expect(problem.code).toBe('OSI_INTERNAL')
      expect(res.body).not.toMatch(/hunter2|select|secrets|stack|at /)
    }
  })

  it('answers unknown routes with a 404 problem', async () => {
    const res = await host.app.inject({ method: 'GET', url: '/v1/nowhere' })
    expect(res.statusCode).toBe(404)
    expect(asProblem(res).code).toBe('OSI_NOT_FOUND')
  })

  it('requires a valid token on protected routes and a role where declared', async () => {
    const anonymous = await host.app.inject({
      method: 'POST',
      url: '/v1/things',
      payload: { name: 'ok', size: 1 },
    })
    expect(anonymous.statusCode).toBe(401)
    expect(asProblem(anonymous).code).toBe('OSI_UNAUTHORIZED')
    expect(anonymous.headers['www-authenticate']).toBe('Bearer')

    // Change one character inside the signature (the last one only carries padding bits).
    const [header, claims, signature = ''] = (
      await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa', roles: ['admin'] })
    ).split('.')
    const flipped = signature[10] === 'A' ? 'B' : 'A'
    const tampered = `${header}.${claims}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`
    const bad = await host.app.inject({
      method: 'GET',
      url: '/v1/things/admin',
      headers: { authorization: `Bearer ${tampered}` },
    })
    expect(bad.statusCode).toBe(401)
    expect(asProblem(bad).code).toBe('OSI_INVALID_TOKEN')

    const expired = await keys.token({
      sub: '0193a000-0000-7000-8000-00000000aaaa',
      roles: ['admin'],
      expiresIn: '-1m',
    })
    const late = await host.app.inject({
      method: 'GET',
      url: '/v1/things/admin',
      headers: { authorization: `Bearer ${expired}` },
    })
    expect(late.statusCode).toBe(401)

    const editor = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa', roles: ['editor'] })
    const denied = await host.app.inject({
      method: 'GET',
      url: '/v1/things/admin',
      headers: { authorization: `Bearer ${editor}` },
    })
    expect(denied.statusCode).toBe(403)
    expect(asProblem(denied).code).toBe('OSI_FORBIDDEN')

    const admin = await keys.token({ sub: '0193a000-0000-7000-8000-00000000aaaa', roles: ['admin'] })
    const ok = await host.app.inject({
      method: 'GET',
      url: '/v1/things/admin',
      headers: { authorization: `Bearer ${admin}` },
    })
    expect(ok.statusCode).toBe(200)
  })

  it('identifies the caller on public routes when a token is given', async () => {
    const token = await keys.token({ sub: '0193a000-0000-7000-8000-00000000bbbb' })
    const res = await host.app.inject({
      method: 'GET',
      url: '/v1/things/public',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.json()).toEqual({ who: '0193a000-0000-7000-8000-00000000bbbb' })
    expect((await host.app.inject({ method: 'GET', url: '/v1/things/public' })).json()).toEqual({ who: null })
  })

  it('sends security headers and CORS only to allowed origins', async () => {
    const allowed = await host.app.inject({
      method: 'GET',
      url: '/v1/things/public',
      headers: { origin: 'https://app.example.org' },
    })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org')
    expect(allowed.headers['x-content-type-options']).toBe('nosniff')
    expect(allowed.headers['strict-transport-security']).toBeDefined()
    const other = await host.app.inject({
      method: 'GET',
      url: '/v1/things/public',
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('documents routes in OpenAPI with their service, their security and the Problem schema', async () => {
    const doc = (await host.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    const create = doc.paths['/v1/things'].post
    expect(create['x-osinum-service']).toBe('catalogue')
    expect(create.security).toEqual([{ bearerAuth: [] }])
    expect(create.responses['401']).toBeDefined()
    expect(doc.paths['/v1/things/public'].get.security).toBeUndefined()
    expect(doc.components.schemas.Problem).toBeDefined()
    expect((await host.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400)
  })

  it('exposes Prometheus metrics with the HTTP histogram per service', async () => {
    await host.app.inject({ method: 'GET', url: '/v1/things/public' })
    const res = await host.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{service="catalogue",method="GET",route="\/v1\/things\/public",status_code="200"\}/,
    )
    expect(res.body).toMatch(/osinum_outbox_backlog\{service="catalogue"\} 0/)
  })

  it('answers liveness without checking anything, readiness with the database and health with every check', async () => {
    expect((await host.app.inject({ method: 'GET', url: '/livez' })).json()).toEqual({ status: 'ok' })
    const ready = await host.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().checks).toEqual({ shutdown: true, database: true, revocations: true })
    const health = await host.app.inject({ method: 'GET', url: '/healthz' })
    expect(health.json()).toEqual({
      status: 'ok',
      checks: {
        shutdown: { ok: true, critical: true },
        database: { ok: true, critical: true },
        events: { ok: true, critical: false },
        revocations: { ok: true, critical: true },
      },
    })
  })
})

describe('log redaction', () => {
  it('removes tokens, passwords and secrets from log lines', () => {
    const lines: string[] = []
    const logger = pino(
      { redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
      { write: (l: string) => lines.push(l) },
    )
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        body: { password: 'hunter2', refreshToken: 'r-123' },
      },
      'x',
    )
    expect(lines.join('')).not.toMatch(/abc\.def\.ghi|hunter2|r-123/)
    expect(lines.join('')).toContain('[redacted]')
  })
})

describe('request validation', () => {
  it('coerces query strings but keeps JSON body values as sent (null stays null)', async () => {
    const database = openTestDatabase()
    const transport = await openTestTransport()
    const echo = defineService({
      name: 'catalogue',
      title: 'echo',
      description: 'echo',
      migrations: kitTablesMigrations,
      plugin: (async (app) => {
        app.post(
          '/v1/echo',
          {
            config: { access: 'public' },
            schema: {
              querystring: Type.Object({ n: Type.Optional(Type.Integer()) }),
              body: Type.Object({
                flag: Type.Union([Type.Boolean(), Type.Null()]),
                note: Type.Union([Type.String(), Type.Null()]),
              }),
            },
          },
          async (request) => ({ query: request.query, body: request.body }),
        )
      }) as FastifyPluginAsyncTypebox<ServiceDeps>,
    })
    const host = await createTestHost({
      modules: [echo],
      schemas: { catalogue: uniqueName('echo') },
      database,
      transport,
    })
    try {
      const res = await host.app.inject({
        method: 'POST',
        url: '/v1/echo?n=42',
        payload: { flag: null, note: null },
      })
      expect(res.json()).toEqual({ query: { n: 42 }, body: { flag: null, note: null } })
      const wrong = await host.app.inject({
        method: 'POST',
        url: '/v1/echo',
        payload: { flag: 'yes', note: 3 },
      })
      expect(wrong.statusCode).toBe(400)
    } finally {
      await host.close()
      await transport.close()
      await database.close()
    }
  })
})
