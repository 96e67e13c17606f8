import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { DatabaseHandle } from '@osinum/db'
import { type EventTransport, eventTablesMigration } from '@osinum/events'
import { uniqueName } from '@osinum/testing'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Host } from './host.js'
import { defineService, type ServiceDeps } from './service.js'
import { createTestHost, openTestDatabase, openTestTransport } from './testing.js'

const PROBLEM = /^application\/problem\+json/

const plugin: FastifyPluginAsyncTypebox<ServiceDeps> = async (app) => {
  app.post(
    '/v1/forms',
    {
      config: { access: 'public' },
      schema: {
        body: Type.Object({
          name: Type.String({ minLength: 2, maxLength: 20 }),
          themes: Type.Array(Type.Union([Type.Literal('a'), Type.Literal('b')]), { maxItems: 5 }),
          // Unbounded on purpose: the kit still bounds the work and the answer.
          tags: Type.Optional(Type.Array(Type.Union([Type.Literal('x'), Type.Literal('y')]))),
          score: Type.Optional(Type.Number()),
        }),
      },
    },
    async (request) => ({ ok: true, score: request.body.score ?? null }),
  )
  app.get(
    '/v1/items',
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
          category: Type.Optional(Type.Array(Type.Union([Type.Literal('a'), Type.Literal('b')]))),
        }),
      },
    },
    async (request) => ({ limit: request.query.limit, offset: request.query.offset }),
  )
  app.get(
    '/v1/items/:id',
    { config: { access: 'public' }, schema: { params: Type.Object({ id: Type.String() }) } },
    async (request) => ({ id: request.params.id }),
  )
  app.delete('/v1/items/:id', { config: { access: 'public' } }, async (_request, reply) =>
    reply.code(204).send(),
  )
}

const demo = defineService({
  name: 'catalogue',
  title: 'demo',
  description: 'demo',
  migrations: (schema) => ({ '0000_events': eventTablesMigration(schema) }),
  plugin,
})

/** A raw HTTP exchange on a socket, for what Node refuses before Fastify (or inject) sees it. */
function raw(port: number, head: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1')
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const [headers = '', body = ''] = data.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(headers)?.[1]),
        type: /content-type: ([^\r\n]+)/i.exec(headers)?.[1] ?? '',
        body,
      })
    })
    socket.write(Buffer.from(head, 'latin1'))
  })
}

