import { context, propagation, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordEvent } from './outbox.js'
import { createRig, eventually, Probe, type RigOptions, transports } from './test/fixture.js'

const exporter = new InMemorySpanExporter()
beforeAll(() => {
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  trace.setGlobalTracerProvider(provider)
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  propagation.setGlobalPropagator(new W3CTraceContextPropagator())
})
afterAll(() => {
  trace.disable()
  context.disable()
  propagation.disable()
})

function traceSuite(options: Omit<RigOptions, 'fail'>) {
  it("gives the consumer's span the trace id of the request that produced the event", async () => {
    const rig = await createRig(options)
    try {
      const tracer = trace.getTracer('test')
      const requestTraceId = await tracer.startActiveSpan('POST /v1/things', async (span) => {
        await rig.producerDb.transaction().execute(async (trx) => {
          await recordEvent(trx, Probe, 'agg', { aggregate: 'agg', n: 1 })
        })
        span.end()
        return span.spanContext().traceId
      })
      rig.producer.relay.wake()
      // The event's consumer span (found by its event id, whatever its trace) is in the request's trace.
      const [effect] = await eventually(async () => {
        const effects = await rig.effects()
        return effects.length ? effects : undefined
      })
      const consumerSpan = await eventually(async () =>
        exporter
          .getFinishedSpans()
          .find(
            (s) =>
              s.name === `${Probe.type} process` && s.attributes['messaging.message.id'] === effect!.event_id,
          ),
      )
      expect(consumerSpan.spanContext().traceId).toBe(requestTraceId)
    } finally {
      await rig.close()
    }
  })
}

const infra = infrastructure()
describeWithNats('trace context across JetStream', () =>
  traceSuite({ databaseUrl: infra.databaseUrl, transport: transports.nats(infra.natsUrl!) }),
)
describe('trace context across the in-process bus', () =>
  traceSuite({ databaseUrl: 'pglite://memory', transport: transports.memory() }))
