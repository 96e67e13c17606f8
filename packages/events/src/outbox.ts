import type { EventContract, EventData, EventEnvelope } from '@osinum/contracts'
import { type Kysely, sql, type Transaction } from 'kysely'
import { Value } from 'typebox/value'
import { v7 as uuidv7 } from 'uuid'
import { OUTBOX_CHANNEL } from './relay.js'
import type { EventTables } from './tables.js'
import { currentTraceHeaders } from './trace.js'

/**
 * Records an event in the caller's transaction (transactional outbox). Nothing is sent now: the
 * relay publishes committed rows; a rolled-back transaction leaves no event behind.
 * `trx` must be the service's schema-bound Kysely (or a transaction of it).
 */
export async function recordEvent<E extends EventContract>(
  trx: Kysely<any> | Transaction<any>,
  contract: E,
  aggregateId: string,
  data: EventData<E>,
  options: { source?: string } = {},
): Promise<EventEnvelope<EventData<E>>> {
  if (!Value.Check(contract.data, data)) {
    const first = [...Value.Errors(contract.data, data)][0]
    throw new TypeError(
      `event ${contract.subject} does not match its contract${first ? `: ${first.instancePath} ${first.message}` : ''}`,
    )
  }
  const envelope: EventEnvelope<EventData<E>> = {
    id: uuidv7(),
    type: contract.type,
    version: contract.version,
    time: new Date().toISOString(),
    source: options.source ?? contract.service,
    aggregateId,
    data,
  }
  await (trx as Kysely<EventTables>)
    .insertInto('outbox')
    .values({
      id: envelope.id,
      subject: contract.subject,
      aggregate_id: aggregateId,
      envelope: JSON.stringify(envelope),
      headers: JSON.stringify(currentTraceHeaders()) as unknown as Record<string, string>,
      published_at: null,
    })
    // Tells the relays listening on this database, at commit (never for a rolled-back
    // transaction), which outbox has new rows; identical notifications of a transaction merge.
    .returning(sql<void>`pg_notify(${OUTBOX_CHANNEL}, tableoid::regclass::text)`.as('notified'))
    .execute()
  return envelope
}