describe('bounded error work and problem+json for every refusal', () => {
  let database: DatabaseHandle
  let transport: EventTransport
  let host: Host
  let port: number
  beforeAll(async () => {
    database = openTestDatabase()
    transport = await openTestTransport()
    host = await createTestHost({
      modules: [demo],
      schemas: { catalogue: uniqueName('limits') },
      database,
      transport,
      env: { EVENTS_NAMESPACE: uniqueName('t') },
    })
    await host.app.listen({ port: 0, host: '127.0.0.1' })
    port = (host.app.server.address() as { port: number }).port
  })
  afterAll(async () => {
    await host?.close()
    await transport?.close()
    await database?.close()
  })

  it('still lists every field error of an ordinary form', async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/forms',
      payload: { name: 'x', themes: ['a', 'z'] },
    })
    expect(res.statusCode).toBe(400)
    const fields = new Set(res.json().errors.map((e: { field: string }) => e.field))
    expect([...fields].sort()).toEqual(['body.name', 'body.themes.1'])
  })

  it('answers 100,000 invalid array items with a small problem (bounded array, unbounded array)', async () => {
    const flood = Array.from({ length: 100_000 }, () => 'zzz')
    for (const payload of [
      { name: 'ok name', themes: flood },
      { name: 'x', themes: [], tags: flood },
    ]) {
      const res = await host.app.inject({
        method: 'POST',
        url: '/v1/forms',
        payload,
        headers: { 'content-type': 'application/json' },
        bodyLimit: 10_000_000,
      } as never)
      // The default body limit (1 MB) holds 100,000 short items.
      expect(res.statusCode).toBe(400)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.body.length).toBeLessThan(4_096)
      expect(res.json().code).toBe('OSI_VALIDATION')
    }
  })

  it('caps the listed errors at 20 and counts the rest', async () => {
    const tags = Array.from({ length: 200 }, () => 'nope')
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/forms',
      payload: { name: 'ok', themes: [], tags },
    })
    expect(res.statusCode).toBe(400)
    const problem = res.json()
    expect(problem.errors).toHaveLength(20)
    expect(problem.errorsOmitted).toBeGreaterThan(0)
    expect(res.body.length).toBeLessThan(8_192)
  })

  it.each(['1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e300', '9007199254740993'])(
    'refuses limit/offset=%s with 400 problem+json, never a 500',
    async (value) => {
      for (const name of ['limit', 'offset']) {
        const res = await host.app.inject({ method: 'GET', url: `/v1/items?${name}=${value}` })
        expect(res.statusCode).toBe(400)
        expect(res.headers['content-type']).toMatch(PROBLEM)
      }
    },
  )

  it('refuses a non-finite number in a JSON body (1e309 parses to Infinity)', async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/v1/forms',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"ok","themes":[],"score":1e309}',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('OSI_VALIDATION')
  })

  it('answers a 15 KB query string with 414 problem+json', async () => {
    const url = `/v1/items?${Array.from({ length: 2_000 }, () => 'category=zzzzz').join('&')}`
    const res = await host.app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(414)
    expect(res.headers['content-type']).toMatch(PROBLEM)
    expect(res.json().code).toBe('OSI_URI_TOO_LONG')
    expect(res.body.length).toBeLessThan(2_048)
  })

  it('answers Fastify and Node refusals as problem+json with stable codes', async () => {
    const cases: Array<{
      res: { statusCode: number; headers: Record<string, unknown>; body: string }
      status: number
      code: string
    }> = [
      {
        res: await host.app.inject({ method: 'GET', url: '/v1/items/%E0%A4%A' }),
        status: 400,
        code: 'OSI_BAD_URL',
      },
      {
        res: await host.app.inject({ method: 'GET', url: `/v1/items/${'x'.repeat(300)}` }),
        status: 414,
        code: 'OSI_URI_TOO_LONG',
      },
      {
        res: await host.app.inject({
          method: 'POST',
          url: '/v1/forms',
          headers: { 'content-type': 'application/json' },
        }),
        status: 400,
        code: 'OSI_VALIDATION',
      },
      {
        res: await host.app.inject({
          method: 'DELETE',
          url: '/v1/items/a',
          headers: { 'content-type': 'application/json' },
        }),
        status: 400,
        code: 'OSI_VALIDATION',
      },
      {
        res: await host.app.inject({
          method: 'POST',
          url: '/v1/forms',
          headers: { 'content-type': 'text/csv' },
          payload: 'a,b',
        }),
        status: 415,
        code: 'OSI_UNSUPPORTED_MEDIA_TYPE',
      },
      {
        res: await host.app.inject({
          method: 'POST',
          url: '/v1/forms',
          headers: { 'content-type': 'application/json' },
          payload: '{"name":',
        }),
        status: 400,
        code: 'OSI_INVALID_JSON',
      },
    ]
    for (const { res, status, code } of cases) {
      expect({ status: res.statusCode, code: JSON.parse(res.body).code }).toEqual({ status, code })
      expect(res.headers['content-type']).toMatch(PROBLEM)
    }
  })

  it('answers headers over 16 KB with 431 and raw bytes in a request line with 400, as problem+json', async () => {
    const big = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', path: '/v1/items', headers: { 'x-big': 'a'.repeat(20_000) } },
        (res) => {
          let body = ''
          res.on('data', (c) => {
            body += c
          })
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          )
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(big.status).toBe(431)
    expect(big.type).toMatch(PROBLEM)
    expect(JSON.parse(big.body).code).toBe('OSI_HEADERS_TOO_LARGE')

    const utf8 = await raw(port, 'GET /v1/items?q=caf\u00e9\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(utf8.type).toMatch(PROBLEM)
    expect(utf8.status).toBe(400)
    expect(JSON.parse(utf8.body).code).toMatch(/^OSI_/)

    const garbage = await raw(port, 'BLAH\u0001 / HTTP/1.1\r\n\r\n')
    expect(garbage.status).toBe(400)
    expect(garbage.type).toMatch(PROBLEM)
  })
})
