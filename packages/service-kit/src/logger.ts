import { context, trace } from '@opentelemetry/api'
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'

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
        return { method: req.method, path: req.url.split('?')[0], reqId: req.id }
      },
    },
  }
}

/** A request id a client may choose (a proxy's, a trace's): short, no spaces or control characters. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/

/** The request's id: the client's `x-request-id` when it is a safe value, else a new UUID. */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID()
}

/**
 * One access line per request, when it completes: method, route pattern, path without its query
 * string, status and duration (Fastify's own request lines are off: they carried the raw URL).
 * The route's `logLevel` applies (probes and scrapes log at `warn`, so not at all).
 */
export function logAccess(request: FastifyRequest, reply: FastifyReply): void {
  request.log.info(
    {
      method: request.method,
      route: request.routeOptions.url,
      path: request.url.split('?')[0],
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
    },
    'request completed',
  )
}
