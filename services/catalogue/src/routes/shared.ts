import type { Problem } from '@osinum/contracts'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { CatalogueConfig } from '../config.js'
import type { DbContext } from '../domain/db.js'
import { OtherOperator } from '../domain/errors.js'
import type { SearchIndex } from '../domain/search.js'
import { type Viewer, viewerOf } from '../domain/viewer.js'

/** What every route plugin of the catalogue receives. */
export interface RouteDeps {
  ctx: DbContext
  index: SearchIndex
  config: Readonly<CatalogueConfig>
}

export const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' })
export const TAGS = ['catalogue']

/** The caller as the catalogue sees it (operators resolved through the collectivités projection). */
export async function viewerFor(index: SearchIndex, request: FastifyRequest): Promise<Viewer> {
  if (!request.principal) return viewerOf(null, () => null)
  const snapshot = await index.current()
  return viewerOf(request.principal, (id) => snapshot.organisationOperator.get(id))
}

/**
 * `preValidation` hook of the routes that change national content (tools, providers, imports): national
 * editors and the platform admin only (the scope rule's `edits(null)`); an operator's staff get 403.
 */
export async function nationalEditors(request: FastifyRequest): Promise<void> {
  if (!request.principal?.edits(null)) throw new OtherOperator()
}

export const SlugParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 }),
})
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
