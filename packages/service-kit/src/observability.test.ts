import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdentityEvents } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFound } from './errors.js'
import type { Host } from './host.js'
import { defineService, type ServiceDeps } from './service.js'
import { createTestHost, kitTablesMigrations, openTestDatabase, openTestTransport } from './testing.js'

const plugin: FastifyPluginAsyncTypebox<ServiceDeps> = async (app, { events }) => {
  events.on(IdentityEvents.UserRegistered, 'welcome', async () => {})
  app.get(
    '/v1/links/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['demo'],
        operationId: 'openLink',
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object({ token: Type.Optional(Type.String()) }),
      },
    },
    async (request) => {
      if (request.params.id === 'gone') throw new NotFound('Link')
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

describe('what an operator sees of a request: logs, request ids, metrics', () => {
  let database: DatabaseHandle
  let transport: EventTransport
  let host: Host
  const lines: Array<Record<string, unknown>> = []
  beforeAll(async () => {
    database = openTestDatabase()
    transport = await openTestTransport()
    host = await createTestHost({
      modules: [demo],
      schemas: { catalogue: uniqueName('obs') },
      database,
      transport,
      env: { EVENTS_NAMESPACE: uniqueName('t'), LOG_LEVEL: 'info' },
      logStream: { write: (line) => lines.push(JSON.parse(line)) },
    })
  })
  afterAll(async () => {
    await host?.close()
    await transport?.close()
    await database?.close()
  })

  it('logs method, route pattern and path without the query string on the access line', async () => {
    const res = await host.app.inject({ method: 'GET', url: '/v1/links/abc?token=tok-secret-123' })
    expect(res.statusCode).toBe(200)
    const access = lines.find((l) => l.msg === 'request completed' && l.reqId === res.headers['x-request-id'])
    expect(access).toMatchObject({
      method: 'GET',
      route: '/v1/links/:id',
      path: '/v1/links/abc',
      statusCode: 200,
      service: 'catalogue',
    })
    expect(JSON.stringify(lines)).not.toContain('tok-secret-123')
    expect(JSON.stringify(lines)).not.toContain('[redacted]')
  })

  it('does not log probes', async () => {
    const before = lines.length
    await host.app.inject({ method: 'GET', url: '/livez' })
    expect(lines.slice(before).filter((l) => l.path === '/livez')).toEqual([])
  })

  it('generates a request id, returns it in x-request-id and in the problem body', async () => {
    const res = await host.app.inject({ method: 'GET', url: '/v1/links/gone' })
    expect(res.statusCode).toBe(404)
    const id = res.headers['x-request-id']
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.json().requestId).toBe(id)
    const unknown = await host.app.inject({ method: 'GET', url: '/v1/nowhere' })
    expect(unknown.json().requestId).toBe(unknown.headers['x-request-id'])
  })

  it("reuses a client's request id when it is a safe value, and replaces one that is not", async () => {
    const safe = await host.app.inject({
      method: 'GET',
      url: '/v1/links/gone',
      headers: { 'x-request-id': 'edge-7f3a9c21:42' },
    })
    expect(safe.headers['x-request-id']).toBe('edge-7f3a9c21:42')
    expect(safe.json().requestId).toBe('edge-7f3a9c21:42')
    for (const bad of ['a b c d e f g h', 'x'.repeat(500), 'short', '"><script>'] as const) {
      const res = await host.app.inject({
        method: 'GET',
        url: '/v1/links/abc',
        headers: { 'x-request-id': bad },
      })
      expect(res.headers['x-request-id']).not.toBe(bad)
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('labels every series that names a service with the one service name, and shows 0 dead letters per consumer', async () => {
    await host.app.inject({ method: 'GET', url: '/v1/links/abc' })
    await host.app.inject({ method: 'GET', url: '/readyz' })
    const body = (await host.app.inject({ method: 'GET', url: '/metrics' })).body
    const labelled = body.split('\n').filter((l) => !l.startsWith('#') && l.includes('service="'))
    expect(labelled.some((l) => l.includes('route="/readyz"'))).toBe(true)
    expect(labelled.filter((l) => !l.includes('service="catalogue"'))).toEqual([])
    expect(body).toMatch(/osinum_dead_letters\{service="catalogue",consumer="catalogue-welcome"\} 0/)
    expect(body).toMatch(/osinum_outbox_backlog\{service="catalogue"\} 0/)
  })
})
