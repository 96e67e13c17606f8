import { isUniqueViolation } from '@osinum/db'
import { Conflict, NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type {
  Provider,
  ProviderCreateBody,
  ProviderOfferBody,
  ProviderOfferUpdateBody,
  ProviderUpdateBody,
} from '../schemas.js'
import type { Db, ProviderRow } from './db.js'
import { OfferExists } from './errors.js'
import { slugify } from './text.js'
import { findPublishedTool } from './tools.js'

/** Providers (companies, SCIC, associations, syndicates) and their offers on tools. */
async function offersOf(db: Db, providerIds: string[]) {
  if (!providerIds.length) return []
  return db
    .selectFrom('provider_offers as o')
    .innerJoin('tools as t', 't.id', 'o.tool_id')
    .select([
      'o.id',
      'o.provider_id',
      'o.regions',
      'o.price_indication',
      'o.url',
      'o.description',
      't.slug',
      't.name',
    ])
    .where('o.provider_id', 'in', providerIds)
    .orderBy('t.name')
    .execute()
}

function toProvider(row: ProviderRow, offers: Awaited<ReturnType<typeof offersOf>>): Provider {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as Provider['kind'],
    website: row.website,
    description: row.description,
    siren: row.siren,
    regions: row.regions,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    offers: offers
      .filter((o) => o.provider_id === row.id)
      .map((o) => ({
        id: o.id,
        toolSlug: o.slug,
        toolName: o.name,
        regions: o.regions,
        priceIndication: o.price_indication,
        url: o.url,
        description: o.description,
      })),
  }
}

export async function listProviders(
  db: Db,
  schema: string,
  filter: { q?: string; kind?: string; region?: string; toolSlug?: string },
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('providers as p')
  if (filter.kind) q = q.where('p.kind', '=', filter.kind)
  if (filter.q) q = q.where('p.name', 'ilike', `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
  if (filter.region) {
    const region = filter.region
    q = q.where(
      sql<boolean>`(${region} = any(p.regions) or exists (select 1 from ${sql.table(`${schema}.provider_offers`)} o where o.provider_id = p.id and ${region} = any(o.regions)))`,
    )
  }
  if (filter.toolSlug) {
    const slug = filter.toolSlug
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('provider_offers as o')
          .innerJoin('tools as t', 't.id', 'o.tool_id')
          .select('o.id')
          .whereRef('o.provider_id', '=', 'p.id')
          .where('t.slug', '=', slug),
      ),
    )
  }
  const [rows, total] = await Promise.all([
    q.selectAll('p').orderBy('p.name').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const offers = await offersOf(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => toProvider(r, offers)), total: Number(total.n), limit, offset }
}

async function findProvider(db: Db, slug: string): Promise<ProviderRow> {
  const row = await db.selectFrom('providers').selectAll().where('slug', '=', slug).executeTakeFirst()
  if (!row) throw new NotFound('Provider')
  return row
}

export async function getProvider(db: Db, slug: string): Promise<Provider> {
  const row = await findProvider(db, slug)
  return toProvider(row, await offersOf(db, [row.id]))
}

export async function createProvider(db: Db, body: ProviderCreateBody): Promise<Provider> {
  const slug = body.slug ?? slugify(body.name)
  try {
    const row = await db
      .insertInto('providers')
      .values({
        id: uuidv7(),
        slug,
        name: body.name,
        kind: body.kind,
        website: body.website ?? null,
        description: body.description ?? null,
        siren: body.siren ?? null,
        regions: body.regions ?? [],
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toProvider(row, [])
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(`The provider slug "${slug}" is already used`)
    throw error
  }
}

export async function updateProvider(db: Db, slug: string, body: ProviderUpdateBody): Promise<Provider> {
  const row = await findProvider(db, slug)
  await db
    .updateTable('providers')
    .set({ ...body, updated_at: new Date() })
    .where('id', '=', row.id)
    .execute()
  return getProvider(db, slug)
}

export async function deleteProvider(db: Db, slug: string): Promise<void> {
  const row = await findProvider(db, slug)
  await db.deleteFrom('providers').where('id', '=', row.id).execute()
}

export async function createProviderOffer(db: Db, slug: string, body: ProviderOfferBody): Promise<Provider> {
  const provider = await findProvider(db, slug)
  const tool = await findPublishedTool(db, body.toolSlug)
  try {
    await db
      .insertInto('provider_offers')
      .values({
        id: uuidv7(),
        provider_id: provider.id,
        tool_id: tool.id,
        regions: body.regions ?? [],
        price_indication: body.priceIndication ?? null,
        url: body.url ?? null,
        description: body.description ?? null,
      })
      .execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw new OfferExists(tool.name)
    throw error
  }
  return getProvider(db, slug)
}

export async function updateProviderOffer(
  db: Db,
  slug: string,
  offerId: string,
  body: ProviderOfferUpdateBody,
): Promise<Provider> {
  const provider = await findProvider(db, slug)
  const result = await db
    .updateTable('provider_offers')
    .set({
      ...(body.regions !== undefined ? { regions: body.regions } : {}),
      ...(body.priceIndication !== undefined ? { price_indication: body.priceIndication } : {}),
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', offerId)
    .where('provider_id', '=', provider.id)
    .executeTakeFirst()
  if (!Number(result.numUpdatedRows)) throw new NotFound('Offer')
  return getProvider(db, slug)
}

export async function deleteProviderOffer(db: Db, slug: string, offerId: string): Promise<void> {
  const provider = await findProvider(db, slug)
  const result = await db
    .deleteFrom('provider_offers')
    .where('id', '=', offerId)
    .where('provider_id', '=', provider.id)
    .executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw new NotFound('Offer')
}
