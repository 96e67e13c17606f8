import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export type ReadinessCheck = () => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    readiness: {
      /** `required: false`: reported in `checks` (a health detail) without making /readyz answer 503. */
      add(name: string, check: ReadinessCheck, options?: { required?: boolean }): void
      /** After this, /readyz answers 503 (graceful shutdown). */
      markShuttingDown(): void
      readonly shuttingDown: boolean
    }
  }
}

/** `/livez` checks nothing external; `/readyz` checks the database, the bus and shutdown. */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    const checks = new Map<string, ReadinessCheck>()
    const optional = new Set<string>()
    let shuttingDown = false
    app.decorate('readiness', {
      add: (name: string, check: ReadinessCheck, options?: { required?: boolean }) => {
        checks.set(name, check)
        if (options?.required === false) optional.add(name)
      },
      markShuttingDown: () => {
        shuttingDown = true
      },
      get shuttingDown() {
        return shuttingDown
      },
    })
    const Health = {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok', 'unavailable'] },
        checks: { type: 'object', additionalProperties: { type: 'boolean' } },
      },
      required: ['status'],
    } as const
    app.get(
      '/livez',
      {
        logLevel: 'warn',
        schema: { tags: ['health'], operationId: 'livez', summary: 'Liveness', response: { 200: Health } },
      },
      async () => ({ status: 'ok' as const }),
    )
    app.get(
      '/readyz',
      {
        logLevel: 'warn',
        schema: {
          tags: ['health'],
          operationId: 'readyz',
          summary: 'Readiness: database, event bus and not shutting down',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const results: Record<string, boolean> = { shutdown: !shuttingDown }
        await Promise.all(
          [...checks].map(async ([name, check]) => {
            try {
              await check()
              results[name] = true
            } catch {
              results[name] = false
            }
          }),
        )
        const ok = Object.entries(results).every(([name, passed]) => passed || optional.has(name))
        return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: results })
      },
    )
  },
  { name: 'osinum-health' },
)
