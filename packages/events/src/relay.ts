import { type Kysely, sql } from 'kysely'
import type { EventTables } from './tables.js'
import type { EventNaming, EventTransport } from './transport.js'
import type { EventLogger } from './types.js'

export interface RelayOptions {
  db: Kysely<any>
  schema: string
  transport: EventTransport
  naming: EventNaming
  logger: EventLogger
  batchSize?: number
  /** Idle polling interval; `wake()` short-cuts it after a write. */
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
  private timer: NodeJS.Timeout | undefined
  private running = false
  private stopped = true
  private wakeRequested = false
  private failures = 0
  private loop: Promise<void> | undefined
  private lastPrune = 0

  constructor(private readonly options: RelayOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(0)
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
      next = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7))
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
      const results = await transport.publish(
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
      if (ok > 0)
        await trx
          .updateTable('outbox')
          .set({ published_at: new Date() })
          .where(
            'id',
            'in',
            rows.slice(0, ok).map((r) => r.id),
          )
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
