import { RequestFailedError, type RequestReplyTransport } from './request-reply.js'
import type {
  ConsumerSpec,
  EventTransport,
  IncomingMessage,
  OutgoingMessage,
  StreamSpec,
  Subscription,
} from './transport.js'

interface Stored {
  seq: number
  subject: string
  data: string
  headers: Record<string, string>
}

interface MemoryConsumer {
  spec: ConsumerSpec
  queue: Array<{ message: Stored; deliveries: number }>
  handler?: (batch: IncomingMessage[]) => Promise<void>
  running: boolean
  timers: Set<NodeJS.Timeout>
}

/** `a.b.>` / `a.*.c` subject matching, as NATS does. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.')
  const s = subject.split('.')
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i
    if (i >= s.length) return false
    if (p[i] !== '*' && p[i] !== s[i]) return false
  }
  return p.length === s.length
}

/**
 * The in-process bus of the embedded mode, with JetStream's semantics where the platform relies
 * on them: streams that keep messages for consumers created later, de-duplication by msgId,
 * durable consumers with explicit ack, delayed nak, term and a max-deliver bound.
 * It keeps messages in memory only: the outbox is the durable record.
 */
export class MemoryTransport implements EventTransport, RequestReplyTransport {
  readonly kind = 'memory' as const
  private readonly streams = new Map<
    string,
    { spec: StreamSpec; messages: Stored[]; seen: Map<string, number> }
  >()
  private readonly consumers = new Map<string, MemoryConsumer>()
  private seq = 0
  private closed = false
  /** Responders by subject (one queue group each: requests go round-robin among them). */
  private readonly responders = new Map<string, Array<(data: string) => Promise<string>>>()
  private turn = 0

  get connected(): boolean {
    return !this.closed
  }

  constructor(private readonly options: { retainPerStream?: number; duplicateWindowMs?: number } = {}) {}

  async ensureStream(spec: StreamSpec): Promise<void> {
    const existing = this.streams.get(spec.name)
    if (existing) existing.spec = spec
    else this.streams.set(spec.name, { spec, messages: [], seen: new Map() })
  }

  async ensureConsumer(spec: ConsumerSpec): Promise<void> {
    const key = `${spec.stream}/${spec.durable}`
    const existing = this.consumers.get(key)
    if (existing) {
      existing.spec = spec
      return
    }
    const stream = this.streams.get(spec.stream)
    if (!stream) throw new Error(`stream ${spec.stream} not found`)
    const queue = stream.messages
      .filter((m) => subjectMatches(spec.filterSubject, m.subject))
      .map((message) => ({ message, deliveries: 0 }))
    this.consumers.set(key, { spec, queue, running: false, timers: new Set() })
  }

  async publish(messages: OutgoingMessage[]) {
    return messages.map((m) => {
      if (this.closed) return { ok: false as const, error: new Error('transport closed') }
      const stream = [...this.streams.values()].find((s) =>
        s.spec.subjects.some((p) => subjectMatches(p, m.subject)),
      )
      if (!stream) return { ok: false as const, error: new Error(`no stream for subject ${m.subject}`) }
      const now = Date.now()
      const window = this.options.duplicateWindowMs ?? 10 * 60_000
      const seenAt = stream.seen.get(m.msgId)
      if (seenAt !== undefined && now - seenAt < window) return { ok: true as const, duplicate: true }
      stream.seen.set(m.msgId, now)
      const stored: Stored = { seq: ++this.seq, subject: m.subject, data: m.data, headers: { ...m.headers } }
      stream.messages.push(stored)
      const retain = this.options.retainPerStream ?? 10_000
      if (stream.messages.length > retain) stream.messages.splice(0, stream.messages.length - retain)
      if (stream.seen.size > retain * 2) {
        for (const [id, at] of stream.seen) if (now - at >= window) stream.seen.delete(id)
      }
      for (const c of this.consumers.values()) {
        if (c.spec.stream === stream.spec.name && subjectMatches(c.spec.filterSubject, m.subject)) {
          c.queue.push({ message: stored, deliveries: 0 })
          this.pump(c)
        }
      }
      return { ok: true as const, duplicate: false }
    })
  }

