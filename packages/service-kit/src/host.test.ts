import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '@osinum/db'
import { NatsTransport } from '@osinum/events'
import { type PrivateServer, startPrivateNats, startPrivatePostgres, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BaseConfig, ConfigError, loadConfig } from './config.js'
import type { Host } from './host.js'
import { defineService } from './service.js'
import { createTestHost, kitTablesMigrations, waitFor } from './testing.js'

describe('configuration', () => {
  it('names every missing or malformed variable', () => {
    expect(() => loadConfig(BaseConfig, { PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    try {
      loadConfig(BaseConfig, { PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('NATS_URL is required')
      expect(message).toMatch(/PORT must be integer/)
      expect(message).toMatch(/DATABASE_URL must match pattern/)
    }
  })

  it('applies documented defaults and freezes the result', () => {
    const config = loadConfig(BaseConfig, { DATABASE_URL: 'postgres://db/x', NATS_URL: 'nats://bus:4222' })
    expect(config.PORT).toBe(3000)
    expect(config.MIGRATE_ON_START).toBe(true)
    expect(Object.isFrozen(config)).toBe(true)
  })

  const server = fileURLToPath(new URL('../../../services/catalogue/dist/server.js', import.meta.url))
  it('stops a service at boot with a message naming the bad variable', () => {
    const run = spawnSync(process.execPath, [server], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://127.0.0.1:1/none', PORT: '70000' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('NATS_URL is required')
    expect(run.stderr).toMatch(/PORT must be <= 65535/)
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/)
  })
})

describe('readiness follows the database, not the bus (private servers)', () => {
  let pg: PrivateServer
  let nats: PrivateServer
  let host: Host
  const database = () => host.database
  beforeAll(async () => {
    ;[pg, nats] = await Promise.all([startPrivatePostgres(), startPrivateNats()])
    const demo = defineService({
      name: 'catalogue',
      title: 'demo',
      description: 'demo',
      migrations: kitTablesMigrations,
      plugin: async (app, deps) => {
        app.get('/v1/demo/now', { config: { access: 'public' } }, async () => {
          const { rows } = await sql<{ now: Date }>`select now() as now`.execute(deps.db)
          return { now: rows[0]!.now.toISOString() }
        })
      },
    })
    host = await createTestHost({
      modules: [demo],
      schemas: { catalogue: uniqueName('ready') },
      database: openDatabase({ url: pg.url, poolSize: 2 }),
      transport: await NatsTransport.connect({ url: nats.url }),
    })
  })
  afterAll(async () => {
    await host?.close()
    await host?.transport.close()
    await database()?.close()
    await Promise.all([pg?.destroy(), nats?.destroy()])
  })

  const readyz = async () => {
    const res = await host.app.inject({ method: 'GET', url: '/readyz' })
    return { status: res.statusCode, checks: res.json().checks as Record<string, boolean> }
  }

  const healthz = async () => {
    const res = await host.app.inject({ method: 'GET', url: '/healthz' })
    return { status: res.statusCode, body: res.json() }
  }
  const busGauge = async () => {
    const res = await host.app.inject({ method: 'GET', url: '/metrics' })
    return /^osinum_event_bus_connected (\d)/m.exec(res.body)?.[1]
  }

  it('stays ready while NATS is down (writes still work), showing the bus in /healthz and the gauge', async () => {
    expect((await readyz()).status).toBe(200)
    expect(await busGauge()).toBe('1')
    await nats.stop()
    const degraded = await waitFor(async () => {
      const h = await healthz()
      return h.body.status === 'degraded' ? h : undefined
    })
    expect(degraded.status).toBe(200)
    expect(degraded.body.checks.events).toMatchObject({ ok: false, critical: false })
    expect(degraded.body.checks.database).toMatchObject({ ok: true, critical: true })
    expect(await readyz()).toMatchObject({ status: 200 })
    await waitFor(async () => (await busGauge()) === '0')
    await nats.start()
    await waitFor(async () => (await healthz()).body.status === 'ok', 30_000)
    await waitFor(async () => (await busGauge()) === '1', 30_000)
  })

  it('turns 503 while PostgreSQL is down and 200 when it returns', async () => {
    await pg.stop()
    const down = await waitFor(async () => {
      const r = await readyz()
      return r.status === 503 ? r : undefined
    })
    expect(down.checks.database).toBe(false)
    // Requests meanwhile: 503 problem+json with Retry-After, not a 500 nor a hang.
    const during = await host.app.inject({ method: 'GET', url: '/v1/demo/now' })
    expect(during.statusCode).toBe(503)
    expect(during.headers['content-type']).toContain('application/problem+json')
    expect(during.headers['retry-after']).toBe('5')
    expect(during.json()).toMatchObject({ code: 'OSI_UNAVAILABLE' })
    await pg.start()
    await waitFor(async () => (await readyz()).status === 200, 30_000)
    expect((await host.app.inject({ method: 'GET', url: '/v1/demo/now' })).statusCode).toBe(200)
  })

  it('turns 503 when shutting down', async () => {
    host.app.readiness.markShuttingDown()
    const r = await readyz()
    expect(r.status).toBe(503)
    expect(r.checks.shutdown).toBe(false)
  })
})
