/** What the relay and the consumers need from a message bus: JetStream, or the in-process bus. */
export interface OutgoingMessage {
  subject: string
  /** De-duplication id: the event id (JetStream `Nats-Msg-Id`). */
  msgId: string
  data: string
  headers: Record<string, string>
}

export interface IncomingMessage {
  subject: string
  data: string
  headers: Record<string, string>
  /** 1 on first delivery. */
  deliveryCount: number
  ack(): void
  /** Redeliver after `delayMs`. */
  nak(delayMs: number): void
  /** Never redeliver. */
  term(reason: string): void
  /** Still being processed: the bus must not redeliver it yet (JetStream `+WPI`). */
  working?(): void
}

export interface StreamSpec {
  name: string
  /** e.g. `osinum.identity.>` (already namespaced). */
  subjects: string[]
}

export interface ConsumerSpec {
  stream: string
  /** Durable name, no dots. */
  durable: string
  /** One subject (NATS 2.9 allows one filter per consumer). */
  filterSubject: string
  /** Server-side bound on deliveries (a little above the handler's own dead-letter bound). */
  maxDeliver: number
  ackWaitMs: number
  /** Most messages handed to the handler at once (default 1). Batches are handled one at a time, in order. */
  maxBatch?: number
  /**
   * How long a batch may wait to fill once its first message is there (default 0: the batch is
   * what has arrived while the previous one was being handled).
   */
  maxWaitMs?: number
}

export interface Subscription {
  stop(): Promise<void>
}

export interface EventTransport {
  readonly kind: 'nats' | 'memory'
  /** Whether the bus is reachable now (as last seen by the client; the `osinum_event_bus_connected` gauge). */
  readonly connected: boolean
  ensureStream(spec: StreamSpec): Promise<void>
  ensureConsumer(spec: ConsumerSpec): Promise<void>
  /** Publishes in order; resolves with one result per message (duplicate = already stored). */
  publish(
    messages: OutgoingMessage[],
  ): Promise<Array<{ ok: true; duplicate: boolean } | { ok: false; error: Error }>>
  /**
   * Delivers the consumer's messages in batches (stream order, one batch at a time); the handler
   * settles each message (ack, nak, term). A message left unsettled comes back after `ackWaitMs`.
   */
  consume(spec: ConsumerSpec, handler: (batch: IncomingMessage[]) => Promise<void>): Promise<Subscription>
  /** Messages the consumer has not processed yet, when known. */
  pending(spec: ConsumerSpec): Promise<number | undefined>
  /** Resolves when the bus answers. */
  ping(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/**
 * Subject layout. Contracts carry `osinum.<service>.<entity>.<verb>.v<N>`; a namespace (used
 * by tests to isolate runs on a shared server) is prepended to subjects and stream names.
 */
export class EventNaming {
  constructor(readonly namespace = '') {}
  subject(contractSubject: string): string {
    return this.namespace ? `${this.namespace}.${contractSubject}` : contractSubject
  }
  stream(service: string): string {
    const base = `OSINUM_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
    return this.namespace ? `${this.namespace.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${base}` : base
  }
  streamSubjects(service: string): string[] {
    return [this.subject(`osinum.${service}.>`)]
  }
  /** Durable consumer name: `<consuming service>-<name>`, without dots. */
  durable(consumerService: string, name: string): string {
    return `${consumerService}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_')
  }
}
