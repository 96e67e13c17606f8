import { plainText } from '@osinum/markdown'
import { NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { DbOrTrx, Resource } from './db.js'
import { newId } from './ids.js'
import { getVisibleResource, RESOURCE_COLUMNS } from './resources.js'
import { readableOperatorSql, type Viewer } from './viewer.js'

/** Personal collections (bookmarks) of resources. Only their owner sees them. */
/**
 * The person's collections with their item counts; with `resourceSlug`, whether each holds that
 * resource (a resource's page shows where it is kept without one call per collection).
 */
export async function listCollections(
  db: DbOrTrx,
  ownerId: string,
  limit: number,
  offset: number,
  resourceSlug?: string,
) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('collections as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('collection_items as i')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('i.collection_id', '=', 'c.id')
          .as('item_count'),
      )
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('collection_items as h')
              .innerJoin('resources as r', 'r.id', 'h.resource_id')
              .select('h.resource_id')
              .whereRef('h.collection_id', '=', 'c.id')
              .where('r.slug', '=', resourceSlug ?? ''),
          )
          .as('holds_resource'),
      )
      .where('c.owner_id', '=', ownerId)
      .orderBy('c.created_at', 'asc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('collections')
      .where('owner_id', '=', ownerId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ])
  return { items, total: Number(count?.n ?? 0) }
}

export async function getCollection(db: DbOrTrx, viewer: Viewer, id: string) {
  const c = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst()
  if (!c || c.owner_id !== viewer.userId) throw new NotFound('Collection')
  return c
}

/** Resources of a collection that the owner can still read (published, in their scope). */
export async function collectionResources(
  db: DbOrTrx,
  viewer: Viewer,
  collectionId: string,
): Promise<Resource[]> {
  const columns = RESOURCE_COLUMNS.map((c) => (typeof c === 'string' ? (`r.${c}` as const) : c))
  return (await db
    .selectFrom('collection_items as i')
    .innerJoin('resources as r', 'r.id', 'i.resource_id')
    .select(columns as never)
    .where('i.collection_id', '=', collectionId)
    .where('r.status', '=', 'published')
    .where(readableOperatorSql(viewer, 'r.operator_id') as never)
    .orderBy('i.added_at', 'desc')
    .execute()) as unknown as Resource[]
}

export async function createCollection(
  db: DbOrTrx,
  viewer: Viewer,
  name: string,
  description: string | null,
) {
  return db
    .insertInto('collections')
    .values({
      id: newId(),
      owner_id: viewer.userId!,
      name: plainText(name),
      description: description === null ? null : plainText(description),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateCollection(
  db: DbOrTrx,
  viewer: Viewer,
  id: string,
  input: { name?: string | undefined; description?: string | null | undefined },
) {
  await getCollection(db, viewer, id)
  const values: Record<string, unknown> = {}
  if (input.name !== undefined) values.name = plainText(input.name)
  if (input.description !== undefined)
    values.description = input.description === null ? null : plainText(input.description)
  if (Object.keys(values).length)
    await db
      .updateTable('collections')
      .set({ ...values, updated_at: sql`now()` } as never)
      .where('id', '=', id)
      .execute()
  return getCollection(db, viewer, id)
}

async function adjustBookmarks(trx: DbOrTrx, resourceIds: string[], delta: number) {
  if (resourceIds.length === 0) return
  await trx
    .updateTable('resources')
    .set({ bookmark_count: sql`greatest(0, bookmark_count + ${delta})` as never })
    .where('id', 'in', resourceIds)
    .execute()
}

export async function deleteCollection(db: DbOrTrx, viewer: Viewer, id: string) {
  await getCollection(db, viewer, id)
  await db.transaction().execute(async (trx) => {
    const items = await trx
      .selectFrom('collection_items')
      .select('resource_id')
      .where('collection_id', '=', id)
      .execute()
    await adjustBookmarks(
      trx,
      items.map((i) => i.resource_id),
      -1,
    )
    await trx.deleteFrom('collections').where('id', '=', id).execute()
  })
}

export async function addToCollection(db: DbOrTrx, viewer: Viewer, id: string, slug: string) {
  await getCollection(db, viewer, id)
  const resource = await getVisibleResource(db, viewer, slug)
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('collection_items')
      .values({ collection_id: id, resource_id: resource.id })
      .onConflict((oc) => oc.columns(['collection_id', 'resource_id']).doNothing())
      .executeTakeFirst()
    if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) await adjustBookmarks(trx, [resource.id], 1)
  })
}

export async function removeFromCollection(db: DbOrTrx, viewer: Viewer, id: string, slug: string) {
  await getCollection(db, viewer, id)
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('collection_items')
      .where('collection_id', '=', id)
      .where('resource_id', 'in', (eb) => eb.selectFrom('resources').select('id').where('slug', '=', slug))
      .returning('resource_id')
      .execute()
    await adjustBookmarks(
      trx,
      removed.map((r) => r.resource_id),
      -1,
    )
  })
}

/** Erasure: a person's collections go, and the bookmark counts they added with them. */
export async function deleteCollectionsOf(trx: DbOrTrx, ownerId: string) {
  const items = await trx
    .selectFrom('collection_items as i')
    .innerJoin('collections as c', 'c.id', 'i.collection_id')
    .select('i.resource_id')
    .where('c.owner_id', '=', ownerId)
    .execute()
  for (const item of items) await adjustBookmarks(trx, [item.resource_id], -1)
  await trx.deleteFrom('collections').where('owner_id', '=', ownerId).execute()
}
