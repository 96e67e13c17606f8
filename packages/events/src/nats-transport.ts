import { gunzipSync, gzipSync } from 'node:zlib'
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream'
import { NoRespondersError, headers as natsHeaders, TimeoutError } from '@nats-io/nats-core'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { RequestFailedError, type RequestReplyTransport } from './request-reply.js'
import type {
  ConsumerSpec,
  EventTransport,
  IncomingMessage,
  OutgoingMessage,
  StreamSpec,
  Subscription,
} from './transport.js'

const nanos = (ms: number) => ms * 1_000_000

/** A JetStream message as the consumers see it; each is settled once (later calls are ignored). */
function incoming(m: JsMsg): IncomingMessage {
  const headers: Record<string, string> = {}
  if (m.headers) for (const [k, v] of m.headers) headers[k] = v[0] ?? ''
  let settled = false
  const once = (f: () => void) => {
    if (settled) return
    settled = true
    f()
  }
  return {
    subject: m.subject,
    data: m.string(),
    headers,
    deliveryCount: m.info.deliveryCount,
    ack: () => once(() => m.ack()),
    nak: (delayMs) => once(() => m.nak(delayMs)),
    term: (reason) => once(() => m.term(reason)),
    working: () => {
      if (!settled) m.working()
    },
  }
}

export interface NatsTransportOptions {
  url: string
  name?: string
  /** Credentials file (NGS/operator mode) and TLS CA, for production clusters. */
  credsFile?: string
  tlsCaFile?: string
  /** JetStream duplicate window; must exceed the longest outage the relay retries through. */
  duplicateWindowMs?: number
  publishTimeoutMs?: number
  /** Stream replicas (3 on a NATS cluster). */
  replicas?: number
}

