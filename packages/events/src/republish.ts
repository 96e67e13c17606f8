import type { Kysely } from 'kysely'
import type { EventTables } from './tables.js'
import { publishTraced } from './trace.js'
import type { EventNaming, EventTransport } from './transport.js'

export interface RepublishRange {
  /** Events recorded at or after this instant. */
  since: Date
  /** Events recorded before this instant (default: now). */
  until?: Date
  /** One event type, e.g. `osinum.identity.user.registered` (any version) or a full subject with `.vN`. */
  type?: string
}

/**
 * Publishes again the events of the outbox history recorded in a time range (after a stream was
 * lost, or a consumer's database was restored from a backup older than the events). Each message
 * gets a fresh de-duplication id, so the bus takes it even inside its duplicate window; consumers
 * record the event id they processed (their inbox), so an event they already handled is skipped
 * and one they lost is processed. The history reaches back OUTBOX_RETENTION_DAYS.
 */
export async function republishEvents(
  db: Kysely<any>,
  transport: EventTransport,
  naming: EventNaming,
  range: RepublishRange,
  batchSize = 500,
): Promise<number> {
  const edb = db as Kysely<EventTables>
  const run = `republish:${Date.now().toString(36)}`
  let after = 0
  let total = 0
  for (;;) {
    let query = edb
      .selectFrom('outbox')
      .select(['seq', 'id', 'subject', 'envelope', 'headers'])
      .where('seq', '>', after)
      .where('created_at', '>=', range.since)
      .where('created_at', '<', range.until ?? new Date())
    const type = range.type
    if (type)
      query = query.where((eb) => eb.or([eb('subject', '=', type), eb('subject', 'like', `${type}.v%`)]))
    const rows = await query.orderBy('seq').limit(batchSize).execute()
    if (rows.length === 0) return total
    const results = await publishTraced(
      transport,
      rows.map((r) => ({
        subject: naming.subject(r.subject),
        msgId: `${r.id}:${run}`,
        data: typeof r.envelope === 'string' ? r.envelope : JSON.stringify(r.envelope),
        headers: r.headers ?? {},
      })),
    )
    const failed = results.findIndex((r) => !r.ok)
    if (failed !== -1)
      throw new Error(
        `republished ${total + failed} events, then the bus refused one: ${(results[failed] as { error: Error }).error.message}`,
      )
    total += rows.length
    after = rows[rows.length - 1]!.seq
  }
}
