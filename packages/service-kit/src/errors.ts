import { isDatabaseUnavailable } from '@osinum/db'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { defineError, FieldsError } from './domain-errors.js'

export { type DomainErrorConstructor, defineError, FieldsError, nulPath } from './domain-errors.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export const Unauthorized = defineError('OSI_UNAUTHORIZED', 'Authentication required', 401)
export const InvalidToken = defineError('OSI_INVALID_TOKEN', 'The access token is invalid or expired', 401)
export const Forbidden = defineError('OSI_FORBIDDEN', 'You are not allowed to do this', 403)
export const NotFound = defineError('OSI_NOT_FOUND', '%s not found', 404)
export const Conflict = defineError('OSI_CONFLICT', '%s', 409)
export const Unprocessable = defineError('OSI_UNPROCESSABLE', '%s', 422)
/** A dependency (the database) cannot be reached now: 503 with Retry-After, the client retries. */
export const Unavailable = defineError('OSI_UNAVAILABLE', 'The service is temporarily unavailable', 503)
export const UriTooLong = defineError('OSI_URI_TOO_LONG', 'The URL is longer than %s characters', 414)

/** Seconds a client is asked to wait (Retry-After) when the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'OSI_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'OSI_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'OSI_VALIDATION',
  FST_ERR_CTP_INVALID_JSON_BODY: 'OSI_INVALID_JSON',
  FST_ERR_VALIDATION: 'OSI_VALIDATION',
  FST_ERR_NOT_FOUND: 'OSI_NOT_FOUND',
  FST_ERR_BAD_URL: 'OSI_BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'OSI_URI_TOO_LONG',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'OSI_BAD_REQUEST',
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

function problemType(code: string): string {
  return `urn:osinum:problem:${code.replace(/^OSI_/, '').toLowerCase().replace(/_/g, '-')}`
}

function fieldOf(e: { instancePath?: string; params?: Record<string, unknown> }, location?: string): string {
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
  const missing = e.params?.missingProperty as string | undefined
  const additional = e.params?.additionalProperty as string | undefined
  const leaf = missing ?? additional
  const full = [path, leaf].filter(Boolean).join('.')
  return location ? `${location}${full ? `.${full}` : ''}` : full
}

const MAX_LISTED_ERRORS = 20
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** An RFC 9457 body, bounded: a few KB at most whatever the error carried. */
export function problemBody(
  status: number,
  code: string,
  detail?: string,
  instance?: string,
  errors?: Array<{ field: string; message: string }>,
  requestId?: string,
) {
  const listed = errors?.slice(0, MAX_LISTED_ERRORS).map((e) => ({
    field: clip(String(e.field), 200),
    message: clip(String(e.message), 300),
  }))
  const omitted = errors && errors.length > MAX_LISTED_ERRORS ? errors.length - MAX_LISTED_ERRORS : 0
  return {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail: clip(detail, 500) } : {}),
    ...(instance ? { instance: clip(instance, 200) } : {}),
    ...(listed ? { errors: listed } : {}),
    ...(omitted ? { errorsOmitted: omitted } : {}),
    // The id of the request's log lines and `x-request-id` header: what a user quotes to support.
    ...(requestId ? { requestId } : {}),
  }
}

/** The one error handler: everything leaves as RFC 9457 problem+json; 5xx details are hidden. */
export function problemErrorHandler(
  error: FastifyError & { errors?: unknown },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  let status = error.statusCode ?? 500
  if (status < 400 || status > 599) status = 500
  let code = error.code && /^OSI_/.test(error.code) ? error.code : (FASTIFY_CODES[error.code] ?? undefined)
  let errors: Array<{ field: string; message: string }> | undefined
  let detail: string | undefined = error.message
  if (error.validation) {
    status = 400
    code = 'OSI_VALIDATION'
    errors = error.validation.map((v) => ({
      field: fieldOf(v as never, error.validationContext),
      message: v.message ?? 'is invalid',
    }))
    detail = `Invalid request: ${errors
      .slice(0, 3)
      .map((e) => `${e.field} ${e.message}`)
      .join('; ')}${errors.length > 3 ? '; …' : ''}`
  } else if (error instanceof FieldsError) {
    errors = error.errors
  } else if (status >= 500 && isDatabaseUnavailable(error)) {
    // An outage, failover or restart of the database: the client retries, nothing is broken.
    status = 503
    code = 'OSI_UNAVAILABLE'
  }
  if (status === 429) code = 'OSI_RATE_LIMITED'
  if (!code) code = status >= 500 ? 'OSI_INTERNAL' : `OSI_HTTP_${status}`
  if (status >= 500) {
    if (code === 'OSI_UNAVAILABLE') request.log.warn({ err: error }, 'request failed: database unavailable')
    else request.log.error({ err: error }, 'request failed')
    detail = status === 503 ? 'The service is temporarily unavailable' : 'An unexpected error occurred'
    if (code !== 'OSI_UNAVAILABLE' && !/^OSI_[A-Z]+_UNAVAILABLE$/.test(code)) code = 'OSI_INTERNAL'
    errors = undefined
  } else {
    request.log.info({ code, status }, clip(error.message ?? '', 300))
  }
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer')
  if (status === 503 && !reply.getHeader('retry-after'))
    reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(status, code, detail, (request.url ?? '').split('?')[0], errors, request.id))
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0]
  return reply
    .code(404)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      problemBody(404, 'OSI_NOT_FOUND', `No route ${request.method} ${path}`, path, undefined, request.id),
    )
}
