/**
 * How osinum configures OpenTelemetry: what is traced, what is sampled and what an exported span
 * may carry. `telemetry.ts` (loaded with `--import`) starts it; tests start the same SDK against an
 * in-process OTLP receiver.
 */
import { FastifyOtelInstrumentation } from '@fastify/otel'
import type { Attributes, AttributeValue } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg'
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources'
import { BatchSpanProcessor, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'

/** Probes and scrapes: never traced (kubelet and Prometheus call them every few seconds). */
export const UNTRACED_PATHS = ['/livez', '/readyz', '/healthz', '/metrics']

/** Attributes holding a URL or a path: their query string and fragment never leave the process. */
const URL_KEYS = new Set(['url.full', 'url.path', 'url.original', 'http.url', 'http.target', 'http.route'])
/** Attributes dropped outright: a query string, SQL parameters. */
const DROPPED_KEY = /^(url\.query|db\.postgresql\.values|db\.query\.parameter\..*|db\.statement\.values)$/
/** Attributes whose value is a credential, whatever instrumentation set them. */
const SECRET_KEY = /(authorization|cookie|password|secret|token|api[-_.]?key)/i
const SQL_KEYS = new Set(['db.query.text', 'db.statement'])

/** `/v1/auth/magic-link/verify?token=…` → `/v1/auth/magic-link/verify`. */
export function withoutQuery(value: string): string {
  const cut = value.search(/[?#]/)
  return cut === -1 ? value : value.slice(0, cut)
}

/** SQL text with its literals replaced: `where code = 'abc' and n = 42` → `where code = ? and n = ?`. */
export function withoutLiterals(sqlText: string): string {
  return sqlText
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\$[\s\S]*?\$\$/g, '?')
    .replace(/(?<![\w$."])-?\b\d+(?:\.\d+)?\b/g, '?')
}

/** Any `?a=b` tail inside a longer text (an exception message quoting a URL). */
const EMBEDDED_QUERY = /\?[^\s"'<>]*=[^\s"'<>]*/g

function cleanValue(key: string, value: AttributeValue): AttributeValue | undefined {
  if (DROPPED_KEY.test(key)) return undefined
  if (typeof value !== 'string') return SECRET_KEY.test(key) ? '[redacted]' : value
  if (SECRET_KEY.test(key)) return '[redacted]'
  if (URL_KEYS.has(key)) return withoutQuery(value)
  if (SQL_KEYS.has(key)) return withoutLiterals(value)
  return value.replace(EMBEDDED_QUERY, '')
}

/** The attributes an exported span may keep (same object, cleaned in place). */
export function cleanAttributes(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    const cleaned = cleanValue(key, value)
    if (cleaned === undefined) delete attributes[key]
    else if (cleaned !== value) attributes[key] = cleaned
  }
}

/**
 * Cleans every span as it ends, before any exporter sees it: URLs lose their query string (magic
 * link, verification, invitation and unsubscribe tokens, OIDC `code`/`state`), SQL loses its
 * literals and parameters, credential-named attributes are redacted. The collector's redaction
 * (deploy/otel/collector.yaml) is a second line, not the first.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(span: Span): void {
    cleanAttributes(span.attributes as Attributes)
  }
  onEnding(span: Span): void {
    cleanAttributes(span.attributes as Attributes)
    for (const event of span.events) if (event.attributes) cleanAttributes(event.attributes as Attributes)
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

export interface TelemetryOptions {
  /** Defaults to OTEL_SERVICE_NAME, then `osinum`. */
  serviceName?: string
  /** Defaults to OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nothing is exported. */
  exporter?: OTLPTraceExporter
}

/**
 * Starts tracing. The sampler comes from `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG` (the
 * chart sets `parentbased_traceidratio`: a request is kept with the given probability, and
 * everything under a kept request is kept with it). Database queries are traced only inside a
 * request or a consumer (`requireParentSpan`): the relay's and the jobs' polling make no traces.
 */
export function startTelemetry(options: TelemetryOptions = {}): Telemetry {
  const exporter =
    options.exporter ?? (process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? new OTLPTraceExporter() : undefined)
  // Traces only: the SDK's all-in-one NodeSDK would bring every exporter (gRPC, Zipkin, metrics,
  // logs) into each image; the services export traces over OTLP/HTTP and metrics to Prometheus.
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector] }))
      .merge(
        resourceFromAttributes({
          'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'osinum',
        }),
      ),
    spanProcessors: [new RedactingSpanProcessor(), ...(exporter ? [new BatchSpanProcessor(exporter)] : [])],
  })
  // W3C trace context propagator and AsyncLocalStorage context manager.
  provider.register()
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: (route) => UNTRACED_PATHS.includes(route.url ?? ''),
        requestHook: (span, request) => {
          span.setAttribute('url.path', withoutQuery(request.url))
        },
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  })
  return {
    async shutdown() {
      unregister()
      await provider.shutdown()
    },
  }
}

export interface Telemetry {
  /** Flushes what is buffered and stops tracing. */
  shutdown(): Promise<void>
}
