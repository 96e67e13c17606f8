import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { CATEGORIES, type Category } from './categories.js'
import { json, type Relay, type StoredEmail, type Trx } from './db.js'
import { links } from './links.js'
import { greeting } from './messages.js'
import type { Channels } from './preferences.js'
import { type EmailContent, oneLine, renderEmail } from './templates.js'
import { signUnsubscribeToken, type UnsubscribeSecret } from './unsubscribe.js'

/** What building a notification needs from the running service. */
export interface NotifyRuntime {
  /** PUBLIC_URL without a trailing slash. */
  publicUrl: string
  mailFromAddress: string
  secret: UnsubscribeSecret
}

export interface Recipient {
  /** Null for an address not (yet) known as a person (an invitation). */
  userId: string | null
  email: string | null
  name: string | null
}

export interface NotifyInput {
  causeEventId: string
  category: Category
  kind: string
  recipient: Recipient
  /** A function when the content links to the notification itself (replies). */
  content: EmailContent | ((notificationId: string) => EmailContent)
  channels: Channels
  /** Why the person receives it, shown in the footer. */
  reason: string
  relay?: Relay
  attachments?: StoredEmail['attachments']
}

export const inboxLink = (rt: NotifyRuntime, notificationId: string) =>
  links(rt.publicUrl).notification(notificationId)

/**
 * Records one notification for one recipient, in the consumer's transaction: the in-app entry
 * (delivered at once) and the email, rendered now and left `pending` for the sender loop.
 * The UNIQUE (cause_event_id, recipient, channel) of deliveries makes a second call for the same
 * event and person a no-op, so an event never yields two emails to one address.
 * Returns the notification id, or null when nothing was recorded.
 */
export async function notify(trx: Trx, rt: NotifyRuntime, input: NotifyInput): Promise<string | null> {
  const { recipient, category } = input
  const email = recipient.email?.trim().toLowerCase() || null
  const wantsEmail = input.channels.email && email !== null
  const wantsInApp = input.channels.inApp && recipient.userId !== null
  if (!wantsEmail && !wantsInApp) return null
  const id = uuidv7()
  const content = typeof input.content === 'function' ? input.content(id) : input.content
  const inserted = await trx
    .insertInto('notifications')
    .values({
      id,
      cause_event_id: input.causeEventId,
      user_id: recipient.userId,
      recipient: recipient.userId ?? email!,
      category,
      kind: input.kind,
      title: oneLine(content.subject),
      body: content.summary,
      link: content.link ?? null,
      in_app: wantsInApp,
      relay: input.relay ? json(input.relay) : null,
    })
    .onConflict((oc) => oc.columns(['cause_event_id', 'recipient']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) return null

  if (wantsInApp) {
    await trx
      .insertInto('deliveries')
      .values({
        id: uuidv7(),
        notification_id: id,
        cause_event_id: input.causeEventId,
        recipient: recipient.userId!,
        channel: 'in-app',
        category,
        status: 'sent',
        attempts: 1,
        sent_at: sql<Date>`now()`,
        message: null,
      })
      .onConflict((oc) => oc.columns(['cause_event_id', 'recipient', 'channel']).doNothing())
      .execute()
  }

  if (wantsEmail) {
    const deliveryId = uuidv7()
    const unsubscribeToken =
      !CATEGORIES[category].locked && recipient.userId
        ? signUnsubscribeToken(rt.secret.value, recipient.userId, category)
        : undefined
    const link = links(rt.publicUrl)
    const rendered = renderEmail(
      content,
      {
        reason: input.reason,
        preferencesUrl: recipient.userId && !CATEGORIES[category].locked ? link.preferences() : undefined,
        unsubscribeUrl: unsubscribeToken ? link.unsubscribePage(unsubscribeToken) : undefined,
      },
      greeting(recipient.name),
    )
    const headers: Record<string, string> = {
      'Auto-Submitted': 'auto-generated',
      'X-Osinum-Category': category,
    }
    if (unsubscribeToken) {
      headers['List-Unsubscribe'] = `<${link.unsubscribeOneClick(unsubscribeToken)}>`
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
    }
    const domain = rt.mailFromAddress.split('@')[1] || 'osinum.invalid'
    const message: StoredEmail = {
      to: { address: email!, ...(recipient.name ? { name: oneLine(recipient.name, 120) } : {}) },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers,
      // Stable across retries: if a crash makes us send twice, mail clients can tell.
      messageId: `<${deliveryId}@${domain}>`,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    }
    await trx
      .insertInto('deliveries')
      .values({
        id: deliveryId,
        notification_id: id,
        cause_event_id: input.causeEventId,
        recipient: email!,
        channel: 'email',
        category,
        status: 'pending',
        attempts: 0,
        next_attempt_at: sql<Date>`now()`,
        message: json(message),
      })
      .onConflict((oc) => oc.columns(['cause_event_id', 'recipient', 'channel']).doNothing())
      .execute()
  }
  return id
}
