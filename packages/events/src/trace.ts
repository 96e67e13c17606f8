import { context, propagation, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api'

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
