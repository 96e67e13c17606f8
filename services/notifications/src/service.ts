import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { NotificationsConfig } from './config.js'
import type { Db } from './domain/db.js'
import { runDigests } from './domain/digests.js'
import { UnsubscribeSecret } from './domain/unsubscribe.js'
import { migrations } from './migrations/index.js'
import { type Config, createRuntime } from './runtime.js'

export const notificationsService = defineService({
  name: 'notifications',
  title: 'osinum notifications API',
  description:
    'Email (SMTP), in-app inbox, notification preferences, unsubscribe links and signed webhooks. Emails are in French.',
  config: NotificationsConfig,
  migrations,
  plugin: app,
  commands: {
    /** `send-digests [ISO date]`: queue the daily/weekly digests due at that time (default now); the running service sends them. */
    'send-digests': async (ctx, args) => {
      const config = ctx.config as Config
      const secret = new UnsubscribeSecret(config.UNSUBSCRIBE_SECRET)
      await secret.load(ctx.db as Db)
      const rt = createRuntime({ config, db: ctx.db as Db, events: ctx.events, secret })
      const at = args[0] ? new Date(args[0]) : new Date()
      if (Number.isNaN(at.getTime())) throw new Error(`not a date: ${args[0]}`)
      const n = await runDigests(ctx.db as Db, rt, at, config.DIGEST_HOUR)
      ctx.log(`${n} digest(s) queued`)
    },
  },
})
