import { NotificationsEvents } from '@osinum/contracts'
import { type EventLogger, recordEvent } from '@osinum/events'
import type { Counter } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Db, StoredEmail, Trx } from './db.js'
import type { MailTransport } from './mail-transport.js'

export interface EmailSenderOptions {
  db: Db
  transport: MailTransport
  /** Concurrent loops, each claiming its own batch (FOR UPDATE SKIP LOCKED). */
  workers: number
  batchSize: number
  pollIntervalMs: number
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
  log: EventLogger
  counter?: Counter<'outcome'>
}

export interface SendFailure {
  permanent: boolean
  error: string
}

/** Strips addresses from an error before it goes into an event. */
export const redactAddresses = (s: string) => s.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>')

/**
 * Temporary or permanent? An SMTP reply decides (5xx permanent except 503, 4xx temporary);
 * without a reply (connection refused, timeout, TLS, authentication) the failure is temporary:
 * the message itself was not refused, retrying later may work.
 */
export function classifySendError(error: unknown): SendFailure {
  const e = error as {
    responseCode?: number
    response?: string
    code?: string
    permanent?: boolean
    message?: string
  }
  const text = String(e.response ?? e.message ?? error)
    .replace(/\s+/g, ' ')
    .slice(0, 500)
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503)
    return { permanent, error: text.startsWith(String(e.responseCode)) ? text : `${e.responseCode} ${text}` }
  }
  // A message nodemailer could not even build or address will never go through.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { permanent: true, error: `${e.code}: ${text}` }
  return { permanent: false, error: `${e.code ?? 'ERROR'}: ${text}` }
}

export const backoffMs = (attempt: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, attempt - 1))

/**
 * The email sender: an outbox-like loop over `deliveries` (pending → sent | failed). Each pass
 * claims due rows with FOR UPDATE SKIP LOCKED, sends them, and marks them in the SAME transaction,
 * together with the NotificationDelivered/NotificationFailed event. Replicas and workers never
 * claim the same row.
 *
 * At-least-once boundary: SMTP has no transaction. If the process dies (or the database becomes
 * unreachable) after the server answered 250 but before the commit, the row is still pending and
 * the email is sent again later — with the same Message-ID, which many mail clients collapse.
 * That window is one batch of sends; nothing else can produce a second email (see the UNIQUE
 * constraint on deliveries).
 */
export class EmailSender {
  private stopped = true
  private loops: Promise<void>[] = []
  private wakers = new Set<() => void>()
  private timers = new Set<NodeJS.Timeout>()

  constructor(private readonly o: EmailSenderOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.loops = Array.from({ length: this.o.workers }, (_, i) => this.loop(i))
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.wakeNow()
    await Promise.all(this.loops)
    this.loops = []
  }

  /**
   * Ask for a pass soon. Called by consumers before their transaction commits, so it also
   * re-checks a little later (a pass that ran before the commit found nothing).
   */
  wake(): void {
    if (this.stopped) return
    this.wakeNow()
    for (const delay of [10, 40, 100, 250, 500]) {
      const t = setTimeout(() => {
        this.timers.delete(t)
        this.wakeNow()
      }, delay)
      t.unref?.()
      this.timers.add(t)
    }
  }

  private wakeNow(): void {
    for (const w of this.wakers) w()
    this.wakers.clear()
  }

