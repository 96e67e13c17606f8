import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ServiceDeps } from '@osinum/service-kit'
import { accompanimentSettings } from './config.js'
import type { AccDb } from './domain/db.js'
import { runReminders } from './domain/reminders.js'
import { advisorRoutes } from './routes/advisors.js'
import { planRoutes } from './routes/plans.js'
import { supportRoutes } from './routes/support.js'

/**
 * The accompaniment inside the diagnostics service: support requests, shared action plans with
 * private advisor notes, the advisor dashboard, the operator's gap portfolio, and the reminder job.
 * Registered by the diagnostics app with the service's deps.
 */
export const accompanimentRoutes: FastifyPluginAsyncTypebox<ServiceDeps> = async (app, deps) => {
  const db = deps.db as AccDb
  await app.register(supportRoutes, deps)
  await app.register(planRoutes, deps)
  await app.register(advisorRoutes, deps)

  // Erasure: the service's one UserErased handler (../personal-data.ts) calls eraseFromAccompaniment.

  // The reminder job: every REMINDERS_INTERVAL_MS (0 disables it; `run-reminders` does one run).
  const settings = accompanimentSettings(deps.config as Record<string, unknown>)
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = runReminders(db, new Date(), { staleDays: settings.staleDays })
      .then((run) => {
        if (run.overdueItems + run.staleRequests > 0) app.log.info(run, 'reminders sent')
      })
      .catch((error) => app.log.error({ err: error }, 'reminder job failed'))
      .finally(() => {
        running = undefined
      })
  }
  app.addHook('onReady', async () => {
    if (settings.remindersIntervalMs <= 0) return
    timer = setInterval(tick, settings.remindersIntervalMs)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
    await running
  })
}
