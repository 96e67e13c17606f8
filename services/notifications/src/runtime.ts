import type { ServiceEvents } from '@osinum/events'
import type { BaseConfig } from '@osinum/service-kit'
import type { NotificationsConfig } from './config.js'
import type { Category } from './domain/categories.js'
import type { Db, StoredEmail, Trx, User } from './domain/db.js'
import { type Links, links } from './domain/links.js'
import { type NotifyRuntime, notify } from './domain/notify.js'
import { channelsFor } from './domain/preferences.js'
import type { EmailContent } from './domain/templates.js'
import type { UnsubscribeSecret } from './domain/unsubscribe.js'

export type Config = Readonly<BaseConfig & NotificationsConfig & { OSINUM_DATA_DIR?: string }>

/** What consumers and routes share inside the running service. */
export interface Runtime extends NotifyRuntime {
  config: Config
  db: Db
  events: ServiceEvents
  links: Links
  /** Wake the sender loops (called by consumers that queued something). */
  wakeEmail(): void
  wakeWebhooks(): void
}

export function createRuntime(options: {
  config: Config
  db: Db
  events: ServiceEvents
  secret: UnsubscribeSecret
}): Runtime & { setWakers(email: () => void, webhooks: () => void): void } {
  let wakeEmail = () => {}
  let wakeWebhooks = () => {}
  const address = /<([^>]+)>/.exec(options.config.MAIL_FROM)?.[1] ?? options.config.MAIL_FROM
  const l = links(options.config.PUBLIC_URL)
  return {
    config: options.config,
    db: options.db,
    events: options.events,
    links: l,
    publicUrl: l.base,
    mailFromAddress: address.trim(),
    secret: options.secret,
    wakeEmail: () => wakeEmail(),
    wakeWebhooks: () => wakeWebhooks(),
    setWakers(email, webhooks) {
      wakeEmail = email
      wakeWebhooks = webhooks
    },
  }
}

/**
 * Notifies each person (deduplicated) of one event in one category, on the channels their
 * preferences allow. Returns how many notifications were recorded.
 */
export async function notifyUsers(
  trx: Trx,
  rt: Runtime,
  input: {
    causeEventId: string
    category: Category
    kind: string
    users: User[]
    content: (user: User) => EmailContent
    reason: (user: User) => string
    /** Channels forced off (e.g. no in-app for an email-only message). */
    only?: { email?: boolean; inApp?: boolean }
    attachments?: StoredEmail['attachments']
  },
): Promise<number> {
  const users = [...new Map(input.users.map((u) => [u.user_id, u])).values()]
  if (users.length === 0) return 0
  const channels = await channelsFor(
    trx,
    users.map((u) => u.user_id),
    input.category,
  )
  let count = 0
  for (const user of users) {
    const c = channels.get(user.user_id)!
    const id = await notify(trx, rt, {
      causeEventId: input.causeEventId,
      category: input.category,
      kind: input.kind,
      recipient: { userId: user.user_id, email: user.email, name: user.display_name },
      content: input.content(user),
      channels: {
        email: c.email && input.only?.email !== false,
        inApp: c.inApp && input.only?.inApp !== false,
      },
      reason: input.reason(user),
      attachments: input.attachments,
    })
    if (id) count++
  }
  if (count) rt.wakeEmail()
  return count
}
