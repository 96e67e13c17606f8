import type { CatalogueEvents, EventData, IdentityEvents, ResourcesEvents } from '@osinum/contracts'
import { sql } from 'kysely'
import type { Db } from './db.js'

/**
 * Local projections of other services' events. Every row remembers the id of the last event
 * applied to it (UUIDv7, so ordered by time): an older event arriving late on another subject
 * (e.g. a "revoked" overtaken by its "granted") never overwrites a newer state.
 */
type OrganisationData = EventData<typeof IdentityEvents.OrganisationCreated>

export async function applyOrganisation(db: Db, data: OrganisationData, eventId: string): Promise<void> {
  const row = {
    id: data.organisationId,
    kind: data.kind,
    official_code: data.officialCode,
    name: data.name,
    population: data.population,
    population_bracket: data.populationBracket,
    departement: data.departement,
    region: data.region,
    epci: data.epci,
    operator_id: data.operatorId,
    // Statistics count verified collectivités only; an event without the field says nothing: pending.
    verified: data.verification === 'verified',
    last_event_id: eventId,
    updated_at: new Date(),
  }
  const { id: _id, ...update } = row
  const applied = await db
    .insertInto('organisations')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('organisations.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .executeTakeFirst()
  if (Number(applied.numInsertedOrUpdatedRows ?? 0) === 0) return
  await syncLatestResultDimensions(db, data.organisationId)
}

/** Keeps the panorama's copy of a collectivité's attributes (operator, territory, size) current. */
export async function syncLatestResultDimensions(db: Db, organisationId: string): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .select(['operator_id', 'region', 'departement', 'population_bracket'])
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!org) return
  await db
    .updateTable('latest_results')
    .set({
      operator_id: org.operator_id,
      region: org.region,
      departement: org.departement,
      population_bracket: org.population_bracket,
      // The column default draws the next value of the schema's revision sequence.
      revision: sql`default` as never,
    })
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb('operator_id', 'is distinct from', org.operator_id),
        eb('region', 'is distinct from', org.region),
        eb('departement', 'is distinct from', org.departement),
        eb('population_bracket', 'is distinct from', org.population_bracket),
      ]),
    )
    .execute()
}

export async function applyOperator(
  db: Db,
  data: EventData<typeof IdentityEvents.OperatorCreated>,
  eventId: string,
): Promise<void> {
  const update = {
    name: data.name,
    departements: JSON.stringify(data.departements),
    coordinator_id: data.coordinatorId,
    last_event_id: eventId,
    updated_at: new Date(),
  }
  await db
    .insertInto('operators')
    .values({ id: data.operatorId, ...update })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('operators.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .execute()
}

export async function applyUser(
  db: Db,
  data: EventData<typeof IdentityEvents.UserRegistered>,
  eventId: string,
): Promise<void> {
  const update = {
    display_name: data.displayName,
    platform_roles: JSON.stringify(data.platformRoles),
    operator_id: data.operatorId,
    last_event_id: eventId,
    updated_at: new Date(),
  }
  await db
    .insertInto('users')
    .values({ id: data.userId, ...update })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('users.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .execute()
}

export async function applyMembership(
  db: Db,
  data: { organisationId: string; userId: string; role?: string; referent?: boolean },
  active: boolean,
  eventId: string,
): Promise<void> {
  const update = {
    active,
    last_event_id: eventId,
    updated_at: new Date(),
    ...(data.role ? { role: data.role } : {}),
    ...(data.referent !== undefined ? { referent: data.referent } : {}),
  }
  await db
    .insertInto('memberships')
    .values({
      organisation_id: data.organisationId,
      user_id: data.userId,
      role: data.role ?? 'agent',
      referent: data.referent ?? false,
      ...update,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'user_id'])
        .doUpdateSet(update)
        .where(sql<boolean>`${sql.ref('memberships.last_event_id')} < ${eventId}::uuid`),
    )
    .execute()
}

export async function applyAssignment(
  db: Db,
  data: EventData<typeof IdentityEvents.AdvisorAssigned>,
  active: boolean,
  eventId: string,
): Promise<void> {
  const update = { active, operator_id: data.operatorId, last_event_id: eventId, updated_at: new Date() }
  await db
    .insertInto('advisor_assignments')
    .values({ organisation_id: data.organisationId, advisor_id: data.advisorId, ...update })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'advisor_id'])
        .doUpdateSet(update)
        .where(sql<boolean>`${sql.ref('advisor_assignments.last_event_id')} < ${eventId}::uuid`),
    )
    .execute()
}

