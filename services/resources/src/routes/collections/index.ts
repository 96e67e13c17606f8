import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  addToCollection,
  collectionResources,
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  removeFromCollection,
  updateCollection,
} from '../../domain/collections.js'
import {
  CollectionCreate,
  CollectionDetail,
  CollectionPatch,
  CollectionSchema,
  ProblemRef,
  Slug,
  Uuid,
} from '../../schemas.js'
import { pageOf, type RouteDeps, signedIn } from '../context.js'
import { presentResource } from '../present.js'

const tags = ['resources']
const IdParams = Type.Object({ id: Uuid })
const ItemParams = Type.Object({ id: Uuid, slug: Slug })

const present = (c: {
  id: string
  name: string
  description: string | null
  created_at: Date
  updated_at: Date
  item_count?: number | null
}) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  itemCount: Number(c.item_count ?? 0),
  createdAt: new Date(c.created_at).toISOString(),
  updatedAt: new Date(c.updated_at).toISOString(),
})

/** Personal collections (bookmarks): only their owner sees them. */
export const collectionRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (fastify, deps) => {
  const { db } = deps

  async function detail(v: Awaited<ReturnType<typeof signedIn>>, id: string) {
    const c = await getCollection(db, v, id)
    const resources = await collectionResources(db, v, id)
    return { ...present({ ...c, item_count: resources.length }), resources: resources.map(presentResource) }
  }

  fastify.get(
    '/v1/collections',
    {
      schema: {
        tags,
        operationId: 'listCollections',
        summary: 'Your collections (with `?resource=<slug>`: whether each holds that resource)',
        querystring: Type.Object({
          ...PageQuery.properties,
          /** A resource's slug: each collection then says whether it holds that resource. */
          resource: Type.Optional(Slug),
        }),
        response: {
          200: Page(
            Type.Object({
              ...CollectionSchema.properties,
              holdsResource: Type.Optional(
                Type.Boolean({ description: 'With `?resource=`: whether the collection holds it' }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const page = pageOf(request.query)
      const { resource } = request.query
      const result = await listCollections(db, v.userId, page.limit, page.offset, resource)
      return {
        items: result.items.map((c) => ({
          ...present(c),
          ...(resource ? { holdsResource: Boolean(c.holds_resource) } : {}),
        })),
        total: result.total,
        ...page,
      }
    },
  )

  fastify.post(
    '/v1/collections',
    {
      schema: {
        tags,
        operationId: 'createCollection',
        summary: 'Create a collection',
        body: CollectionCreate,
        response: { 201: CollectionDetail },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const c = await createCollection(db, v, request.body.name, request.body.description ?? null)
      reply.header('location', `/v1/collections/${c.id}`)
      return reply.code(201).send(await detail(v, c.id))
    },
  )

  fastify.get(
    '/v1/collections/:id',
    {
      schema: {
        tags,
        operationId: 'getCollection',
        summary: 'A collection and its resources',
        params: IdParams,
        response: { 200: CollectionDetail, 404: ProblemRef },
      },
    },
    async (request) => detail(await signedIn(deps, request), request.params.id),
  )

  fastify.patch(
    '/v1/collections/:id',
    {
      schema: {
        tags,
        operationId: 'updateCollection',
        summary: 'Rename a collection',
        params: IdParams,
        body: CollectionPatch,
        response: { 200: CollectionDetail, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      await updateCollection(db, v, request.params.id, request.body)
      return detail(v, request.params.id)
    },
  )

  fastify.delete(
    '/v1/collections/:id',
    {
      schema: {
        tags,
        operationId: 'deleteCollection',
        summary: 'Delete a collection',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteCollection(db, await signedIn(deps, request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  fastify.put(
    '/v1/collections/:id/items/:slug',
    {
      schema: {
        tags,
        operationId: 'addToCollection',
        summary: 'Bookmark a resource in a collection (idempotent)',
        params: ItemParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await addToCollection(db, await signedIn(deps, request), request.params.id, request.params.slug)
      return reply.code(204).send(null)
    },
  )

  fastify.delete(
    '/v1/collections/:id/items/:slug',
    {
      schema: {
        tags,
        operationId: 'removeFromCollection',
        summary: 'Remove a resource from a collection',
        params: ItemParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await removeFromCollection(db, await signedIn(deps, request), request.params.id, request.params.slug)
      return reply.code(204).send(null)
    },
  )
}
