import { Forbidden, NotFound, type Principal } from '@osinum/service-kit'
import { type ExpressionBuilder, sql } from 'kysely'
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

/**
 * The people of an operator, from the identity projection: its staff and the members of its
 * collectivités. What an operator's administrator may look into (the scope rule).
 */
export const peopleOfOperator = (operatorId: string) => (eb: ExpressionBuilder<any, any>) =>
  eb.or([
    eb('n.user_id', 'in', eb.selectFrom('users').select('user_id').where('operator_id', '=', operatorId)),
    eb(
      'n.user_id',
      'in',
      eb
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.organisation_id', 'm.organisation_id')
        .select('m.user_id')
        .where('o.operator_id', '=', operatorId),
    ),
  ])

/** Someone else's notification: the platform admin's, or an admin's of that person's operator. */
async function looksInto(db: DbOrTrx, principal: Principal, notificationId: string): Promise<boolean> {
  if (principal.isPlatformAdmin) return true
  const operatorId = principal.operatorId
  if (!operatorId || !principal.administers(operatorId)) return false
  const row = await db
    .selectFrom('notifications as n')
    .select('n.id')
    .where('n.id', '=', notificationId)
    .where(peopleOfOperator(operatorId))
    .executeTakeFirst()
  return Boolean(row)
}

/** The operator whose people an admin may look into, or null for the platform admin (everyone); 403 for others. */
function administeredOperator(principal: Principal): string | null {
  if (principal.isPlatformAdmin) return null
  if (principal.operatorId && principal.administers(principal.operatorId)) return principal.operatorId
  throw new Forbidden()
}

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
    .selectFrom('notifications as n')
    .select(['n.id', 'n.user_id'])
    .where('n.id', '=', id)
    .executeTakeFirst()
  if (!n || (n.user_id !== principal.userId && !(await looksInto(db, principal, n.id))))
    throw new NotFound('Notification')
  const q = db.selectFrom('deliveries').where('notification_id', '=', id)
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(deliveryView), total: total.n, ...page }
}

/**
 * Deliveries, for admins checking why an email did not arrive: every one for the platform admin,
 * those to the people of its operator for an operator's administrator.
 */
export async function listDeliveries(
  db: DbOrTrx,
  principal: Principal,
  filter: {
    limit: number
    offset: number
    status?: string
    channel?: string
    causeEventId?: string
    recipient?: string
  },
) {
  const operatorId = administeredOperator(principal)
  let q = db.selectFrom('deliveries')
  if (operatorId)
    q = q.where('notification_id', 'in', (eb) =>
      eb.selectFrom('notifications as n').select('n.id').where(peopleOfOperator(operatorId)),
    )
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
