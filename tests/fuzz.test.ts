import { MemoryTransport } from '@osinum/events'
import { MODULES } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, testKeys } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Fuzzing generated from the merged OpenAPI document of the five services: every operation gets
 * edge values in each numeric query parameter, then the inputs Fastify and Node answer themselves.
 * Every answer must be problem+json when it is an error, and never a 5xx.
 */

interface Operation {
  method: string
  path: string
  parameters: Array<{ name: string; in: string; schema?: Record<string, unknown> }>
  hasBody: boolean
  body?: unknown
}

const NON_FINITE = ['1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e300']
const UUID = '0193a000-0000-7000-8000-000000000000'

function isNumeric(schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return false
  if (schema.type === 'integer' || schema.type === 'number') return true
  const branches = [schema.anyOf, schema.oneOf].flat().filter(Boolean) as Record<string, unknown>[]
  if (branches.some(isNumeric)) return true
  return schema.type === 'array' && isNumeric(schema.items as Record<string, unknown>)
}

describe('fuzzing every route of the merged OpenAPI document', () => {
  let host: Host
  let operations: Operation[]
  let auth: Record<string, string>
  const database = openTestDatabase()
  const answers = { total: 0, fiveHundreds: [] as string[], notProblem: [] as string[] }

  beforeAll(async () => {
    const keys = await testKeys()
    host = await createTestHost({
      modules: MODULES,
      schemas: Object.fromEntries(MODULES.map((m) => [m.name, uniqueName(`fz_${m.name}`)])),
      database,
      transport: new MemoryTransport(),
      getKey: keys.getKey,
      env: {
        PUBLIC_URL: 'http://osinum.test',
        REMINDERS_INTERVAL_MS: '0',
        SMTP_URL: 'smtp://127.0.0.1:9',
        UNSUBSCRIBE_SECRET: 'fuzz-unsubscribe-secret-0123456789abcdefghij',
      },
    })
    auth = {
      authorization: `Bearer ${await keys.token({ sub: '0193a000-0000-7000-8000-00000000f022', roles: ['admin'] })}`,
    }
    const doc = (host.app as unknown as { swagger(): unknown }).swagger() as {
      paths: Record<string, Record<string, Record<string, unknown>>>
    }
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters as Operation['parameters']) ?? [],
          hasBody: Boolean(op.requestBody),
          body: op.requestBody,
        })),
    )
  }, 120_000)
  afterAll(async () => {
    await host?.close()
    await database.close()
    console.info(
      `[fuzz] ${operations?.length} operations, ${answers.total} requests: ${answers.fiveHundreds.length} × 5xx, ${answers.notProblem.length} errors not problem+json`,
    )
  })

  const concrete = (op: Operation) =>
    op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const p = op.parameters.find((x) => x.in === 'path' && x.name === name)
      return p?.schema?.format === 'uuid' || /id$/i.test(name) ? UUID : 'demo'
    })

  async function call(
    label: string,
    request: { method: string; url: string; headers?: Record<string, string>; payload?: string },
  ) {
    const res = await host.app.inject(request as never)
    answers.total++
    if (res.statusCode >= 500)
      answers.fiveHundreds.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`)
    if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
      answers.notProblem.push(`${label} → ${res.statusCode} ${res.headers['content-type']}`)
    return res
  }

  it('bounds every array (maxItems) and string (maxLength, enum, format or pattern) a request can carry', () => {
    const unbounded: string[] = []
    let checked = 0
    const walk = (schema: Record<string, unknown> | undefined, where: string, depth = 0): void => {
      if (!schema || depth > 12) return
      if (schema.type === 'array' || schema.type === 'string') checked++
      if (schema.type === 'array' && schema.maxItems === undefined) unbounded.push(`${where} (array)`)
      if (
        schema.type === 'string' &&
        schema.maxLength === undefined &&
        schema.enum === undefined &&
        schema.const === undefined &&
        schema.format === undefined &&
        schema.pattern === undefined
      )
        unbounded.push(`${where} (string)`)
      for (const [key, child] of Object.entries((schema.properties as Record<string, never>) ?? {}))
        walk(child, `${where}.${key}`, depth + 1)
      if (schema.items) walk(schema.items as Record<string, unknown>, `${where}[]`, depth + 1)
      for (const branch of [schema.anyOf, schema.oneOf, schema.allOf].flat().filter(Boolean))
        walk(branch as Record<string, unknown>, where, depth + 1)
      if (typeof schema.additionalProperties === 'object')
        walk(schema.additionalProperties as Record<string, unknown>, `${where}.*`, depth + 1)
    }
    for (const op of operations) {
      for (const p of op.parameters.filter((x) => x.in !== 'header'))
        walk(p.schema, `${op.method} ${op.path} ${p.in}.${p.name}`)
      const content = (op.body as { content?: Record<string, { schema?: Record<string, unknown> }> })?.content
      for (const [type, media] of Object.entries(content ?? {}))
        walk(media.schema, `${op.method} ${op.path} body(${type})`)
    }
    expect(checked).toBeGreaterThan(200)
    expect(unbounded).toEqual([])
  })

  it('answers a non-finite or huge number in any numeric query parameter with 400 problem+json', async () => {
    const refused: string[] = []
    let tried = 0
    for (const op of operations) {
      for (const p of op.parameters.filter((x) => x.in === 'query' && isNumeric(x.schema))) {
        for (const value of NON_FINITE) {
          for (const headers of [auth, {}]) {
            const url = `${concrete(op)}?${p.name}=${value}`
            const res = await call(`${op.method} ${url}`, { method: op.method, url, headers })
            tried++
            // Anonymous callers of protected routes get 401 before validation; never anything else.
            const ok = res.statusCode === 400 || (headers !== auth && res.statusCode === 401)
            if (!ok) refused.push(`${op.method} ${url} → ${res.statusCode}`)
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(100)
    expect(refused).toEqual([])
    expect(answers.fiveHundreds).toEqual([])
  }, 300_000)

  it("answers Fastify's and Node's own refusals on every route as problem+json, never a 5xx", async () => {
    for (const op of operations) {
      const url = concrete(op)
      const withParams = op.parameters.some((p) => p.in === 'path')
      await call(`${op.method} bad percent-encoding`, {
        method: op.method,
        url: `${url}/%E0%A4%A`,
        headers: auth,
      })
      if (withParams)
        await call(`${op.method} ${op.path} long param`, {
          method: op.method,
          url: op.path.replace(/\{[^}]+\}/g, 'x'.repeat(400)),
          headers: auth,
        })
      await call(`${op.method} ${op.path} 10 KB URL`, {
        method: op.method,
        url: `${url}?q=${'z'.repeat(10_000)}`,
        headers: auth,
      })
      if (op.method !== 'GET') {
        await call(`${op.method} ${op.path} empty JSON body`, {
          method: op.method,
          url,
          headers: { ...auth, 'content-type': 'application/json' },
        })
        await call(`${op.method} ${op.path} malformed JSON`, {
          method: op.method,
          url,
          headers: { ...auth, 'content-type': 'application/json' },
          payload: '{"a":',
        })
        await call(`${op.method} ${op.path} unsupported media type`, {
          method: op.method,
          url,
          headers: { ...auth, 'content-type': 'application/x-unknown' },
          payload: 'x',
        })
        if (op.hasBody)
          await call(`${op.method} ${op.path} non-finite number in body`, {
            method: op.method,
            url,
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"limit":1e309,"n":-1e309}',
          })
      }
    }
    expect(answers.fiveHundreds).toEqual([])
    expect(answers.notProblem).toEqual([])
  }, 300_000)
})
