import { type Static, Type } from 'typebox'

/** Variables the notifications service adds to BaseConfig. Defaults let the embedded mode need none. */
export const NotificationsConfig = Type.Object({
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://',
      description:
        'smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. Required stand-alone; unset in embedded mode = development mailbox',
    }),
  ),
  MAIL_FROM: Type.String({
    minLength: 3,
    default: 'osinum <ne-pas-repondre@osinum.invalid>',
    description: 'From header of every email',
  }),
  MAILBOX_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Folder of the development mailbox (embedded mode without SMTP_URL); default <OSINUM_DATA_DIR>/mailbox',
    }),
  ),
  UNSUBSCRIBE_SECRET: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        'HMAC key of unsubscribe links (≥ 32 chars). Required stand-alone; generated and stored in the database in embedded mode',
    }),
  ),
  SMTP_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 50,
    default: 4,
    description: 'SMTP connections kept open',
  }),
  EMAIL_WORKERS: Type.Integer({
    minimum: 1,
    maximum: 32,
    default: 2,
    description: 'Concurrent sender loops (each claims a batch with FOR UPDATE SKIP LOCKED); 1 on PGlite',
  }),
  EMAIL_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  EMAIL_POLL_INTERVAL_MS: Type.Integer({
    minimum: 10,
    default: 500,
    description: 'Idle poll of the sender (retries that fall due); consumers wake it for new emails',
  }),
  EMAIL_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  EMAIL_RETRY_BASE_MS: Type.Integer({
    minimum: 1,
    default: 30_000,
    description: 'First retry delay of a temporary SMTP failure; doubles each attempt',
  }),
  EMAIL_RETRY_MAX_MS: Type.Integer({ minimum: 1, default: 3_600_000 }),
  EMAIL_SENDING_LEASE_MS: Type.Integer({
    minimum: 1_000,
    default: 300_000,
    description:
      'How long an email being sent is reserved; past it, a sender that died mid-send is assumed and it is sent again',
  }),
  WEBHOOK_ALLOW_INSECURE: Type.Boolean({
    default: false,
    description: 'Allow http:// loopback webhook targets and private addresses (tests only)',
  }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  WEBHOOK_RETRY_BASE_MS: Type.Integer({ minimum: 1, default: 30_000 }),
  WEBHOOK_RETRY_MAX_MS: Type.Integer({ minimum: 1, default: 3_600_000 }),
  WEBHOOK_DISABLE_AFTER_FAILURES: Type.Integer({
    minimum: 1,
    default: 15,
    description: 'Consecutive failed attempts after which an endpoint is disabled',
  }),
  WEBHOOK_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, default: 1_000 }),
  DIGEST_INTERVAL_MS: Type.Integer({
    minimum: 1_000,
    default: 600_000,
    description: 'How often the digest job looks for daily/weekly digests that are due',
  }),
  DIGEST_HOUR: Type.Integer({
    minimum: 0,
    maximum: 23,
    default: 8,
    description: 'Local hour (Europe/Paris) from which daily and weekly digests are sent',
  }),
})
export type NotificationsConfig = Static<typeof NotificationsConfig>
