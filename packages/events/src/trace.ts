import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api'
import type { EventTransport, OutgoingMessage } from './transport.js'

type PublishResult = Awaited<ReturnType<EventTransport['publish']>>[number]

/** Explicit carrier accessors: headers travel as a plain record (outbox row, NATS MsgHdrs copy). */
export const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value
  },
}
export const recordGetter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key] ?? carrier[key.toLowerCase()],
}

/** W3C trace context of the active span, to be stored with an outgoing event. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {}
  propagation.inject(context.active(), carrier, recordSetter)
  return carrier
}

export function contextFromHeaders(headers: Record<string, string>) {
  return propagation.extract(context.active(), headers, recordGetter)
}

const tracer = trace.getTracer('@osinum/events')

/**
 * Publishes through `transport` with one PRODUCER span per message, child of the trace stored with
 * the event (the request that recorded it); the message carries the producer span's context, so
 * the consumer's span is its child: request → publish → process in one trace.
 */
export async function publishTraced(
  transport: Pick<EventTransport, 'publish' | 'kind'>,
  messages: OutgoingMessage[],
): Promise<PublishResult[]> {
  const spans = messages.map((m) =>
    tracer.startSpan(
      `send ${m.subject}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': transport.kind === 'nats' ? 'nats' : 'in-process',
          'messaging.operation.type': 'send',
          'messaging.destination.name': m.subject,
          'messaging.message.id': m.msgId,
        },
      },
      contextFromHeaders(m.headers),
    ),
  )
  const traced = messages.map((m, i) => {
    const headers = { ...m.headers }
    propagation.inject(trace.setSpan(context.active(), spans[i]!), headers, recordSetter)
    return { ...m, headers }
  })
  try {
    const results = await transport.publish(traced)
    results.forEach((r, i) => {
      if (!r.ok) spans[i]!.setStatus({ code: SpanStatusCode.ERROR, message: r.error.message })
    })
    return results
  } catch (error) {
    for (const s of spans)
      s.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message) })
    throw error
  } finally {
    for (const s of spans) s.end()
  }
}
