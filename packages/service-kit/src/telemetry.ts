/**
 * OpenTelemetry bootstrap, loaded before the application with `node --import @osinum/service-kit/telemetry`.
 * Resource and exporter come from the standard OTEL_* variables; without OTEL_EXPORTER_OTLP_ENDPOINT
 * spans are still created (trace ids in logs, propagation over NATS) but not exported.
 * Set OTEL_SDK_DISABLED=true to turn it off.
 */
import { FastifyOtelInstrumentation } from '@fastify/otel'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg'
import { NodeSDK } from '@opentelemetry/sdk-node'

let sdk: NodeSDK | undefined
if (process.env.OTEL_SDK_DISABLED !== 'true') {
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'osinum',
    ...(process.env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { traceExporter: new OTLPTraceExporter() }
      : { spanProcessors: [] }),
    instrumentations: [
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      new PgInstrumentation(),
    ],
  })
  sdk.start()
  const shutdown = () => {
    sdk?.shutdown().catch(() => {})
  }
  process.once('beforeExit', shutdown)
}

export async function shutdownTelemetry(): Promise<void> {
  await sdk?.shutdown()
}
