import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: { registry: Registry }
  }
  interface FastifyContextConfig {
    /** Set by the host on every route of a service: labels metrics and the OpenAPI document. */
    service?: string
  }
}

/** Prometheus `/metrics`: process metrics, HTTP histogram per service/route/status, and what plugins add. */
export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: { registry?: Registry }) => {
    const registry = opts.registry ?? new Registry()
    collectDefaultMetrics({ register: registry })
    const http = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['service', 'method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    })
    app.decorate('metrics', { registry })
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url
      if (!route || route === '/metrics') return
      http.observe(
        {
          service: request.routeOptions.config.service ?? 'platform',
          method: request.method,
          route,
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      )
    })
    app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    )
  },
  { name: 'osinum-metrics' },
)
