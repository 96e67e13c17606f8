import { type DatabaseHandle, migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import { uniqueName } from '@osinum/testing'
import { type Kysely, sql } from 'kysely'
import { MemoryTransport } from '../memory-transport.js'
import { NatsTransport } from '../nats-transport.js'
import { type ConsumerOptions, type ConsumerOutcomes, ServiceEvents } from '../service-events.js'
import { eventTablesMigration } from '../tables.js'
import { type ConsumerSpec, EventNaming, type EventTransport } from '../transport.js'
import { consumeProbes, Probe, type ProbeFailure, replaceAcks, silentLogger } from './probe.js'

export { Probe, silentLogger } from './probe.js'

export interface Rig {
  root: DatabaseHandle
  transport: EventTransport
  naming: EventNaming
  producerSchema: string
  consumerSchema: string
  producerDb: Kysely<any>
  consumerDb: Kysely<any>
  producer: ServiceEvents
  consumer: ServiceEvents
  /** The consumer's subscription (for `transport.pending`). */
  spec: ConsumerSpec
  /** What the consumer did with its deliveries so far. */
  outcomes(): ConsumerOutcomes
  /** Side effects the consumer wrote, in commit order. */
  effects(): Promise<Array<{ event_id: string; aggregate: string; n: number }>>
  close(): Promise<void>
}

export interface RigOptions {
  databaseUrl: string
  transport: () => Promise<EventTransport>
  /** Decides whether the handler fails for this payload. */
  fail?: ProbeFailure
  maxAttempts?: number
  /** The consumer's batch size, ack wait… */
  consumer?: ConsumerOptions
  /** `false`: the consumer is started later by the test (`rig.consumer.start()`). */
  startConsumer?: boolean
  pollIntervalMs?: number
  /** The producer's relay listens for commits (as in the services); its poll is then 1 min. */
  listen?: boolean
}

/** Two services' schemas, an outbox relay on one, an idempotent consumer on the other. */
export async function createRig(options: RigOptions): Promise<Rig> {
  const root = openDatabase({ url: options.databaseUrl, poolSize: 6, applicationName: uniqueName('rig') })
  const producerSchema = uniqueName('evp')
  const consumerSchema = uniqueName('evc')
  await migrateSchema(root.db, producerSchema, (s) => ({ '0000_events': eventTablesMigration(s) }))
  await migrateSchema(root.db, consumerSchema, (s) => ({
    '0000_events': eventTablesMigration(s),
    '0001_effects': {
      async up(db) {
        await db.schema
          .createTable('effects')
          .addColumn('id', 'serial', (c) => c.primaryKey())
          .addColumn('event_id', 'uuid', (c) => c.notNull())
          .addColumn('aggregate', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .execute()
      },
    },
  }))
  const transport = await options.transport()
  const naming = new EventNaming(uniqueName('t'))
  const producerDb = schemaDb<any>(root.db, producerSchema)
  const consumerDb = schemaDb<any>(root.db, consumerSchema)
  const producer = new ServiceEvents({
    service: 'catalogue',
    db: producerDb,
    schema: producerSchema,
    transport,
    naming,
    logger: silentLogger,
    relay: options.listen
      ? { listen: root.listen, pollIntervalMs: 60_000 }
      : { pollIntervalMs: options.pollIntervalMs ?? 20 },
  })
  const consumer = new ServiceEvents({
    service: 'notifications',
    db: consumerDb,
    schema: consumerSchema,
    transport,
    naming,
    logger: silentLogger,
  })
  consumeProbes(consumer, options.fail, { maxAttempts: options.maxAttempts ?? 3, ...options.consumer })
  await producer.start()
  if (options.startConsumer !== false) await consumer.start()
  return {
    root,
    transport,
    naming,
    producerSchema,
    consumerSchema,
    producerDb,
    consumerDb,
    producer,
    consumer,
    spec: {
      stream: naming.stream('catalogue'),
      durable: naming.durable('notifications', 'probe'),
      filterSubject: naming.subject(Probe.subject),
      maxDeliver: 0,
      ackWaitMs: 0,
    },
    outcomes: () => consumer.outcomes('probe'),
    effects: () =>
      consumerDb
        .selectFrom('effects')
        .select(['event_id', 'aggregate', 'n'])
        .orderBy('id')
        .execute() as never,
    async close() {
      await consumer.stop()
      await producer.stop()
      await transport.close()
      for (const s of [producerSchema, consumerSchema])
        await sql`drop schema if exists ${sql.id(s)} cascade`.execute(root.db).catch(() => {})
      await root.close()
    },
  }
}

export const transports = {
  nats: (url: string) => () => NatsTransport.connect({ url, publishTimeoutMs: 1_000 }),
  memory: () => async () => new MemoryTransport(),
}

export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await check().catch(() => undefined)
    if (v) return v
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * The transport with the first ack of each message lost (as when a consumer dies between its
 * commit and its ack): the bus delivers the message again, with the same event id.
 */
export const loseFirstAck = (transport: EventTransport) =>
  replaceAcks(transport, (m) => (m.deliveryCount > 1 ? undefined : () => m.nak(10)))

/** Wakes the producer's relay and waits until every outbox row is published. */
export async function relayAll(r: Rig) {
  r.producer.relay.wake()
  await eventually(async () => {
    const left = await r.producerDb
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow()
    return Number(left.n) === 0
  })
}
