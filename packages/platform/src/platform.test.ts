import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVICES } from '@osinum/contracts'
import type { Host } from '@osinum/service-kit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPlatform, embeddedEnv } from './platform.js'

describe('embedded platform', () => {
  let host: Host
  let config: Record<string, any>
  const dataDir = mkdtempSync(join(tmpdir(), 'osinum-platform-'))
  beforeAll(async () => {
    ;({ host, config } = await buildPlatform({
      env: { OSINUM_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
      logger: false,
    }))
    await host.startEvents()
  })
  afterAll(async () => {
    await host?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs the five services on PGlite and the in-process bus', () => {
    expect([...host.services.keys()].sort()).toEqual([...SERVICES].sort())
    expect(host.database.kind).toBe('pglite')
    expect(host.transport.kind).toBe('memory')
  })

  it('listens on the loopback interface only, unless HOST is set explicitly', () => {
    expect(config.HOST).toBe('127.0.0.1')
    expect(embeddedEnv({}).HOST).toBe('127.0.0.1')
    expect(embeddedEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0')
  })

  it('with PORT=0, chooses a free port and builds public links on it', () => {
    expect(config.PORT).toBeGreaterThan(0)
    expect(config.PUBLIC_URL).toBe(`http://localhost:${config.PORT}`)
  })

  it('serves one merged OpenAPI document listing every service', async () => {
    const doc = (await host.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const owners = new Set<string>()
    for (const item of Object.values<Record<string, { 'x-osinum-service'?: string }>>(doc.paths))
      for (const op of Object.values(item)) if (op['x-osinum-service']) owners.add(op['x-osinum-service'])
    expect([...owners].sort()).toEqual([...SERVICES].sort())
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/(v1\/|\.well-known\/)/)
  })

  it('answers health and docs at the root', async () => {
    expect((await host.app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200)
    const ready = await host.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect((await host.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400)
  })

  it('routes operations to one service each, with unique operation ids', async () => {
    const doc = (await host.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const ids: string[] = []
    for (const item of Object.values<Record<string, { operationId?: string }>>(doc.paths))
      for (const op of Object.values(item)) if (op.operationId) ids.push(op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
