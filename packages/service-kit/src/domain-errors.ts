import createError, { type FastifyErrorConstructor } from '@fastify/error'

// What a service's domain code throws, with no framework around it: importable alone
// (`@osinum/service-kit/domain-errors`) by code that runs outside a server, such as a worker thread.

/**
 * A domain error with a stable code `OSI_<SERVICE>_<CODE>` and an HTTP status: the one way
 * services signal an expected failure. Message arguments fill `%s` placeholders.
 */
export type DomainErrorConstructor = FastifyErrorConstructor<{ code: string; statusCode: number }, unknown[]>

export function defineError(
  code: `OSI_${string}`,
  message: string,
  statusCode: number,
): DomainErrorConstructor {
  return createError(code, message, statusCode) as DomainErrorConstructor
}

/** Field-level problem (422 or 400) listing each offending field. */
export class FieldsError extends Error {
  readonly statusCode: number
  readonly code: string
  constructor(
    readonly errors: Array<{ field: string; message: string }>,
    options: { status?: number; code?: string; detail?: string } = {},
  ) {
    super(
      options.detail ??
        `${errors
          .slice(0, 3)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ')}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}`,
    )
    this.statusCode = options.status ?? 422
    this.code = options.code ?? 'OSI_VALIDATION'
  }
}

/**
 * Path of the first string holding a NUL character, if any (no allocation per element: bodies can
 * hold 100,000 items). PostgreSQL text cannot hold NUL: input is refused with it (400).
 */
export function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child = value[i]
      if (
        typeof child === 'string' ? child.includes('\u0000') : typeof child === 'object' && child !== null
      ) {
        const found = nulPath(child, `${path}.${i}`, depth + 1)
        if (found) return found
      }
    }
    return undefined
  }
  for (const key in value) {
    const found = nulPath((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1)
    if (found) return found
  }
  return undefined
}
