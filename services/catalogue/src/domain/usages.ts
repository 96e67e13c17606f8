import {
  CatalogueEvents,
  POPULATION_BRACKET_IDS,
  POPULATION_BRACKETS,
  type PopulationBracket,
} from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { ContactBody, ToolUsage, ToolUsageBody } from '../schemas.js'
import { bumpVersion, type Db } from './db.js'
import { ContactLimit, NotMember, NotVerified } from './errors.js'
import { findPublishedTool } from './tools.js'
import type { Viewer } from './viewer.js'
import { USAGE_STATUSES } from './vocabulary.js'

/** "Who uses it": a collectivité declares it uses, evaluates or abandoned a tool. */
export function assertMember(viewer: Viewer, organisationId: string): void {
  if (!viewer.memberships.some((m) => m.organisationId === organisationId)) throw new NotMember()
}

const usageQuery = (db: Db) =>
  db
    .selectFrom('tool_usages as u')
    .innerJoin('tools as t', 't.id', 'u.tool_id')
    .select([
      'u.id',
      't.slug',
      't.name',
      'u.organisation_id',
      'u.status',
      'u.comment',
      'u.contact_consent',
      'u.created_at',
      'u.updated_at',
    ])

type UsageRow = Awaited<ReturnType<ReturnType<typeof usageQuery>['executeTakeFirstOrThrow']>>
const toUsage = (r: UsageRow): ToolUsage => ({
  id: r.id,
  toolSlug: r.slug,
  toolName: r.name,
  organisationId: r.organisation_id,
  status: r.status,
  comment: r.comment,
  contactConsent: r.contact_consent,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
})

/** Declares (or changes) a collectivité's use of a tool; one declaration per tool and collectivité. */
export async function declareUsage(
  db: Db,
  viewer: Viewer,
  body: ToolUsageBody,
): Promise<{ usage: ToolUsage; created: boolean }> {
  assertMember(viewer, body.organisationId)
  const tool = await findPublishedTool(db, body.toolSlug)
  const created = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('tool_usages')
      .select('id')
      .where('tool_id', '=', tool.id)
      .where('organisation_id', '=', body.organisationId)
      .forUpdate()
      .executeTakeFirst()
    const id = existing?.id ?? uuidv7()
    if (existing)
      await trx
        .updateTable('tool_usages')
        .set({
          status: body.status,
          comment: body.comment ?? null,
          contact_consent: body.contactConsent ?? false,
          declared_by: viewer.userId,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute()
    else
      await trx
        .insertInto('tool_usages')
        .values({
          id,
          tool_id: tool.id,
          organisation_id: body.organisationId,
          status: body.status,
          comment: body.comment ?? null,
          contact_consent: body.contactConsent ?? false,
          declared_by: viewer.userId,
        })
        .execute()
    await recordEvent(trx, CatalogueEvents.UsageDeclared, id, {
      usageId: id,
      toolId: tool.id,
      toolSlug: tool.slug,
      organisationId: body.organisationId,
      status: body.status,
    })
    await bumpVersion(trx)
    return !existing
  })
  const row = await usageQuery(db)
    .where('u.tool_id', '=', tool.id)
    .where('u.organisation_id', '=', body.organisationId)
    .executeTakeFirstOrThrow()
  return { usage: toUsage(row), created }
}

