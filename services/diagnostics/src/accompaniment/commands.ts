import type { CommandContext } from '@osinum/service-kit'
import { accompanimentSettings } from './config.js'
import type { AccDb } from './domain/db.js'
import { runReminders } from './domain/reminders.js'

/**
 * Operator commands of the accompaniment, to merge into the diagnostics module's `commands`:
 * `node dist/cli.js run-reminders [ISO date]` runs the reminder job once (e.g. from a Kubernetes
 * CronJob with REMINDERS_INTERVAL_MS=0 on the Deployment). Its events leave through the outbox.
 */
export const accompanimentCommands: Record<string, (ctx: CommandContext, args: string[]) => Promise<void>> = {
  async 'run-reminders'(ctx, args) {
    const now = args[0] ? new Date(args[0]) : new Date()
    if (Number.isNaN(now.getTime())) throw new Error(`run-reminders: "${args[0]}" is not a date`)
    const { staleDays } = accompanimentSettings(ctx.config as Record<string, unknown>)
    const run = await runReminders(ctx.db as AccDb, now, { staleDays })
    ctx.log(`reminders: ${run.overdueItems} overdue item(s), ${run.staleRequests} stale request(s)`)
  },
}
