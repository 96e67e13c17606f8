import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client'

export type { Counter, Gauge, Histogram, Registry }

/** `fastify.metrics`: the registry served at `/metrics` (one per process, shared by embedded services). */
export interface Metrics {
  registry: Registry
}

// Reaches services through the kit's index, which re-exports this module.
declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
  interface FastifyContextConfig {
    /** Set by the host on every route of a service: labels metrics and the OpenAPI document. */
    service?: string
  }
}

/** Prometheus `/metrics`: process metrics, HTTP histogram per service/route/status, and what plugins add. */
export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: { registry?: Registry; service?: string }) => {
    const registry = opts.registry ?? new Registry()
    // The kit's own routes (health, docs) count for the process's service, not for a `platform`
    // that does not exist stand-alone. Series without a `service` label get it from the chart's
    // ServiceMonitor (a relabeling to the same name), so each service has one value everywhere.
    const processService = opts.service ?? 'platform'
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
          service: request.routeOptions.config.service ?? processService,
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

/**
 * A counter on the process registry served at `/metrics` (the one already registered under that
 * name, if any). Name service metrics `osinum_…_total` and keep labels few and bounded (never an
 * organisation or user id).
 */
export function createCounter<L extends string = never>(
  app: FastifyInstance,
  config: Omit<CounterConfiguration<L>, 'registers'>,
): Counter<L> {
  const { registry } = app.metrics
  return (
    (registry.getSingleMetric(config.name) as Counter<L> | undefined) ??
    new Counter<L>({ ...config, registers: [registry] })
  )
}

/** A gauge on the process registry served at `/metrics` (its `collect` runs at each scrape). */
export function createGauge<L extends string = never>(
  app: FastifyInstance,
  config: Omit<GaugeConfiguration<L>, 'registers'>,
): Gauge<L> {
  const { registry } = app.metrics
  return (
    (registry.getSingleMetric(config.name) as Gauge<L> | undefined) ??
    new Gauge<L>({ ...config, registers: [registry] })
  )
}

/** A histogram on the process registry served at `/metrics` (the one already registered under that name, if any). */
export function createHistogram<L extends string = never>(
  app: FastifyInstance,
  config: Omit<HistogramConfiguration<L>, 'registers'>,
): Histogram<L> {
  const { registry } = app.metrics
  return (
    (registry.getSingleMetric(config.name) as Histogram<L> | undefined) ??
    new Histogram<L>({ ...config, registers: [registry] })
  )
}