export async function listUsages(
  db: Db,
  viewer: Viewer,
  organisationId: string,
  limit: number,
  offset: number,
) {
  // Its members, and whoever administers its operator (the platform admin for any).
  const org = await db
    .selectFrom('organisations')
    .select('operator_id')
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!viewer.administers(org?.operator_id ?? null)) assertMember(viewer, organisationId)
  const [rows, total] = await Promise.all([
    usageQuery(db)
      .where('u.organisation_id', '=', organisationId)
      .orderBy('t.name')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('tool_usages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toUsage), total: Number(total.n), limit, offset }
}

export async function withdrawUsage(db: Db, viewer: Viewer, id: string): Promise<void> {
  const row = await db
    .selectFrom('tool_usages')
    .select(['id', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  // Someone else's declaration is answered as missing: its existence is not theirs to know.
  if (!row || !viewer.memberships.some((m) => m.organisationId === row.organisation_id))
    throw new NotFound('Usage')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tool_usages').where('id', '=', id).execute()
    await bumpVersion(trx)
  })
}

const UNKNOWN = 'unknown'

/**
 * Public figures of a tool's use: counts by status, bracket and département; consenting
 * collectivités. Verified collectivités only: declarations of a pending one count nowhere and it is
 * not offered for contact.
 */
export async function usageStats(db: Db, slug: string) {
  const tool = await findPublishedTool(db, slug)
  const rows = await db
    .selectFrom('tool_usages as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where('o.verified', '=', true)
    .select([
      'u.organisation_id',
      'u.status',
      'u.comment',
      'u.contact_consent',
      'o.name',
      'o.departement',
      'o.departement_name',
      'o.region',
      'o.region_name',
      'o.population_bracket',
    ])
    .where('u.tool_id', '=', tool.id)
    .execute()
  const count = (values: string[]) => {
    const m = new Map<string, number>()
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1)
    return m
  }
  const byStatus = count(rows.map((r) => r.status))
  const users = rows.filter((r) => r.status === 'uses')
  const brackets = count(users.map((r) => r.population_bracket ?? UNKNOWN))
  const departements = count(users.map((r) => r.departement ?? UNKNOWN))
  const regions = count(users.map((r) => r.region ?? UNKNOWN))
  const nameOf = new Map<string, string>()
  for (const r of users) {
    if (r.departement && r.departement_name) nameOf.set(`d${r.departement}`, r.departement_name)
    if (r.region && r.region_name) nameOf.set(`r${r.region}`, r.region_name)
  }
  const areas = (counts: Map<string, number>, prefix: 'd' | 'r', unknown: string) =>
    [...counts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0], 'fr', { numeric: true }))
      .map(([value, n]) => ({
        value,
        label: value === UNKNOWN ? unknown : (nameOf.get(`${prefix}${value}`) ?? value),
        count: n,
      }))
  return {
    toolSlug: tool.slug,
    total: rows.length,
    byStatus: Object.entries(USAGE_STATUSES).map(([value, label]) => ({
      value,
      label,
      count: byStatus.get(value) ?? 0,
    })),
    byPopulationBracket: [...POPULATION_BRACKET_IDS, UNKNOWN]
      .map((value) => ({
        value,
        label: POPULATION_BRACKETS[value as PopulationBracket] ?? 'Taille inconnue',
        count: brackets.get(value) ?? 0,
      }))
      .filter((c) => c.value !== UNKNOWN || c.count > 0),
    byDepartement: areas(departements, 'd', 'Département inconnu'),
    byRegion: areas(regions, 'r', 'Région inconnue'),
    // Only collectivités known to the projection can be shown by name.
    contactable: rows
      .filter((r) => r.contact_consent && r.name)
      .sort((a, b) => a.name!.localeCompare(b.name!, 'fr'))
      .map((r) => ({
        organisationId: r.organisation_id,
        name: r.name!,
        departement: r.departement,
        populationBracket: (r.population_bracket as PopulationBracket | null) ?? null,
        status: r.status,
        comment: r.comment,
      })),
  }
}

/**
 * "Contact a commune that uses it": the message goes out as an event that notifications relays
 * to the consenting collectivité's members; no email address is ever exposed to either side.
 */
export async function requestContact(
  db: Db,
  viewer: Viewer,
  slug: string,
  body: ContactBody,
  dailyLimit: number,
): Promise<{ contactId: string }> {
  assertMember(viewer, body.fromOrganisationId)
  const tool = await findPublishedTool(db, slug)
  // Peers are contacted by collectivités someone verified speaks for, and only such are offered.
  const sender = await db
    .selectFrom('organisations')
    .select('verified')
    .where('id', '=', body.fromOrganisationId)
    .executeTakeFirst()
  if (!sender?.verified) throw new NotVerified()
  const target = await db
    .selectFrom('tool_usages')
    .innerJoin('organisations', 'organisations.id', 'tool_usages.organisation_id')
    .select('tool_usages.id')
    .where('tool_usages.tool_id', '=', tool.id)
    .where('tool_usages.organisation_id', '=', body.toOrganisationId)
    .where('tool_usages.contact_consent', '=', true)
    .where('organisations.verified', '=', true)
    .executeTakeFirst()
  if (!target || body.toOrganisationId === body.fromOrganisationId)
    throw new NotFound('Contactable collectivité')
  const from = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', body.fromOrganisationId)
    .executeTakeFirst()
  const contactId = uuidv7()
  await db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('contact_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('from_user_id', '=', viewer.userId)
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow()
    if (Number(recent.n) >= dailyLimit) throw new ContactLimit()
    await trx
      .insertInto('contact_requests')
      .values({
        id: contactId,
        tool_id: tool.id,
        from_organisation_id: body.fromOrganisationId,
        to_organisation_id: body.toOrganisationId,
        from_user_id: viewer.userId,
      })
      .execute()
    await recordEvent(trx, CatalogueEvents.ContactRequested, contactId, {
      contactId,
      toolSlug: tool.slug,
      toolName: tool.name,
      fromOrganisationId: body.fromOrganisationId,
      fromOrganisationName: from?.name ?? 'Une collectivité',
      fromUserId: viewer.userId!,
      toOrganisationId: body.toOrganisationId,
      message: body.message,
    })
  })
  return { contactId }
}
