import { CatalogueEvents, type EventData, type IdentityEvents, populationBracket } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { FieldsError, NotFound } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { OperatorOffer, OperatorOfferBody, OperatorOfferUpdateBody } from '../schemas.js'
import { bumpVersion, type Db, type DbOrTrx } from './db.js'
import { OfferExists } from './errors.js'
import { findPublishedTool } from './tools.js'
import { assertEdits, type Viewer } from './viewer.js'

type OrganisationSnapshot = EventData<typeof IdentityEvents.OrganisationCreated>
type OperatorSnapshot = EventData<typeof IdentityEvents.OperatorCreated>

/**
 * Local projection of identity's collectivités: only what the catalogue needs (name, bracket,
 * département, région, operator). Last write wins by event time, so a late "created" never
 * overwrites a newer "updated".
 */
export async function projectOrganisation(
  trx: DbOrTrx,
  data: OrganisationSnapshot,
  time: string,
): Promise<void> {
  const row = {
    id: data.organisationId,
    kind: data.kind,
    name: data.name,
    population_bracket:
      data.populationBracket ?? (data.population !== null ? populationBracket(data.population) : null),
    departement: data.departement,
    departement_name: data.departementName ?? null,
    region: data.region,
    region_name: data.regionName ?? null,
    operator_id: data.operatorId,
    // An event without the field says nothing: pending.
    verified: data.verification === 'verified',
    source_time: time,
  }
  await trx
    .insertInto('organisations')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({
          kind: row.kind,
          name: row.name,
          population_bracket: row.population_bracket,
          departement: row.departement,
          departement_name: row.departement_name,
          region: row.region,
          region_name: row.region_name,
          operator_id: row.operator_id,
          verified: row.verified,
          source_time: row.source_time,
        })
        .where('organisations.source_time', '<=', new Date(time)),
    )
    .execute()
  await bumpVersion(trx)
}

export async function projectOperator(trx: DbOrTrx, data: OperatorSnapshot, time: string): Promise<void> {
  await trx
    .insertInto('operators')
    .values({ id: data.operatorId, name: data.name, departements: data.departements, source_time: time })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: data.name, departements: data.departements, source_time: time })
        .where('operators.source_time', '<=', new Date(time)),
    )
    .execute()
  await bumpVersion(trx)
}

/** Operators' offers: the tools an operator hosts for its collectivités ("proposé par votre syndicat"). */
function offerQuery(db: Db) {
  return db
    .selectFrom('operator_offers as o')
    .innerJoin('tools as t', 't.id', 'o.tool_id')
    .leftJoin('operators as op', 'op.id', 'o.operator_id')
    .select([
      'o.id',
      'o.operator_id',
      'op.name as operator_name',
      't.slug',
      't.name',
      'o.description',
      'o.url',
      'o.price_indication',
      'o.created_at',
      'o.updated_at',
    ])
}

type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirstOrThrow']>>
const toOffer = (r: OfferRow): OperatorOffer => ({
  id: r.id,
  operatorId: r.operator_id,
  operatorName: r.operator_name ?? null,
  toolSlug: r.slug,
  toolName: r.name,
  description: r.description,
  url: r.url,
  priceIndication: r.price_indication,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
})

export async function listOperatorOffers(
  db: Db,
  filter: { operatorId?: string; toolSlug?: string },
  limit: number,
  offset: number,
) {
  let q = offerQuery(db)
  let c = db.selectFrom('operator_offers as o').innerJoin('tools as t', 't.id', 'o.tool_id')
  if (filter.operatorId) {
    q = q.where('o.operator_id', '=', filter.operatorId)
    c = c.where('o.operator_id', '=', filter.operatorId)
  }
  if (filter.toolSlug) {
    q = q.where('t.slug', '=', filter.toolSlug)
    c = c.where('t.slug', '=', filter.toolSlug)
  }
  const [rows, total] = await Promise.all([
    q.orderBy('t.name').orderBy('o.id').limit(limit).offset(offset).execute(),
    c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toOffer), total: Number(total.n), limit, offset }
}

async function findOffer(db: Db, id: string): Promise<OfferRow> {
  const row = await offerQuery(db).where('o.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFound('Offer')
  return row
}

export async function createOperatorOffer(
  db: Db,
  viewer: Viewer,
  body: OperatorOfferBody,
): Promise<OperatorOffer> {
  const operatorId = body.operatorId ?? viewer.staffOperatorId
  if (!operatorId)
    throw new FieldsError([
      { field: 'body.operatorId', message: 'required: your account belongs to no operator' },
    ])
  assertEdits(viewer, operatorId)
  const tool = await findPublishedTool(db, body.toolSlug)
  const id = uuidv7()
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('operator_offers')
        .values({
          id,
          operator_id: operatorId,
          tool_id: tool.id,
          description: body.description ?? null,
          url: body.url ?? null,
          price_indication: body.priceIndication ?? null,
          created_by: viewer.userId,
        })
        .execute()
      await recordOfferChanged(
        trx,
        {
          id,
          operator_id: operatorId,
          slug: tool.slug,
          description: body.description ?? null,
          url: body.url ?? null,
        },
        true,
      )
      await bumpVersion(trx)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new OfferExists(tool.name)
    throw error
  }
  return toOffer(await findOffer(db, id))
}

export async function updateOperatorOffer(
  db: Db,
  viewer: Viewer,
  id: string,
  body: OperatorOfferUpdateBody,
): Promise<OperatorOffer> {
  const offer = await findOffer(db, id)
  assertEdits(viewer, offer.operator_id)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('operator_offers')
      .set({
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.url !== undefined ? { url: body.url } : {}),
        ...(body.priceIndication !== undefined ? { price_indication: body.priceIndication } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    const changed = await offerQuery(trx as never)
      .where('o.id', '=', id)
      .executeTakeFirstOrThrow()
    await recordOfferChanged(trx, changed, true)
    await bumpVersion(trx)
  })
  return toOffer(await findOffer(db, id))
}

export async function deleteOperatorOffer(db: Db, viewer: Viewer, id: string): Promise<void> {
  const offer = await findOffer(db, id)
  assertEdits(viewer, offer.operator_id)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('operator_offers').where('id', '=', id).execute()
    await recordOfferChanged(trx, offer, false)
    await bumpVersion(trx)
  })
}

/** Tells other services (diagnostics' recommendations) what an operator offers. */
export async function recordOfferChanged(
  trx: Kysely<any>,
  offer: { id: string; operator_id: string; slug: string; description: string | null; url: string | null },
  active: boolean,
): Promise<void> {
  await recordEvent(trx, CatalogueEvents.OperatorOfferChanged, offer.id, {
    offerId: offer.id,
    operatorId: offer.operator_id,
    toolSlug: offer.slug,
    description: offer.description,
    url: offer.url,
    active,
  })
}