/** JetStream transport: durable streams per producing service, durable pull consumers. */
export class NatsTransport implements EventTransport, RequestReplyTransport {
  readonly kind = 'nats' as const
  private up = true
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: NatsTransportOptions,
  ) {
    // The client reconnects for ever (maxReconnectAttempts -1); follow its state for the gauge.
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'close') this.up = false
        else if (s.type === 'reconnect') this.up = true
      }
    })().catch(() => {})
  }

  get connected(): boolean {
    return this.up && !this.nc.isClosed()
  }

  static async connect(options: NatsTransportOptions): Promise<NatsTransport> {
    const { readFile } = await import('node:fs/promises')
    const { credsAuthenticator } = await import('@nats-io/nats-core')
    const nc = await connect({
      servers: options.url.split(','),
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      pingInterval: 5_000,
      ...(options.credsFile
        ? { authenticator: credsAuthenticator(new Uint8Array(await readFile(options.credsFile))) }
        : {}),
      ...(options.tlsCaFile ? { tls: { caFile: options.tlsCaFile } } : {}),
    })
    const jsm = await jetstreamManager(nc, { timeout: 5_000 })
    return new NatsTransport(nc, jetstream(nc, { timeout: options.publishTimeoutMs ?? 5_000 }), jsm, options)
  }

  /**
   * Creates the stream, or brings an existing one up to what osinum needs — never down from what
   * an operator configured: subjects are added (never removed), the duplicate window and the
   * replicas are raised when below osinum's (never lowered), and every limit an operator set
   * (`max_age`, `max_bytes`, `max_msgs`, placement…) is kept as is. So `nats stream edit
   * --replicas 3` holds across restarts, whatever NATS_STREAM_REPLICAS says.
   */
  async ensureStream(spec: StreamSpec): Promise<void> {
    const wanted = {
      duplicate_window: nanos(this.options.duplicateWindowMs ?? 10 * 60_000),
      num_replicas: this.options.replicas ?? 1,
    }
    let info: Awaited<ReturnType<JetStreamManager['streams']['info']>> | undefined
    try {
      info = await this.jsm.streams.info(spec.name)
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
    if (!info) {
      try {
        await this.jsm.streams.add({
          name: spec.name,
          subjects: spec.subjects,
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          max_age: nanos(30 * 24 * 3600_000),
          ...wanted,
        })
      } catch (addError) {
        // Another replica created it meanwhile.
        if (!String((addError as Error).message).includes('already in use')) throw addError
      }
      return
    }
    const current = info.config
    const subjects = [...new Set([...(current.subjects ?? []), ...spec.subjects])]
    const update = {
      subjects,
      duplicate_window: Math.max(current.duplicate_window ?? 0, wanted.duplicate_window),
      num_replicas: Math.max(current.num_replicas ?? 1, wanted.num_replicas),
    }
    const unchanged =
      subjects.length === (current.subjects ?? []).length &&
      update.duplicate_window === current.duplicate_window &&
      update.num_replicas === current.num_replicas
    if (!unchanged) await this.jsm.streams.update(spec.name, { ...current, ...update })
  }

  /**
   * Creates the durable consumer, or fixes what osinum depends on (its subject filter; a delivery
   * bound and an ack wait at least as large as osinum's, so the dead-letter step runs first) and
   * keeps everything else an operator tuned (`max_ack_pending`, larger bounds…).
   */
  async ensureConsumer(spec: ConsumerSpec): Promise<void> {
    const config = {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      max_deliver: spec.maxDeliver,
      ack_wait: nanos(spec.ackWaitMs),
      max_ack_pending: 1_000,
    }
    try {
      const info = await this.jsm.consumers.info(spec.stream, spec.durable)
      const c = info.config
      const atLeast = (current: number | undefined, ours: number) =>
        current === undefined || current < 0 || current >= ours ? current : ours
      const update = {
        filter_subject: config.filter_subject,
        max_deliver: atLeast(c.max_deliver, config.max_deliver),
        ack_wait: atLeast(c.ack_wait, config.ack_wait),
      }
      if (
        c.filter_subject !== update.filter_subject ||
        c.max_deliver !== update.max_deliver ||
        c.ack_wait !== update.ack_wait
      )
        await this.jsm.consumers.update(spec.stream, spec.durable, update)
    } catch (error) {
      if (!isNotFound(error)) throw error
      await this.jsm.consumers.add(spec.stream, config)
    }
  }

  async publish(messages: OutgoingMessage[]) {
    // Pipelined: all publishes leave on the one connection in order; acks are awaited together.
    const pending = messages.map((m) => {
      const h = natsHeaders()
      for (const [k, v] of Object.entries(m.headers)) h.set(k, v)
      return this.js.publish(m.subject, m.data, { msgID: m.msgId, headers: h })
    })
    const settled = await Promise.allSettled(pending)
    return settled.map((s) =>
      s.status === 'fulfilled'
        ? ({ ok: true, duplicate: s.value.duplicate } as const)
        : ({ ok: false, error: s.reason as Error } as const),
    )
  }

  async consume(
    spec: ConsumerSpec,
    handler: (batch: IncomingMessage[]) => Promise<void>,
  ): Promise<Subscription> {
    const consumer = await this.js.consumers.get(spec.stream, spec.durable)
    const maxBatch = Math.max(1, spec.maxBatch ?? 1)
    // The client keeps pulls open for up to twice a batch ahead; max_ack_pending bounds the rest.
    const messages = await consumer.consume({ max_messages: Math.max(256, 2 * maxBatch) })
    const buffer: JsMsg[] = []
    let arrived: (() => void) | undefined
    let ended = false
    let stopping = false
    const signal = () => {
      const f = arrived
      arrived = undefined
      f?.()
    }
    const next = (ms?: number) =>
      new Promise<void>((resolve) => {
        arrived = resolve
        if (ms !== undefined) setTimeout(signal, ms).unref?.()
      })
    const reader = (async () => {
      for await (const m of messages) {
        buffer.push(m)
        if (buffer.length === 1 || buffer.length >= maxBatch) signal()
      }
    })().finally(() => {
      ended = true
      signal()
    })
    const worker = (async () => {
      while (!stopping) {
        if (buffer.length === 0) {
          if (ended) break
          await next()
          continue
        }
        if (buffer.length < maxBatch && (spec.maxWaitMs ?? 0) > 0 && !ended) {
          const deadline = Date.now() + spec.maxWaitMs!
          while (buffer.length < maxBatch && !ended && Date.now() < deadline)
            await next(deadline - Date.now())
        }
        const batch = buffer.splice(0, maxBatch).map(incoming)
        await handler(batch).catch(() => {
          for (const m of batch) m.nak(spec.ackWaitMs)
        })
      }
      // Stopped: what was fetched but not handled goes back at once (another replica may take it).
      for (const m of buffer.splice(0)) m.nak()
    })()
    return {
      stop: async () => {
        stopping = true
        signal()
        await worker.catch(() => {})
        await messages.close()
        await reader.catch(() => {})
        for (const m of buffer.splice(0)) m.nak()
      },
    }
  }

  async pending(spec: ConsumerSpec): Promise<number | undefined> {
    try {
      const info = await this.jsm.consumers.info(spec.stream, spec.durable)
      return info.num_pending + info.num_ack_pending
    } catch {
      return undefined
    }
  }

  /**
   * Core NATS request (never stored by JetStream). Answers are gzip-compressed: a personal-data
   * export compresses about tenfold, and must stay under the server's max_payload (1 MB default).
   */
  async request(subject: string, data: string, timeoutMs: number): Promise<string> {
    try {
      const reply = await this.nc.request(subject, data, { timeout: timeoutMs })
      return reply.headers?.get('Content-Encoding') === 'gzip'
        ? gunzipSync(reply.data).toString('utf8')
        : reply.string()
    } catch (error) {
      if (error instanceof NoRespondersError || (error as Error)?.cause instanceof NoRespondersError)
        throw new RequestFailedError(subject, 'no-responders')
      if (error instanceof TimeoutError || (error as Error)?.cause instanceof TimeoutError)
        throw new RequestFailedError(subject, 'timeout', `no answer within ${timeoutMs} ms`)
      throw new RequestFailedError(subject, 'responder-failed', String((error as Error)?.message ?? error))
    }
  }

  async respond(
    subject: string,
    queue: string,
    handler: (data: string) => Promise<string>,
  ): Promise<Subscription> {
    const sub = this.nc.subscribe(subject, {
      queue,
      callback: (error, m) => {
        if (error || !m.reply) return
        void handler(m.string())
          .then((answer) => {
            const body = gzipSync(answer)
            const limit = this.nc.info?.max_payload ?? 1024 * 1024
            const h = natsHeaders()
            if (body.byteLength > limit - 1024) {
              m.respond(JSON.stringify({ ok: false, error: `answer too large (${body.byteLength} bytes)` }))
              return
            }
            h.set('Content-Encoding', 'gzip')
            m.respond(body, { headers: h })
          })
          .catch(() => {})
      },
    })
    await this.nc.flush()
    return {
      stop: async () => {
        sub.unsubscribe()
      },
    }
  }

  async ping(timeoutMs = 2_000): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection closed')
    await Promise.race([
      this.nc.flush(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`NATS did not answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ])
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close())
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: unknown; api_error?: { err_code?: number }; message?: string }
  return (
    e?.api_error?.err_code === 10059 ||
    e?.api_error?.err_code === 10014 ||
    e?.code === '404' ||
    /not found/i.test(String(e?.message))
  )
}
