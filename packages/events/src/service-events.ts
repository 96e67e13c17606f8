import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import type { EventContract, EventData, EventEnvelope, ServiceName } from '@osinum/contracts'
import { isDatabaseUnavailable } from '@osinum/db'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Registry } from 'prom-client'
import { Value } from 'typebox/value'
import { type JobContext, type JobOptions, JobRunner, type JobTables } from './jobs.js'
import { type EventMetrics, eventMetrics } from './metrics.js'
import { OutboxRelay, type RelayOptions } from './relay.js'
import { answer, RequestFailedError, requestSubject, supportsRequests, unwrap } from './request-reply.js'
import type { EventTables } from './tables.js'
import { contextFromHeaders } from './trace.js'
import type { ConsumerSpec, EventNaming, EventTransport, IncomingMessage, Subscription } from './transport.js'
import type { EventLogger } from './types.js'

export interface HandlerContext<D> {
  /** The service's transaction: side effects written here commit with the inbox record. */
  trx: Transaction<any>
  event: EventEnvelope<D>
  deliveryCount: number
  log: EventLogger
}

export interface ConsumerOptions {
  /** Deliveries before the event is dead-lettered (default 5). */
  maxAttempts?: number
  /**
   * Most events committed in one transaction (default 500): the consumer takes what the bus has
   * delivered, up to this, and commits it at once (one fsync for all).
   */
  batchSize?: number
  /** How long a batch may wait to fill once its first event is there (default 0 ms). */
  batchWaitMs?: number
  /** How long the bus waits for an ack before delivering again (default 30 s). */
  ackWaitMs?: number
  /**
   * Transactions at once (default 4): each batch is split into lanes by aggregate, one transaction
   * per lane; an aggregate always falls in the same lane, so its events stay in order.
   */
  concurrency?: number
  /** First redelivery delay; doubles each attempt up to `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
}

interface Registration {
  contract: EventContract
  name: string
  handler: (ctx: HandlerContext<any>) => Promise<void>
  options: Required<ConsumerOptions>
  spec: ConsumerSpec
}

/** The aggregate id of a delivery ('' when unreadable: dead-lettered anyway). */
function aggregateOf(m: IncomingMessage): string {
  try {
    return String((JSON.parse(m.data) as { aggregateId?: unknown }).aggregateId ?? '')
  } catch {
    return ''
  }
}

/** A small stable string hash (FNV-1a), to spread aggregates over lanes. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Thrown by a handler for an event that can never succeed: dead-lettered at once. */
export class PoisonEventError extends Error {}

/** What a consumer did with the deliveries it received (the `osinum_events_consumed_total` outcomes). */
export interface ConsumerOutcomes {
  processed: number
  duplicate: number
  retried: number
  'dead-lettered': number
}
type Outcome = keyof ConsumerOutcomes

export interface ServiceEventsOptions {
  service: ServiceName
  /** The service's schema-bound Kysely. */
  db: Kysely<any>
  schema: string
  transport: EventTransport
  naming: EventNaming
  logger: EventLogger
  registry?: Registry
  relay?: Pick<RelayOptions, 'batchSize' | 'pollIntervalMs' | 'listen' | 'retentionMs'>
}

const tracer = trace.getTracer('@osinum/events')

/**
 * A service's side of the event bus: its outbox relay, its idempotent consumers and its
 * dead letters. Handlers run in a transaction together with the inbox record of the event id,
 * then the message is acked: a redelivered or re-published event never runs a side effect twice.
 */
export class ServiceEvents {
  readonly relay: OutboxRelay
  /** The service's durable jobs (`job()`, `enqueueJob`). */
  readonly jobs: JobRunner
  private readonly registrations: Registration[] = []
  private subscriptions: Subscription[] = []
  private readonly metrics: EventMetrics | undefined
  private readonly counts = new Map<string, ConsumerOutcomes>()
  private readonly detach: Array<() => void> = []
  private started = false
  private stopping = false

  constructor(private readonly options: ServiceEventsOptions) {
    this.metrics = options.registry ? eventMetrics(options.registry) : undefined
    this.relay = new OutboxRelay({
      db: options.db,
      schema: options.schema,
      transport: options.transport,
      naming: options.naming,
      logger: options.logger,
      ...options.relay,
      onPublished: (n) => this.metrics?.published.inc({ service: options.service }, n),
    })
    this.jobs = new JobRunner({
      db: options.db,
      schema: options.schema,
      logger: options.logger,
      listen: options.relay?.listen,
      pollIntervalMs: options.relay?.pollIntervalMs,
    })
  }

