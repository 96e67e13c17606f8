import { Type } from 'typebox'

/**
 * Variables of the accompaniment, to spread into the diagnostics module's `config`
 * (`Type.Object({ ...accompanimentConfig.properties, … })`). Defaults suit the embedded mode.
 */
export const accompanimentConfig = Type.Object({
  REMINDERS_INTERVAL_MS: Type.Integer({
    minimum: 0,
    default: 3_600_000,
    description:
      'How often the reminder job runs (ms); 0 disables it (run `run-reminders` from a CronJob instead)',
  }),
  SUPPORT_STALE_DAYS: Type.Integer({
    minimum: 1,
    maximum: 365,
    default: 7,
    description: 'Days without activity after which an open support request is reminded',
  }),
})

export interface AccompanimentSettings {
  remindersIntervalMs: number
  staleDays: number
}

/** Reads the settings from a service config, falling back to the defaults when a variable is absent. */
export function accompanimentSettings(config: Record<string, unknown>): AccompanimentSettings {
  const int = (v: unknown, fallback: number) => {
    const n = typeof v === 'string' ? Number(v) : v
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback
  }
  return {
    remindersIntervalMs: int(config.REMINDERS_INTERVAL_MS, 3_600_000),
    staleDays: Math.max(1, int(config.SUPPORT_STALE_DAYS, 7)),
  }
}
