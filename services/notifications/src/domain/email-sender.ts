import { NotificationsEvents } from '@osinum/contracts'
import { isDatabaseUnavailable, qualified } from '@osinum/db'
import { type EventLogger, recordEvent } from '@osinum/events'
import type { Counter, Histogram } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Db, StoredEmail, Trx } from './db.js'
import type { MailTransport } from './mail-transport.js'

export interface EmailSenderOptions {
  db: Db
  /** The service's schema (the claim is raw SQL, which `withSchema` does not rewrite). */
  schema: string
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
  /**
   * How long a claimed email stays `sending` before another pass may send it again (its sender
   * died mid-send): longer than one SMTP attempt can take (nodemailer's timeouts add up to 50 s).
   */
  sendingLeaseMs?: number
  /** Seconds from the SMTP server's acceptance to the commit of the row: the crash window. */
  recordLatency?: Histogram<never>
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
 * The email sender: an outbox-like loop over `deliveries` (pending → sending → sent | failed).
 *  1. A short transaction claims due rows (FOR UPDATE SKIP LOCKED) and commits them as `sending`
 *     with a lease: replicas and workers never claim the same row.
 *  2. Each message goes to the SMTP server; as soon as it answers, its own small transaction
 *     marks the row `sent` (or retried/failed) with its NotificationDelivered/Failed event. If the
 *     database is unreachable then, the outcome is kept in memory and recorded once it returns.
 *  3. A `sending` row whose lease ran out belonged to a process that died mid-send: it is sent
 *     again, with the same Message-ID (logged as a resend).
 *
 * At-least-once boundary: SMTP has no transaction. A second email is possible only if the process
 * dies between the server's 250 and the commit of that one row (one round trip to PostgreSQL,
 * measured by `osinum_email_record_seconds`; see docs/reliability.md). A death before the 250
 * delays the email by the lease, never loses it; nothing else can produce a second email (see the
 * UNIQUE constraint on deliveries).
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
    const lease = (this.o.sendingLeaseMs ?? 300_000) / 1000
    // A pending row that is due, or a sending one whose sender died (lease over).
    const { rows } = await sql<ClaimedRow>`
      with claimed as (
        select id, status as previous from ${qualified(this.o.schema, 'deliveries')}
        where channel = 'email' and status in ('pending', 'sending') and next_attempt_at <= now()
        order by next_attempt_at, id
        limit ${this.o.batchSize}
        for update skip locked
      )
      update ${qualified(this.o.schema, 'deliveries')} d
      set status = 'sending', next_attempt_at = now() + make_interval(secs => ${lease}), updated_at = now()
      from claimed where d.id = claimed.id
      returning d.id, d.notification_id, d.cause_event_id, d.category, d.attempts, d.message, claimed.previous`.execute(
      this.o.db,
    )
    if (rows.length === 0) return 0
    const resent = rows.filter((r) => r.previous === 'sending').length
    if (resent)
      this.o.log.warn(
        { resent },
        'email sender: resending emails whose sender stopped mid-send (same Message-ID)',
      )
    const outcomes = await Promise.all(rows.map((r) => this.deliver(r)))
    for (const outcome of outcomes) this.o.counter?.inc({ outcome })
    const retried = outcomes.filter((o) => o === 'retried').length
    const failed = outcomes.filter((o) => o === 'failed').length
    if (retried || failed) this.o.log.warn({ retried, failed }, 'email sender: some emails were not accepted')
    return outcomes.length
  }

  /** Sends one claimed row and records the outcome at once, holding it while the database is down. */
  private async deliver(r: ClaimedRow): Promise<'sent' | 'retried' | 'failed' | 'withdrawn'> {
    // Claimed rows wait for their turn (a batch is sent at once, SMTP is slow): one whose person
    // was erased meanwhile (the row deleted) is not sent. What remains is one SMTP exchange.
    if (!(await stillClaimed(this.o.db, r.id))) return 'withdrawn'
    let result: { ok: true } | { ok: false; failure: SendFailure }
    if (!r.message) result = { ok: false, failure: { permanent: true, error: 'no message to send' } }
    else {
      try {
        await this.o.transport.send(r.message as StoredEmail)
        result = { ok: true }
      } catch (error) {
        result = { ok: false, failure: classifySendError(error) }
      }
    }
    const accepted = performance.now()
    const attempts = r.attempts + 1
    const outcome: 'sent' | 'retried' | 'failed' = result.ok
      ? 'sent'
      : !result.failure.permanent && attempts < this.o.maxAttempts
        ? 'retried'
        : 'failed'
    const data = {
      notificationId: r.notification_id,
      channel: 'email' as const,
      category: r.category,
      causeEventId: r.cause_event_id,
      attempts,
    }
    const record = () =>
      this.o.db.transaction().execute(async (trx) => {
        if (result.ok) {
          // Gone meanwhile (the person was erased): nothing to record.
          if ((await mark(trx, r.id, { status: 'sent', attempts })) === 0) return
          await recordEvent(trx, NotificationsEvents.NotificationDelivered, r.notification_id, data)
        } else if (outcome === 'retried') {
          await mark(trx, r.id, {
            status: 'pending',
            attempts,
            error: result.failure.error,
            retryInMs: backoffMs(attempts, this.o.retryBaseMs, this.o.retryMaxMs),
          })
        } else {
          if ((await mark(trx, r.id, { status: 'failed', attempts, error: result.failure.error })) === 0)
            return
          await recordEvent(trx, NotificationsEvents.NotificationFailed, r.notification_id, {
            ...data,
            error: redactAddresses(result.failure.error),
          })
        }
      })
    // What the SMTP server said is known only here: while the database cannot record it, keep it
    // (a resend after the lease would be a second email) unless the sender is stopping.
    for (let wait = 250; ; wait = Math.min(5_000, wait * 2)) {
      try {
        await record()
        break
      } catch (error) {
        if (!isDatabaseUnavailable(error) || this.stopped) throw error
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
    if (result.ok) this.o.recordLatency?.observe((performance.now() - accepted) / 1000)
    return outcome
  }
}

interface ClaimedRow {
  id: string
  notification_id: string
  cause_event_id: string
  category: string
  attempts: number
  message: unknown
  previous: 'pending' | 'sending'
}

/** The row is still ours to send (not deleted by an erasure, not claimed by another sender). */
async function stillClaimed(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('deliveries')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .executeTakeFirst()
  return row !== undefined
}

async function mark(
  trx: Trx,
  id: string,
  change: {
    status: 'pending' | 'sent' | 'failed'
    attempts: number
    error?: string
    retryInMs?: number
  },
): Promise<number> {
  const result = await trx
    .updateTable('deliveries')
    .set({
      status: change.status,
      attempts: change.attempts,
      last_error: change.error ?? null,
      updated_at: sql<Date>`now()`,
      ...(change.status === 'sent' ? { sent_at: sql<Date>`now()` } : {}),
      next_attempt_at:
        change.status === 'pending'
          ? sql<Date>`now() + make_interval(secs => ${(change.retryInMs ?? 0) / 1000})`
          : null,
      // Sent or given up: the rendered message (which may hold a login link) is not kept.
      ...(change.status === 'pending' ? {} : { message: null }),
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
