import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import type { EventContract, EventData, EventEnvelope, ServiceName } from '@osinum/contracts'
import { isDatabaseUnavailable } from '@osinum/db'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Registry } from 'prom-client'
import { Value } from 'typebox/value'
import { type JobContext, type JobOptions, JobRunner } from './jobs.js'
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
  /** Events processed at once (default 16); events of one aggregate are always processed in order. */
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
  relay?: Pick<RelayOptions, 'batchSize' | 'pollIntervalMs' | 'listen'>
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
    const opts = { maxAttempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000, concurrency: 16, ...options }
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
        ackWaitMs: 30_000,
        concurrency: opts.concurrency,
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

  private count(consumer: string, outcome: Outcome, n = 1): void {
    let c = this.counts.get(consumer)
    if (!c) this.counts.set(consumer, (c = { processed: 0, duplicate: 0, retried: 0, 'dead-lettered': 0 }))
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
      this.subscriptions.push(await transport.consume(r.spec, (m) => this.handle(r, m)))
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
          return rows.map((r) => ({ labels: { service, consumer: r.consumer }, value: Number(r.n) }))
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

  /** Per consumer and aggregate, the tail of the chain of events being processed. */
  private readonly chains = new Map<string, Promise<void>>()

  private handle(r: Registration, m: IncomingMessage): Promise<void> {
    let key = `${r.spec.durable}:`
    try {
      key += String((JSON.parse(m.data) as { aggregateId?: unknown }).aggregateId ?? '')
    } catch {
      // unreadable: dead-lettered by process()
    }
    const previous = this.chains.get(key) ?? Promise.resolve()
    const current = previous.catch(() => {}).then(() => this.traced(r, m))
    this.chains.set(key, current)
    return current.finally(() => {
      if (this.chains.get(key) === current) this.chains.delete(key)
    })
  }

  private async traced(r: Registration, m: IncomingMessage): Promise<void> {
    const parent = contextFromHeaders(m.headers)
    await tracer.startActiveSpan(
      `${r.contract.type} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': this.options.transport.kind === 'nats' ? 'nats' : 'in-process',
          'messaging.destination.name': m.subject,
          'messaging.consumer.group.name': r.spec.durable,
          'messaging.message.delivery_count': m.deliveryCount,
        },
      },
      parent,
      (span) => this.process(r, m, span).finally(() => span.end()),
    )
  }

  private async process(r: Registration, m: IncomingMessage, span: Span): Promise<void> {
    const log = this.options.logger
    const consumer = r.spec.durable
    let envelope: EventEnvelope<unknown>
    try {
      envelope = JSON.parse(m.data) as EventEnvelope<unknown>
      if (typeof envelope?.id !== 'string' || !Value.Check(r.contract.data, envelope.data)) {
        const first =
          envelope?.data === undefined ? undefined : [...Value.Errors(r.contract.data, envelope.data)][0]
        throw new PoisonEventError(
          `payload does not match ${r.contract.subject}${first ? `: ${first.instancePath} ${first.message}` : ''}`,
        )
      }
    } catch (error) {
      const poison =
        error instanceof PoisonEventError ? error : new PoisonEventError(`unreadable event: ${String(error)}`)
      await this.deadLetter(r, m, undefined, poison, m.deliveryCount)
      m.term(poison.message)
      span.setStatus({ code: SpanStatusCode.ERROR, message: poison.message })
      this.count(consumer, 'dead-lettered')
      return
    }
    span.setAttribute('messaging.message.id', envelope.id)
    try {
      const attempt = () =>
        (this.options.db as Kysely<EventTables>).transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('inbox')
            .values({ consumer, event_id: envelope.id })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst()
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate' as const
          await r.handler({ trx, event: envelope, deliveryCount: m.deliveryCount, log })
          return 'processed' as const
        })
      const outcome = await this.whileDatabaseUnavailable(attempt, m, consumer, envelope.id)
      m.ack()
      this.count(consumer, outcome)
      if (outcome === 'processed')
        this.metrics?.latency.observe(
          { consumer },
          Math.max(0, (Date.now() - Date.parse(envelope.time)) / 1000),
        )
    } catch (error) {
      span.recordException(error as Error)
      span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error).message) })
      if (error instanceof PoisonEventError || m.deliveryCount >= r.options.maxAttempts) {
        try {
          await this.deadLetter(r, m, envelope, error as Error, m.deliveryCount)
          m.term(String((error as Error).message))
          this.count(consumer, 'dead-lettered')
          log.error(
            { err: error, consumer, eventId: envelope.id, attempts: m.deliveryCount },
            'event dead-lettered',
          )
        } catch (dlError) {
          // Could not even record it (database down): let the bus redeliver later.
          m.nak(r.options.maxBackoffMs)
          log.error(
            { err: dlError, consumer, eventId: envelope.id },
            'could not dead-letter event, will retry',
          )
        }
        return
      }
      const delay = Math.min(r.options.maxBackoffMs, r.options.backoffMs * 2 ** (m.deliveryCount - 1))
      m.nak(delay)
      this.count(consumer, 'retried')
      log.warn(
        { err: error, consumer, eventId: envelope.id, attempt: m.deliveryCount, retryInMs: delay },
        'event handler failed',
      )
    }
  }

  /**
   * Runs `attempt`, and while it fails because the database cannot be reached, waits (back-off up
   * to 5 s) and runs it again, keeping the message in progress: an outage is nobody's fault and
   * must not use up the event's attempts (five quick failures during a 10 s restart would
   * dead-letter it). Other errors, and a stop, go to the normal retry path.
   */
  private async whileDatabaseUnavailable<T>(
    attempt: () => Promise<T>,
    m: IncomingMessage,
    consumer: string,
    eventId: string,
  ): Promise<T> {
    let wait = 250
    for (;;) {
      try {
        return await attempt()
      } catch (error) {
        if (this.stopping || !isDatabaseUnavailable(error)) throw error
        if (wait === 250)
          this.options.logger.warn(
            { err: error, consumer, eventId },
            'database unavailable: holding the event until it returns',
          )
        m.working?.()
        await new Promise((resolve) => setTimeout(resolve, wait))
        wait = Math.min(5_000, wait * 2)
      }
    }
  }

  private async deadLetter(
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
    await (this.options.db as Kysely<EventTables>)
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