export async function applyConsent(
  db: Db,
  data: EventData<typeof IdentityEvents.ConsentGranted>,
  granted: boolean,
  eventId: string,
): Promise<void> {
  const update = { granted, by_user_id: data.byUserId, last_event_id: eventId, updated_at: new Date() }
  await db
    .insertInto('consents')
    .values({ organisation_id: data.organisationId, ...update })
    .onConflict((oc) =>
      oc
        .column('organisation_id')
        .doUpdateSet(update)
        .where(sql<boolean>`${sql.ref('consents.last_event_id')} < ${eventId}::uuid`),
    )
    .execute()
}

/**
 * GDPR erasure: the person disappears from every projection and from "answered by / started by /
 * submitted by" references; the collectivité's answers themselves stay (they are its data).
 */
export async function eraseUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute()
  await db.updateTable('answers').set({ answered_by: null }).where('answered_by', '=', userId).execute()
  await db.updateTable('diagnostics').set({ started_by: null }).where('started_by', '=', userId).execute()
  await db.updateTable('diagnostics').set({ submitted_by: null }).where('submitted_by', '=', userId).execute()
  await db.updateTable('consents').set({ by_user_id: null }).where('by_user_id', '=', userId).execute()
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute()
  await db
    .updateTable('advisor_assignments')
    .set({ active: false })
    .where('advisor_id', '=', userId)
    .execute()
}

export async function applyTool(
  db: Db,
  data: EventData<typeof CatalogueEvents.ToolPublished>,
  eventId: string,
): Promise<void> {
  const update = {
    tool_id: data.toolId,
    name: data.name,
    summary: data.summary,
    categories: JSON.stringify(data.categories),
    status: data.status ?? 'published',
    last_event_id: eventId,
  }
  await db
    .insertInto('tools')
    .values({ slug: data.slug, ...update })
    .onConflict((oc) =>
      oc
        .column('slug')
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('tools.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .execute()
}

export async function applyResource(
  db: Db,
  data: EventData<typeof ResourcesEvents.ResourcePublished>,
  eventId: string,
): Promise<void> {
  const update = {
    resource_id: data.resourceId,
    title: data.title,
    themes: JSON.stringify(data.themes),
    operator_id: data.operatorId,
    last_event_id: eventId,
  }
  await db
    .insertInto('resources')
    .values({ slug: data.slug, ...update })
    .onConflict((oc) =>
      oc
        .column('slug')
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('resources.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .execute()
}

/** An operator's offer of a tool, from the catalogue's OperatorOfferChanged events. */
export async function applyOperatorOffer(
  db: Db,
  data: {
    operatorId: string
    toolSlug: string
    description: string | null
    url: string | null
    active: boolean
  },
  eventId: string,
): Promise<void> {
  const update = { description: data.description, url: data.url, active: data.active, last_event_id: eventId }
  await db
    .insertInto('operator_offers')
    .values({ operator_id: data.operatorId, tool_slug: data.toolSlug, ...update })
    .onConflict((oc) =>
      oc
        .columns(['operator_id', 'tool_slug'])
        .doUpdateSet(update)
        .where(
          sql<boolean>`coalesce(${sql.ref('operator_offers.last_event_id')}, '00000000-0000-0000-0000-000000000000'::uuid) < ${eventId}::uuid`,
        ),
    )
    .execute()
}
