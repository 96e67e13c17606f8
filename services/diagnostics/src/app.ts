import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createCounter, handlePersonalData, type ServiceDeps } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import { accompanimentRoutes } from './accompaniment/app.js'
import type { DiagnosticsConfig } from './config.js'
import { registerConsumers } from './consumers.js'
import type { Database } from './domain/db.js'
import type { DiagnosticsContext } from './domain/diagnostics.js'
import { Panorama } from './domain/panorama.js'
import { defaultReferential, type Referential } from './domain/referential.js'
import { diagnosticsPersonalData } from './personal-data.js'
import { benchmarkRoutes } from './routes/benchmarks/index.js'
import { diagnosticRoutes } from './routes/diagnostics/index.js'
import { panoramaRoutes } from './routes/panorama/index.js'
import { questionnaireRoutes } from './routes/questionnaires/index.js'

/** Builds the diagnostics plugin over a referential (the shipped data, or more in tests). */
export function buildApp(
  referential: Referential = defaultReferential(),
): FastifyPluginAsyncTypebox<ServiceDeps> {
  return async (fastify, deps) => {
    const db = deps.db as Kysely<Database>
    const config = deps.config as unknown as Partial<DiagnosticsConfig>
    const ctx: DiagnosticsContext = { db, referential }
    const panorama = new Panorama(db, {
      minGroupSize: config.PANORAMA_MIN_GROUP_SIZE ?? 10,
      refreshMs: (config.PANORAMA_REFRESH_SECONDS ?? 0) * 1000,
      releaseIntervalMs: (config.PANORAMA_RELEASE_INTERVAL_SECONDS ?? 0) * 1000,
      indicators: referential.indicators(1),
    })
    // Build the panorama's first snapshot in the background, so that no request waits for it.
    if ((config.PANORAMA_REFRESH_SECONDS ?? 0) > 0)
      fastify.addHook('onReady', async () => {
        panorama.current().catch((error) => fastify.log.warn({ err: error }, 'panorama snapshot failed'))
      })
    // The platform's main usage figure (Grafana "osinum / Diagnostics submitted"). No label: the
    // dashboards sum it, and a per-collectivité label would be unbounded.
    const submitted = createCounter(fastify, {
      name: 'osinum_diagnostics_submitted_total',
      help: 'Diagnostics submitted (completed, result computed and frozen)',
    })
    registerConsumers(deps)
    await handlePersonalData(deps, diagnosticsPersonalData)
    const routeOptions = { ctx, panorama, submitted }
    await fastify.register(questionnaireRoutes, routeOptions)
    await fastify.register(diagnosticRoutes, routeOptions)
    await fastify.register(benchmarkRoutes, routeOptions)
    await fastify.register(panoramaRoutes, routeOptions)
    // Support requests, action plans, advisor dashboard, gap portfolio, reminders.
    await fastify.register(accompanimentRoutes, deps)
  }
}

/** The diagnostics service as a Fastify plugin. */
export const app = buildApp()