  /**
   * Declares a durable job of this service: `enqueueJob(trx, kind, payload)` records one in a
   * transaction (a route answering 202 commits it first); the handler runs in its own
   * transaction, retried with back-off, exactly once. Needs `jobTablesMigration` in the schema.
   */
  job<P>(kind: string, handler: (ctx: JobContext<P>) => Promise<void>, options?: JobOptions): void {
    this.jobs.define(kind, handler, options)
  }

  get service(): ServiceName {
    return this.options.service
  }

  /** Registers a durable consumer `<service>-<name>` for one event contract. */
  on<E extends EventContract>(
    contract: E,
    name: string,
    handler: (ctx: HandlerContext<EventData<E>>) => Promise<void>,
    options: ConsumerOptions = {},
  ): void {
    if (this.started) throw new Error('register consumers before start()')
    const opts = {
      maxAttempts: 5,
      backoffMs: 1_000,
      maxBackoffMs: 60_000,
      batchSize: 500,
      batchWaitMs: 0,
      ackWaitMs: 30_000,
      concurrency: 4,
      // An option given as undefined keeps its default.
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    }
    const { naming } = this.options
    this.registrations.push({
      contract,
      name,
      handler,
      options: opts,
      spec: {
        stream: naming.stream(contract.service),
        durable: naming.durable(this.options.service, name),
        filterSubject: naming.subject(contract.subject),
        // The server bound sits above ours so that our dead-letter step always runs first.
        maxDeliver: opts.maxAttempts + 2,
        ackWaitMs: opts.ackWaitMs,
        maxBatch: opts.batchSize,
        maxWaitMs: opts.batchWaitMs,
      },
    })
  }

  /**
   * How many deliveries consumer `name` has handled since start, by outcome: evidence that a
   * delivery reached the consumer (tests wait for a duplicate to be counted before asserting that
   * it had no second effect).
   */
  outcomes(name: string): ConsumerOutcomes {
    const durable = this.options.naming.durable(this.options.service, name)
    return { processed: 0, duplicate: 0, retried: 0, 'dead-lettered': 0, ...this.counts.get(durable) }
  }

  /**
   * Whether nothing is left to do: every committed event published, every delivery to this
   * service's consumers handled (none pending, none in progress) and no job due. Tests wait for it
   * before asserting that something did *not* happen (a second email, a late effect).
   */
  async settled(): Promise<boolean> {
    if (this.inProgress > 0) return false
    const db = this.options.db as Kysely<EventTables & JobTables>
    const backlog = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(backlog.n) > 0) return false
    if (this.jobs.defined) {
      const due = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('failed_at', 'is', null)
        .where('run_at', '<=', sql<Date>`now()`)
        .executeTakeFirstOrThrow()
      if (Number(due.n) > 0) return false
    }
    for (const r of this.registrations)
      if (((await this.options.transport.pending(r.spec)) ?? 0) > 0) return false
    return this.inProgress === 0
  }

  /** Deliveries being handled now. */
  private inProgress = 0

  private count(consumer: string, outcome: Outcome, n = 1): void {
    const c = this.counts.get(consumer) ?? { processed: 0, duplicate: 0, retried: 0, 'dead-lettered': 0 }
    this.counts.set(consumer, c)
    c[outcome] += n
    this.metrics?.consumed.inc({ consumer, outcome }, n)
  }

