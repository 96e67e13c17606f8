import { join } from 'node:path'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ConfigError,
  createCounter,
  createHistogram,
  handlePersonalData,
  type ServiceDeps,
} from '@osinum/service-kit'
import { registerConsumers } from './consumers/index.js'
import type { Db } from './domain/db.js'
import { pruneDigestItems, runDigests } from './domain/digests.js'
import { EmailSender } from './domain/email-sender.js'
import { DevMailbox, type MailTransport, smtpTransport } from './domain/mail-transport.js'
import { notificationsPersonalData } from './domain/personal-data.js'
import { UnsubscribeSecret } from './domain/unsubscribe.js'
import { WebhookSender } from './domain/webhooks.js'
import { devMailboxRoutes } from './routes/dev-mailbox/index.js'
import { notificationRoutes } from './routes/notifications/index.js'
import { preferenceRoutes } from './routes/preferences/index.js'
import { unsubscribeRoutes } from './routes/unsubscribe/index.js'
import { webhookRoutes } from './routes/webhooks/index.js'
import { type Config, createRuntime } from './runtime.js'

/**
 * Stand-alone, the service must send real email: without SMTP_URL (or without the key of
 * unsubscribe links) it refuses to start. Only the embedded demo may use the development mailbox.
 */
export function checkConfig(config: Config, embedded: boolean): void {
  if (embedded) return
  const missing: string[] = []
  if (!config.SMTP_URL)
    missing.push(
      'SMTP_URL is required (smtp://user:pass@host:587 or smtps://user:pass@host:465); only the embedded demo runs without it (development mailbox)',
    )
  if (!config.UNSUBSCRIBE_SECRET)
    missing.push('UNSUBSCRIBE_SECRET is required (at least 32 random characters: it signs unsubscribe links)')
  if (missing.length) throw new ConfigError(`invalid configuration: ${missing.join('; ')}`)
}

/** The dev mailbox folder: MAILBOX_DIR, else `${OSINUM_DATA_DIR}/mailbox`. */
export function mailboxDir(config: Config): string {
  return config.MAILBOX_DIR ?? join(config.OSINUM_DATA_DIR ?? '.osinum-data', 'mailbox')
}

/** The notifications service as a Fastify plugin. */
export const app: FastifyPluginAsyncTypebox<ServiceDeps> = async (fastify, deps) => {
  const config = deps.config as Config
  checkConfig(config, deps.embedded)
  const db = deps.db as Db
  const log = fastify.log.child({ component: 'notifications' })
  const secret = new UnsubscribeSecret(config.UNSUBSCRIBE_SECRET)
  const rt = createRuntime({ config, db, events: deps.events, secret })

  const mailbox = config.SMTP_URL ? undefined : new DevMailbox(mailboxDir(config), config.MAIL_FROM)
  const transport: MailTransport =
    mailbox ??
    smtpTransport({ url: config.SMTP_URL!, from: config.MAIL_FROM, poolSize: config.SMTP_POOL_SIZE })

  const emailSender = new EmailSender({
    db,
    schema: deps.schema,
    sendingLeaseMs: config.EMAIL_SENDING_LEASE_MS,
    recordLatency: createHistogram(fastify, {
      name: 'osinum_email_record_seconds',
      help: 'Time from the SMTP server accepting an email to its row committed as sent (a crash inside it sends the email twice)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    }),
    transport,
    // PGlite is one connection: one loop is all it can use.
    workers: deps.embedded ? 1 : config.EMAIL_WORKERS,
    batchSize: config.EMAIL_BATCH_SIZE,
    pollIntervalMs: config.EMAIL_POLL_INTERVAL_MS,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    retryBaseMs: config.EMAIL_RETRY_BASE_MS,
    retryMaxMs: config.EMAIL_RETRY_MAX_MS,
    log,
    counter: createCounter(fastify, {
      name: 'osinum_email_deliveries_total',
      help: 'Email delivery attempts, by outcome (sent, retried, failed; withdrawn: the person was erased before the send)',
      labelNames: ['outcome'],
    }),
  })
  const webhookSender = new WebhookSender({
    db,
    allowInsecure: config.WEBHOOK_ALLOW_INSECURE,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: config.WEBHOOK_RETRY_MAX_MS,
    disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
    log,
    counter: createCounter(fastify, {
      name: 'osinum_webhook_deliveries_total',
      help: 'Webhook delivery attempts, by outcome (delivered, retried, failed)',
      labelNames: ['outcome'],
    }),
  })
  rt.setWakers(
    () => emailSender.wake(),
    () => webhookSender.wake(),
  )

  registerConsumers(rt)
  await handlePersonalData(deps, notificationsPersonalData)

  await fastify.register(notificationRoutes, { rt })
  await fastify.register(preferenceRoutes, { rt })
  await fastify.register(unsubscribeRoutes, { rt })
  await fastify.register(webhookRoutes, { rt })
  if (deps.embedded && mailbox) await fastify.register(devMailboxRoutes, { mailbox })

  let digestTimer: NodeJS.Timeout | undefined
  let digestRun: Promise<void> | undefined
  const digestPass = async () => {
    try {
      const sent = await runDigests(db, rt, new Date(), config.DIGEST_HOUR)
      if (sent) emailSender.wake()
      await pruneDigestItems(db)
    } catch (error) {
      log.warn({ err: error }, 'digest job failed, will retry at the next pass')
    }
  }

  fastify.addHook('onReady', async () => {
    await secret.load(db)
    emailSender.start()
    webhookSender.start()
    digestTimer = setInterval(() => {
      digestRun ??= digestPass().finally(() => {
        digestRun = undefined
      })
    }, config.DIGEST_INTERVAL_MS)
    digestTimer.unref()
    if (mailbox)
      log.info({ dir: mailbox.dir }, 'no SMTP_URL: emails go to the development mailbox (/v1/dev/mailbox)')
  })
  fastify.addHook('onClose', async () => {
    clearInterval(digestTimer)
    await digestRun
    await emailSender.stop()
    await webhookSender.stop()
    await transport.close()
  })
}
