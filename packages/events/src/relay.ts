import { type Kysely, sql } from 'kysely'
import type { EventTables } from './tables.js'
import { publishTraced } from './trace.js'
import type { EventNaming, EventTransport } from './transport.js'
import type { EventLogger } from './types.js'

/** The PostgreSQL notification channel on which committed events announce themselves. */
export const OUTBOX_CHANNEL = 'osinum_outbox'

export interface RelayOptions {
  db: Kysely<any>
  schema: string
  transport: EventTransport
  naming: EventNaming
  logger: EventLogger
  batchSize?: number
  /**
   * LISTEN for the notification `recordEvent` sends when a transaction with events commits (in
   * any process sharing the database): the relay publishes at once instead of at the next poll.
   */
  listen?: (channel: string, handler: (payload: string) => void) => Promise<() => Promise<void>>
  /** Polling interval: the fallback when a notification is missed (or nobody listens). */
  pollIntervalMs?: number
  /** How long published rows are kept before pruning. */
  retentionMs?: number
  onPublished?: (count: number) => void
}

/**
 * Publishes committed outbox rows to the bus, in commit order, with `msgID` = event id.
 * One relay is active per schema at a time (advisory lock), so replicas never reorder events.
 * While the bus is down rows simply wait; the relay retries with back-off and catches up.
 */
export class OutboxRelay {
  private unlisten: Promise<(() => Promise<void>) | undefined> | undefined
  private timer: NodeJS.Timeout | undefined
  private running = false
  private stopped = true
  private wakeRequested = false
  private failures = 0
  private loop: Promise<void> | undefined
  private lastPrune = 0

  constructor(private readonly options: RelayOptions) {}

  /** Passes that failed in a row (0 once a pass succeeds): while the bus is down it grows. */
  get consecutiveFailures(): number {
    return this.failures
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.unlisten = this.listenForCommits()
    this.schedule(0)
  }

  private async listenForCommits(): Promise<(() => Promise<void>) | undefined> {
    const { listen, db, schema, logger } = this.options
    if (!listen) return undefined
    try {
      // The payload names the outbox table as PostgreSQL prints it (see recordEvent).
      const { rows } = await sql<{
        table: string
      }>`select ${`${schema}.outbox`}::regclass::text as table`.execute(db)
      const table = rows[0]?.table
      return await listen(OUTBOX_CHANNEL, (payload) => {
        if (payload === table) this.wake()
      })
    } catch (error) {
      logger.warn({ err: error }, 'outbox relay: cannot listen for commits, polling only')
      return undefined
    }
  }

  /** Ask for a pass now (after a commit) instead of at the next poll. */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.wakeRequested = true
      return
    }
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await (await this.unlisten)?.()
    await this.loop
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.loop = this.tick()
    }, delay)
    this.timer.unref?.()
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return
    this.running = true
    let next = this.options.pollIntervalMs ?? 100
    try {
      let published: number
      do {
        this.wakeRequested = false
        published = await this.relayBatch()
      } while (!this.stopped && (published === (this.options.batchSize ?? 500) || this.wakeRequested))
      this.failures = 0
      await this.prune()
    } catch (error) {
      this.failures++
      // Capped at 5 s: events leave within seconds of the database or the bus coming back.
      next = Math.min(5_000, 250 * 2 ** Math.min(this.failures, 7))
      this.options.logger.warn({ err: error, retryInMs: next }, 'outbox relay: publishing failed, will retry')
    } finally {
      this.running = false
      if (!this.stopped) this.schedule(this.wakeRequested ? 0 : next)
    }
  }

  /** Publishes one batch; returns how many rows were marked published. Exposed for tests and benches. */
  async relayBatch(): Promise<number> {
    const { db, schema, transport, naming } = this.options
    const batchSize = this.options.batchSize ?? 500
    let failure: Error | undefined
    const count = await (db as Kysely<EventTables>).transaction().execute(async (trx) => {
      const lock = await sql<{
        locked: boolean
      }>`select pg_try_advisory_xact_lock(hashtext(${`${schema}.outbox`})) as locked`.execute(trx)
      if (!lock.rows[0]?.locked) return 0
      const rows = await trx
        .selectFrom('outbox')
        .select(['seq', 'id', 'subject', 'envelope', 'headers'])
        .where('published_at', 'is', null)
        .orderBy('seq')
        .limit(batchSize)
        .execute()
      if (rows.length === 0) return 0
      const results = await publishTraced(
        transport,
        rows.map((r) => ({
          subject: naming.subject(r.subject),
          msgId: r.id,
          data: typeof r.envelope === 'string' ? r.envelope : JSON.stringify(r.envelope),
          headers: r.headers ?? {},
        })),
      )
      // Mark the longest prefix that the bus stored: a failed event is retried before any later one.
      let ok = results.findIndex((r) => !r.ok)
      if (ok === -1) ok = results.length
      else failure = (results[ok] as { error: Error }).error
      // One statement with one array parameter (not one parameter per row) marks the prefix.
      if (ok > 0)
        await trx
          .updateTable('outbox')
          .set({ published_at: new Date() })
          .where(sql<boolean>`seq = any(${rows.slice(0, ok).map((r) => String(r.seq))}::bigint[])`)
          .execute()
      return ok
    })
    if (count > 0) this.options.onPublished?.(count)
    if (failure) throw failure
    return count
  }

  private async prune(): Promise<void> {
    const now = Date.now()
    if (now - this.lastPrune < 60_000) return
    this.lastPrune = now
    const before = new Date(now - (this.options.retentionMs ?? 7 * 24 * 3600_000))
    await (this.options.db as Kysely<EventTables>)
      .deleteFrom('outbox')
      .where('published_at', '<', before)
      .execute()
  }
}
