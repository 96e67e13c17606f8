import { context, trace } from '@opentelemetry/api'
import type { FastifyServerOptions } from 'fastify'

/** Paths pino removes from every log line: secrets, tokens, passwords, cookies. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.refresh_token',
  '*.access_token',
  '*.id_token',
  '*.secret',
  '*.clientSecret',
  '*.code_verifier',
  '*.privateKey',
  '*.url',
  'password',
  'token',
  'secret',
]

export function loggerOptions(level: string, service: string): FastifyServerOptions['logger'] {
  return {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Every line carries the active trace, so logs and traces join up.
    mixin() {
      const span = trace.getSpan(context.active())
      if (!span) return {}
      const { traceId, spanId } = span.spanContext()
      return { trace_id: traceId, span_id: spanId }
    },
    serializers: {
      req(req) {
        // Query strings may carry tokens (magic links, unsubscribe): log the path only.
        return { method: req.method, url: req.url.split('?')[0], reqId: req.id }
      },
    },
  }
}