  private async loop(worker: number): Promise<void> {
    let failures = 0
    while (!this.stopped) {
      let sent = 0
      try {
        sent = await this.runOnce()
        failures = 0
      } catch (error) {
        failures++
        this.o.log.warn({ err: error, worker }, 'email sender: pass failed, will retry')
      }
      if (this.stopped) break
      if (sent === this.o.batchSize && failures === 0) continue
      const wait = failures ? Math.min(30_000, this.o.pollIntervalMs * 2 ** failures) : this.o.pollIntervalMs
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.wakers.delete(done)
          resolve()
        }, wait)
        t.unref?.()
        const done = () => {
          clearTimeout(t)
          resolve()
        }
        this.wakers.add(done)
      })
    }
  }

  /** One pass: claim, send, mark; returns how many rows it handled. Exposed for tests and benches. */
  async runOnce(): Promise<number> {
    const outcomes: Array<'sent' | 'retried' | 'failed'> = []
    await this.o.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('deliveries')
        .select(['id', 'notification_id', 'cause_event_id', 'category', 'attempts', 'message'])
        .where('channel', '=', 'email')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(this.o.batchSize)
        .forUpdate()
        .skipLocked()
        .execute()
      if (rows.length === 0) return
      const results = await Promise.all(
        rows.map(async (r) => {
          if (!r.message)
            return { ok: false as const, failure: { permanent: true, error: 'no message to send' } }
          try {
            await this.o.transport.send(r.message as StoredEmail)
            return { ok: true as const }
          } catch (error) {
            return { ok: false as const, failure: classifySendError(error) }
          }
        }),
      )
      // Sent rows are marked in one statement; each gets its NotificationDelivered event.
      const sent = rows.filter((_, i) => results[i]!.ok)
      if (sent.length)
        await trx
          .updateTable('deliveries')
          .set((eb) => ({
            status: 'sent',
            attempts: eb('attempts', '+', 1),
            last_error: null,
            next_attempt_at: null,
            sent_at: sql<Date>`now()`,
            updated_at: sql<Date>`now()`,
            // The rendered message (which may hold a login link) is not kept.
            message: null,
          }))
          .where(
            'id',
            'in',
            sent.map((r) => r.id),
          )
          .execute()
      for (const [i, r] of rows.entries()) {
        const result = results[i]!
        const attempts = r.attempts + 1
        const data = {
          notificationId: r.notification_id,
          channel: 'email' as const,
          category: r.category,
          causeEventId: r.cause_event_id,
          attempts,
        }
        if (result.ok) {
          await recordEvent(trx, NotificationsEvents.NotificationDelivered, r.notification_id, data)
          outcomes.push('sent')
        } else if (!result.failure.permanent && attempts < this.o.maxAttempts) {
          const delay = backoffMs(attempts, this.o.retryBaseMs, this.o.retryMaxMs)
          await mark(trx, r.id, {
            status: 'pending',
            attempts,
            error: result.failure.error,
            retryInMs: delay,
          })
          outcomes.push('retried')
        } else {
          await mark(trx, r.id, { status: 'failed', attempts, error: result.failure.error })
          await recordEvent(trx, NotificationsEvents.NotificationFailed, r.notification_id, {
            ...data,
            error: redactAddresses(result.failure.error),
          })
          outcomes.push('failed')
        }
      }
    })
    for (const outcome of outcomes) this.o.counter?.inc({ outcome })
    const retried = outcomes.filter((o) => o === 'retried').length
    const failed = outcomes.filter((o) => o === 'failed').length
    if (retried || failed) this.o.log.warn({ retried, failed }, 'email sender: some emails were not accepted')
    return outcomes.length
  }
}

async function mark(
  trx: Trx,
  id: string,
  change: {
    status: 'pending' | 'sent' | 'failed'
    attempts: number
    error?: string
    retryInMs?: number
    sent?: boolean
  },
): Promise<void> {
  await trx
    .updateTable('deliveries')
    .set({
      status: change.status,
      attempts: change.attempts,
      last_error: change.error ?? null,
      updated_at: sql<Date>`now()`,
      next_attempt_at:
        change.status === 'pending'
          ? sql<Date>`now() + make_interval(secs => ${(change.retryInMs ?? 0) / 1000})`
          : null,
      // Given up: the rendered message (which may hold a login link) is not kept.
      ...(change.status === 'pending' ? {} : { message: null }),
    })
    .where('id', '=', id)
    .execute()
}
