import { describe, expect, it } from 'vitest'
import { HttpConfig, loadConfig } from './config.js'
import { createStatelessHost } from './host.js'
import { defineStatelessModule } from './service.js'

const front = defineStatelessModule({
  name: 'front',
  title: 'front',
  description: 'a module without data',
  plugin: async (app) => {
    app.readiness.add(
      'upstream',
      async () => {
        throw new Error('the upstream API is down')
      },
      { critical: false },
    )
    app.get('/', async () => 'hello')
  },
})

describe('a module that owns no data', () => {
  it('starts without DATABASE_URL nor NATS_URL, and is ready while an optional dependency is down', async () => {
    const config = loadConfig(HttpConfig, { LOG_LEVEL: 'silent' })
    const host = await createStatelessHost({ modules: [front], config, logger: false })
    try {
      expect((await host.app.inject({ url: '/' })).body).toBe('hello')
      const ready = await host.app.inject({ url: '/readyz' })
      expect(ready.statusCode).toBe(200)
      expect(ready.json()).toEqual({ status: 'ok', checks: { shutdown: true } })
      const health = await host.app.inject({ url: '/healthz' })
      expect(health.statusCode).toBe(200)
      expect(health.json()).toMatchObject({
        status: 'degraded',
        checks: { shutdown: { ok: true }, upstream: { ok: false, critical: false } },
      })
      expect((await host.app.inject({ url: '/livez' })).statusCode).toBe(200)
      expect((await host.app.inject({ url: '/metrics' })).statusCode).toBe(200)
    } finally {
      await host.close()
    }
    const after = await createStatelessHost({ modules: [front], config, logger: false })
    after.app.readiness.markShuttingDown()
    expect((await after.app.inject({ url: '/readyz' })).statusCode).toBe(503)
    await after.close()
  })
})