  async consume(
    spec: ConsumerSpec,
    handler: (batch: IncomingMessage[]) => Promise<void>,
  ): Promise<Subscription> {
    const c = this.consumers.get(`${spec.stream}/${spec.durable}`)
    if (!c) throw new Error(`consumer ${spec.durable} not found on ${spec.stream}`)
    c.handler = handler
    this.pump(c)
    return {
      stop: async () => {
        c.handler = undefined
        for (const t of c.timers) clearTimeout(t)
        c.timers.clear()
        while (c.running) await new Promise((r) => setTimeout(r, 5))
      },
    }
  }

  private pump(c: MemoryConsumer): void {
    if (c.running || !c.handler) return
    c.running = true
    setImmediate(async () => {
      const maxBatch = Math.max(1, c.spec.maxBatch ?? 1)
      try {
        while (c.handler && c.queue.length > 0 && !this.closed) {
          if (c.queue.length < maxBatch && (c.spec.maxWaitMs ?? 0) > 0)
            await new Promise((resolve) => setTimeout(resolve, c.spec.maxWaitMs))
          await this.deliver(c, c.queue.splice(0, maxBatch))
        }
      } finally {
        c.running = false
        if (c.handler && c.queue.length > 0 && !this.closed) this.pump(c)
      }
    })
  }

  private async deliver(c: MemoryConsumer, entries: Array<{ message: Stored; deliveries: number }>) {
    const handler = c.handler
    if (!handler) {
      c.queue.unshift(...entries)
      return
    }
    const settles: Array<(fn: () => void) => void> = []
    const redeliver = (entry: { message: Stored; deliveries: number }, delay: number) => {
      if (entry.deliveries >= c.spec.maxDeliver) return
      const t = setTimeout(() => {
        c.timers.delete(t)
        c.queue.unshift(entry)
        this.pump(c)
      }, delay)
      c.timers.add(t)
    }
    const batch = entries.map((entry): IncomingMessage => {
      entry.deliveries++
      let settled = false
      const settle = (fn: () => void) => {
        if (settled) return
        settled = true
        fn()
      }
      settles.push(settle)
      return {
        subject: entry.message.subject,
        data: entry.message.data,
        headers: entry.message.headers,
        deliveryCount: entry.deliveries,
        ack: () => settle(() => {}),
        nak: (delayMs) => settle(() => redeliver(entry, delayMs)),
        term: () => settle(() => {}),
      }
    })
    await handler(batch).catch(() => {})
    // A message neither acked nor nak'ed (handler failed or forgot) comes back after ack_wait.
    entries.forEach((entry, i) => {
      settles[i]!(() => redeliver(entry, c.spec.ackWaitMs))
    })
  }

  async pending(spec: ConsumerSpec): Promise<number | undefined> {
    const c = this.consumers.get(`${spec.stream}/${spec.durable}`)
    return c ? c.queue.length + c.timers.size : undefined
  }

  /** Calls a responder directly (nothing is kept), bounded by `timeoutMs` like a NATS request. */
  async request(subject: string, data: string, timeoutMs: number): Promise<string> {
    const handlers = this.closed ? undefined : this.responders.get(subject)
    if (!handlers?.length) throw new RequestFailedError(subject, 'no-responders')
    const handler = handlers[this.turn++ % handlers.length]!
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        handler(data),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new RequestFailedError(subject, 'timeout', `no answer within ${timeoutMs} ms`)),
            timeoutMs,
          )
        }),
      ])
    } catch (error) {
      if (error instanceof RequestFailedError) throw error
      throw new RequestFailedError(subject, 'responder-failed', String((error as Error)?.message ?? error))
    } finally {
      clearTimeout(timer)
    }
  }

  async respond(
    subject: string,
    _queue: string,
    handler: (data: string) => Promise<string>,
  ): Promise<Subscription> {
    const list = this.responders.get(subject) ?? []
    list.push(handler)
    this.responders.set(subject, list)
    return {
      stop: async () => {
        const current = this.responders.get(subject) ?? []
        this.responders.set(
          subject,
          current.filter((h) => h !== handler),
        )
      },
    }
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('in-process transport closed')
  }

  async close(): Promise<void> {
    this.closed = true
    for (const c of this.consumers.values()) {
      for (const t of c.timers) clearTimeout(t)
      c.handler = undefined
    }
  }
}
