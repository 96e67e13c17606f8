import { context, propagation, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { DiagnosticsEvents } from '@osinum/contracts'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Platform, startPlatform } from './harness.js'
import { answerAndSubmitDiagnostic, createCommune, signUpByMagicLink } from './steps.js'

const infra = infrastructure()
const exporter = new InMemorySpanExporter()

describeWithNats('one trace from a diagnostic submission to the notification email', () => {
  let p: Platform
  beforeAll(async () => {
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    )
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
    propagation.setGlobalPropagator(new W3CTraceContextPropagator())
    p = await startPlatform({ natsUrl: infra.natsUrl! })
  })
  afterAll(async () => {
    await p?.close()
    trace.disable()
    context.disable()
    propagation.disable()
  })

  it('follows the request through the outbox and NATS to the consumer that records the email', async () => {
    const email = 'mairie@chenerailles.example'
    const first = await signUpByMagicLink(p, email, 'Claude')
    const { commune, tokens } = await createCommune(p, first, 'Chénérailles')
    const tracer = trace.getTracer('journey')
    const { traceId, diagnosticId } = await tracer.startActiveSpan(
      'POST /v1/diagnostics/{id}/submit',
      async (span) => {
        const id = await answerAndSubmitDiagnostic(p, tokens, commune.id)
        span.end()
        return { traceId: span.spanContext().traceId, diagnosticId: id }
      },
    )
    await p.mail.waitFor(email, (m) => m.text.includes(`/diagnostic/${diagnosticId}/resultats`))
    const consumer = await waitFor(() =>
      exporter
        .getFinishedSpans()
        .find(
          (s) =>
            s.name === `${DiagnosticsEvents.DiagnosticSubmitted.type} process` &&
            s.spanContext().traceId === traceId,
        ),
    )
    expect(consumer.attributes['messaging.system']).toBe('nats')
    expect(String(consumer.attributes['messaging.consumer.group.name'])).toMatch(/^notifications-/)
  })
})