  /** Provisions streams and consumers (idempotent), then starts the relay and consumers. */
  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    const { transport, naming, service } = this.options
    const streams = new Set([service, ...this.registrations.map((r) => r.contract.service)])
    for (const s of streams)
      await transport.ensureStream({ name: naming.stream(s), subjects: naming.streamSubjects(s) })
    for (const r of this.registrations) await transport.ensureConsumer(r.spec)
    for (const r of this.registrations)
      this.subscriptions.push(await transport.consume(r.spec, (batch) => this.handle(r, batch)))
    this.relay.start()
    this.jobs.start()
    if (this.metrics) {
      const db = this.options.db as Kysely<EventTables>
      this.detach.push(
        this.metrics.addSource('backlog', async () => {
          const row = await db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('published_at', 'is', null)
            .executeTakeFirstOrThrow()
          return [{ labels: { service }, value: Number(row.n) }]
        }),
        this.metrics.addSource('deadLetters', async () => {
          const rows = await db
            .selectFrom('dead_letters')
            .select(['consumer', (eb) => eb.fn.countAll<number>().as('n')])
            .where('replayed_at', 'is', null)
            .groupBy('consumer')
            .execute()
          // Every consumer has a series, 0 while nothing waits (a panel shows 0, not "No data").
          const counts = new Map(this.registrations.map((r) => [r.spec.durable, 0]))
          for (const r of rows) counts.set(r.consumer, Number(r.n))
          return [...counts].map(([consumer, value]) => ({ labels: { service, consumer }, value }))
        }),
        this.metrics.addSource('lag', async () => {
          const out = []
          for (const r of this.registrations) {
            const n = await transport.pending(r.spec)
            if (n !== undefined) out.push({ labels: { consumer: r.spec.durable }, value: n })
          }
          return out
        }),
      )
    }
  }

  /** Responders registered by `respond` (request-reply.ts), stopped with the service. */
  private readonly responders: Subscription[] = []

  /**
   * Answers requests addressed to this service on `topic` (core NATS or in-process, never stored):
   * for answers that must not be kept by the bus, e.g. personal data for a GDPR export.
   */
  async respond(topic: string, handler: (data: unknown) => Promise<unknown>): Promise<void> {
    const { transport, naming, service } = this.options
    if (!supportsRequests(transport)) throw new RequestFailedError(topic, 'unsupported')
    this.responders.push(
      await transport.respond(requestSubject(naming, service, topic), `${service}-${topic}`, (raw) =>
        answer(() => handler(JSON.parse(raw))),
      ),
    )
  }

  /** Asks `service` on `topic` and waits at most `timeoutMs`; RequestFailedError otherwise. */
  async request<T>(service: ServiceName, topic: string, data: unknown, timeoutMs = 5_000): Promise<T> {
    const { transport, naming } = this.options
    const subject = requestSubject(naming, service, topic)
    if (!supportsRequests(transport)) throw new RequestFailedError(subject, 'unsupported')
    return unwrap<T>(subject, await transport.request(subject, JSON.stringify(data), timeoutMs))
  }

  async stop(): Promise<void> {
    this.stopping = true
    for (const r of this.responders.splice(0)) await r.stop()
    for (const d of this.detach.splice(0)) d()
    await this.relay.stop()
    await this.jobs.stop()
    await Promise.all(this.subscriptions.map((s) => s.stop()))
    this.subscriptions = []
    this.started = false
    this.stopping = false
  }

  private async handle(r: Registration, batch: IncomingMessage[]): Promise<void> {
    this.inProgress += batch.length
    try {
      // Lanes: the batch split by aggregate, one transaction each, committed side by side; each
      // aggregate's events stay in one lane, in delivery order.
      const lanes = new Map<number, IncomingMessage[]>()
      for (const m of batch) {
        const lane = r.options.concurrency > 1 ? hash(aggregateOf(m)) % r.options.concurrency : 0
        lanes.set(lane, [...(lanes.get(lane) ?? []), m])
      }
      await Promise.all([...lanes.values()].map((part) => this.processBatch(r, part)))
    } finally {
      this.inProgress -= batch.length
    }
  }

  /**
   * One batch, one transaction. The common case: the inbox rows of all its events in one
   * statement, then each new event's handler. If a handler fails, that transaction is rolled back
   * and the batch runs again with a savepoint per event (inbox row and side effects): the failing
   * event is rolled back alone (retried later, or dead-lettered in the same transaction at its
   * last attempt) while the others commit. Acks and naks go after the commit. Events are applied
   * in delivery order, so each aggregate's order is kept.
   */
  private async processBatch(r: Registration, batch: IncomingMessage[]): Promise<void> {
    const log = this.options.logger
    const consumer = r.spec.durable
    const items = batch.map((m) => ({ m, ...this.parse(r, m) }))
    type Verdict = { outcome: Outcome; error?: Error }
    const db = this.options.db as Kysely<EventTables>
    // safe: a savepoint per event (inbox row and side effects); otherwise one inbox statement.
    const run = (safe: boolean) =>
      db.transaction().execute(async (trx) => {
        const verdicts: Verdict[] = []
        const ids = items.flatMap((i) => (i.envelope ? [i.envelope.id] : []))
        const fresh =
          safe || ids.length === 0
            ? undefined
            : new Set(
                (
                  await trx
                    .insertInto('inbox')
                    .values(ids.map((event_id) => ({ consumer, event_id })))
                    .onConflict((oc) => oc.doNothing())
                    .returning('event_id')
                    .execute()
                ).map((row) => row.event_id.toLowerCase()),
              )
        for (const item of items) {
          const { m, envelope } = item
          if (!envelope) {
            await this.deadLetter(trx, r, m, undefined, item.poison, m.deliveryCount)
            verdicts.push({ outcome: 'dead-lettered', error: item.poison })
            continue
          }
          // A second copy of an event in the same batch is a duplicate too.
          if (!safe && !fresh?.delete(envelope.id.toLowerCase())) {
            verdicts.push({ outcome: 'duplicate' })
            continue
          }
          verdicts.push(
            await this.traced(r, m, envelope, async () => {
              if (safe) return this.applyOne(trx, r, m, envelope)
              await r.handler({ trx, event: envelope, deliveryCount: m.deliveryCount, log })
              return { outcome: 'processed' as const }
            }),
          )
        }
        return verdicts
      })
    const attempt = async () => {
      try {
        return await run(false)
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error
        return await run(true)
      }
    }
    let verdicts: Verdict[]
    try {
      verdicts = await this.whileDatabaseUnavailable(attempt, batch, consumer)
    } catch (error) {
      // The transaction itself failed (not an event's handler): every event is tried again.
      for (const { m } of items) {
        m.nak(this.backoff(r, m))
        this.count(consumer, 'retried')
      }
      log.warn({ err: error, consumer, events: items.length }, 'event batch failed, will retry')
      return
    }
    const now = Date.now()
    verdicts.forEach((v, i) => {
      const { m, envelope } = items[i]!
      const eventId = envelope?.id
      if (v.outcome === 'processed' || v.outcome === 'duplicate') {
        m.ack()
        if (v.outcome === 'processed' && envelope)
          this.metrics?.latency.observe({ consumer }, Math.max(0, (now - Date.parse(envelope.time)) / 1000))
      } else if (v.outcome === 'dead-lettered') {
        m.term(String(v.error?.message))
        log.error({ err: v.error, consumer, eventId, attempts: m.deliveryCount }, 'event dead-lettered')
      } else {
        const delay = this.backoff(r, m)
        m.nak(delay)
        log.warn(
          { err: v.error, consumer, eventId, attempt: m.deliveryCount, retryInMs: delay },
          'event handler failed',
        )
      }
      this.count(consumer, v.outcome)
    })
  }

  private backoff(r: Registration, m: IncomingMessage): number {
    return Math.min(r.options.maxBackoffMs, r.options.backoffMs * 2 ** (m.deliveryCount - 1))
  }

  /** The envelope of a delivery, or why it can never be processed. */
  private parse(
    r: Registration,
    m: IncomingMessage,
  ): { envelope: EventEnvelope<unknown>; poison?: undefined } | { envelope?: undefined; poison: Error } {
    try {
      const envelope = JSON.parse(m.data) as EventEnvelope<unknown>
      if (typeof envelope?.id === 'string' && Value.Check(r.contract.data, envelope.data)) return { envelope }
      const first =
        envelope?.data === undefined ? undefined : [...Value.Errors(r.contract.data, envelope.data)][0]
      return {
        poison: new PoisonEventError(
          `payload does not match ${r.contract.subject}${first ? `: ${first.instancePath} ${first.message}` : ''}`,
        ),
      }
    } catch (error) {
      return { poison: new PoisonEventError(`unreadable event: ${String(error)}`) }
    }
  }

  /** One event inside the batch's transaction, in its own savepoint. */
  private async applyOne(
    trx: Transaction<EventTables>,
    r: Registration,
    m: IncomingMessage,
    envelope: EventEnvelope<unknown>,
  ) {
    await sql`savepoint osinum_event`.execute(trx)
    try {
      const inserted = await trx
        .insertInto('inbox')
        .values({ consumer: r.spec.durable, event_id: envelope.id })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        await sql`release savepoint osinum_event`.execute(trx)
        return { outcome: 'duplicate' as const }
      }
      await r.handler({ trx, event: envelope, deliveryCount: m.deliveryCount, log: this.options.logger })
      await sql`release savepoint osinum_event`.execute(trx)
      return { outcome: 'processed' as const }
    } catch (error) {
      // The whole batch waits for the database to come back (no attempt used up).
      if (isDatabaseUnavailable(error)) throw error
      await sql`rollback to savepoint osinum_event`.execute(trx)
      const err = error instanceof Error ? error : new Error(String(error))
      if (error instanceof PoisonEventError || m.deliveryCount >= r.options.maxAttempts) {
        await this.deadLetter(trx, r, m, envelope, err, m.deliveryCount)
        return { outcome: 'dead-lettered' as const, error: err }
      }
      return { outcome: 'retried' as const, error: err }
    }
  }

  /** Runs one event's part of the batch in a consumer span, child of the producer's trace. */
  private traced<T extends { outcome: string; error?: Error }>(
    r: Registration,
    m: IncomingMessage,
    envelope: EventEnvelope<unknown>,
    run: () => Promise<T>,
  ): Promise<T> {
    return tracer.startActiveSpan(
      `${r.contract.type} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': this.options.transport.kind === 'nats' ? 'nats' : 'in-process',
          'messaging.destination.name': m.subject,
          'messaging.consumer.group.name': r.spec.durable,
          'messaging.message.delivery_count': m.deliveryCount,
          'messaging.message.id': envelope.id,
        },
      },
      contextFromHeaders(m.headers),
      async (span: Span) => {
        try {
          const result = await run()
          if (result.error) {
            span.recordException(result.error)
            span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.message })
          }
          return result
        } catch (error) {
          span.recordException(error as Error)
          throw error
        } finally {
          span.end()
        }
      },
    )
  }

  /**
   * Runs `attempt`, and while it fails because the database cannot be reached, waits (back-off up
   * to 5 s) and runs it again, keeping the messages in progress: an outage is nobody's fault and
   * must not use up the events' attempts (five quick failures during a 10 s restart would
   * dead-letter them). Other errors, and a stop, go to the normal retry path.
   */
  private async whileDatabaseUnavailable<T>(
    attempt: () => Promise<T>,
    batch: IncomingMessage[],
    consumer: string,
  ): Promise<T> {
    let wait = 250
    for (;;) {
      try {
        return await attempt()
      } catch (error) {
        if (this.stopping || !isDatabaseUnavailable(error)) throw error
        if (wait === 250)
          this.options.logger.warn(
            { err: error, consumer, events: batch.length },
            'database unavailable: holding the events until it returns',
          )
        for (const m of batch) m.working?.()
        await new Promise((resolve) => setTimeout(resolve, wait))
        wait = Math.min(5_000, wait * 2)
      }
    }
  }

  private async deadLetter(
    db: Kysely<EventTables>,
    r: Registration,
    m: IncomingMessage,
    envelope: EventEnvelope<unknown> | undefined,
    error: Error,
    attempts: number,
  ): Promise<void> {
    const eventId = envelope?.id ?? m.headers['Nats-Msg-Id'] ?? '00000000-0000-0000-0000-000000000000'
    let stored: unknown
    try {
      stored = envelope ?? JSON.parse(m.data)
    } catch {
      stored = { raw: m.data }
    }
    await db
      .insertInto('dead_letters')
      .values({
        consumer: r.spec.durable,
        event_id: eventId,
        subject: m.subject,
        envelope: JSON.stringify(stored),
        headers: JSON.stringify(m.headers) as unknown as Record<string, string>,
        error: String(error.message).slice(0, 2_000),
        attempts,
        replayed_at: null,
      })
      .onConflict((oc) =>
        oc.columns(['consumer', 'event_id']).doUpdateSet({
          error: String(error.message).slice(0, 2_000),
          attempts,
          replayed_at: null,
          created_at: sql`now()`,
        }),
      )
      .execute()
  }
}
