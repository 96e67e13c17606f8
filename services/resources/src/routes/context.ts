import { isUuid } from '@osinum/contracts'
import { FieldsError, type ServiceDeps } from '@osinum/service-kit'
import type { FastifyRequest } from 'fastify'
import type { ResourcesConfig } from '../config.js'
import type { Db } from '../domain/db.js'
import type { SearchCache } from '../domain/search-cache.js'
import type { AttachmentStorage } from '../domain/storage.js'
import { type Viewer, viewerOf } from '../domain/viewer.js'

/** What route plugins of this service receive. */
export interface RouteDeps {
  db: Db
  schema: string
  config: ServiceDeps<ResourcesConfig>['config']
  storage: AttachmentStorage
  /** Recent search answers (emptied by every write of this process). */
  searchCache: SearchCache
}

export const viewer = (deps: RouteDeps, request: FastifyRequest): Promise<Viewer> =>
  viewerOf(deps.db, request.principal)

/** The signed-in viewer (the route's access already refused anonymous callers). */
export async function signedIn(
  deps: RouteDeps,
  request: FastifyRequest,
): Promise<Viewer & { userId: string }> {
  const v = await viewerOf(deps.db, request.principal)
  return v as Viewer & { userId: string }
}

/**
 * Values of a multi-valued query filter (`?theme=a&theme=b` or `?theme=a,b`), each checked
 * against the allowed ids; an unknown value is a 400 naming the parameter.
 */
export function multiValues(
  name: string,
  raw: string[] | undefined,
  allowed: readonly string[] | 'operator' | 'slug',
): string[] {
  if (!raw) return []
  const values = [
    ...new Set(
      raw
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ]
  const bad = values.filter((v) => {
    if (allowed === 'operator') return v !== 'national' && !isUuid(v)
    if (allowed === 'slug') return !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) || v.length > 120
    return !allowed.includes(v)
  })
  if (bad.length)
    throw new FieldsError(
      bad.map((v) => ({
        field: `querystring.${name}`,
        message: `unknown value "${v.slice(0, 60)}"${Array.isArray(allowed) ? ` (expected one of ${allowed.join(', ')})` : ''}`,
      })),
      { status: 400 },
    )
  if (values.length > 20)
    throw new FieldsError([{ field: `querystring.${name}`, message: 'at most 20 values' }], { status: 400 })
  return values
}

export const pageOf = (query: { limit?: number; offset?: number }) => ({
  limit: query.limit ?? 20,
  offset: query.offset ?? 0,
})
