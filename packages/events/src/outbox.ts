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
  const [envelope] = await recordEvents(trx, contract, [{ aggregateId, data }], options)
  return envelope!
}

/** Rows of one insert: 6 parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1_000

/**
 * Records many events of one contract in the caller's transaction, in this order, with one insert
 * per thousand events instead of one per event: for the fan-outs (a notice to every registrant, an
 * import, a reminder run) whose events would otherwise cost a round trip each. Same contract check
 * and same guarantees as `recordEvent`; an empty list records nothing.
 */
export async function recordEvents<E extends EventContract>(
  trx: Kysely<any> | Transaction<any>,
  contract: E,
  events: ReadonlyArray<{ aggregateId: string; data: EventData<E> }>,
  options: { source?: string } = {},
): Promise<Array<EventEnvelope<EventData<E>>>> {
  for (const { data } of events)
    if (!Value.Check(contract.data, data)) {
      const first = [...Value.Errors(contract.data, data)][0]
      throw new TypeError(
        `event ${contract.subject} does not match its contract${first ? `: ${first.instancePath} ${first.message}` : ''}`,
      )
    }
  const headers = JSON.stringify(currentTraceHeaders()) as unknown as Record<string, string>
  const time = new Date().toISOString()
  const envelopes: Array<EventEnvelope<EventData<E>>> = events.map(({ aggregateId, data }) => ({
    id: uuidv7(),
    type: contract.type,
    version: contract.version,
    time,
    source: options.source ?? contract.service,
    aggregateId,
    data,
  }))
  for (let i = 0; i < envelopes.length; i += ROWS_PER_INSERT)
    await (trx as Kysely<EventTables>)
      .insertInto('outbox')
      .values(
        envelopes.slice(i, i + ROWS_PER_INSERT).map((envelope) => ({
          id: envelope.id,
          subject: contract.subject,
          aggregate_id: envelope.aggregateId,
          envelope: JSON.stringify(envelope),
          headers,
          published_at: null,
        })),
      )
      // Tells the relays listening on this database, at commit (never for a rolled-back
      // transaction), which outbox has new rows; identical notifications of a transaction merge.
      .returning(sql<void>`pg_notify(${OUTBOX_CHANNEL}, tableoid::regclass::text)`.as('notified'))
      .execute()
  return envelopes
}
