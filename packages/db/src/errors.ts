function code(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const c = (error as { code: unknown }).code
    return typeof c === 'string' ? c : undefined
  }
  return undefined
}
/** PostgreSQL 23505 — a unique constraint refused the row. */
export const isUniqueViolation = (error: unknown) => code(error) === '23505'
/** PostgreSQL 40001/40P01 — retry the transaction. */
export const isSerializationFailure = (error: unknown) => ['40001', '40P01'].includes(code(error) ?? '')

/**
 * SQLSTATEs of a server that is going away or not accepting connections: 57P01 admin shutdown
 * (`pg_terminate_backend`, `pg_ctl stop -m fast`), 57P02 crash, 57P03 starting up or shutting
 * down, 53300 too many connections, class 08 connection exceptions.
 */
const UNAVAILABLE_SQLSTATES = /^(57P0[123]|53300|08\d{3})$/
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])
/** What node-postgres and the pool say when a connection broke or never came (no code). */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|database did not answer within|Cannot use a pool after calling end/i

/**
 * True when an error means "the database cannot be reached now" (outage, failover, restart,
 * terminated connection), as opposed to a bug or a refused statement: callers retry later and
 * HTTP answers 503 with Retry-After instead of 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const c = code(error)
  if (c && (UNAVAILABLE_SQLSTATES.test(c) || UNAVAILABLE_NODE_CODES.has(c))) return true
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable)
  const message = typeof error === 'object' && error !== null ? (error as Error).message : undefined
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)
}
