import type { Kysely } from 'kysely'
import type { EventTables } from './tables.js'
import type { EventTransport } from './transport.js'

export interface DeadLetter {
  id: string
  consumer: string
  eventId: string
  subject: string
  error: string
  attempts: number
  createdAt: Date
  replayCount: number
  replayedAt: Date | null
}

/** Dead letters of a service, newest first (pending ones only unless `all`). */
export async function listDeadLetters(
  db: Kysely<any>,
  options: { all?: boolean } = {},
): Promise<DeadLetter[]> {
  let q = (db as Kysely<EventTables>).selectFrom('dead_letters').selectAll().orderBy('created_at', 'desc')
  if (!options.all) q = q.where('replayed_at', 'is', null)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    consumer: r.consumer,
    eventId: r.event_id,
    subject: r.subject,
    error: r.error,
    attempts: r.attempts,
    createdAt: r.created_at,
    replayCount: r.replay_count,
    replayedAt: r.replayed_at,
  }))
}

/**
 * Publishes a dead-lettered event again on its subject, with a fresh message id so that the
 * bus does not drop it as a duplicate. Consumers that already processed the event skip it
 * (their inbox knows its event id); the one that failed processes it.
 */
export async function replayDeadLetter(
  db: Kysely<any>,
  transport: EventTransport,
  id: string,
): Promise<DeadLetter> {
  const edb = db as Kysely<EventTables>
  const row = await edb.selectFrom('dead_letters').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new Error(`no dead letter ${id}`)
  const replayCount = row.replay_count + 1
  const [result] = await transport.publish([
    {
      subject: row.subject,
      msgId: `${row.event_id}:replay:${replayCount}`,
      data: JSON.stringify(row.envelope),
      headers: row.headers ?? {},
    },
  ])
  if (!result?.ok) throw (result as { error: Error } | undefined)?.error ?? new Error('replay failed')
  const updated = await edb
    .updateTable('dead_letters')
    .set({ replay_count: replayCount, replayed_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return {
    id: updated.id,
    consumer: updated.consumer,
    eventId: updated.event_id,
    subject: updated.subject,
    error: updated.error,
    attempts: updated.attempts,
    createdAt: updated.created_at,
    replayCount: updated.replay_count,
    replayedAt: updated.replayed_at,
  }
}
