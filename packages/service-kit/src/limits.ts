import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { AjvCompiler } from '@fastify/ajv-compiler'
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify'
import { PROBLEM_CONTENT_TYPE, problemBody, problemErrorHandler } from './errors.js'

/**
 * Bounds on the work one request can cause, in one place. Every error answer is problem+json and
 * a few KB at most, whatever was sent: a flood of invalid array items, a 15 KB query string,
 * `limit=1e309`, bad percent-encoding, oversized headers.
 */
export const LIMITS = {
  /** Path + query string, in characters; longer → 414 OSI_URI_TOO_LONG. */
  maxUrlLength: 8_192,
  /** One path parameter, in characters; longer → 414 (Fastify's `maxParamLength`). */
  maxParamLength: 200,
  /** Errors listed in a problem (the rest are counted in `errorsOmitted`). */
  maxListedErrors: 20,
  /**
   * Above this many array items and object members in a request part, a validation failure
   * reports its first error only: listing every error of 100,000 invalid items would cost more
   * than the request itself (the one-error validator stops at once, and checks maxItems first).
   */
  maxElementsForFullReport: 1_000,
} as const

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null }
type CompileFor = (route: { httpPart?: string }) => Validate

const RANGE_MESSAGE = `must be a finite number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`

/** JSON pointer of the first number that is not finite or not a safe integer magnitude. */
function unsafeNumber(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? undefined : path
  // Bytes (a raw body kept as a Buffer, an upload) hold no JSON numbers: never walk them.
  if (depth > 32 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child = value[i]
      if (typeof child !== 'number' && (typeof child !== 'object' || child === null)) continue
      const found = unsafeNumber(child, `${path}/${i}`, depth + 1)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const key in value) {
    const found = unsafeNumber((value as Record<string, unknown>)[key], `${path}/${key}`, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/** Array items and object members of a value, counting up to `limit` only. */
function elements(value: unknown, limit: number, depth = 0): number {
  if (depth > 32 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  let n = children.length
  for (const child of children) {
    if (n > limit) break
    if (child !== null && typeof child === 'object') n += elements(child, limit - n, depth + 1)
  }
  return n
}

/**
 * The validator compiler of every osinum process.
 *  - Query strings, params and headers arrive as text and are coerced to their schema's types;
 *    JSON bodies are not: a coercing validator would turn a `null` into `false` or `""` inside a
 *    nullable union before trying the null branch, silently changing what the client sent.
 *  - Each part is first checked by a validator that stops at the first error (bounded work, and
 *    `maxItems`/`maxLength` are checked before the items); only a failing, ordinary-sized part is
 *    checked again listing every error, for forms that show them all.
 *  - Numbers are finite and within ±2^53 (`1e309` parses to Infinity; `strictNumbers` refuses
 *    NaN/Infinity where a number is typed, the scan everywhere else).
 */
export function boundedValidator() {
  const factory = AjvCompiler()
  return (externalSchemas: unknown, options: { customOptions: Record<string, unknown> }) => {
    const compiler = (coerce: boolean, allErrors: boolean): CompileFor =>
      factory(
        externalSchemas as never,
        {
          ...options,
          customOptions: {
            ...options.customOptions,
            ...(coerce ? {} : { coerceTypes: false }),
            allErrors,
            strictNumbers: true,
          },
        } as never,
      ) as unknown as CompileFor
    const coercing = { first: compiler(true, false), all: compiler(true, true) }
    const strict = { first: compiler(false, false), all: compiler(false, true) }
    return (route: { httpPart?: string }) => {
      const { first: compileFirst, all: compileAll } = route.httpPart === 'body' ? strict : coercing
      const first = compileFirst(route)
      let all: Validate | undefined
      const validate: Validate = (data) => {
        if (first(data)) {
          const path = unsafeNumber(data)
          if (path === undefined) {
            validate.errors = null
            return true
          }
          validate.errors = [
            { instancePath: path, schemaPath: '#', keyword: 'range', params: {}, message: RANGE_MESSAGE },
          ]
          return false
        }
        if (elements(data, LIMITS.maxElementsForFullReport) > LIMITS.maxElementsForFullReport) {
          validate.errors = first.errors ?? null
          return false
        }
        all ??= compileAll(route)
        all(data)
        validate.errors = all.errors?.length ? all.errors : (first.errors ?? null)
        return false
      }
      return validate
    }
  }
}

/** Fastify's message for a validation error, kept short: the problem lists the errors itself. */
export function boundedSchemaErrorFormatter(
  errors: Array<{ instancePath?: string; message?: string }>,
  part: string,
) {
  const e = errors[0]
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  return new Error(`${part}${e?.instancePath ?? ''} ${e?.message ?? 'is invalid'}${more}`.slice(0, 300))
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'OSI_HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'OSI_REQUEST_TIMEOUT'],
  HPE_URI_TOO_LONG: [414, 'OSI_URI_TOO_LONG'],
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over
 * `--max-http-header-size`, raw bytes not allowed in a request line, a malformed request): they
 * get a problem+json written on the socket, which is then closed.
 */
function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'OSI_BAD_REQUEST']
  const detail =
    status === 431
      ? 'The request headers are too large'
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request could not be read (malformed HTTP or characters not allowed in a URL)'
  this.log.debug({ err: error, code }, 'client error')
  if (socket.writable) {
    const body = JSON.stringify(problemBody(status, code, detail))
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  } else socket.destroy()
}

/** Errors Fastify answers before routing (bad percent-encoding, a too long parameter). */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return problemErrorHandler(error, request, reply)
}

/** Fastify constructor options that bound requests and route framework errors through the kit. */
export function boundedServerOptions(): Pick<
  FastifyServerOptions,
  'frameworkErrors' | 'clientErrorHandler' | 'schemaErrorFormatter'
> & { routerOptions: { maxParamLength: number } } {
  return {
    frameworkErrors,
    clientErrorHandler: clientErrorHandler as never,
    schemaErrorFormatter: boundedSchemaErrorFormatter as never,
    routerOptions: { maxParamLength: LIMITS.maxParamLength },
  }
}
