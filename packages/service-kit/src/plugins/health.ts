import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export type ReadinessCheck = () => Promise<void>

export interface CheckOptions {
  /**
   * A critical check decides readiness (`/readyz` 503 when it fails: the process cannot serve
   * requests). A non-critical one (the event bus) only shows in `/healthz`.
   */
  critical?: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: {
      add(name: string, check: ReadinessCheck, options?: CheckOptions): void
      /** After this, /readyz answers 503 (graceful shutdown). */
      markShuttingDown(): void
      readonly shuttingDown: boolean
    }
  }
}

interface CheckResult {
  ok: boolean
  critical: boolean
  error?: string
}

/**
 * `/livez` checks nothing external; `/readyz` answers 200 when the process can serve requests
 * (the database answers, not shutting down); `/healthz` details every check, the bus included.
 */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    const checks = new Map<string, { check: ReadinessCheck; critical: boolean }>()
    let shuttingDown = false
    app.decorate('readiness', {
      add: (name: string, check: ReadinessCheck, options: CheckOptions = {}) => {
        checks.set(name, { check, critical: options.critical ?? true })
      },
      markShuttingDown: () => {
        shuttingDown = true
      },
      get shuttingDown() {
        return shuttingDown
      },
    })

    const run = async (which: 'critical' | 'all') => {
      const results: Record<string, CheckResult> = {
        shutdown: { ok: !shuttingDown, critical: true },
      }
      await Promise.all(
        [...checks]
          .filter(([, c]) => which === 'all' || c.critical)
          .map(async ([name, { check, critical }]) => {
            try {
              await check()
              results[name] = { ok: true, critical }
            } catch (error) {
              results[name] = { ok: false, critical, error: String((error as Error)?.message).slice(0, 200) }
            }
          }),
      )
      const ready = Object.values(results).every((r) => r.ok || !r.critical)
      const degraded = Object.values(results).some((r) => !r.ok)
      return { ready, degraded, results }
    }

    const Health = {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok', 'unavailable'] },
        checks: { type: 'object', additionalProperties: { type: 'boolean' } },
      },
      required: ['status'],
    } as const
    const Detail = {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok', 'degraded', 'unavailable'] },
        checks: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, critical: { type: 'boolean' }, error: { type: 'string' } },
            required: ['ok', 'critical'],
          },
        },
      },
      required: ['status', 'checks'],
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
          summary: 'Readiness: the database answers and the process is not shutting down (not the bus)',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const { ready, results } = await run('critical')
        const checksOk = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.ok]))
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks: checksOk })
      },
    )
    app.get(
      '/healthz',
      {
        logLevel: 'warn',
        schema: {
          tags: ['health'],
          operationId: 'healthz',
          summary:
            'Every check in detail, the event bus included: 200 when ready (ok, or degraded when a non-critical check fails), 503 when not',
          response: { 200: Detail, 503: Detail },
        },
      },
      async (_request, reply) => {
        const { ready, degraded, results } = await run('all')
        return reply
          .code(ready ? 200 : 503)
          .send({ status: ready ? (degraded ? 'degraded' : 'ok') : 'unavailable', checks: results })
      },
    )
  },
  { name: 'osinum-health' },
)
