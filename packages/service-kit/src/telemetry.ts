/**
 * OpenTelemetry bootstrap, loaded before the application with `node --import @osinum/service-kit/telemetry`.
 * Resource, exporter and sampler come from the standard OTEL_* variables (see `tracing.ts`);
 * without OTEL_EXPORTER_OTLP_ENDPOINT spans are still created (trace ids in logs, propagation over
 * NATS) but not exported. Set OTEL_SDK_DISABLED=true to turn it off.
 */
import { startTelemetry, type Telemetry } from './tracing.js'

let sdk: Telemetry | undefined
if (process.env.OTEL_SDK_DISABLED !== 'true') {
  sdk = startTelemetry()
  const shutdown = () => {
    sdk?.shutdown().catch(() => {})
  }
  process.once('beforeExit', shutdown)
}

export async function shutdownTelemetry(): Promise<void> {
  await sdk?.shutdown()
}
