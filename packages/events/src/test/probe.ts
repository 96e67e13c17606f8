import { defineEvent } from '@osinum/contracts'
import { Type } from 'typebox'
import type { ConsumerOptions, ServiceEvents } from '../service-events.js'
import type { EventTransport, IncomingMessage } from '../transport.js'
import type { EventLogger } from '../types.js'

/** A test-only event produced by "catalogue" and consumed by "notifications". */
export const Probe = defineEvent(
  'catalogue',
  'probe',
  'happened',
  1,
  Type.Object({ aggregate: Type.String(), n: Type.Integer(), poison: Type.Optional(Type.Boolean()) }),
)

export const silentLogger: EventLogger = { debug() {}, info() {}, warn() {}, error() {} }

export type ProbeFailure = (
  data: { aggregate: string; n: number; poison?: boolean },
  deliveryCount: number,
) => boolean

/**
 * The probe consumer `notifications-probe`: one row in `effects` per event it applies, written
 * before `fail` may refuse it (a refused event must leave no row: its savepoint is rolled back).
 */
export function consumeProbes(consumer: ServiceEvents, fail?: ProbeFailure, options: ConsumerOptions = {}) {
  consumer.on(
    Probe,
    'probe',
    async ({ trx, event, deliveryCount }) => {
      await trx
        .insertInto('effects')
        .values({ event_id: event.id, aggregate: event.data.aggregate, n: event.data.n })
        .execute()
      if (fail?.(event.data, deliveryCount))
        throw new Error(`handler refused ${event.data.aggregate}#${event.data.n}`)
    },
    { maxAttempts: 3, backoffMs: 30, maxBackoffMs: 200, ...options },
  )
}

/** The transport with each delivered message's `ack` replaced (a lost ack, a process dying before it). */
export function replaceAcks(
  transport: EventTransport,
  ack: (m: IncomingMessage) => (() => void) | undefined,
): EventTransport {
  return new Proxy(transport, {
    get(target, key, receiver) {
      if (key !== 'consume') {
        const value = Reflect.get(target, key, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      }
      return ((spec, handler) =>
        target.consume(spec, (batch) =>
          handler(
            batch.map((m) => {
              const replaced = ack(m)
              return replaced ? { ...m, ack: replaced } : m
            }),
          ),
        )) satisfies EventTransport['consume']
    },
  })
}
