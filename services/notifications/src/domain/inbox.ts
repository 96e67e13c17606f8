import { NotFound, type Principal } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Channel, DbOrTrx, Delivery, DeliveryStatus, Notification } from './db.js'

export interface NotificationView {
  id: string
  category: string
  kind: string
  title: string
  body: string
  link: string | null
  read: boolean
  readAt: string | null
  createdAt: string
  /** A relayed contact message that can be answered with POST /v1/notifications/{id}/reply. */
  replyable: boolean
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export function notificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    category: n.category,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    read: n.read_at !== null,
    readAt: iso(n.read_at),
    createdAt: iso(n.created_at)!,
    replyable: n.relay !== null,
  }
}

/** The person's in-app inbox, newest first. */
export async function listInbox(
  db: DbOrTrx,
  userId: string,
  options: { limit: number; offset: number; unread?: boolean; category?: string },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId).where('in_app', '=', true)
  if (options.unread) q = q.where('read_at', 'is', null)
  if (options.category) q = q.where('category', '=', options.category)
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(notificationView), total: total.n, limit: options.limit, offset: options.offset }
}

export async function unreadCount(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}

/** One of the person's notifications (404 for anyone else's: its existence is not revealed). */
export async function ownNotification(db: DbOrTrx, userId: string, id: string): Promise<Notification> {
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new NotFound('Notification')
  return row
}

export async function markRead(db: DbOrTrx, userId: string, id: string): Promise<NotificationView> {
  await ownNotification(db, userId, id)
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return notificationView(row)
}

export async function markAllRead(db: DbOrTrx, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface DeliveryView {
  id: string
  notificationId: string
  channel: Channel
  category: string
  recipient: string
  status: Exclude<DeliveryStatus, 'sending'>
  attempts: number
  lastError: string | null
  nextAttemptAt: string | null
  createdAt: string
  sentAt: string | null
}

export function deliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    notificationId: d.notification_id,
    channel: d.channel,
    category: d.category,
    recipient: d.recipient,
    // Being sent is still pending for the reader (the API's statuses).
    status: d.status === 'sending' ? 'pending' : d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    createdAt: iso(d.created_at)!,
    sentAt: iso(d.sent_at),
  }
}

/** Delivery log of one notification: for the person it was for, or an admin. */
export async function notificationDeliveries(
  db: DbOrTrx,
  principal: Principal,
  id: string,
  page: { limit: number; offset: number },
) {
  const n = await db
    .selectFrom('notifications')
    .select(['id', 'user_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!n || (n.user_id !== principal.userId && !principal.hasRole('admin')))
    throw new NotFound('Notification')
  const q = db.selectFrom('deliveries').where('notification_id', '=', id)
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(deliveryView), total: total.n, ...page }
}

/** Every delivery, for admins (an operator checking why an email did not arrive). */
export async function listDeliveries(
  db: DbOrTrx,
  filter: {
    limit: number
    offset: number
    status?: string
    channel?: string
    causeEventId?: string
    recipient?: string
  },
) {
  let q = db.selectFrom('deliveries')
  if (filter.status) q = q.where('status', '=', filter.status as never)
  if (filter.channel) q = q.where('channel', '=', filter.channel as never)
  if (filter.causeEventId) q = q.where('cause_event_id', '=', filter.causeEventId)
  if (filter.recipient) q = q.where('recipient', '=', filter.recipient.trim().toLowerCase())
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(deliveryView), total: total.n, limit: filter.limit, offset: filter.offset }
}
